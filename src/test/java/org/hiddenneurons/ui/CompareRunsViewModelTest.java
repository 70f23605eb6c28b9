package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.replay.SnapshotTimeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Compare runs view model with two fake engines: plain JUnit, no FX thread. */
class CompareRunsViewModelTest {

    private final FakeTrainingEngine leftEngine = new FakeTrainingEngine();
    private final FakeTrainingEngine rightEngine = new FakeTrainingEngine();
    private final javafx.beans.property.BooleanProperty lessonPace = new javafx.beans.property.SimpleBooleanProperty(true);
    private CompareRunsViewModel model;
    private Split split;

    @BeforeEach
    void setUp() {
        model = new CompareRunsViewModel(leftEngine, rightEngine, TrainingConfig.defaults(), lessonPace);
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
            assertEquals(base.deskew(), left.deskew(), preset.name() + " keeps the deskew step");
            assertEquals(base.deskew(), right.deskew(), preset.name() + " keeps the deskew step");
        }
        for (CompareRunsViewModel.Preset preset : CompareRunsViewModel.Preset.values()) {
            if (preset != CompareRunsViewModel.Preset.LAMBDA) {
                assertEquals(base.inputBlur(), preset.left(base).inputBlur(), preset.name() + " keeps the input blur");
                assertEquals(base.initializer(), preset.right(base).initializer(), preset.name());
            }
        }
    }

    @Test
    void theLambdaPresetComparesOnPlainImagesWhereLambdaIsTheOnlySmoother() {
        TrainingConfig base = TrainingConfig.defaults();
        TrainingConfig left = CompareRunsViewModel.Preset.LAMBDA.left(base);
        TrainingConfig right = CompareRunsViewModel.Preset.LAMBDA.right(base);
        assertEquals(right, left.withLambda(4), "the sides differ in λ only");
        assertEquals(false, left.augment());
        assertEquals(0.0, left.inputBlur());
        assertEquals(Initializer.UNIFORM, left.initializer());
        assertEquals(base.hiddenSize(), left.hiddenSize());
        assertEquals(base.seed(), left.seed());
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
    void eachSideFollowsOnlyItsOwnSnapshotsOnceBothReachedTheirStep() {
        model.toggleTraining();
        Network trained = TrainingConfig.defaults().withSeed(99).initialNetwork(20, 20, 10);
        Network start = model.left().networkProperty().get();
        leftEngine.listener.snapshots(leftEngine.lastId, List.of(snapshot(3, 0.8, trained)));
        assertSame(start, model.left().networkProperty().get(), "the left run waits on screen for the right one");
        assertEquals(0, model.right().epochProperty().get(), "the right side saw nothing");
        rightEngine.listener.snapshots(rightEngine.lastId, List.of(snapshot(3, 0.7, start)));
        assertSame(trained, model.left().networkProperty().get());
        assertEquals(3, model.left().epochProperty().get());
        assertEquals(0.8, model.left().testAccuracyProperty().get());
        assertEquals(0.7, model.right().testAccuracyProperty().get());
        assertEquals(PictureSmoothness.of(trained), model.left().smoothnessProperty().get());
        assertEquals(List.of(new CompareRunsViewModel.LossPoint(3, 1.5, 1.6)), model.left().losses());
        // A stale trainer id (an earlier run) is ignored.
        leftEngine.listener.snapshots(leftEngine.lastId - 1, List.of(snapshot(9, 0.1, trained)));
        assertEquals(3, model.left().recorder().latestStep());
    }

    @Test
    void bothRunsFollowTheWindowsLessonPace() {
        model.toggleTraining();
        assertEquals(Pacing.LESSON, leftEngine.pacing);
        assertEquals(Pacing.LESSON, rightEngine.pacing);
        lessonPace.set(false); // F: full speed, for both runs at their next mini-batch
        assertEquals(Pacing.FULL_SPEED, leftEngine.pacing);
        assertEquals(Pacing.FULL_SPEED, rightEngine.pacing);
        model.restart();
        model.toggleTraining();
        assertEquals(Pacing.FULL_SPEED, leftEngine.pacing, "a new run starts at the setting");
    }

    @Test
    void afterDisposeTheWindowsSettingNoLongerReachesThePage() {
        model.toggleTraining();
        model.dispose(); // the page goes away (e.g. a language switch builds a new one)
        lessonPace.set(false);
        assertEquals(Pacing.LESSON, leftEngine.pacing, "the old page's runs are no longer told");
    }

    @Test
    void whilePacedBothSidesShowTheSameMiniBatch() {
        model.toggleTraining();
        Network[] left = networks(1, 6);
        Network[] right = networks(101, 6);
        feed(leftEngine, left, 1, 5); // the left run is five mini-batches in ...
        feed(rightEngine, right, 1, 3); // ... the right one three
        assertEquals(3, model.commonStep());
        assertEquals(3, model.left().stepProperty().get());
        assertEquals(3, model.right().stepProperty().get());
        assertSame(left[3], model.left().networkProperty().get());
        assertSame(right[3], model.right().networkProperty().get());
        assertEquals(1, model.left().shownEpochProperty().get(), "inside the first epoch");
        assertEquals(4, model.timeline().snapshotCountProperty().get(), "steps 0..3 on the timeline");
        assertEquals(3, model.left().losses().size(), "the losses of steps 1..3 (step 0 was not scored)");
        assertEquals(3.0 / STEPS_PER_EPOCH, model.left().losses().get(2).epoch(), 1e-12);

        rightEngine.listener.snapshots(rightEngine.lastId, List.of(pacedSnapshot(4, right[4]), pacedSnapshot(5, right[5])));
        assertEquals(5, model.left().stepProperty().get());
        assertSame(right[5], model.right().networkProperty().get());
    }

    @Test
    void aStepWhoseWeightsOneSideHasNotHandedOverIsNotShownOnEither() {
        model.toggleTraining();
        Network[] left = networks(1, 6);
        Network[] right = networks(101, 6);
        feed(leftEngine, left, 1, 5);
        // The right run's numbers reached step 5, its weights only step 3 (the adapter hands over
        // weights at most once per frame) and step 5: step 4 has no weights on the right.
        rightEngine.listener.snapshots(rightEngine.lastId, List.of(pacedSnapshot(1, right[1]), pacedSnapshot(2, right[2]),
                pacedSnapshot(3, right[3]), pacedSnapshot(4, null)));
        assertEquals(3, model.left().stepProperty().get());
        assertEquals(3, model.right().stepProperty().get());
        rightEngine.listener.snapshots(rightEngine.lastId, List.of(pacedSnapshot(5, right[5])));
        assertEquals(5, model.left().stepProperty().get());
        assertEquals(5, model.right().stepProperty().get());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), model.left().recorder().snapshots().stream().map(TrainingSnapshot::step).toList(),
                "every paced mini-batch of the left run kept");
    }

    @Test
    void scrubbingTheTimelineMovesBothSidesAndLiveReturnsToTheNewest() {
        model.toggleTraining();
        Network[] left = networks(1, 6);
        Network[] right = networks(101, 6);
        feed(leftEngine, left, 1, 5);
        feed(rightEngine, right, 1, 5);
        SnapshotTimeline timeline = model.timeline();
        timeline.showIndex(2);
        assertSame(left[2], model.left().networkProperty().get());
        assertSame(right[2], model.right().networkProperty().get());
        assertEquals(2, model.left().losses().size(), "the loss curve up to the scrubbed step");
        assertEquals(PictureSmoothness.of(right[2]), model.right().smoothnessProperty().get());
        // Training goes on during a replay: the range grows, the replayed step stays on screen.
        leftEngine.listener.snapshots(leftEngine.lastId, List.of(pacedSnapshot(6, left[0])));
        rightEngine.listener.snapshots(rightEngine.lastId, List.of(pacedSnapshot(6, right[0])));
        assertEquals(7, timeline.snapshotCountProperty().get());
        assertSame(left[2], model.left().networkProperty().get());
        timeline.first();
        assertEquals(0, model.right().stepProperty().get());
        assertTrue(model.right().losses().isEmpty());
        timeline.live();
        assertSame(left[0], model.left().networkProperty().get(), "Live: the newest common step");
        assertEquals(6, model.right().losses().size());
    }

    @Test
    void aRunThatEndedNoLongerHoldsTheOtherBack() {
        model.toggleTraining();
        Network[] left = networks(1, 4);
        leftEngine.listener.snapshots(leftEngine.lastId, List.of(pacedSnapshot(1, left[1]), pacedSnapshot(2, left[2])));
        rightEngine.listener.failed(rightEngine.lastId, new IllegalStateException("diverged"));
        assertEquals(2, model.commonStep());
        assertSame(left[2], model.left().networkProperty().get());
        leftEngine.listener.snapshots(leftEngine.lastId, List.of(pacedSnapshot(3, left[3])));
        assertSame(left[3], model.left().networkProperty().get());
        assertEquals(0, model.right().stepProperty().get(), "the failed run shows its last kept snapshot");
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
                () -> new CompareRunsViewModel(leftEngine, leftEngine, TrainingConfig.defaults(), lessonPace));
    }

    /** Mini-batches per epoch in the paced snapshots below. */
    private static final int STEPS_PER_EPOCH = 40;

    /** {@code count} distinct seeded networks (seeds from {@code firstSeed}). */
    private static Network[] networks(long firstSeed, int count) {
        Network[] networks = new Network[count];
        for (int i = 0; i < count; i++) {
            networks[i] = TrainingConfig.defaults().withSeed(firstSeed + i).initialNetwork(20, 20, 10);
        }
        return networks;
    }

    /** {@code engine}'s run reports paced mini-batches {@code from}..{@code to}, one per frame, with networks[step]. */
    private static void feed(FakeTrainingEngine engine, Network[] networks, int from, int to) {
        for (int step = from; step <= to; step++) {
            engine.listener.snapshots(engine.lastId, List.of(pacedSnapshot(step, networks[step])));
        }
    }

    /** A snapshot after mini-batch {@code step} of a paced first epoch. */
    private static TrainingSnapshot pacedSnapshot(int step, Network network) {
        return new TrainingSnapshot(0, 22, 2.0 - step * 0.01, 2.1 - step * 0.01, 0.5, 0.4 + step * 0.01, step * 1_000_000L,
                network, TrainingState.RUNNING, "", step, STEPS_PER_EPOCH);
    }

    private static TrainingSnapshot snapshot(int epoch, double testAccuracy, Network network) {
        return new TrainingSnapshot(epoch, 22, 1.5, 1.6, 0.9, testAccuracy, 1_000_000, network,
                TrainingState.RUNNING, "");
    }
}
