package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;

/**
 * Readers on other threads (like the UI's heatmaps and prediction bars) see each published
 * snapshot exactly as it was when the training thread published it — Θ1 and Θ2 of the same step,
 * never changed afterwards — while the trainer keeps writing its live weights.
 *
 * <p>On the training thread, the listener records a fingerprint of Θ1, of Θ2 and the prediction
 * of a probe image, computed from the live network at publish time, and hands the snapshot over
 * through an {@link AtomicReference} (as the UI adapter does). Reader threads recompute the same
 * three things from the snapshot they took, as late as possible, and compare.
 */
class SnapshotConsistencyStressTest {

    /** The readers read until training has published this many epochs (or the time limit passes). */
    private static final int STRESS_EPOCHS = 150;
    private static final long MAX_STRESS_MILLIS = 20_000;
    private static final int READERS = 2;
    /** A bigger hidden layer than the tiny problem's, so a copy takes long enough to be torn if it could. */
    private static final int HIDDEN = 32;
    private static final int MIN_SNAPSHOTS_SEEN = 20;
    private static final Split DATA = TrainingRuns.tinySplit(200, 40);

    /** What the training thread saw when it published a snapshot. */
    private record Published(long theta1, long theta2, double[] prediction) {
    }

    @Test
    void readersAlwaysSeeWholeUnchangedSnapshotsWhileTrainingWrites() throws Exception {
        TrainingConfig config = new TrainingConfig(HIDDEN, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY,
                Initializer.UNIFORM, OptimizerKind.ADAM, 0.01, TrainingConfig.DEFAULT_MOMENTUM, 10,
                TrainingRuns.ENDLESS, 1.0, 1, false);
        Trainer trainer = TrainingRuns.trainer(config, DATA);
        double[] probe = DATA.test().sample(0);
        Map<TrainingSnapshot, Published> published = Collections.synchronizedMap(new IdentityHashMap<>());
        AtomicReference<TrainingSnapshot> handOver = new AtomicReference<>();
        trainer.addListener(snapshot -> {
            Network live = trainer.network(); // the training thread may read its live network
            published.put(snapshot, new Published(fingerprint(live.theta1Copy()), fingerprint(live.theta2Copy()),
                    live.predict(probe)));
            handOver.set(snapshot);
        });

        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        Set<TrainingSnapshot> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        List<TrainingSnapshot> latestReads = Collections.synchronizedList(new ArrayList<>());
        TrainingRuns.BackgroundRun run = new TrainingRuns.BackgroundRun(trainer, "trainer");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STRESS_MILLIS);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Thread reader = new Thread(() -> {
                while (System.nanoTime() < deadline && trainer.latest().epoch() < STRESS_EPOCHS) {
                    TrainingSnapshot snapshot = handOver.get();
                    if (snapshot == null) {
                        Thread.yield();
                        continue;
                    }
                    String problem = check(snapshot, published.get(snapshot), probe);
                    if (problem != null) {
                        problems.add(problem);
                    }
                    seen.add(snapshot);
                    reads.incrementAndGet();
                    if (reads.get() % 16 == 0) {
                        latestReads.add(trainer.latest()); // the trainer's own hand-over, checked after the run
                    }
                    Thread.yield(); // on a busy 2-core machine, leave the trainer room to publish
                }
            }, "reader-" + r);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        for (Thread reader : readers) {
            reader.join(MAX_STRESS_MILLIS * 2);
            assertFalse(reader.isAlive());
        }
        trainer.cancel();
        assertTrue(run.join(10, TimeUnit.SECONDS));
        assertEquals(TrainingState.CANCELLED, run.result().state());

        synchronized (latestReads) {
            for (TrainingSnapshot snapshot : latestReads) {
                String problem = check(snapshot, published.get(snapshot), probe);
                if (problem != null) {
                    problems.add("trainer.latest(): " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " inconsistent reads, e.g. " + problems.peek());
        assertTrue(seen.size() >= MIN_SNAPSHOTS_SEEN, "the readers saw only " + seen.size()
                + " snapshots of " + run.result().epoch() + " epochs, " + reads.get() + " reads: training and reading did not overlap enough");
        assertTrue(run.result().epoch() > seen.size() / 2, "training kept writing while readers read");
    }

    @Test
    void theCheckCatchesATornSnapshot() {
        // Guards the stress test: Θ1 of one step with Θ2 of another is reported.
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.ADAM, 0.01, 1.0, 3);
        Trainer trainer = TrainingRuns.trainer(config, DATA);
        double[] probe = DATA.test().sample(0);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        List<Published> recorded = new ArrayList<>();
        trainer.addListener(snapshot -> {
            snapshots.add(snapshot);
            Network live = trainer.network();
            recorded.add(new Published(fingerprint(live.theta1Copy()), fingerprint(live.theta2Copy()), live.predict(probe)));
        });
        trainer.run();
        TrainingSnapshot early = snapshots.get(1);
        TrainingSnapshot late = snapshots.get(3);
        Network torn = new Network(early.network().spec(), early.network().theta1Copy(),
                late.network().theta2Copy());
        TrainingSnapshot tornSnapshot = new TrainingSnapshot(early.epoch(), early.totalEpochs(), early.trainLoss(),
                early.testLoss(), early.trainAccuracy(), early.testAccuracy(), early.elapsedNanos(), torn,
                early.state(), early.message());
        assertEquals(null, check(early, recorded.get(1), probe));
        String problem = check(tornSnapshot, recorded.get(1), probe);
        assertTrue(problem != null && problem.contains("theta2"), String.valueOf(problem));
        // Snapshot weights cannot be written any more (SnapshotWeightsTest); a snapshot that differs
        // from the published weights in one Θ1 value by 1e-12 is still caught.
        WeightBuffers nudged = early.network().mutableCopy();
        nudged.theta1()[0] += 1e-12;
        TrainingSnapshot nudgedSnapshot = new TrainingSnapshot(early.epoch(), early.totalEpochs(), early.trainLoss(),
                early.testLoss(), early.trainAccuracy(), early.testAccuracy(), early.elapsedNanos(),
                nudged.toNetwork(), early.state(), early.message());
        assertTrue(check(nudgedSnapshot, recorded.get(1), probe).contains("theta1"), "a one-weight difference is caught");
    }

    /** Null if the snapshot matches what was recorded when it was published, else what differs. */
    private static String check(TrainingSnapshot snapshot, Published atPublish, double[] probe) {
        if (atPublish == null) {
            return "epoch " + snapshot.epoch() + ": snapshot handed over before it was published";
        }
        Network network = snapshot.network();
        if (fingerprint(network.theta1Copy()) != atPublish.theta1()) {
            return "epoch " + snapshot.epoch() + ": theta1 differs from the published one";
        }
        if (fingerprint(network.theta2Copy()) != atPublish.theta2()) {
            return "epoch " + snapshot.epoch() + ": theta2 differs from the published one";
        }
        if (!Arrays.equals(network.predict(probe), atPublish.prediction())) {
            return "epoch " + snapshot.epoch() + ": prediction differs from the one at publish time";
        }
        return null;
    }

    /** A 64-bit hash of the exact bits of every value (FNV-1a over the longs). */
    static long fingerprint(double[] values) {
        long hash = 0xcbf29ce484222325L;
        for (double value : values) {
            hash ^= Double.doubleToRawLongBits(value);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
