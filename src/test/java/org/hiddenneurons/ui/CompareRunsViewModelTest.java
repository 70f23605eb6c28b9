package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Compare runs view model with two fake engines: plain JUnit, no FX thread. */
class CompareRunsViewModelTest {

    private final FakeTrainingEngine leftEngine = new FakeTrainingEngine();
    private final FakeTrainingEngine rightEngine = new FakeTrainingEngine();
    private CompareRunsViewModel model;
    private Split split;

    @BeforeEach
    void setUp() {
        model = new CompareRunsViewModel(leftEngine, rightEngine, TrainingConfig.defaults());
        int count = 10;
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i;
        }
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[count * 400], labels);
        split = new Split(all, all);
        model.setData(split);
    }

    @Test
    void everyPresetChangesExactlyItsSettingBetweenTheSides() {
        TrainingConfig base = TrainingConfig.defaults();
        assertEquals(0.0, CompareRunsViewModel.Preset.LAMBDA.left(base).lambda());
        assertEquals(4.0, CompareRunsViewModel.Preset.LAMBDA.right(base).lambda());
        assertEquals(5, CompareRunsViewModel.Preset.HIDDEN_SIZE.left(base).hiddenSize());
        assertEquals(25, CompareRunsViewModel.Preset.HIDDEN_SIZE.right(base).hiddenSize());
        assertEquals(1, CompareRunsViewModel.Preset.SEED.left(base).seed());
        assertEquals(2, CompareRunsViewModel.Preset.SEED.right(base).seed());
        assertTrue(CompareRunsViewModel.Preset.AUGMENTATION.left(base).augment());
        assertEquals(false, CompareRunsViewModel.Preset.AUGMENTATION.right(base).augment());
        assertEquals(Activation.SIGMOID, CompareRunsViewModel.Preset.ACTIVATION.left(base).activation());
        assertEquals(Activation.RELU, CompareRunsViewModel.Preset.ACTIVATION.right(base).activation());
        for (CompareRunsViewModel.Preset preset : CompareRunsViewModel.Preset.values()) {
            TrainingConfig left = preset.left(base);
            TrainingConfig right = preset.right(base);
            assertNotEquals(left, right, preset.name());
            assertEquals(base.epochs(), left.epochs());
            assertEquals(base.optimizer(), right.optimizer());
        }
    }

    @Test
    void trainStartsBothSidesOnTheSameDataFromTheirShownInitialWeights() {
        Network leftStart = model.left().networkProperty().get();
        Network rightStart = model.right().networkProperty().get();
        model.toggleTraining();
        assertEquals(List.of("run"), leftEngine.actions());
        assertEquals(List.of("run"), rightEngine.actions());
        assertSame(split, leftEngine.lastData);
        assertSame(split, rightEngine.lastData);
        assertSame(leftStart, leftEngine.last().start());
        assertSame(rightStart, rightEngine.last().start());
        assertEquals(0.0, leftEngine.last().config().lambda());
        assertEquals(4.0, rightEngine.last().config().lambda());
        assertEquals(CompareRunsViewModel.Phase.RUNNING, model.phaseProperty().get());
    }

    @Test
    void oneButtonPausesAndResumesBoth() {
        model.toggleTraining();
        model.toggleTraining();
        assertEquals(CompareRunsViewModel.Phase.PAUSED, model.phaseProperty().get());
        assertEquals(List.of("run", "pause"), leftEngine.actions());
        assertEquals(List.of("run", "pause"), rightEngine.actions());
        model.toggleTraining();
        assertEquals(List.of("run", "pause", "resume"), rightEngine.actions());
        assertEquals(CompareRunsViewModel.Phase.RUNNING, model.phaseProperty().get());
    }

    @Test
    void eachSideFollowsOnlyItsOwnSnapshots() {
        model.toggleTraining();
        Network trained = TrainingConfig.defaults().withSeed(99).initialNetwork(20, 20, 10);
        leftEngine.listener.snapshots(leftEngine.lastId, List.of(snapshot(3, 0.8, trained)));
        assertSame(trained, model.left().networkProperty().get());
        assertEquals(3, model.left().epochProperty().get());
        assertEquals(0.8, model.left().testAccuracyProperty().get());
        assertEquals(PictureSmoothness.of(trained), model.left().smoothnessProperty().get());
        assertEquals(List.of(new CompareRunsViewModel.LossPoint(3, 1.5, 1.6)), model.left().losses());
        assertEquals(0, model.right().epochProperty().get(), "the right side saw nothing");
        assertTrue(model.right().losses().isEmpty());
        // A stale trainer id (an earlier run) is ignored.
        leftEngine.listener.snapshots(leftEngine.lastId - 1, List.of(snapshot(9, 0.1, trained)));
        assertEquals(3, model.left().epochProperty().get());
    }

    @Test
    void finishedOnlyWhenBothSidesEnded() {
        model.toggleTraining();
        Network done = TrainingConfig.defaults().initialNetwork(20, 20, 10);
        leftEngine.listener.finished(leftEngine.lastId, snapshot(22, 0.9, done));
        assertEquals(CompareRunsViewModel.Phase.RUNNING, model.phaseProperty().get());
        rightEngine.listener.finished(rightEngine.lastId, snapshot(22, 0.92, done));
        assertEquals(CompareRunsViewModel.Phase.FINISHED, model.phaseProperty().get());
        // Train again starts both from their initial weights.
        model.toggleTraining();
        assertEquals(List.of("run", "run"), leftEngine.actions());
        assertEquals(0, model.left().epochProperty().get());
    }

    @Test
    void choosingAnotherPresetCancelsAndShowsTheNewInitialWeights() {
        model.toggleTraining();
        model.presetProperty().set(CompareRunsViewModel.Preset.HIDDEN_SIZE);
        assertEquals(List.of("run", "cancel"), leftEngine.actions());
        assertEquals(CompareRunsViewModel.Phase.IDLE, model.phaseProperty().get());
        assertEquals(5, model.left().networkProperty().get().spec().hiddenSize());
        assertEquals(25, model.right().networkProperty().get().spec().hiddenSize());
    }

    @Test
    void initialWeightsAreTheSeededOnesOfEachSidesConfig() {
        model.presetProperty().set(CompareRunsViewModel.Preset.SEED);
        Network expectedLeft = TrainingConfig.defaults().withSeed(1).initialNetwork(20, 20, 10);
        assertTrue(java.util.Arrays.equals(expectedLeft.theta1Copy(), model.left().networkProperty().get().theta1Copy()));
        assertTrue(!java.util.Arrays.equals(expectedLeft.theta1Copy(), model.right().networkProperty().get().theta1Copy()));
    }

    @Test
    void bothSidesNeedTheirOwnEngine() {
        assertThrows(IllegalArgumentException.class,
                () -> new CompareRunsViewModel(leftEngine, leftEngine, TrainingConfig.defaults()));
    }

    private static TrainingSnapshot snapshot(int epoch, double testAccuracy, Network network) {
        return new TrainingSnapshot(epoch, 22, 1.5, 1.6, 0.9, testAccuracy, 1_000_000, network,
                TrainingState.RUNNING, "");
    }
}
