package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The workbench's tiles mark saturated units: a network whose unit 4 is forced always on (a huge
 * bias) and unit 9 always off shows ● and ○ on exactly those tiles, with the reason in their
 * accessible text, in English and in Chinese; units that vary carry no mark.
 */
class SaturationMarksWindowTest extends WindowTestBase {

    /** Far beyond any Σ w·x of a random network on [0, 1] pixels: the unit's sigmoid is 0 or 1 for every digit. */
    private static final double FORCING_BIAS = 200;
    private static final int ON_UNIT = 3;
    private static final int OFF_UNIT = 8;

    @Test
    void aForcedSaturatedUnitIsMarkedOnItsTile(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> model.useNetwork(forcedNetwork(), "test"));
        HiddenUnitGrid grid = view.hiddenUnitGrid();
        waitFor(() -> !grid.getTiles().get(ON_UNIT).getFlag().isEmpty() && !grid.getTiles().get(OFF_UNIT).getFlag().isEmpty());
        assertEquals(I18n.t("workbench.grid.saturation.markOn"), onFx(() -> grid.getTiles().get(ON_UNIT).getFlag()));
        assertEquals(I18n.t("workbench.grid.saturation.markOff"), onFx(() -> grid.getTiles().get(OFF_UNIT).getFlag()));
        assertTrue(onFx(() -> grid.getTiles().get(ON_UNIT).getAccessibleText()).contains("always on"),
                onFx(() -> grid.getTiles().get(ON_UNIT).getAccessibleText()));
        assertTrue(onFx(() -> grid.getTiles().get(OFF_UNIT).getAccessibleText()).contains("always off"));

        // Exactly the units the training set saturates are marked (the random ones vary).
        ActivationRange.Saturation[] expected = ActivationRange.saturations(onFx(grid::getNetwork),
                model.dataProperty().get().train());
        for (HiddenUnitTile tile : onFx(grid::getTiles)) {
            boolean saturated = expected[tile.unit()] != ActivationRange.Saturation.NONE;
            assertEquals(saturated, !onFx(tile::getFlag).isEmpty(), "unit " + (tile.unit() + 1));
        }
        assertTrue(expected[0] == ActivationRange.Saturation.NONE || expected[1] == ActivationRange.Saturation.NONE,
                "the random units are not all saturated");
    }

    @Test
    void theMarksSayWhyInChinese(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> view.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        robot.interact(() -> model.useNetwork(forcedNetwork(), "test"));
        waitFor(() -> app.view().hiddenUnitGrid().getTiles().size() > OFF_UNIT
                && !app.view().hiddenUnitGrid().getTiles().get(ON_UNIT).getFlag().isEmpty());
        String text = onFx(() -> app.view().hiddenUnitGrid().getTiles().get(ON_UNIT).getAccessibleText());
        assertTrue(text.contains("始终激活"), text);
    }

    @AfterEach
    void backToEnglish() {
        onFx(() -> {
            I18n.setLocale(Locale.ENGLISH);
            return null;
        });
    }

    private static Network forcedNetwork() {
        Network random = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 5);
        NetworkSpec spec = random.spec();
        double[] theta1 = random.theta1Copy();
        int cols = spec.inputSize() + 1;
        theta1[ON_UNIT * cols] = FORCING_BIAS;
        theta1[OFF_UNIT * cols] = -FORCING_BIAS;
        return new Network(spec, theta1, random.theta2Copy());
    }
}
