package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;

/**
 * The divergence rule of {@link Trainer} for losses and weights that run away while staying
 * finite: caught in the epoch the bound is crossed (no earlier, no later), the last completed
 * epoch's weights restored, and a message naming the rule's numbers. The cost here is a fake with a
 * known shape: J depends on one weight w = Θ1[0][1] only, and ∂J/∂w is a constant, so plain
 * gradient descent with α = 1 moves w by exactly that constant each epoch.
 */
class TrainerDivergenceRuleTest {

    /** Θ1[0][1] (row 0, column 1: not a bias). */
    private static final int WATCHED = 1;

    /** J = cost(w), ∂J/∂w = slope, every other gradient 0. */
    private static final class OneWeightCost implements CostFunction {
        private final DoubleUnaryOperator cost;
        private final double slope;

        OneWeightCost(DoubleUnaryOperator cost, double slope) {
            this.cost = cost;
            this.slope = slope;
        }

        @Override
        public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
            double value = cost.applyAsDouble(network.theta1Copy()[WATCHED]);
            if (out != null) {
                Arrays.fill(out.theta1Gradient(), 0.0);
                Arrays.fill(out.theta2Gradient(), 0.0);
                out.theta1Gradient()[WATCHED] = slope;
                out.setCost(value);
            }
            return value;
        }
    }

    private record Outcome(List<TrainingSnapshot> published, TrainingSnapshot last, double startWeight) {
    }

    private static Outcome run(CostFunction cost, int epochs) {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.GD, 1.0, epochs);
        Network network = TrainingFixtures.network(config);
        double start = network.theta1Copy()[WATCHED];
        Trainer trainer = new Trainer(config, network, TrainingFixtures.train(), TrainingFixtures.test(), cost);
        List<TrainingSnapshot> published = new ArrayList<>();
        trainer.addListener(published::add);
        return new Outcome(published, trainer.run(), start);
    }

    @Test
    void aLossThatGrowsButStaysFiniteIsCaughtInTheEpochItPassesTheBound() {
        // J = e^w and w grows by 1 per epoch: J is multiplied by e each epoch, always finite.
        Outcome outcome = run(new OneWeightCost(Math::exp, -1.0), 100);
        double lowest = Math.exp(outcome.startWeight); // J at the initial weights, the lowest J ever seen
        double bound = Trainer.DIVERGENCE_LOSS_FACTOR * Math.max(lowest, Trainer.DIVERGENCE_LOSS_FLOOR);
        int failing = 1;
        while (Math.exp(outcome.startWeight + failing) <= bound) {
            failing++;
        }

        TrainingSnapshot last = outcome.last;
        assertEquals(TrainingState.DIVERGED, last.state());
        assertEquals(failing - 1, last.epoch(), "caught in the epoch that crossed the bound");
        assertTrue(last.message().startsWith("Training diverged at epoch " + failing + ": the loss J rose to "),
                last.message());
        assertTrue(last.message().contains("× its lowest value") && last.message().contains("last good weights"),
                last.message());
        assertRestored(outcome, outcome.startWeight + failing - 1);
    }

    @Test
    void weightsThatRunAwayWhileTheLossStaysFlatAreCaught() {
        // λ = 0-like situation: J saturates (here: constant) while a weight grows by 10⁵ per epoch.
        double slope = -1e5;
        Outcome outcome = run(new OneWeightCost(w -> 1.0, slope), 100);
        int failing = 1;
        while (Math.abs(outcome.startWeight - slope * failing) <= Trainer.DIVERGENCE_MAX_WEIGHT) {
            failing++;
        }

        TrainingSnapshot last = outcome.last;
        assertEquals(TrainingState.DIVERGED, last.state());
        assertEquals(failing - 1, last.epoch());
        assertTrue(last.message().startsWith("Training diverged at epoch " + failing + ": a weight reached "),
                last.message());
        assertRestored(outcome, outcome.startWeight - slope * (failing - 1));
    }

    @Test
    void aRiseSmallerThanTheFactorIsNotDivergence() {
        // J rises about 200-fold over the first epochs, then falls: a bad start, not a divergence.
        Outcome outcome = run(new OneWeightCost(w -> Math.exp(-Math.abs(w - 6.2)) * 500.0 + 1.0, -1.0), 12);
        assertEquals(TrainingState.FINISHED, outcome.last.state(), outcome.last.message());
        assertEquals(12, outcome.last.epoch());
    }

    @Test
    void aLargeButFallingRegularisedLossIsNotDivergence() {
        // λ = 1000 makes J large from the start; a run that lowers it is healthy.
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 1e-3, 30).withLambda(1e3);
        TrainingSnapshot last = TrainingFixtures.trainer(config).run();
        assertEquals(TrainingState.FINISHED, last.state(), last.message());
    }

    /** The DIVERGED snapshot and the one before it hold the last completed epoch's weights, w included. */
    private static void assertRestored(Outcome outcome, double expectedWeight) {
        List<TrainingSnapshot> published = outcome.published;
        TrainingSnapshot last = published.get(published.size() - 1);
        TrainingSnapshot before = published.get(published.size() - 2);
        assertEquals(last.epoch(), before.epoch());
        assertArrayEquals(before.network().theta1Copy(), last.network().theta1Copy());
        assertArrayEquals(before.network().theta2Copy(), last.network().theta2Copy());
        assertEquals(expectedWeight, last.network().theta1Copy()[WATCHED], Math.ulp(expectedWeight) * 4);
    }
}
