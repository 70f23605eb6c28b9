package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.replay.ReplayModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording, replay and training runs in the workbench view model (plain JUnit, a fake engine). */
class WorkbenchReplayTest {

    private static final double TOLERANCE = 1e-12;
    private static final int PAD = 280;
    private static final Preprocessor.Target DIGIT_TARGET = new Preprocessor.Target(20, 20, 15, 9.9, 9.9);

    private final Random random = new Random(42);
    private FakeTrainingEngine engine;
    private WorkbenchViewModel model;
    private ReplayModel replay;
    private Network start;

    @BeforeEach
    void setUp() {
        engine = new FakeTrainingEngine();
        model = new WorkbenchViewModel(engine);
        replay = model.replay();
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 1);
        model.useNetwork(start, "random");
        model.dataLoaded(tinySplit(), new Preprocessor(DIGIT_TARGET), "data ready");
    }

    @Test
    void trainingIsRecordedFromTheStartingWeightsWithEpochsCountedAcrossTrainers() {
        model.toggleTraining();
        long first = engine.lastId;
        TrainingSnapshot one = snapshot(1, true);
        model.snapshots(first, List.of(numbersOnly(snapshot(1, false)), one));
        model.finished(first, snapshot(2, true));
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(snapshot(1, true)));

        assertEquals(List.of(0, 1, 2, 3), replay.recorder().metrics().stream().map(EpochMetrics::epoch).toList());
        List<TrainingSnapshot> kept = replay.keptSnapshots();
        assertEquals(List.of(0, 1, 2, 3), kept.stream().map(TrainingSnapshot::epoch).toList());
        assertSame(start, kept.get(0).network(), "the run's epoch-0 weights are kept");
        assertSame(one.network(), kept.get(1).network());
        assertEquals(4, replay.snapshotCountProperty().get());
        assertEquals(3, replay.latestEpochProperty().get());
    }

    @Test
    void aNewNetworkStartsANewRecord() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(snapshot(1, true), snapshot(2, true)));
        model.newNetwork();
        assertEquals(1, replay.keptSnapshots().size());
        assertSame(model.networkProperty().get(), replay.keptSnapshots().get(0).network());
        assertFalse(replay.isReplaying());
    }

    @Test
    void replayShowsTheSnapshotAndItsPredictionWhileTrainingGoesOn() {
        model.draw(PAD, PAD, verticalStroke());
        model.toggleTraining();
        long id = engine.lastId;
        model.snapshots(id, List.of(snapshot(1, true), snapshot(2, true)));
        Network live = model.networkProperty().get();

        replay.showIndex(0);
        assertTrue(replay.isReplaying());
        assertSame(start, replay.shownNetworkProperty().get());
        double[] input = model.prediction().seenProperty().get().networkInput(); // as the model sees it
        assertArrayEquals(start.forward(input).a3(), replay.shownProbabilitiesProperty().get(), TOLERANCE);
        assertEquals(start.forward(input).predictedClass(), replay.shownDigitProperty().get());
        assertArrayEquals(live.forward(input).a3(), model.probabilitiesProperty().get(), TOLERANCE,
                "the live prediction is untouched");

        model.snapshots(id, List.of(snapshot(3, true)));
        assertSame(start, replay.shownNetworkProperty().get(), "a new epoch does not end the replay");
        assertEquals(4, replay.snapshotCountProperty().get(), "the timeline grows");
        assertEquals(0, replay.replayIndexProperty().get());

        replay.live();
        assertSame(model.networkProperty().get(), replay.shownNetworkProperty().get());
        assertSame(model.forwardPassProperty().get(), replay.shownPassProperty().get());
        model.snapshots(id, List.of(snapshot(4, true)));
        assertSame(model.networkProperty().get(), replay.shownNetworkProperty().get(), "Live follows training");
    }

    @Test
    void steppingAndPlayingWalkTheSnapshotsAndEndLive() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(snapshot(1, true), snapshot(2, true)));
        replay.stepBack();
        assertEquals(1, replay.replayedProperty().get().epoch(), "from Live, one back is the one before the latest");
        replay.first();
        assertEquals(0, replay.replayedProperty().get().epoch());
        replay.stepForward();
        assertEquals(1, replay.replayedProperty().get().epoch());
        replay.showEpoch(2);
        replay.stepForward();
        assertFalse(replay.isReplaying(), "forward from the last snapshot is Live");

        replay.togglePlay();
        assertTrue(replay.playingProperty().get());
        assertEquals(0, replay.replayedProperty().get().epoch(), "playing from Live starts at the beginning");
        replay.playTick();
        replay.playTick();
        assertEquals(2, replay.replayedProperty().get().epoch());
        replay.playTick();
        assertFalse(replay.isReplaying());
        assertFalse(replay.playingProperty().get(), "the replay stops at the end");
    }

    @Test
    void aSavedRunOpensWithItsFinalNetworkChartsAndTimeline() {
        model.toggleTraining();
        long id = engine.lastId;
        model.snapshots(id, List.of(snapshot(1, true), numbersOnly(snapshot(2, false)), snapshot(3, true)));
        model.finished(id, snapshot(3, true));
        Network last = model.networkProperty().get();
        TrainingRunFile.Run run = model.runToSave("");
        assertEquals("tiny", run.datasetName());
        assertEquals(model.settings().configFor(last.spec()), run.config());

        WorkbenchViewModel other = new WorkbenchViewModel(new FakeTrainingEngine());
        other.useNetwork(WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 9), "other");
        other.useRun(run, "a.run.json");

        assertArrayEquals(last.theta1Copy(), other.networkProperty().get().theta1Copy());
        assertEquals(3, other.epochProperty().get());
        assertEquals(3, other.trainLossSeries().points().size());
        assertEquals(run.history().snapshots().size(), other.replay().snapshotCountProperty().get());
        assertFalse(other.replay().isReplaying(), "the timeline is on the final network");
        assertTrue(other.modelDescriptionProperty().get().contains("a.run.json"));
        assertFalse(other.unsavedChangesProperty().get());
        other.replay().first();
        assertArrayEquals(start.theta1Copy(), other.replay().shownNetworkProperty().get().theta1Copy());
    }

    @Test
    void aRunWithoutTrainingTakesTheSettingsPanelsConfig() {
        TrainingRunFile.Run run = model.runToSave("");
        assertEquals(model.settings().configFor(start.spec()), run.config());
        assertEquals(1, run.history().snapshots().size());
        assertNotNull(run.split());
    }

    @Test
    void newDataStartANewRecordFromTheNetworkInUse() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(snapshot(1, true), snapshot(2, true)));
        model.finished(engine.lastId, snapshot(2, true));
        Network trained = model.networkProperty().get();
        assertNotSame(start, trained);
        model.dataLoaded(tinySplit(), new Preprocessor(DIGIT_TARGET), "other data");
        assertEquals(1, replay.keptSnapshots().size());
        assertSame(trained, replay.keptSnapshots().get(0).network());
        assertEquals(2, replay.latestEpochProperty().get());
    }

    private TrainingSnapshot snapshot(int epoch, boolean withWeights) {
        WeightBuffers changed = start.mutableCopy();
        for (int i = 0; i < 20; i++) {
            changed.theta1()[random.nextInt(changed.theta1().length)] += random.nextGaussian();
        }
        Network weights = changed.toNetwork();
        double loss = 2.0 / (epoch + 1);
        return new TrainingSnapshot(epoch, 30, loss, loss + 0.1, 0.5, 0.4, epoch * 500_000_000L,
                withWeights ? weights : null, TrainingState.RUNNING, "");
    }

    private static TrainingSnapshot numbersOnly(TrainingSnapshot s) {
        return new TrainingSnapshot(s.epoch(), s.totalEpochs(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                s.testAccuracy(), s.elapsedNanos(), null, s.state(), s.message());
    }

    /** A white stroke down the middle of a black pad, like a drawn "1". */
    private static int[] verticalStroke() {
        int[] argb = new int[PAD * PAD];
        Arrays.fill(argb, 0xff000000);
        for (int y = 40; y < 240; y++) {
            for (int x = 130; x < 150; x++) {
                argb[y * PAD + x] = 0xffffffff;
            }
        }
        return argb;
    }

    private static Split tinySplit() {
        int inputs = NetworkSpec.DEFAULT.inputSize();
        int count = 10;
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i;
        }
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[count * inputs], labels);
        return new Split(all, all);
    }
}
