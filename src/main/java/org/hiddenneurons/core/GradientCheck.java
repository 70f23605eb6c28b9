package org.hiddenneurons.core;

import java.util.List;

/**
 * Gradient checking: backpropagation's gradients against central finite differences, as in the
 * course's checkNNGradients (ex4).
 *
 * <p>Numerical gradient of parameter θ_i: (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε with ε = {@link #EPSILON}.
 * Agreement is measured by the relative difference ‖num − bp‖ / ‖num + bp‖ (Euclidean norms over
 * all parameters); the course expects it below {@value #COURSE_THRESHOLD}.
 */
public final class GradientCheck {

    /** The finite-difference step ε (the course's e = 1e-4). */
    public static final double EPSILON = 1e-4;
    /** The course's bar: backprop agrees with finite differences when the relative difference is below it. */
    public static final double COURSE_THRESHOLD = 1e-9;
    /** The course's check network: inputs, hidden units, outputs and examples (checkNNGradients). */
    public static final int COURSE_INPUTS = 3;
    public static final int COURSE_HIDDEN = 5;
    public static final int COURSE_OUTPUTS = 3;
    public static final int COURSE_EXAMPLES = 5;
    /** The regularisation strengths the course checks with: 0 in checkNNGradients, then 3. */
    public static final List<Double> COURSE_LAMBDAS = List.of(0.0, 3.0);

    private GradientCheck() {
    }

    /**
     * Central-difference gradient of J with respect to every weight: Θ1 row-major, then Θ2
     * row-major (the layout of {@link Gradients}). Each weight of a private copy is perturbed in
     * turn and restored to its exact original value.
     *
     * @param network not modified
     * @return length |Θ1| + |Θ2|
     */
    public static double[] numericalGradient(CostFunction cost, Network network, double[] inputs, int[] labels,
                                             int count, double lambda) {
        WeightBuffers weights = network.mutableCopy();
        int size1 = weights.theta1().length;
        double[] gradient = new double[size1 + weights.theta2().length];
        for (int i = 0; i < gradient.length; i++) {
            int layer = i < size1 ? 1 : 2;
            int index = i < size1 ? i : i - size1;
            gradient[i] = centralDifference(cost, weights, inputs, labels, count, lambda, layer, index);
        }
        return gradient;
    }

    /**
     * (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε for the ONE weight {@code weights.layer(layer)[index]}.
     *
     * @param weights perturbed during the call, the element restored to its exact original value afterwards
     * @param layer   1 for Θ1, 2 for Θ2
     */
    public static double centralDifference(CostFunction cost, WeightBuffers weights, double[] inputs, int[] labels,
                                           int count, double lambda, int layer, int index) {
        double[] values = weights.layer(layer);
        Network network = weights.view();
        double original = values[index];
        values[index] = original + EPSILON;
        double plus = cost.evaluate(network, inputs, labels, count, lambda, null);
        values[index] = original - EPSILON;
        double minus = cost.evaluate(network, inputs, labels, count, lambda, null);
        values[index] = original;
        return (plus - minus) / (2.0 * EPSILON);
    }

    /** Backpropagation's gradient in the layout of {@link #numericalGradient}: Θ1 then Θ2, row-major. */
    public static double[] backpropGradient(CostFunction cost, Network network, double[] inputs, int[] labels,
                                            int count, double lambda) {
        Gradients gradients = new Gradients(network.spec());
        cost.evaluate(network, inputs, labels, count, lambda, gradients);
        double[] g1 = gradients.theta1Gradient();
        double[] g2 = gradients.theta2Gradient();
        double[] all = new double[g1.length + g2.length];
        System.arraycopy(g1, 0, all, 0, g1.length);
        System.arraycopy(g2, 0, all, g1.length, g2.length);
        return all;
    }

    /**
     * ‖numerical − analytic‖ / ‖numerical + analytic‖, 0 when both are zero.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double relativeDifference(double[] numerical, double[] analytic) {
        if (numerical.length != analytic.length) {
            throw new IllegalArgumentException("gradients have " + numerical.length + " and " + analytic.length
                    + " values");
        }
        double difference = 0.0;
        double sum = 0.0;
        for (int i = 0; i < numerical.length; i++) {
            double d = numerical[i] - analytic[i];
            double s = numerical[i] + analytic[i];
            difference += d * d;
            sum += s * s;
        }
        return sum == 0.0 ? Math.sqrt(difference) : Math.sqrt(difference) / Math.sqrt(sum);
    }

    /** The relative difference between {@code cost}'s backprop gradient and central differences. */
    public static double check(CostFunction cost, Network network, double[] inputs, int[] labels, int count,
                               double lambda) {
        double[] analytic = backpropGradient(cost, network, inputs, labels, count, lambda);
        double[] numerical = numericalGradient(cost, network, inputs, labels, count, lambda);
        return relativeDifference(numerical, analytic);
    }

    /**
     * The course's debugInitializeWeights: a rows×cols matrix, row-major, with
     * W[r][c] = sin(1 + r + c·rows) / 10 (MATLAB's column-major reshape of sin(1..rows·cols) / 10).
     */
    public static double[] debugMatrix(int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = Math.sin(1 + r + (double) c * rows) / 10.0;
            }
        }
        return values;
    }

    /** A network with {@link #debugMatrix} weights: Θ1 = debug(hidden, inputs+1), Θ2 = debug(outputs, hidden+1). */
    public static Network debugNetwork(NetworkSpec spec) {
        return new Network(spec, debugMatrix(spec.hiddenSize(), spec.inputSize() + 1),
                debugMatrix(spec.outputSize(), spec.hiddenSize() + 1));
    }

    /** The course's check network: 3 inputs, 5 sigmoid hidden units, 3 sigmoid outputs. */
    public static NetworkSpec courseSpec() {
        return new NetworkSpec(COURSE_INPUTS, 1, COURSE_HIDDEN, COURSE_OUTPUTS, Activation.SIGMOID,
                OutputLayer.SIGMOID_CROSS_ENTROPY);
    }

    /** The course's check inputs: debug(m, inputs), m = {@link #COURSE_EXAMPLES}. */
    public static double[] courseInputs() {
        return debugMatrix(COURSE_EXAMPLES, COURSE_INPUTS);
    }

    /** The course's check labels 1 + mod(1:m, outputs), 0-based: mod(i, outputs) for i = 1..m. */
    public static int[] courseLabels() {
        int[] labels = new int[COURSE_EXAMPLES];
        for (int i = 0; i < COURSE_EXAMPLES; i++) {
            labels[i] = (i + 1) % COURSE_OUTPUTS;
        }
        return labels;
    }

    /** The course's checkNNGradients(λ) with {@link CostFunction#standard()}: the relative difference. */
    public static double courseCheck(double lambda) {
        return check(CostFunction.standard(), debugNetwork(courseSpec()), courseInputs(), courseLabels(),
                COURSE_EXAMPLES, lambda);
    }

    /** The largest relative difference of {@link #courseCheck(double)} over {@link #COURSE_LAMBDAS}. */
    public static double courseCheck() {
        double worst = 0.0;
        for (double lambda : COURSE_LAMBDAS) {
            worst = Math.max(worst, courseCheck(lambda));
        }
        return worst;
    }
}
