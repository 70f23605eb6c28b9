package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings changed while a run is going: the epoch delay applies at once; anything that shapes
 * the run leaves it undisturbed with a status message saying how the change takes effect, and is
 * applied by Pause → Train (a new run from the current weights); invalid values are refused by
 * Train with a message and the paused run stays as it was.
 */
class SettingsDuringRunTest {

    private static final double NEW_LEARNING_RATE = 0.25;

    private FakeTrainingEngine engine;
    private WorkbenchViewModel model;

    @BeforeEach
    void setUp() {
        engine = new FakeTrainingEngine();
        model = new WorkbenchViewModel(engine);
        model.useNetwork(WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 1), "random");
        int count = 10;
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i;
        }
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[count * NetworkSpec.DEFAULT.inputSize()], labels);
        model.dataLoaded(new Split(all, all), null, "data ready");
        model.toggleTraining();
    }

    @Test
    void aChangedLearningRateLeavesTheRunAloneSaysSoAndAppliesOnPauseThenTrain() {
        String before = model.statusMessageProperty().get();
        model.settings().learningRateTextProperty().set(Double.toString(NEW_LEARNING_RATE));

        assertEquals(List.of("run"), engine.actions(), "the running job is not touched");
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());
        assertEquals(I18n.t("workbench.settings.changedWhileRunning"), model.statusMessageProperty().get());
        assertTrue(!model.statusMessageProperty().get().equals(before));

        model.toggleTraining(); // pause
        Network current = model.networkProperty().get();
        model.toggleTraining(); // train with the new settings
        assertEquals(List.of("run", "pause", "cancel", "run"), engine.actions());
        assertEquals(NEW_LEARNING_RATE, engine.last().config().learningRate());
        assertSame(current, engine.last().start(), "continues from the current weights");
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());
    }

    @Test
    void aChangeWhilePausedSaysTrainApplies() {
        model.toggleTraining();
        model.settings().lambdaTextProperty().set("3");
        assertEquals(I18n.t("workbench.settings.changedWhilePaused"), model.statusMessageProperty().get());
        assertEquals(List.of("run", "pause"), engine.actions());
    }

    @Test
    void theEpochDelayAppliesToTheRunningJobAtOnce() {
        String before = model.statusMessageProperty().get();
        model.settings().epochDelayMillisProperty().set(250);
        assertEquals(250, engine.epochDelayMillis);
        assertEquals(List.of("run"), engine.actions());
        assertEquals(before, model.statusMessageProperty().get());
    }

    @Test
    void anInvalidValueIsRefusedByTrainAndThePausedRunStays() {
        model.toggleTraining(); // pause
        model.settings().learningRateTextProperty().set("-1");
        assertTrue(!model.settings().validationMessageProperty().get().isEmpty(), "the settings say what is wrong");

        model.toggleTraining();
        assertEquals(List.of("run", "pause"), engine.actions(), "no cancel, no new run");
        assertEquals(TrainingSessionViewModel.Phase.PAUSED, model.phaseProperty().get());
        assertTrue(model.errorMessageProperty().get().startsWith("Cannot train"), model.errorMessageProperty().get());
    }
}
