package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.InputBlur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {

    /** Past the plan (rate f·α, f = 0.1) a step moves the weights by less than this share of a full-rate step. */
    private static final double PAST_PLAN_SHARE = 0.5;

    /** Epochs for runs that are meant to be stopped from outside (they would take minutes). */
    private static final int ENDLESS = 1_000_000;
    /** Generous bound for "promptly": one mini-batch of the fixture takes microseconds. */
    private static final long PROMPT_MILLIS = 2_000;
    private static final long PAUSE_MILLIS = 300;
    /** CPU the paused thread may use while blocked (it should use none). */
    private static final long PAUSED_CPU_BUDGET_NANOS = 50_000_000L;

    private static TrainingConfig adam(int epochs) {
        return TrainingFixtures.config(OptimizerKind.ADAM, 0.01, epochs);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void sameSeedGivesBitIdenticalWeights(OptimizerKind kind) {
        TrainingConfig config = TrainingFixtures.config(kind, kind == OptimizerKind.GD ? 1.0 : 0.01, 5);
        Network first = TrainingFixtures.trainer(config).run().network();
        Network second = TrainingFixtures.trainer(config).run().network();
        assertArrayEquals(first.theta1Copy(), second.theta1Copy());
        assertArrayEquals(first.theta2Copy(), second.theta2Copy());
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsWithAugmentation() {
        TrainingConfig config = adam(5).withAugment(true);
        Network first = TrainingFixtures.trainer(config).run().network();
        Network second = TrainingFixtures.trainer(config).run().network();
        assertArrayEquals(first.theta1Copy(), second.theta1Copy());
        Network plain = TrainingFixtures.trainer(adam(5)).run().network();
        assertFalse(Arrays.equals(first.theta1Copy(), plain.theta1Copy()), "augmentation must change the training");
    }

    @Test
    void aDeskewingConfigTrainsAndScoresOnTheDeskewedImages() {
        TrainingConfig plain = adam(4).withAugment(true);
        TrainingConfig deskewing = plain.withDeskew(true);
        TrainingSnapshot byStep = new Trainer(deskewing, TrainingFixtures.network(deskewing),
                TrainingFixtures.train(), TrainingFixtures.test()).run();
        TrainingSnapshot byHand = new Trainer(plain, TrainingFixtures.network(plain),
                Deskew.apply(TrainingFixtures.train()), Deskew.apply(TrainingFixtures.test())).run();
        assertArrayEquals(byHand.network().theta1Copy(), byStep.network().theta1Copy());
        assertArrayEquals(byHand.network().theta2Copy(), byStep.network().theta2Copy());
        assertEquals(byHand.testAccuracy(), byStep.testAccuracy());
        assertEquals(byHand.trainLoss(), byStep.trainLoss());
        Network undeskewed = TrainingFixtures.trainer(plain).run().network();
        assertFalse(Arrays.equals(undeskewed.theta1Copy(), byStep.network().theta1Copy()), "deskewing must change the images");
    }

    @Test
    void anInputBlurringConfigTrainsAndScoresOnImagesDeskewedThenBlurred() {
        TrainingConfig plain = adam(4).withAugment(true);
        TrainingConfig blurring = plain.withDeskew(true).withInputBlur(0.6);
        TrainingSnapshot byStep = new Trainer(blurring, TrainingFixtures.network(blurring),
                TrainingFixtures.train(), TrainingFixtures.test()).run();
        TrainingSnapshot byHand = new Trainer(plain, TrainingFixtures.network(plain),
                InputBlur.apply(Deskew.apply(TrainingFixtures.train()), 0.6),
                InputBlur.apply(Deskew.apply(TrainingFixtures.test()), 0.6)).run();
        assertArrayEquals(byHand.network().theta1Copy(), byStep.network().theta1Copy());
        assertArrayEquals(byHand.network().theta2Copy(), byStep.network().theta2Copy());
        assertEquals(byHand.testAccuracy(), byStep.testAccuracy());
        Network deskewedOnly = new Trainer(plain.withDeskew(true), TrainingFixtures.network(plain),
                TrainingFixtures.train(), TrainingFixtures.test()).run().network();
        assertFalse(Arrays.equals(deskewedOnly.theta1Copy(), byStep.network().theta1Copy()), "blurring must change the images");
    }

    @Test
    void augmentingAheadOnASecondThreadGivesBitIdenticalWeights() {
        TrainingConfig config = adam(6).withAugment(true);
        assertAheadGivesTheWeightsOfInline(config);
        // and again after a cancel part-way: a rerun finishes, with finite weights
        Trainer cancelled = TrainingFixtures.trainer(config.withEpochs(40));
        cancelled.addListener(snapshot -> {
            if (snapshot.epoch() == 3) {
                cancelled.cancel();
            }
        });
        assertEquals(TrainingState.CANCELLED, cancelled.run().state());
        assertEquals(TrainingState.FINISHED, cancelled.run().state());
    }

    @Test
    void erasingAheadOnASecondThreadGivesBitIdenticalWeightsAndChangesThem() {
        TrainingConfig plain = adam(6).withAugment(true);
        TrainingConfig config = plain.withAugmentation(
                plain.augmentation().withErasing(0.5, 3.0, 6.0, Augmentation.EraseShape.DISC, 0.0));
        Network erased = assertAheadGivesTheWeightsOfInline(config);
        Network withoutErasing = TrainingFixtures.trainer(plain).run().network();
        assertFalse(Arrays.equals(withoutErasing.theta1Copy(), erased.theta1Copy()), "erasing must change the images");
    }

    /** Trains {@code config} augmenting ahead and inline, checks both give the same bits, returns the network. */
    private static Network assertAheadGivesTheWeightsOfInline(TrainingConfig config) {
        Trainer ahead = TrainingFixtures.trainer(config);
        ahead.setAugmentAhead(true);
        Trainer inline = TrainingFixtures.trainer(config);
        inline.setAugmentAhead(false);
        TrainingSnapshot a = ahead.run();
        TrainingSnapshot b = inline.run();
        assertArrayEquals(b.network().theta1Copy(), a.network().theta1Copy());
        assertArrayEquals(b.network().theta2Copy(), a.network().theta2Copy());
        return a.network();
    }

    @Test
    void differentSeedGivesDifferentWeights() {
        Network first = TrainingFixtures.trainer(adam(3)).run().network();
        Network second = TrainingFixtures.trainer(adam(3).withSeed(2)).run().network();
        assertFalse(Arrays.equals(first.theta1Copy(), second.theta1Copy()));
    }

    @Test
    void shufflingDependsOnTheSeedEvenWithTheSameInitialWeights() {
        TrainingConfig config = adam(3);
        Network start = TrainingFixtures.network(config);
        Trainer one = new Trainer(config, start.copy(), TrainingFixtures.train(), null);
        Trainer two = new Trainer(config.withSeed(5), start.copy(), TrainingFixtures.train(), null);
        assertFalse(Arrays.equals(one.run().network().theta1Copy(), two.run().network().theta1Copy()));
    }

    @Test
    void publishesInitialWeightsThenEveryEpoch() {
        TrainingConfig config = adam(4);
        Network initial = TrainingFixtures.network(config);
        Trainer trainer = TrainingFixtures.trainer(config);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        TrainingSnapshot last = trainer.run();
        assertEquals(List.of(0, 1, 2, 3, 4), snapshots.stream().map(TrainingSnapshot::epoch).toList());
        assertArrayEquals(initial.theta1Copy(), snapshots.get(0).network().theta1Copy());
        assertEquals(TrainingState.FINISHED, last.state());
        assertEquals(last, trainer.latest());
        assertTrue(last.testAccuracy() >= 0 && last.testAccuracy() <= 1);
        assertTrue(last.elapsedNanos() > 0);
    }

    @Test
    void anUnscoredInitialSnapshotLeavesTheWeightsAndLaterScoresAsTheyWere() {
        TrainingConfig config = adam(3).withAugment(true);
        Trainer scored = TrainingFixtures.trainer(config);
        Trainer unscored = TrainingFixtures.trainer(config);
        unscored.setInitialScoring(InitialScoring.NONE);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        unscored.addListener(snapshots::add);
        TrainingSnapshot a = scored.run();
        TrainingSnapshot b = unscored.run();
        assertEquals(0, snapshots.get(0).epoch());
        assertTrue(Double.isNaN(snapshots.get(0).trainLoss()) && Double.isNaN(snapshots.get(0).testAccuracy()),
                "the initial weights are not scored");
        assertArrayEquals(a.network().theta1Copy(), b.network().theta1Copy());
        assertArrayEquals(a.network().theta2Copy(), b.network().theta2Copy());
        assertEquals(a.trainLoss(), b.trainLoss());
        assertEquals(a.testAccuracy(), b.testAccuracy());
    }

    @Test
    void snapshotsKeepTheWeightsTheyWerePublishedWith() {
        Trainer trainer = TrainingFixtures.trainer(adam(3));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        List<double[]> atPublish = new ArrayList<>();
        trainer.addListener(snapshot -> {
            snapshots.add(snapshot);
            atPublish.add(snapshot.network().theta1Copy());
        });
        trainer.run();
        // The trainer stepped its own buffers after every publish; each snapshot still holds its weights.
        for (int i = 0; i < snapshots.size(); i++) {
            assertArrayEquals(atPublish.get(i), snapshots.get(i).network().theta1Copy(), "snapshot " + i);
        }
        assertFalse(Arrays.equals(snapshots.get(0).network().theta1Copy(), trainer.network().theta1Copy()));
        assertNotSame(trainer.network(), snapshots.get(snapshots.size() - 1).network());
    }

    @Test
    void throttlePublishesFewerSnapshotsButAlwaysTheLast() {
        int epochs = 30;
        Trainer trainer = TrainingFixtures.trainer(adam(epochs));
        trainer.setPublishIntervalMillis(TimeUnit.HOURS.toMillis(1));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        trainer.run();
        assertEquals(List.of(0, epochs), snapshots.stream().map(TrainingSnapshot::epoch).toList());
        assertEquals(TrainingState.FINISHED, snapshots.get(1).state());
    }

    @Test
    void anEpochStrideAddsSnapshotsToTheTimeThrottle() {
        int epochs = 10;
        Trainer trainer = TrainingFixtures.trainer(adam(epochs));
        trainer.setPublishIntervalMillis(TimeUnit.HOURS.toMillis(1));
        trainer.setPublishEveryEpochs(3);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        trainer.run();
        assertEquals(List.of(0, 3, 6, 9, 10), snapshots.stream().map(TrainingSnapshot::epoch).toList());
        assertThrows(IllegalArgumentException.class, () -> trainer.setPublishEveryEpochs(-1));
    }

    @Test
    void stepRunsExactlyOneEpochAndMatchesRun() {
        Trainer stepped = TrainingFixtures.trainer(adam(2));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        stepped.addListener(snapshots::add);
        TrainingSnapshot first = stepped.step();
        assertEquals(1, first.epoch());
        assertEquals(TrainingState.READY, first.state());
        TrainingSnapshot second = stepped.step();
        assertEquals(2, second.epoch());
        assertEquals(TrainingState.FINISHED, second.state());
        assertEquals(List.of(0, 1, 2), snapshots.stream().map(TrainingSnapshot::epoch).toList());
        Network ran = TrainingFixtures.trainer(adam(2)).run().network();
        assertArrayEquals(ran.theta1Copy(), second.network().theta1Copy());
        assertArrayEquals(ran.theta2Copy(), second.network().theta2Copy());
        assertEquals(3, stepped.step().epoch(), "stepping past the planned epochs trains on");
    }

    @Test
    void stepsPastThePlanLearnAtTheFinalFractionOfTheRate() {
        // Past the plan the annealed rate stays at f·α (f = LEARNING_RATE_FINAL_FRACTION = 0.1): the
        // weights still move, by far less than an epoch at the full rate α moves them.
        Trainer annealed = TrainingFixtures.trainer(adam(1));
        double[] planned = annealed.step().network().theta1Copy();
        double[] past = annealed.step().network().theta1Copy();

        Trainer constant = TrainingFixtures.trainer(adam(1));
        constant.setAnnealing(false);
        double[] before = constant.step().network().theta1Copy();
        double[] after = constant.step().network().theta1Copy();
        double moved = largestChange(before, after);
        double movedPast = largestChange(planned, past);
        assertTrue(moved > 1e-4, "without annealing every step moves the weights, largest change " + moved);
        assertTrue(Trainer.LEARNING_RATE_FINAL_FRACTION > 0 == movedPast > 0,
                "past the plan the weights move iff f > 0; largest change " + movedPast);
        assertTrue(movedPast < PAST_PLAN_SHARE * moved,
                "past the plan a step moves less than " + PAST_PLAN_SHARE + " of a full-rate step: " + movedPast
                        + " against " + moved);
    }

    private static double largestChange(double[] from, double[] to) {
        double largest = 0;
        for (int i = 0; i < from.length; i++) {
            largest = Math.max(largest, Math.abs(to[i] - from[i]));
        }
        return largest;
    }

    @Test
    void cancelFromAnotherThreadReturnsPromptlyWithFiniteWeights() throws Exception {
        Trainer trainer = TrainingFixtures.trainer(adam(ENDLESS));
        CountDownLatch trained = new CountDownLatch(3);
        trainer.addListener(s -> trained.countDown());
        AtomicReference<TrainingSnapshot> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(trainer.run()));
        thread.setDaemon(true);
        thread.start();
        assertTrue(trained.await(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        trainer.cancel();
        thread.join(PROMPT_MILLIS);
        assertFalse(thread.isAlive(), "run() did not return after cancel");
        assertEquals(TrainingState.CANCELLED, result.get().state());
        assertTrue(result.get().network().isFinite());
        assertTrue(trainer.network().isFinite());
        assertTrue(result.get().epoch() >= 2);
    }

    @Test
    void runAfterCancelContinuesWhereItStopped() {
        int epochs = 3;
        Trainer trainer = TrainingFixtures.trainer(adam(epochs));
        trainer.cancel();
        TrainingSnapshot cancelled = trainer.run();
        assertEquals(TrainingState.CANCELLED, cancelled.state());
        assertEquals(0, cancelled.epoch());
        TrainingSnapshot finished = trainer.run();
        assertEquals(TrainingState.FINISHED, finished.state());
        assertEquals(epochs, finished.epoch());
        Network uninterrupted = TrainingFixtures.trainer(adam(epochs)).run().network();
        assertArrayEquals(uninterrupted.theta1Copy(), finished.network().theta1Copy());
    }

    @Test
    void cancelInterruptsTheEpochDelay() throws Exception {
        Trainer trainer = TrainingFixtures.trainer(adam(ENDLESS));
        trainer.setEpochDelayMillis(TimeUnit.HOURS.toMillis(1));
        CountDownLatch firstEpoch = new CountDownLatch(2);
        trainer.addListener(s -> firstEpoch.countDown());
        Thread thread = new Thread(trainer::run);
        thread.setDaemon(true);
        thread.start();
        assertTrue(firstEpoch.await(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        trainer.cancel();
        thread.join(PROMPT_MILLIS);
        assertFalse(thread.isAlive(), "cancel did not interrupt the epoch delay");
        assertEquals(1, trainer.latest().epoch());
        assertEquals(TrainingState.CANCELLED, trainer.latest().state());
    }

    @Test
    void pauseBlocksWithoutBurningCpuAndResumeContinues() throws Exception {
        Trainer trainer = TrainingFixtures.trainer(adam(ENDLESS));
        CountDownLatch started = new CountDownLatch(2);
        trainer.addListener(s -> started.countDown());
        AtomicReference<TrainingSnapshot> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(trainer.run()));
        thread.setDaemon(true);
        long wallStart = System.nanoTime();
        thread.start();
        assertTrue(started.await(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        trainer.pause();
        waitForState(trainer, TrainingState.PAUSED);
        int pausedEpoch = trainer.latest().epoch();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(thread.getId());
        Thread.sleep(PAUSE_MILLIS);
        long cpuDuringPause = threads.getThreadCpuTime(thread.getId()) - cpuBefore;
        assertEquals(pausedEpoch, trainer.latest().epoch(), "training went on while paused");
        assertEquals(TrainingState.PAUSED, trainer.state());
        if (threads.isThreadCpuTimeSupported() && cpuBefore >= 0) {
            assertTrue(cpuDuringPause < PAUSED_CPU_BUDGET_NANOS, "paused thread used " + cpuDuringPause + " ns CPU");
        }
        CountDownLatch resumed = new CountDownLatch(1);
        trainer.addListener(s -> resumed.countDown());
        trainer.resume();
        assertTrue(resumed.await(PROMPT_MILLIS, TimeUnit.MILLISECONDS), "no epoch after resume");
        trainer.cancel();
        thread.join(PROMPT_MILLIS);
        long wall = System.nanoTime() - wallStart;
        assertFalse(thread.isAlive());
        assertTrue(result.get().epoch() > pausedEpoch);
        assertTrue(result.get().elapsedNanos() < wall - TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS),
                "pause time must not count as training time");
    }

    @Test
    void cancelWhilePausedEndsTheRun() throws Exception {
        Trainer trainer = TrainingFixtures.trainer(adam(ENDLESS));
        trainer.pause();
        Thread thread = new Thread(trainer::run);
        thread.setDaemon(true);
        thread.start();
        waitForState(trainer, TrainingState.PAUSED);
        trainer.cancel();
        thread.join(PROMPT_MILLIS);
        assertFalse(thread.isAlive());
        assertEquals(TrainingState.CANCELLED, trainer.latest().state());
    }

    @Test
    void hugeLearningRateDivergesAndKeepsTheLastGoodWeights() {
        double learningRate = 1e5;
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.SGD, learningRate, 200);
        Trainer trainer = TrainingFixtures.trainer(config);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        TrainingSnapshot last = trainer.run();
        assertEquals(TrainingState.DIVERGED, last.state());
        assertEquals(TrainingState.DIVERGED, trainer.state());
        assertTrue(last.message().contains("learning rate (100000.0)"), last.message());
        assertTrue(last.message().contains("try 10000.0"), last.message());
        assertTrue(last.message().startsWith("Training diverged at epoch " + (last.epoch() + 1) + ": "), last.message());
        assertTrue(last.epoch() < 200);
        assertTrue(trainer.network().isFinite());
        TrainingSnapshot lastGood = snapshots.get(snapshots.size() - 2);
        assertEquals(TrainingState.RUNNING, lastGood.state());
        assertEquals(last.epoch(), lastGood.epoch());
        assertArrayEquals(lastGood.network().theta1Copy(), trainer.network().theta1Copy());
        assertArrayEquals(lastGood.network().theta2Copy(), trainer.network().theta2Copy());
        assertEquals(TrainingState.DIVERGED, trainer.run().state(), "a diverged trainer stays diverged");
    }

    @Test
    void rejectsANetworkThatDoesNotFitTheData() {
        TrainingConfig config = adam(1);
        Network wrong = config.initialNetwork(TrainingFixtures.WIDTH + 1, TrainingFixtures.HEIGHT, TrainingFixtures.CLASSES);
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer(config, wrong, TrainingFixtures.train(), null));
    }

    @Test
    void withoutTestSetTheTestMetricsAreNaN() {
        TrainingConfig config = adam(1);
        TrainingSnapshot last = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(), null).run();
        assertTrue(Double.isNaN(last.testAccuracy()));
        assertTrue(Double.isNaN(last.testLoss()));
        assertFalse(Double.isNaN(last.trainAccuracy()));
    }

    private static void waitForState(Trainer trainer, TrainingState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROMPT_MILLIS);
        while (trainer.state() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(wanted, trainer.state());
    }
}
