package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cancel that arrives during a full-batch optimizer's step (L-BFGS's line search evaluates J
 * several times per step) ends the run after the evaluation in progress: the step is abandoned,
 * the weights of the last completed epoch are kept, and a later run repeats that step exactly.
 */
class TrainerCancelInStepTest {

    private static final int EPOCHS = 8;
    /** The cancel is requested during this evaluation of J (counted from 1). */
    private static final int CANCEL_AT_EVALUATION = 6;

    /** Counts evaluations of the standard cost and cancels the trainer during one of them. */
    private static final class CancellingCost implements CostFunction {
        final CostFunction inner = CostFunction.standard();
        final AtomicReference<Trainer> trainer = new AtomicReference<>();
        final AtomicInteger evaluations = new AtomicInteger();
        int cancelAt = Integer.MAX_VALUE;

        @Override
        public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
            if (evaluations.incrementAndGet() == cancelAt) {
                trainer.get().cancel();
            }
            return inner.evaluate(network, inputs, labels, count, lambda, out);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"LBFGS", "GD"})
    void cancelDuringAStepAbandonsItAndARestartRepeatsItExactly(OptimizerKind kind) {
        TrainingConfig config = TrainingFixtures.config(kind, kind == OptimizerKind.GD ? 1.0 : 0.01, EPOCHS);
        Network uninterrupted = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(),
                TrainingFixtures.test()).run().network();

        CancellingCost cost = new CancellingCost();
        cost.cancelAt = CANCEL_AT_EVALUATION;
        Trainer trainer = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(),
                TrainingFixtures.test(), cost);
        cost.trainer.set(trainer);
        List<TrainingSnapshot> published = new ArrayList<>();
        AtomicInteger evaluationsAtLastEpoch = new AtomicInteger();
        trainer.addListener(snapshot -> {
            published.add(snapshot);
            if (snapshot.state() == TrainingState.RUNNING) {
                evaluationsAtLastEpoch.set(cost.evaluations.get());
            }
        });

        TrainingSnapshot cancelled = trainer.run();

        assertEquals(TrainingState.CANCELLED, cancelled.state());
        assertEquals(CANCEL_AT_EVALUATION, cost.evaluations.get(), "no evaluation may start after the cancel");
        TrainingSnapshot lastEpoch = published.get(published.size() - 2);
        assertEquals(TrainingState.RUNNING, lastEpoch.state());
        assertEquals(lastEpoch.epoch(), cancelled.epoch(), "the step in progress is abandoned");
        assertArrayEquals(lastEpoch.network().theta1Copy(), cancelled.network().theta1Copy());
        assertArrayEquals(lastEpoch.network().theta2Copy(), cancelled.network().theta2Copy());

        TrainingSnapshot finished = trainer.run();
        assertEquals(TrainingState.FINISHED, finished.state());
        assertEquals(EPOCHS, finished.epoch());
        assertArrayEquals(uninterrupted.theta1Copy(), finished.network().theta1Copy());
        assertArrayEquals(uninterrupted.theta2Copy(), finished.network().theta2Copy());
    }

    @Test
    void lbfgsNeedsSeveralEvaluationsForTheFirstEpochsOfTheFixture() {
        // Guards the test above: evaluation CANCEL_AT_EVALUATION falls inside a step, after epoch 1.
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.LBFGS, 0.01, EPOCHS);
        CancellingCost cost = new CancellingCost();
        Trainer trainer = new Trainer(config, TrainingFixtures.network(config), TrainingFixtures.train(),
                TrainingFixtures.test(), cost);
        List<Integer> evaluationsPerEpoch = new ArrayList<>();
        trainer.addListener(snapshot -> evaluationsPerEpoch.add(cost.evaluations.get()));
        trainer.run();
        int afterFirstEpoch = evaluationsPerEpoch.get(1);
        assertEquals(true, afterFirstEpoch < CANCEL_AT_EVALUATION, "evaluations after epoch 1: " + evaluationsPerEpoch);
    }
}
