package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training never crashes or freezes over the whole range of settings the app accepts (learning
 * rate 1e-6 … 1e3, λ 0 … 1e3, every optimizer); a divergence is caught in the epoch it happens,
 * reported with a message, and the last finite weights are restored; settings changed from
 * another thread during a run are applied safely, and invalid ones are refused with a message.
 */
class TrainingRobustnessTest {

    private static final double[] LEARNING_RATES = {1e-6, 1e-3, 1.0, 1e3};
    private static final double[] LAMBDAS = {0.0, 1.0, 1e3};
    private static final int EPOCHS = 40;
    /** "Never freezes": a run of the tiny problem takes milliseconds; this bound is only a hang detector. */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(20);
    private static final Split DATA = TrainingRuns.tinySplit(50, 20);

    static Stream<Arguments> settings() {
        List<Arguments> all = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (double learningRate : LEARNING_RATES) {
                for (double lambda : LAMBDAS) {
                    all.add(Arguments.of(kind, learningRate, lambda));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} alpha={1} lambda={2}")
    @MethodSource("settings")
    void extremeSettingsFinishOrDivergeCleanly(OptimizerKind kind, double learningRate, double lambda) {
        TrainingConfig config = TrainingRuns.tinyConfig(kind, learningRate, lambda, EPOCHS);
        Trainer trainer = TrainingRuns.trainer(config, DATA);
        List<TrainingSnapshot> published = new ArrayList<>();
        trainer.addListener(published::add);

        TrainingSnapshot last = assertTimeoutPreemptively(HANG_LIMIT, trainer::run);

        assertTrue(last.network().isFinite(), "final weights must be finite");
        assertTrue(trainer.network().isFinite(), "the trainer's weights must be finite");
        for (TrainingSnapshot snapshot : published) {
            assertTrue(snapshot.network().isFinite(), "published weights must be finite, epoch " + snapshot.epoch());
            assertTrue(snapshot.trainAccuracy() >= 0 && snapshot.trainAccuracy() <= 1 || snapshot.epoch() == 0
                    || snapshot.state() == TrainingState.READY, "accuracy in [0, 1]");
        }
        if (last.state() == TrainingState.FINISHED) {
            assertEquals(EPOCHS, last.epoch());
            // No run ends FINISHED with runaway weights (they are a divergence, caught earlier).
            assertTrue(largestWeight(last) <= Trainer.DIVERGENCE_MAX_WEIGHT, "largest |w| " + largestWeight(last));
            return;
        }
        assertEquals(TrainingState.DIVERGED, last.state(), "a run ends FINISHED or DIVERGED, got " + last.state());
        assertTrue(last.message().startsWith("Training diverged at epoch " + (last.epoch() + 1) + ": "), last.message());
        // Caught in the epoch it happened: the snapshot before is the last completed epoch, and its
        // (finite) weights are the ones restored.
        TrainingSnapshot lastGood = published.get(published.size() - 2);
        assertEquals(last.epoch(), lastGood.epoch());
        assertArrayEquals(lastGood.network().theta1Copy(), last.network().theta1Copy());
        assertArrayEquals(lastGood.network().theta2Copy(), last.network().theta2Copy());
        assertArrayEquals(lastGood.network().theta1Copy(), trainer.network().theta1Copy());
        assertEquals(TrainingState.DIVERGED, trainer.run().state(), "a diverged trainer stays diverged");
        assertEquals(TrainingState.DIVERGED, trainer.step().state());
    }

    @Test
    void theGridContainsDivergingRuns() {
        // Guards the test above: without a diverging case its divergence branch would never run.
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.SGD, 1e3, 1e3, EPOCHS);
        assertEquals(TrainingState.DIVERGED, TrainingRuns.trainer(config, DATA).run().state());
    }

    @Test
    void aLossThatExplodesWhileStayingFiniteIsReportedAsDivergence() {
        // GD α = 1, λ = 1000 on the tiny problem: weights grew to ~1e50 over 40 epochs, all finite,
        // and the run used to end FINISHED at chance accuracy.
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.GD, 1.0, 1e3, EPOCHS);
        TrainingSnapshot last = TrainingRuns.trainer(config, DATA).run();
        assertEquals(TrainingState.DIVERGED, last.state());
        assertTrue(last.message().contains(": the loss J rose to "), last.message());
        assertTrue(last.epoch() < EPOCHS / 4, "caught early, got epoch " + last.epoch());
    }

    @Test
    void legitimateRunsWithLargeRegularisationOrLongTrainingAreNotFlagged() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            TrainingConfig heavy = TrainingRuns.tinyConfig(kind, kind == OptimizerKind.GD ? 0.1 : 1e-3, 1e3, EPOCHS);
            assertEquals(TrainingState.FINISHED, TrainingRuns.trainer(heavy, DATA).run().state(), kind + " λ=1000");
            TrainingConfig plain = TrainingRuns.tinyConfig(kind, kind == OptimizerKind.GD ? 1.0 : 0.01, 0.0, 400);
            TrainingSnapshot last = TrainingRuns.trainer(plain, DATA).run();
            assertEquals(TrainingState.FINISHED, last.state(), kind + " λ=0, 400 epochs: " + last.message());
        }
    }

    private static double largestWeight(TrainingSnapshot snapshot) {
        double largest = 0;
        for (double[] weights : new double[][] {snapshot.network().theta1Copy(), snapshot.network().theta2Copy()}) {
            for (double w : weights) {
                largest = Math.max(largest, Math.abs(w));
            }
        }
        return largest;
    }

    @Test
    void invalidSettingsAreRefusedWithAMessage() {
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.ADAM, 0.01, 0.0, EPOCHS);
        Trainer trainer = TrainingRuns.trainer(config, DATA);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> trainer.setEpochDelayMillis(-1)), "-1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> trainer.setPublishIntervalMillis(-5)), "-5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> config.withLambda(-1.0)), "lambda");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> config.withLambda(Double.NaN)), "lambda");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TrainingRuns.tinyConfig(OptimizerKind.ADAM,
                Double.POSITIVE_INFINITY, 0.0, EPOCHS)), "learning rate");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TrainingRuns.tinyConfig(OptimizerKind.ADAM,
                0.0, 0.0, EPOCHS)), "learning rate");
        assertEquals(TrainingState.FINISHED, trainer.run().state(), "refused settings leave the trainer usable");
    }

    @Test
    void settingsChangedDuringARunAreAppliedSafely() throws Exception {
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.ADAM, 0.01, 1.0, 300);
        Trainer quiet = TrainingRuns.trainer(config, DATA);
        TrainingSnapshot expected = quiet.run();

        Trainer trainer = TrainingRuns.trainer(config, DATA);
        AtomicBoolean stop = new AtomicBoolean();
        Thread meddler = new Thread(() -> {
            Random random = new Random(42);
            while (!stop.get()) {
                switch (random.nextInt(4)) {
                    case 0 -> trainer.setEpochDelayMillis(random.nextInt(2));
                    case 1 -> trainer.setPublishIntervalMillis(random.nextInt(3));
                    case 2 -> trainer.pause();
                    default -> trainer.resume();
                }
                Thread.onSpinWait();
            }
            trainer.resume();
        }, "meddler");
        meddler.setDaemon(true);
        meddler.start();
        TrainingRuns.BackgroundRun run = new TrainingRuns.BackgroundRun(trainer, "trainer");
        boolean ended = run.join(HANG_LIMIT.toMillis() / 2, TimeUnit.MILLISECONDS);
        stop.set(true);
        meddler.join(HANG_LIMIT.toMillis());
        ended = ended || run.join(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(ended, "the run must end once nobody pauses it");
        assertFalse(meddler.isAlive());

        TrainingSnapshot result = run.result();
        assertEquals(TrainingState.FINISHED, result.state());
        assertEquals(300, result.epoch());
        // Delay, publishing and pausing change when things happen, never what is computed.
        assertArrayEquals(expected.network().theta1Copy(), result.network().theta1Copy());
        assertArrayEquals(expected.network().theta2Copy(), result.network().theta2Copy());
    }

    private static void assertMessage(IllegalArgumentException e, String mustContain) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(mustContain), e.getMessage());
    }
}
