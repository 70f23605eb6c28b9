package org.hiddenneurons.core.walkthrough;

import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.GradientCheck;
import org.hiddenneurons.core.WeightBuffers;

/**
 * The central difference of ONE weight, for the walkthrough's gradient-check panel:
 * {@link GradientCheck#centralDifference} and {@link GradientCheck#relativeDifference} addressed by
 * layer and index. ({@link GradientCheck#numericalGradient} perturbs every weight, ~20 000 cost
 * evaluations for the 400-25-10 net; the panel needs one.)
 */
final class NumericalDerivative {

    /** ε of the central difference: {@link GradientCheck#EPSILON}. */
    static final double EPSILON = GradientCheck.EPSILON;

    private NumericalDerivative() {
    }

    /**
     * (J(θ + ε) − J(θ − ε)) / 2ε for weight {@code index} of Θ{@code layer}.
     *
     * @param weights perturbed during the call, restored exactly afterwards
     */
    static double centralDifference(CostFunction cost, WeightBuffers weights, double[] inputs, int[] labels,
                                    double lambda, int layer, int index) {
        return GradientCheck.centralDifference(cost, weights, inputs, labels, labels.length, lambda, layer, index);
    }

    /** |numerical − analytic| / |numerical + analytic|, 0 when both are 0. */
    static double relativeDifference(double numerical, double analytic) {
        return GradientCheck.relativeDifference(new double[] {numerical}, new double[] {analytic});
    }
}
