package org.hiddenneurons.ui.dossier;

import java.util.Locale;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.i18n.I18n;

/** Number formats of the dossier, on top of {@link ColorBar}'s (true minus sign, short). */
final class ColorBarTexts {

    private ColorBarTexts() {
    }

    /** "+0.42", "−1.3", "0". */
    static String signed(double value) {
        return ColorBar.formatSigned(value);
    }

    /** "+0.42" with a fixed number of decimals. */
    static String signed(double value, int decimals) {
        return ColorBar.formatSigned(value, decimals);
    }

    /** "0.83" with a true minus sign. */
    static String plain(double value, int decimals) {
        return ColorBar.format(value, decimals);
    }

    /** An accuracy in [0, 1] as "94.3 %", "–" when NaN. */
    static String percent(double accuracy) {
        return I18n.percent(accuracy, 1);
    }

    /** A change of accuracy in percentage points: "−1.2 pts", "+0.1 pts", "±0.0 pts" (in the UI language). */
    static String points(double change) {
        if (Double.isNaN(change)) {
            return "\u2013";
        }
        double rounded = Math.round(change * 1000) / 10.0;
        if (rounded == 0) {
            return I18n.t("pages.dossier.points", "\u00b10.0");
        }
        return I18n.t("pages.dossier.points", (rounded > 0 ? "+" : String.valueOf(ColorBar.MINUS))
                + String.format(Locale.ROOT, "%.1f", Math.abs(rounded)));
    }
}
