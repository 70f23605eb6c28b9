package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hiddenneurons.core.kernel.Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientCheckTest {

    /** Backprop must match central differences this closely (the course's criterion). */
    private static final double TOLERANCE = 1e-9;
    /** Random shapes tried per activation × output × λ. */
    private static final int SHAPES_PER_CASE = 4;
    /** ReLU cases keep every |z2| at least this far from the kink at 0 (ε-perturbations move z by far less). */
    private static final double RELU_MARGIN = 0.05;

    static Stream<Arguments> everyActivationOutputAndLambda() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (OutputLayer output : OutputLayer.values()) {
                for (double lambda : new double[] {0.0, 1.3}) {
                    cases.add(Arguments.of(activation, output, lambda));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("everyActivationOutputAndLambda")
    void backpropMatchesCentralDifferencesOnRandomSmallShapes(Activation activation, OutputLayer output,
                                                               double lambda) {
        Random random = new Random(TestNetworks.SEED);
        for (int trial = 0; trial < SHAPES_PER_CASE; trial++) {
            NetworkSpec spec = new NetworkSpec(2 + random.nextInt(5), 1 + random.nextInt(3), 1 + random.nextInt(6),
                    2 + random.nextInt(4), activation, output);
            int count = 3 + random.nextInt(6);
            double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
            int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
            Network network = awayFromKink(spec, inputs, count, random);
            for (CostFunction cost : List.of(ReferenceCostFunction.INSTANCE, CostFunction.standard(),
                    new BatchedCostFunction(Kernels.plain(), 1))) {
                double difference = GradientCheck.check(cost, network, inputs, labels, count, lambda);
                assertTrue(difference < TOLERANCE, () -> cost + " on " + spec + ": relative difference " + difference);
            }
        }
    }

    /** A random network; for ReLU, redrawn until no pre-activation z2 is within {@link #RELU_MARGIN} of 0. */
    private static Network awayFromKink(NetworkSpec spec, double[] inputs, int count, Random random) {
        while (true) {
            Network network = TestNetworks.randomNetwork(spec, 0.8, random);
            if (spec.hiddenActivation() != Activation.RELU || minAbsZ2(network, inputs, count) > RELU_MARGIN) {
                return network;
            }
        }
    }

    private static double minAbsZ2(Network network, double[] inputs, int count) {
        int inputSize = network.spec().inputSize();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double[] example = new double[inputSize];
            System.arraycopy(inputs, i * inputSize, example, 0, inputSize);
            for (double z : network.forward(example).z2()) {
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    @Test
    void courseCheckAgreesBelowTheCourseThreshold() {
        double difference = GradientCheck.courseCheck();
        assertTrue(difference < TOLERANCE, "relative difference " + difference);
        assertTrue(difference >= GradientCheck.courseCheck(0.0));
        assertTrue(difference >= GradientCheck.courseCheck(3.0));
    }

    @Test
    void courseCheckUsesTheCourseData() {
        assertArrayEquals(new int[] {1, 2, 0, 1, 2}, GradientCheck.courseLabels());
        double[] inputs = GradientCheck.courseInputs();
        // debugInitializeWeights(5, 2): X(2,1) = sin(2)/10 and X(1,2) = sin(6)/10 in MATLAB's 1-based indices.
        assertEquals(Math.sin(2) / 10, inputs[3], 0.0);
        assertEquals(Math.sin(6) / 10, inputs[1], 0.0);
        Network network = GradientCheck.debugNetwork(GradientCheck.courseSpec());
        assertEquals(5 * 4, network.theta1Copy().length);
        assertEquals(Math.sin(1 + 5) / 10, network.theta1Copy()[1], 0.0);
    }

    @Test
    void centralDifferenceRestoresEachPerturbedWeightExactly() {
        WeightBuffers weights = GradientCheck.debugNetwork(GradientCheck.courseSpec()).mutableCopy();
        double[] theta1 = weights.theta1().clone();
        double[] theta2 = weights.theta2().clone();
        for (int layer = 1; layer <= 2; layer++) {
            for (int index = 0; index < weights.layer(layer).length; index += 3) {
                GradientCheck.centralDifference(CostFunction.standard(), weights, GradientCheck.courseInputs(),
                        GradientCheck.courseLabels(), GradientCheck.COURSE_EXAMPLES, 1.0, layer, index);
            }
        }
        assertArrayEquals(theta1, weights.theta1(), 0.0);
        assertArrayEquals(theta2, weights.theta2(), 0.0);
    }

    @Test
    void relativeDifferenceIsNormOfDifferenceOverNormOfSum() {
        assertEquals(0.0, GradientCheck.relativeDifference(new double[] {1, 2}, new double[] {1, 2}), 0.0);
        // ‖(1,0)−(0,0)‖ / ‖(1,0)+(0,0)‖ = 1; ‖(3,4)−(0,0)‖... with (1,1) vs (1,−1): √4 / √4 = 1.
        assertEquals(1.0, GradientCheck.relativeDifference(new double[] {1, 1}, new double[] {1, -1}), 1e-15);
        assertEquals(1.0 / 3.0, GradientCheck.relativeDifference(new double[] {2}, new double[] {1}), 1e-15);
    }

    @Test
    void checkDetectsAWrongGradient() {
        CostFunction wrong = (network, inputs, labels, count, lambda, out) -> {
            double cost = ReferenceCostFunction.INSTANCE.evaluate(network, inputs, labels, count, lambda, out);
            if (out != null) {
                out.theta1Gradient()[0] *= 1.01;
            }
            return cost;
        };
        double difference = GradientCheck.check(wrong, GradientCheck.debugNetwork(GradientCheck.courseSpec()),
                GradientCheck.courseInputs(), GradientCheck.courseLabels(), GradientCheck.COURSE_EXAMPLES, 0.0);
        assertTrue(difference > 1e-5, "relative difference " + difference);
    }
}
