package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.analysis.ExperimentalForward;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.dossier.DossierModel;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.work.SharedForwardPass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One path for a drag: the prediction and the dossier that follows the drawing share one forward
 * pass per drawing (it used to run four times with the dossier open). Plain JUnit: the dossier
 * here has no data, so it starts no background work.
 */
class DragPathTest {

    private static final double TOLERANCE = 1e-12;
    private static final int PAD = ComponentFixtures.PAD;
    private static final Preprocessor.Target DIGIT_TARGET = new Preprocessor.Target(20, 20, 15, 9.9, 9.9);

    private WorkbenchViewModel model;
    private DossierModel dossier;
    private Network network;

    @BeforeEach
    void setUp() {
        model = new WorkbenchViewModel(new FakeTrainingEngine());
        network = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 4);
        model.useNetwork(network, "random");
        dossier = new DossierModel(model.networkProperty(), model.prediction().seenProperty(),
                new SimpleObjectProperty<Split>(), new BackgroundWork(), model.prediction().passes());
        model.showExperiment(dossier.forwardPassProperty(), dossier.modifiedProperty());
        model.dataLoaded(null, new Preprocessor(DIGIT_TARGET), "ready");
    }

    @Test
    void eachDrawingRunsThroughTheNetworkOnceForThePredictionAndTheDossier() {
        SharedForwardPass passes = model.prediction().passes();
        for (int step = 0; step < 5; step++) {
            long before = passes.computedCount();
            model.draw(PAD, PAD, ComponentFixtures.whiteBar(100 + 8 * step, 130 + 8 * step));
            assertEquals(before + 1, passes.computedCount(), "forward passes for drawing " + step);
            double[] input = model.prediction().seenProperty().get().networkInput();
            double[] expected = network.forward(input).a3();
            assertArrayEquals(expected, model.probabilitiesProperty().get(), TOLERANCE);
            assertSame(model.forwardPassProperty().get(), dossier.intactPassProperty().get(), "one pass, shared");
        }
    }

    @Test
    void anExperimentReusesTheIntactPassAndChangesOnlyTheOutputs() {
        model.draw(PAD, PAD, ComponentFixtures.whiteBar(120, 150));
        long before = model.prediction().passes().computedCount();
        dossier.experimentProperty().set(UnitExperiment.NONE.with(0, UnitExperiment.Mode.OFF));
        assertEquals(before, model.prediction().passes().computedCount(), "no new pass through Θ1");
        double[] input = model.prediction().seenProperty().get().networkInput();
        UnitExperiment off = UnitExperiment.NONE.with(0, UnitExperiment.Mode.OFF);
        // The path from scratch (a pass through Θ1 of its own) gives the same outputs.
        assertArrayEquals(ExperimentalForward.forward(network, off, null, input).a3(),
                model.probabilitiesProperty().get(), TOLERANCE);
        assertEquals(0.0, model.forwardPassProperty().get().a2()[1], "unit 0 passes nothing on");
    }
}
