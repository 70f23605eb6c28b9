package org.hiddenneurons.ui.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.io.TrainingRunFile.SplitRule;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

    private static final double TOLERANCE = 1e-12;
    private static final NetworkSpec SPEC = new NetworkSpec(2, 2, TrainingConfig.DEFAULT_HIDDEN_SIZE, 10,
            Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withSeed(7);

    private final Random random = new Random(42);

    @Test
    void resetKeepsTheStartingWeightsAsTheFirstSnapshot() {
        RunRecorder recorder = new RunRecorder();
        Network start = network();
        recorder.reset(start, 0);
        assertEquals(1, recorder.snapshots().size());
        assertSame(start, recorder.snapshots().get(0).network());
        assertEquals(0, recorder.latestEpoch());
        assertTrue(Double.isNaN(recorder.metrics().get(0).trainLoss()), "no numbers known before training");
    }

    @Test
    void everyEpochsNumbersAreKeptButWeightsOnlyWhenTheSnapshotHasThem() {
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 0);
        assertFalse(recorder.record(snapshot(1, 2.0, null), 1, 0.5));
        assertFalse(recorder.record(snapshot(2, 1.5, null), 2, 1.0));
        assertTrue(recorder.record(snapshot(3, 1.2, network()), 3, 1.5));
        assertEquals(List.of(0, 1, 2, 3), recorder.metrics().stream().map(EpochMetrics::epoch).toList());
        assertEquals(List.of(0, 3), recorder.snapshots().stream().map(TrainingSnapshot::epoch).toList());
        assertEquals(1.5, recorder.metrics().get(2).trainLoss(), TOLERANCE);
        assertEquals(1.5, recorder.metrics().get(3).elapsedSeconds(), TOLERANCE);
    }

    @Test
    void runEpochsCountOnAcrossTrainersAndEarlierEpochsAreIgnored() {
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 0);
        recorder.record(snapshot(5, 1.0, network()), 5, 1);
        // A second trainer's epoch 2 is run epoch 7; a stale epoch 4 is ignored.
        recorder.record(snapshot(2, 0.8, network()), 7, 2);
        assertFalse(recorder.record(snapshot(4, 0.1, network()), 4, 3));
        assertEquals(List.of(0, 5, 7), recorder.metrics().stream().map(EpochMetrics::epoch).toList());
        assertEquals(7, recorder.snapshots().get(recorder.snapshots().size() - 1).epoch());
    }

    @Test
    void theSameEpochAgainReplacesItsNumbersButUnknownNumbersNeverReplaceKnownOnes() {
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 0);
        recorder.record(snapshot(0, 3.0, null), 0, 0);
        assertEquals(3.0, recorder.metrics().get(0).trainLoss(), TOLERANCE, "a trainer's epoch 0 fills in the numbers");
        recorder.record(snapshot(0, Double.NaN, null), 0, 0);
        assertEquals(3.0, recorder.metrics().get(0).trainLoss(), TOLERANCE);
        recorder.record(snapshot(1, Double.POSITIVE_INFINITY, null), 1, 0);
        assertTrue(Double.isNaN(recorder.metrics().get(1).trainLoss()), "a run file holds finite numbers or none");
    }

    @Test
    void weightSnapshotsStayBoundedAndKeepTheStartAndTheLatest() {
        int max = 8;
        RunRecorder recorder = new RunRecorder(max);
        Network start = network();
        recorder.reset(start, 0);
        for (int epoch = 1; epoch <= 300; epoch++) {
            recorder.record(snapshot(epoch, 1.0 / epoch, network()), epoch, epoch);
        }
        List<TrainingSnapshot> kept = recorder.snapshots();
        assertTrue(kept.size() <= max, "kept " + kept.size());
        assertSame(start, kept.get(0).network());
        assertEquals(300, kept.get(kept.size() - 1).epoch());
        assertEquals(301, recorder.metrics().size());
        assertEquals(kept.get(2).epoch(), recorder.snapshotAt(kept.get(2).epoch() + 1).epoch());
    }

    @Test
    void theRunRoundTripsThroughARunFile() throws Exception {
        RunRecorder recorder = new RunRecorder(6);
        recorder.reset(network(), 0);
        recorder.trainingStarted(CONFIG, standardSplit(), standardSplit());
        for (int epoch = 1; epoch <= 20; epoch++) {
            recorder.record(snapshot(epoch, 1.0 / epoch, epoch % 3 == 0 ? network() : null), epoch, 0.1 * epoch);
        }
        TrainingRunFile.Run run = recorder.toRun(null, null, "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainingRunFile.write(bytes, run);
        TrainingRunFile.Run back = TrainingRunFile.read(new ByteArrayInputStream(bytes.toByteArray()), "run.json");

        assertEquals(CONFIG, back.config());
        assertEquals(SplitRule.STANDARD, back.split().rule());
        assertEquals(recorder.metrics(), back.history().metrics());
        List<TrainingSnapshot> saved = recorder.snapshots();
        List<TrainingSnapshot> loaded = back.history().snapshots();
        assertEquals(saved.size(), loaded.size());
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(saved.get(i).epoch(), loaded.get(i).epoch());
            assertArrayEquals(saved.get(i).network().theta1Copy(), loaded.get(i).network().theta1Copy());
        }

        RunRecorder restored = new RunRecorder(6);
        restored.restore(back);
        assertEquals(recorder.metrics(), restored.metrics());
        assertEquals(CONFIG, restored.config());
        restored.record(snapshot(1, 0.01, network()), 21, 3);
        assertEquals(21, restored.latestEpoch(), "a restored run records on");
    }

    @Test
    void aRunWithoutTrainingNeedsSettingsFromOutside() {
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 0);
        assertThrows(IllegalArgumentException.class, () -> recorder.toRun(null, null, ""));
        TrainingRunFile.Run run = recorder.toRun(CONFIG, RunRecorder.splitInfo(standardSplit(), null), "");
        assertEquals(CONFIG, run.config());
        assertNull(recorder.config());
    }

    @Test
    void theSplitIsNamedByHowTheLoadedDataWasDivided() {
        Split standard = standardSplit();
        assertEquals(SplitRule.STANDARD, RunRecorder.splitInfo(standard, standard).rule());
        Split withDrawings = new Split(dataset("more", 12), standard.test());
        TrainingRunFile.SplitInfo info = RunRecorder.splitInfo(withDrawings, standard);
        assertEquals(SplitRule.STANDARD, info.rule(), "drawings added to the standard training split");
        assertEquals(12, info.trainSize());
        Split separate = new Split(dataset("train", 10), dataset("test", 7));
        assertEquals(SplitRule.SEPARATE, RunRecorder.splitInfo(separate, separate).rule());
        Split none = new Split(dataset("train", 10), null);
        assertEquals(SplitRule.NONE, RunRecorder.splitInfo(none, none).rule());
    }

    @Test
    void aPacedRunIsRecordedStepByStepAndALaterTrainerCountsOn() {
        int stepsPerEpoch = 40;
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 0);
        // First trainer (run epochs 0..): every mini-batch of the first epoch, then epoch ends.
        for (int step = 1; step < stepsPerEpoch; step++) {
            recorder.record(atStep(0, step, stepsPerEpoch), 0, step * 0.2);
        }
        recorder.record(atStep(1, stepsPerEpoch, stepsPerEpoch), 1, 8.0);
        recorder.record(atStep(2, 2 * stepsPerEpoch, stepsPerEpoch), 2, 8.1);
        // Second trainer after 2 run epochs: its own steps start at 0.
        recorder.record(atStep(0, 0, stepsPerEpoch), 2, 8.1);
        recorder.record(atStep(1, stepsPerEpoch, stepsPerEpoch), 3, 8.2);

        List<Integer> steps = recorder.snapshots().stream().map(TrainingSnapshot::step).toList();
        assertEquals(0, steps.get(0));
        assertEquals(List.of(1, 2, 3), steps.subList(1, 4), "every early mini-batch is kept");
        assertEquals(List.of(2 * stepsPerEpoch, 3 * stepsPerEpoch), steps.subList(steps.size() - 2, steps.size()));
        assertEquals(3 * stepsPerEpoch, recorder.latestStep());
        TrainingSnapshot inFirstEpoch = recorder.snapshots().get(5);
        assertTrue(inFirstEpoch.midEpoch());
        assertEquals(1, inFirstEpoch.shownEpoch());
        assertFalse(recorder.snapshots().get(recorder.snapshots().size() - 1).midEpoch());
    }

    @Test
    void aModelOpenedAfterTrainingCountsItsEpochsInTheFirstTrainersSteps() {
        RunRecorder recorder = new RunRecorder();
        recorder.reset(network(), 22);
        recorder.record(atStep(0, 0, 40), 22, 0);
        recorder.record(atStep(0, 7, 40), 22, 0.1);
        TrainingSnapshot shown = recorder.snapshots().get(recorder.snapshots().size() - 1);
        assertEquals(22 * 40 + 7, shown.step());
        assertTrue(shown.midEpoch(), "inside epoch 23");
        assertEquals(23, shown.shownEpoch());
    }

    private TrainingSnapshot atStep(int epoch, int step, int stepsPerEpoch) {
        return new TrainingSnapshot(epoch, 22, 1.0 / (step + 1), 1.1 / (step + 1), 0.5, 0.4, step * 1_000_000L,
                network(), TrainingState.RUNNING, "", step, stepsPerEpoch);
    }

    private Network network() {
        double[] theta1 = random.doubles(SPEC.hiddenSize() * (SPEC.inputSize() + 1), -1, 1).toArray();
        double[] theta2 = random.doubles(SPEC.outputSize() * (SPEC.hiddenSize() + 1), -1, 1).toArray();
        return new Network(SPEC, theta1, theta2);
    }

    private static TrainingSnapshot snapshot(int epoch, double loss, Network weights) {
        return new TrainingSnapshot(epoch, 100, loss, loss + 0.1, 0.5, 0.4, epoch * 1_000_000L, weights,
                TrainingState.RUNNING, "");
    }

    /** 10 samples: 8 train, 2 test, as {@link Split#standard} divides them. */
    private static Split standardSplit() {
        return Split.standard(dataset("all", 10));
    }

    private static Dataset dataset(String name, int size) {
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % 10;
        }
        return new Dataset(name, 2, 2, 10, new double[size * 4], labels);
    }
}
