package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OutputWeightsViewTest {

    private OutputWeightsView view;
    private Network network;

    @Start
    void start(Stage stage) {
        WeightBuffers weights = ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT, ComponentFixtures.SEED).mutableCopy();
        weights.theta2()[3 * 26 + 7] = 1.25; // digit 3 ← unit 7 (index 6)
        network = weights.toNetwork();
        view = new OutputWeightsView();
        view.setNetwork(network);
        Scene scene = new Scene(new StackPane(view));
        Styles.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void tooltipNamesDigitUnitAndWeight() {
        assertEquals("digit 3 \u2190 unit 7: +1.25", OutputWeightsView.tooltipText(network, 3, 6));
        double bias = network.theta2Copy()[2 * 26];
        assertEquals("digit 2 \u2190 bias: " + ColorBar.formatSigned(bias, 2), OutputWeightsView.tooltipText(network, 2, -1));
    }

    @Test
    void cellsHaveThePaletteColourOfTheirWeight() {
        int cell = view.cellSize();
        PixelReader reader = view.weightsImage().getPixelReader();
        double max = java.util.Arrays.stream(network.theta2Copy()).map(Math::abs).max().orElse(0); // all of Θ2, biases included
        for (int[] kj : new int[][] {{3, 6}, {0, 0}, {9, 24}}) {
            int expected = DivergingPalette.BLUE_WHITE_RED.argb(network.theta2Copy()[kj[0] * 26 + kj[1] + 1], max);
            assertEquals(expected, reader.getArgb(kj[1] * cell, kj[0] * cell));
            assertEquals(expected, reader.getArgb(kj[1] * cell + cell - 1, kj[0] * cell + cell - 1));
        }
    }

    @Test
    void selectedUnitsColumnIsOutlinedAndClickingAColumnSelectsIt(FxRobot robot) {
        assertFalse(view.highlight().isVisible());
        robot.interact(() -> view.setSelectedUnit(6));
        robot.interact(view::layout);
        assertTrue(view.highlight().isVisible());
        Bounds outline = view.highlight().getBoundsInParent();
        int cell = view.cellSize();
        assertEquals(OutputWeightsView.LABEL_WIDTH + 6 * cell + cell / 2.0, outline.getCenterX(), 1.0);

        robot.clickOn(view.localToScreen(OutputWeightsView.LABEL_WIDTH + 11.5 * cell, 2.5 * cell));
        assertEquals(11, view.selectedUnitProperty().get());
    }
}
