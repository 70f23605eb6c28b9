package org.hiddenneurons.core.walkthrough;

import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Network;

/**
 * The central difference of ONE weight, for the walkthrough's gradient-check panel.
 * TEMPORARY until core.GradientCheck lands on main; then this delegates to it.
 */
final class NumericalDerivative {

    /** ε of the central difference (the course's 1e-4). */
    static final double EPSILON = 1e-4;

    private NumericalDerivative() {
    }

    /**
     * (J(θ + ε) − J(θ − ε)) / 2ε for weight {@code index} of Θ{@code layer}.
     *
     * @param network perturbed during the call, restored exactly afterwards
     */
    static double centralDifference(CostFunction cost, Network network, double[] inputs, int[] labels,
                                    double lambda, int layer, int index) {
        double[] weights = layer == 1 ? network.theta1() : network.theta2();
        double original = weights[index];
        weights[index] = original + EPSILON;
        double plus = cost.evaluate(network, inputs, labels, labels.length, lambda, null);
        weights[index] = original - EPSILON;
        double minus = cost.evaluate(network, inputs, labels, labels.length, lambda, null);
        weights[index] = original;
        return (plus - minus) / (2.0 * EPSILON);
    }

    /** |numerical − analytic| / |numerical + analytic|, 0 when both are 0. */
    static double relativeDifference(double numerical, double analytic) {
        double sum = Math.abs(numerical + analytic);
        double difference = Math.abs(numerical - analytic);
        return sum == 0.0 ? difference : difference / sum;
    }
}
