package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    private static final int LONG_RUN_EPOCHS = 20_000;
    private static final NetworkSpec SMALL = new NetworkSpec(3, 3, 2, 2, Activation.SIGMOID,
            OutputLayer.SIGMOID_CROSS_ENTROPY);
    private static final long TIMEOUT_SECONDS = 60;

    /** A snapshot whose metrics and weights encode its epoch (theta1[0] = epoch). */
    private static TrainingSnapshot snapshot(int epoch) {
        double[] theta1 = new double[SMALL.hiddenSize() * (SMALL.inputSize() + 1)];
        double[] theta2 = new double[SMALL.outputSize() * (SMALL.hiddenSize() + 1)];
        theta1[0] = epoch;
        return new TrainingSnapshot(epoch, LONG_RUN_EPOCHS, 1.0 / (epoch + 1), 2.0 / (epoch + 1),
                epoch / (double) LONG_RUN_EPOCHS, Double.NaN, epoch * 1_000_000L,
                new Network(SMALL, theta1, theta2), TrainingState.RUNNING, "");
    }

    /**
     * Log spacing: a kept snapshot lies at most this × the ideal log gap ln(last + 1) / (kept − 1)
     * after the one before (unless it is the very next step, which cannot be denser).
     */
    private static final double LOG_GAP_TOLERANCE_FACTOR = 2.0;
    /** Every step up to this one survives a 20 000-step run (where the pictures form). */
    private static final int DENSE_START_STEPS = 10;

    @Test
    void longRunKeepsBoundedLogSpacedSnapshotsAndAllMetrics() {
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 0; epoch <= LONG_RUN_EPOCHS; epoch++) {
            history.record(snapshot(epoch));
        }

        List<TrainingSnapshot> kept = history.snapshots();
        assertEquals(TrainingHistory.DEFAULT_MAX_WEIGHT_SNAPSHOTS, kept.size());
        assertEquals(0, kept.get(0).step());
        assertEquals(LONG_RUN_EPOCHS, kept.get(kept.size() - 1).step());
        for (int step = 0; step <= DENSE_START_STEPS; step++) {
            assertEquals(step, kept.get(step).step(), "every step at the start is kept");
        }
        double idealGap = Math.log(LONG_RUN_EPOCHS + 1.0) / (kept.size() - 1);
        for (int i = 1; i < kept.size(); i++) {
            int before = kept.get(i - 1).step();
            int step = kept.get(i).step();
            double gap = Math.log((step + 1.0) / (before + 1.0));
            int index = i;
            assertTrue(step == before + 1 || gap <= LOG_GAP_TOLERANCE_FACTOR * idealGap,
                    () -> "snapshot " + index + ": step " + before + " → " + step + ", log gap " + gap
                            + " against the ideal " + idealGap);
        }
        assertTrue(kept.get(kept.size() - 2).step() > LONG_RUN_EPOCHS / 2, "sparser later, but not empty");
        for (TrainingSnapshot s : kept) {
            assertEquals(s.epoch(), s.network().theta1Copy()[0], "weights belong to their epoch");
        }

        List<EpochMetrics> metrics = history.metrics();
        assertEquals(LONG_RUN_EPOCHS + 1, metrics.size());
        for (int epoch = 0; epoch <= LONG_RUN_EPOCHS; epoch++) {
            assertEquals(EpochMetrics.of(snapshot(epoch)), metrics.get(epoch));
        }
    }

    @Test
    void everyBoundHoldsFirstAndLatestAfterEachRecord() {
        for (int max = TrainingHistory.MIN_WEIGHT_SNAPSHOTS; max <= 9; max++) {
            TrainingHistory history = new TrainingHistory(max);
            for (int epoch = 0; epoch < 300; epoch++) {
                history.record(snapshot(epoch));
                List<TrainingSnapshot> kept = history.snapshots();
                int bound = max;
                assertTrue(kept.size() <= bound, () -> kept.size() + " > " + bound);
                assertEquals(0, kept.get(0).epoch());
                assertEquals(epoch, kept.get(kept.size() - 1).epoch());
                for (int i = 1; i < kept.size(); i++) {
                    assertTrue(kept.get(i).epoch() > kept.get(i - 1).epoch(), "ascending");
                }
            }
        }
    }

    @Test
    void sameEpochReplacesTheLatestAndEarlierEpochIsRejected() {
        TrainingHistory history = new TrainingHistory(4);
        history.record(snapshot(0));
        history.record(snapshot(1));
        TrainingSnapshot cancelled = new TrainingSnapshot(1, 5, 0.1, 0.2, 0.9, 0.8, 5, snapshot(1).network(),
                TrainingState.CANCELLED, "stopped");

        history.record(cancelled);

        assertEquals(2, history.metricsCount());
        assertEquals(0.1, history.metrics().get(1).trainLoss());
        assertSame(cancelled, history.latest());
        assertEquals(2, history.snapshots().size());
        assertThrows(IllegalArgumentException.class, () -> history.record(snapshot(0)));
    }

    @Test
    void cancelRightAfterTheInitialSnapshotLeavesOneSnapshotOfEpochZero() {
        TrainingHistory history = new TrainingHistory(4);
        TrainingSnapshot initial = snapshot(0);
        TrainingSnapshot cancelled = new TrainingSnapshot(0, 5, 0.1, 0.2, 0.3, 0.4, 0, initial.network(),
                TrainingState.CANCELLED, "stopped");

        history.record(initial);
        history.record(cancelled);

        assertEquals(List.of(cancelled), history.snapshots());
        assertEquals(1, history.metricsCount());
    }

    @Test
    void snapshotAtFindsTheLatestKeptAtOrBeforeAnEpoch() {
        TrainingHistory history = new TrainingHistory(3);
        assertNull(history.snapshotAt(5));
        for (int epoch = 0; epoch <= 10; epoch++) {
            history.record(snapshot(epoch));
        }
        List<TrainingSnapshot> kept = history.snapshots();

        assertEquals(0, history.snapshotAt(0).epoch());
        assertEquals(10, history.snapshotAt(10).epoch());
        assertEquals(10, history.snapshotAt(99).epoch());
        TrainingSnapshot middle = kept.get(1);
        assertEquals(middle.epoch(), history.snapshotAt(middle.epoch()).epoch());
        assertEquals(middle.epoch(), history.snapshotAt(9).epoch());
    }

    @Test
    void metricsFromReturnsOnlyTheNewEntries() {
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 0; epoch < 5; epoch++) {
            history.record(snapshot(epoch));
        }
        assertEquals(List.of(3, 4), history.metricsFrom(3).stream().map(EpochMetrics::epoch).toList());
        assertTrue(history.metricsFrom(5).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> history.metricsFrom(-1));
    }

    @Test
    void restoredHistoryKeepsItsSnapshots() {
        TrainingHistory original = new TrainingHistory(10);
        for (int epoch = 0; epoch <= 500; epoch++) {
            original.record(snapshot(epoch));
        }

        TrainingHistory restored = TrainingHistory.of(original.maxWeightSnapshots(),
                original.metrics(), original.snapshots());

        assertEquals(original.metrics(), restored.metrics());
        assertEquals(original.snapshots(), restored.snapshots());
    }

    @Test
    void viewsStayConsistentWhileAWriterRecords() throws Exception {
        int max = 16;
        TrainingHistory history = new TrainingHistory(max);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int epoch = 0; epoch <= LONG_RUN_EPOCHS; epoch++) {
                        history.record(snapshot(epoch));
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> readUntilDone(history, writing, max)));
            }
            writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) > 0, "the reader saw views");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LONG_RUN_EPOCHS + 1, history.metricsCount());
    }

    /** Iterates views while the writer runs; returns how many it checked. Fails on any inconsistency. */
    private static int readUntilDone(TrainingHistory history, AtomicBoolean writing, int max) {
        int views = 0;
        do {
            List<EpochMetrics> metrics = history.metrics();
            int expected = 0;
            for (EpochMetrics m : metrics) {
                assertEquals(expected++, m.epoch(), "metrics are every epoch in order");
            }
            List<TrainingSnapshot> kept = history.snapshots();
            assertTrue(kept.size() <= max, "bounded");
            int previous = -1;
            for (TrainingSnapshot s : kept) {
                assertTrue(s.epoch() > previous, "ascending");
                previous = s.epoch();
            }
            views++;
        } while (writing.get());
        return views;
    }

    @Test
    void recordsEveryEpochAsATrainerListener() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.05, 30);
        Trainer trainer = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(),
                TrainingFixtures.test());
        TrainingHistory history = new TrainingHistory(5);
        trainer.addListener(history);

        TrainingSnapshot last = trainer.run();

        assertEquals(config.epochs() + 1, history.metricsCount(), "initial weights and every epoch");
        List<TrainingSnapshot> kept = history.snapshots();
        assertTrue(kept.size() <= 5);
        assertEquals(0, kept.get(0).epoch());
        assertSame(last, kept.get(kept.size() - 1));
        assertArrayEquals(trainer.latest().network().theta1Copy(), kept.get(kept.size() - 1).network().theta1Copy());
    }

    @Test
    void rejectsABoundTooSmallForFirstAndLatest() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingHistory(1));
    }

    @Test
    void differentRandomPublishGapsStayBounded() {
        Random random = new Random(42);
        TrainingHistory history = new TrainingHistory(7);
        int epoch = 0;
        int lastEpoch = 0;
        for (int i = 0; i < 2_000; i++) {
            history.record(snapshot(epoch));
            lastEpoch = epoch;
            epoch += 1 + random.nextInt(5);
        }
        List<TrainingSnapshot> kept = history.snapshots();
        assertTrue(kept.size() <= 7);
        assertEquals(0, kept.get(0).epoch());
        assertEquals(lastEpoch, kept.get(kept.size() - 1).epoch());
        assertEquals(2_000, history.metricsCount());
    }
}
