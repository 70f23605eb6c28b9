package org.hiddenneurons.ui;

import java.util.List;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * What each side of the Compare runs page says beside its grid, as label/value pairs in the
 * current language: step, epoch, test accuracy (in the app's percent format, "95.6 %" / "95.6%")
 * and picture smoothness (two decimals). Each pair is one unit on the page (a small label over its
 * value, {@link CompareRunsView}); the pairs reflow as whole units, so a figure never breaks from
 * its unit nor a label in the middle ("epoch / 35", "95.6 / %" at 1280×800 before).
 */
final class CompareRunsFigures {

    /** One figure: what it is and its value, both already in the current language. */
    record Figure(String label, String value) {
    }

    private CompareRunsFigures() {
    }

    /**
     * The four figures of a side, in reading order.
     *
     * @param testAccuracy a fraction in [0, 1], or NaN before the first score ("–")
     * @param smoothness in [0, 1], or NaN before the first picture ("–")
     */
    static List<Figure> of(int step, int epoch, double testAccuracy, double smoothness) {
        return List.of(
                new Figure(I18n.t("pages.compareRuns.figure.step"), String.valueOf(step)),
                new Figure(I18n.t("pages.compareRuns.figure.epoch"), String.valueOf(epoch)),
                new Figure(I18n.t("pages.compareRuns.figure.testAccuracy"), I18n.percent(testAccuracy, 1)),
                new Figure(I18n.t("pages.compareRuns.figure.smoothness"), twoDecimals(smoothness)));
    }

    private static String twoDecimals(double value) {
        return Double.isNaN(value) ? "\u2013" : String.format(I18n.locale(), "%.2f", value);
    }
}
