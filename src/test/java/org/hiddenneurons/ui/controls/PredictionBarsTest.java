package org.hiddenneurons.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.core.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PredictionBarsTest {

    private PredictionBars bars;

    @Start
    void start(Stage stage) {
        bars = new PredictionBars();
        bars.setAnimated(false);
        Scene scene = new Scene(new StackPane(bars), 320, 300);
        Styles.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void emphasisesOnlyTheLargestOutput(FxRobot robot) {
        double[] a3 = {0.01, 0.02, 0.05, 0.01, 0.03, 0.02, 0.0, 0.81, 0.02, 0.03};
        robot.interact(() -> bars.setProbabilities(a3, OutputLayer.SOFTMAX_CROSS_ENTROPY));
        assertEquals(7, bars.getWinner());
        for (int k = 0; k < 10; k++) {
            assertEquals(k == 7, bars.rowNode(k).getStyleClass().contains(Styles.PREDICTION_WINNER), "row " + k);
        }
        robot.interact(() -> bars.setProbabilities(new double[] {0.9, 0.02, 0.05, 0.01, 0, 0, 0, 0.02, 0, 0}));
        assertTrue(bars.rowNode(0).getStyleClass().contains(Styles.PREDICTION_WINNER));
        assertFalse(bars.rowNode(7).getStyleClass().contains(Styles.PREDICTION_WINNER));
    }

    @Test
    void softmaxShowsPercentagesAndSigmoidShowsActivationsAsGiven(FxRobot robot) {
        robot.interact(() -> bars.setProbabilities(new double[] {0.81, 0.19, 0, 0, 0, 0, 0, 0, 0, 0},
                OutputLayer.SOFTMAX_CROSS_ENTROPY));
        assertEquals("81.0 %", bars.valueText(0));
        assertEquals(PredictionBars.probabilityCaption(), bars.captionText());
        robot.interact(() -> bars.setProbabilities(new double[] {0.6, 1.0, 0.26, 0, 0, 0, 0, 0.99, 0, 0},
                OutputLayer.SIGMOID_CROSS_ENTROPY));
        assertEquals("0.60", bars.valueText(0));
        assertEquals("1.00", bars.valueText(1));
        assertEquals(PredictionBars.activationCaption(), bars.captionText());
        assertEquals(1, bars.getWinner());
    }

    @Test
    void nullShowsTheEmptyStateWithoutAWinner(FxRobot robot) {
        robot.interact(() -> bars.setProbabilities(new double[] {0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0}));
        robot.interact(() -> bars.setProbabilities(null));
        assertEquals(-1, bars.getWinner());
        for (int k = 0; k < 10; k++) {
            assertEquals(PredictionBars.NO_VALUE, bars.valueText(k));
            assertFalse(bars.rowNode(k).getStyleClass().contains(Styles.PREDICTION_WINNER));
        }
    }

    @Test
    void rebuildsRowsForAnotherNumberOfClasses(FxRobot robot) {
        robot.interact(() -> bars.setProbabilities(new double[] {0.2, 0.3, 0.5}));
        assertEquals(2, bars.getWinner());
        assertEquals("0.50", bars.valueText(2));
    }

    @Test
    void formatsValuesHonestly() {
        assertEquals("0.4 %", PredictionBars.formatValue(0.004, OutputLayer.SOFTMAX_CROSS_ENTROPY));
        assertEquals("100.0 %", PredictionBars.formatValue(1.0, OutputLayer.SOFTMAX_CROSS_ENTROPY));
        assertEquals("0.00", PredictionBars.formatValue(0.001, OutputLayer.SIGMOID_CROSS_ENTROPY));
        assertEquals("NaN", PredictionBars.formatValue(Double.NaN, OutputLayer.SIGMOID_CROSS_ENTROPY));
    }
}
