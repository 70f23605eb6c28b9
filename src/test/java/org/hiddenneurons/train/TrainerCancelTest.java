package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;

/**
 * Where a cancel lands in a mini-batch run and what it costs: no evaluation starts after it, the
 * epoch in progress is rolled back to the last completed one, whose scores are reused rather than
 * computed again, and a cancel before any scoring publishes "not measured" instead of scoring.
 */
class TrainerCancelTest {

    /** 120 training samples in mini-batches of 10. */
    private static final int BATCHES_PER_EPOCH = 12;

    /** Counts evaluations and cancels the trainer during one of them. */
    private static final class CancellingCost implements CostFunction {
        final CostFunction inner = CostFunction.standard();
        final AtomicReference<Trainer> trainer = new AtomicReference<>();
        final AtomicInteger evaluations = new AtomicInteger();
        final int cancelAt;

        CancellingCost(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
            if (evaluations.incrementAndGet() == cancelAt) {
                trainer.get().cancel();
            }
            return inner.evaluate(network, inputs, labels, count, lambda, out);
        }
    }

    @Test
    void aCancelInAMiniBatchEpochRestoresTheLastCompletedEpochAndReusesItsScores() {
        int cancelAt = 2 * BATCHES_PER_EPOCH + 5; // the 5th mini-batch of epoch 3
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 20);
        CancellingCost cost = new CancellingCost(cancelAt);
        Trainer trainer = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(),
                TrainingFixtures.test(), cost);
        cost.trainer.set(trainer);
        List<TrainingSnapshot> published = new ArrayList<>();
        trainer.addListener(published::add);

        TrainingSnapshot cancelled = trainer.run();

        assertEquals(TrainingState.CANCELLED, cancelled.state());
        assertEquals(cancelAt, cost.evaluations.get(), "no evaluation may start after the cancel");
        TrainingSnapshot lastEpoch = published.get(published.size() - 2);
        assertEquals(2, lastEpoch.epoch());
        assertEquals(2, cancelled.epoch());
        assertArrayEquals(lastEpoch.network().theta1Copy(), cancelled.network().theta1Copy(), "epoch 3's batches rolled back");
        assertArrayEquals(lastEpoch.network().theta2Copy(), cancelled.network().theta2Copy());
        assertEquals(lastEpoch.trainLoss(), cancelled.trainLoss());
        assertEquals(lastEpoch.testAccuracy(), cancelled.testAccuracy());

        TrainingSnapshot restarted = trainer.run();
        assertEquals(TrainingState.FINISHED, restarted.state());
        assertEquals(20, restarted.epoch());
        assertTrue(Double.isFinite(restarted.trainLoss()));
    }

    @Test
    void aCancelBeforeTheFirstScoringPublishesNoScoresAndARestartScores() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.LBFGS, 0.01, 3);
        Trainer trainer = TrainingFixtures.trainer(config);
        List<TrainingSnapshot> published = new ArrayList<>();
        trainer.addListener(published::add);
        trainer.cancel();

        TrainingSnapshot cancelled = trainer.run();

        assertEquals(TrainingState.CANCELLED, cancelled.state());
        assertEquals(0, cancelled.epoch());
        assertTrue(Double.isNaN(cancelled.trainLoss()) && Double.isNaN(cancelled.testAccuracy()),
                "the weights were never scored: not measured");
        assertEquals(List.of(cancelled), published);

        TrainingSnapshot finished = trainer.run();
        assertEquals(TrainingState.FINISHED, finished.state());
        assertTrue(Double.isFinite(finished.trainLoss()) && Double.isFinite(finished.testAccuracy()));
        assertTrue(published.stream().allMatch(s -> s.state() == TrainingState.CANCELLED || Double.isFinite(s.trainLoss())),
                "every other snapshot is scored");
    }
}
