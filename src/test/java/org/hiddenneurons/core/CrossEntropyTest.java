package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.core.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * The cross-entropy cost is computed from z3 (log-sum-exp for softmax, softplus for sigmoid), not
 * as −log of a clamped probability: the same value where the old formula was finite and exact,
 * and the true (large) value where the old one clamped log(0) to log(MIN_NORMAL) ≈ −708.4.
 */
class CrossEntropyTest {

    /** Costs here are at most ~60; the two formulations differ by rounding only. */
    private static final double COST_TOLERANCE = 1e-10;
    /**
     * Output sums within ±this keep the old formulation accurate: for softmax the probabilities
     * stay far above underflow; for sigmoid 1 − σ(z) keeps ≥ 4 significant digits of 16 (beyond
     * that the old 1 − σ(z) cancels, and only the new softplus form is exact).
     */
    private static final double SOFTMAX_RANGE = 30.0;
    private static final double SIGMOID_RANGE = 8.0;
    /** Output sums this far apart make the old probability underflow to 0. */
    private static final double HUGE_LOGIT = 1000.0;
    private static final int HIDDEN = 3;
    private static final int INPUTS = 4;
    private static final int OUTPUTS = 10;

    /** The old formulation, written out here as the oracle for the finite range. */
    private static double oldCost(OutputLayer output, double[] z3, int label) {
        double[] a3 = new double[z3.length];
        Network.outputActivation(output, z3, 0, a3, 0, z3.length);
        if (output == OutputLayer.SOFTMAX_CROSS_ENTROPY) {
            return -Math.log(Math.max(a3[label], Double.MIN_NORMAL));
        }
        double sum = 0;
        for (int k = 0; k < z3.length; k++) {
            double p = k == label ? a3[k] : 1.0 - a3[k];
            sum -= Math.log(Math.max(p, Double.MIN_NORMAL));
        }
        return sum;
    }

    @Test
    void equalsTheOldCostWhereTheOldOneIsFinite() {
        Random random = new Random(42);
        for (OutputLayer output : OutputLayer.values()) {
            for (int trial = 0; trial < 1000; trial++) {
                double[] z3 = new double[OUTPUTS];
                for (int k = 0; k < OUTPUTS; k++) {
                    z3[k] = (random.nextDouble() * 2 - 1)
                            * (output == OutputLayer.SOFTMAX_CROSS_ENTROPY ? SOFTMAX_RANGE : SIGMOID_RANGE);
                }
                int label = random.nextInt(OUTPUTS);
                assertEquals(oldCost(output, z3, label), CrossEntropy.exampleCost(output, z3, 0, OUTPUTS, label),
                        COST_TOLERANCE, output + " trial " + trial);
            }
        }
    }

    /**
     * A network whose hidden units are silent-free constants and whose output sums are its output
     * biases: z3 = Θ2[:,0] + Θ2[:,1:]·a2 with Θ2[:,1:] = 0, so z3 = the biases exactly.
     */
    private static Network withOutputSums(OutputLayer output, double[] z3) {
        NetworkSpec spec = new NetworkSpec(INPUTS, 1, HIDDEN, OUTPUTS, Activation.SIGMOID, output);
        double[] theta1 = new double[HIDDEN * (INPUTS + 1)];
        double[] theta2 = new double[OUTPUTS * (HIDDEN + 1)];
        for (int k = 0; k < OUTPUTS; k++) {
            theta2[k * (HIDDEN + 1)] = z3[k];
        }
        return new Network(spec, theta1, theta2);
    }

    @Test
    void softmaxCostIsNotCappedWhereTheOldOneClamped() {
        double[] z3 = new double[OUTPUTS];
        z3[1] = HUGE_LOGIT; // the network is sure of 1; the label is 0
        // J = log Σ e^z − z_0 = log(e^1000 + 9) − 0 = 1000 + log(1 + 9e^−1000) = 1000 in double.
        double expected = HUGE_LOGIT;
        assertCost(withOutputSums(OutputLayer.SOFTMAX_CROSS_ENTROPY, z3), expected);
    }

    @Test
    void sigmoidCostIsNotCappedWhereTheOldOneClamped() {
        double[] z3 = new double[OUTPUTS];
        z3[0] = -HUGE_LOGIT; // output 0 says "not 0" with certainty; the label is 0
        // J = softplus(1000) + 9·softplus(0) = 1000 + 9·log 2.
        double expected = HUGE_LOGIT + (OUTPUTS - 1) * Math.log(2);
        assertCost(withOutputSums(OutputLayer.SIGMOID_CROSS_ENTROPY, z3), expected);
    }

    private static void assertCost(Network network, double expected) {
        double[] inputs = new double[INPUTS];
        int[] labels = {0};
        CostFunction[] costs = {ReferenceCostFunction.INSTANCE, new BatchedCostFunction(Kernels.plain(), 1),
                BatchedCostFunction.fastest()};
        for (CostFunction cost : costs) {
            double j = cost.evaluate(network, inputs, labels, 1, 0.0, new Gradients(network.spec()));
            assertTrue(Double.isFinite(j), cost + ": " + j);
            assertEquals(expected, j, COST_TOLERANCE, cost.toString());
        }
    }
}
