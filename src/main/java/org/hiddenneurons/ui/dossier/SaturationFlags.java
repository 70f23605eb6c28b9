package org.hiddenneurons.ui.dossier;

import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Saturated units (always on / always off over the training set, {@link ActivationRange}) as short
 * marks for a grid of units. FX thread only.
 */
public final class SaturationFlags {

    private SaturationFlags() {
    }

    /** Per unit: "always on", "always off" or null, for {@code stats} (null: all null). */
    public static String[] flags(NetworkStatistics stats, int hidden) {
        String[] out = new String[hidden];
        if (stats == null || stats.train().hiddenSize() != hidden) {
            return out;
        }
        ActivationRange.Saturation[] saturations =
                ActivationRange.saturations(stats.train(), stats.network().spec().hiddenActivation());
        for (int j = 0; j < hidden; j++) {
            out[j] = switch (saturations[j]) {
                case ALWAYS_ON -> I18n.t("pages.dossier.flag.alwaysOn");
                case ALWAYS_OFF -> I18n.t("pages.dossier.flag.alwaysOff");
                case NONE -> null;
            };
        }
        return out;
    }

    /** Keeps {@code grid}'s unit flags up to date with {@code model}'s statistics. */
    public static void follow(DossierModel model, HiddenUnitGrid grid) {
        Runnable update = () -> grid.setUnitFlags(flags(model.getStatistics(), grid.getTiles().size()));
        model.statisticsProperty().addListener((o, old, now) -> update.run());
        update.run();
    }
}
