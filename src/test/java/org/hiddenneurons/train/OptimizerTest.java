package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    /** Far below the loss drop every optimizer achieves on the fixture. */
    private static final double REQUIRED_LOSS_DROP = 0.2;

    @ParameterizedTest
    @CsvSource({"GD, 2.0, 40", "SGD, 0.1, 20", "ADAM, 0.01, 20", "LBFGS, 1.0, 20"})
    void eachOptimizerLowersTheTrainingLoss(OptimizerKind kind, double learningRate, int epochs) {
        Trainer trainer = TrainingFixtures.trainer(TrainingFixtures.config(kind, learningRate, epochs));
        double[] firstLoss = {Double.NaN};
        trainer.addListener(s -> {
            if (s.epoch() == 0) {
                firstLoss[0] = s.trainLoss();
            }
        });
        TrainingSnapshot last = trainer.run();
        assertEquals(TrainingState.FINISHED, last.state());
        assertEquals(epochs, last.epoch());
        assertTrue(last.trainLoss() < firstLoss[0] - REQUIRED_LOSS_DROP,
                kind + ": loss went from " + firstLoss[0] + " to " + last.trainLoss());
        assertTrue(last.testAccuracy() > 0.9, kind + ": test accuracy " + last.testAccuracy());
    }

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        // With bias correction, m̂ = g and v̂ = g² after one step, so |Δθ| = α·|g|/(|g| + ε) ≈ α.
        double learningRate = 0.05;
        double[] theta = {1.0, -2.0, 3.0};
        double[] grad = new double[3];
        Adam adam = new Adam(learningRate);
        adam.initialize(new double[][] {theta}, new double[][] {grad});
        adam.step(() -> {
            grad[0] = 0.3;
            grad[1] = -7.0;
            grad[2] = 1e-3;
            return 0.0;
        });
        assertEquals(1.0 - learningRate, theta[0], 1e-6);
        assertEquals(-2.0 + learningRate, theta[1], 1e-6);
        assertEquals(3.0 - learningRate, theta[2], 1e-4);
        assertEquals(1, adam.stepCount());
    }

    @Test
    void momentumAccumulatesVelocity() {
        // Constant gradient g: v1 = −αg, v2 = −αg(1 + μ); θ2 = θ0 − αg(2 + μ).
        double learningRate = 0.1;
        double momentum = 0.5;
        double[] theta = {0.0};
        double[] grad = new double[1];
        MomentumSgd sgd = new MomentumSgd(learningRate, momentum);
        sgd.initialize(new double[][] {theta}, new double[][] {grad});
        Objective constant = () -> {
            grad[0] = 2.0;
            return 0.0;
        };
        sgd.step(constant);
        sgd.step(constant);
        assertEquals(-learningRate * 2.0 * (2.0 + momentum), theta[0], 1e-15);
    }

    @Test
    void gradientDescentMinimisesAQuadraticBowl() {
        Random random = new Random(42);
        double[] theta = {random.nextGaussian(), random.nextGaussian()};
        double[] grad = new double[2];
        GradientDescent gd = new GradientDescent(0.4);
        gd.initialize(new double[][] {theta}, new double[][] {grad});
        // J = (θ0 − 1)² + 2(θ1 + 3)²
        Objective bowl = () -> {
            grad[0] = 2 * (theta[0] - 1);
            grad[1] = 4 * (theta[1] + 3);
            return Math.pow(theta[0] - 1, 2) + 2 * Math.pow(theta[1] + 3, 2);
        };
        double cost = Double.NaN;
        for (int i = 0; i < 100; i++) {
            cost = gd.step(bowl);
        }
        assertEquals(1.0, theta[0], 1e-9);
        assertEquals(-3.0, theta[1], 1e-9);
        assertEquals(0.0, cost, 1e-15);
    }
}
