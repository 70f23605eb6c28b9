package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Preprocessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The drawing's preprocessing and prediction with plain JUnit. */
class PredictionViewModelTest {

    private static final double TOLERANCE = 1e-12;
    private static final int PAD = ComponentFixtures.PAD;
    /** Roughly the bundled digits' measured target (20×20 images, the digit in a 15-pixel box). */
    private static final Preprocessor.Target DIGIT_TARGET = new Preprocessor.Target(20, 20, 15, 9.9, 9.9);

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final StatusViewModel status = new StatusViewModel();
    private PredictionViewModel prediction;
    private Network start;

    @BeforeEach
    void setUp() {
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 8);
        network.set(start);
        prediction = new PredictionViewModel(network, status);
    }

    @Test
    void withoutAPreprocessorADrawingWaitsAndIsPredictedOnceThereIsOne() {
        prediction.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        assertNull(prediction.preprocessedProperty().get());
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
        double[] input = prediction.preprocessedProperty().get().networkInput();
        assertArrayEquals(start.forward(input).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);
        assertEquals(Network.argMax(start.forward(input).a3()), prediction.predictedDigitProperty().get());
    }

    @Test
    void aNewNetworkPredictsTheSameDrawingAgain() {
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
        prediction.draw(PAD, PAD, ComponentFixtures.whiteBar(60, 100));
        double[] input = prediction.preprocessedProperty().get().networkInput();
        Network other = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 9);
        network.set(other);
        assertArrayEquals(other.forward(input).a3(), prediction.forwardPassProperty().get().a3(), TOLERANCE);
    }

    @Test
    void aNetworkForAnotherInputSizeIsReportedAndPredictsNothing() {
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
        prediction.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        NetworkSpec wide = new NetworkSpec(28, 28, 25, 10, start.spec().hiddenActivation(), start.spec().outputLayer());
        network.set(WorkbenchViewModel.randomNetwork(wide, 1));
        assertNull(prediction.forwardPassProperty().get());
        assertEquals(-1, prediction.predictedDigitProperty().get());
        assertTrue(status.errorMessageProperty().get().contains("28"), status.errorMessageProperty().get());
    }

    @Test
    void anActiveExperimentShowsItsPassUntilItEnds() {
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
        prediction.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        ForwardPass modified = start.forward(new double[start.spec().inputSize()]);
        ObjectProperty<ForwardPass> experimentPass = new SimpleObjectProperty<>(modified);
        BooleanProperty active = new SimpleBooleanProperty(true);
        prediction.showExperiment(experimentPass, active);
        assertSame(modified, prediction.forwardPassProperty().get());
        assertTrue(prediction.predictionModifiedProperty().get());
        active.set(false);
        assertFalse(prediction.predictionModifiedProperty().get());
        double[] input = prediction.preprocessedProperty().get().networkInput();
        assertArrayEquals(start.forward(input).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);
    }

    @Test
    void clearingForgetsThePrediction() {
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
        prediction.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        prediction.clearDrawing();
        assertNull(prediction.preprocessedProperty().get());
        assertNull(prediction.probabilitiesProperty().get());
        assertEquals(-1, prediction.predictedDigitProperty().get());
    }
}
