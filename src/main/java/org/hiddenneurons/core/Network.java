package org.hiddenneurons.core;

import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected input → hidden → output network in the course layout.
 *
 * <ul>
 *   <li>Θ1: hidden × (inputs+1), row-major, bias in column 0. Row j without its bias is hidden
 *       unit j's incoming weight picture (inputHeight × inputWidth, x fastest).</li>
 *   <li>Θ2: outputs × (hidden+1), row-major, bias in column 0.</li>
 * </ul>
 *
 * <p>The weight arrays are live: trainers update them in place. A network that has been handed
 * to another thread (for example inside a training snapshot) is a {@link #copy()} that nobody
 * modifies afterwards.
 */
public final class Network {

    private final NetworkSpec spec;
    private final double[] theta1;
    private final double[] theta2;

    /**
     * @param theta1 hidden×(inputs+1) row-major. Not copied: the network owns it from now on.
     * @param theta2 outputs×(hidden+1) row-major. Not copied.
     * @throws IllegalArgumentException if a length does not match the spec
     */
    public Network(NetworkSpec spec, double[] theta1, double[] theta2) {
        this.spec = spec;
        int expected1 = spec.hiddenSize() * (spec.inputSize() + 1);
        int expected2 = spec.outputSize() * (spec.hiddenSize() + 1);
        if (theta1.length != expected1) {
            throw new IllegalArgumentException("Theta1 has " + theta1.length + " values, expected "
                    + spec.hiddenSize() + "x" + (spec.inputSize() + 1) + " = " + expected1);
        }
        if (theta2.length != expected2) {
            throw new IllegalArgumentException("Theta2 has " + theta2.length + " values, expected "
                    + spec.outputSize() + "x" + (spec.hiddenSize() + 1) + " = " + expected2);
        }
        this.theta1 = theta1;
        this.theta2 = theta2;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Θ1, hidden×(inputs+1) row-major. The live array: writes change the network. */
    public double[] theta1() {
        return theta1;
    }

    /** Θ2, outputs×(hidden+1) row-major. The live array: writes change the network. */
    public double[] theta2() {
        return theta2;
    }

    /** Θ1 as an EJML matrix sharing this network's array. */
    public DMatrixRMaj theta1Matrix() {
        return DMatrixRMaj.wrap(spec.hiddenSize(), spec.inputSize() + 1, theta1);
    }

    /** Θ2 as an EJML matrix sharing this network's array. */
    public DMatrixRMaj theta2Matrix() {
        return DMatrixRMaj.wrap(spec.outputSize(), spec.hiddenSize() + 1, theta2);
    }

    /** A deep copy. */
    public Network copy() {
        return new Network(spec, theta1.clone(), theta2.clone());
    }

    /** Copies the weights of {@code other} (same spec) into this network. */
    public void setWeights(Network other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot copy weights of " + other.spec + " into " + spec);
        }
        System.arraycopy(other.theta1, 0, theta1, 0, theta1.length);
        System.arraycopy(other.theta2, 0, theta2, 0, theta2.length);
    }

    /** True if every weight is finite (no NaN, no ±Inf). */
    public boolean isFinite() {
        return allFinite(theta1) && allFinite(theta2);
    }

    /**
     * The forward pass of one example with every intermediate.
     *
     * <p>z2 = Θ1·a1, a2 = [1; g(z2)], z3 = Θ2·a2, a3 = sigmoid(z3) or softmax(z3).
     *
     * @param input the example, length inputs, not modified
     */
    public ForwardPass forward(double[] input) {
        int inputs = spec.inputSize();
        if (input.length != inputs) {
            throw new IllegalArgumentException("input has " + input.length + " values, the network expects " + inputs);
        }
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        double[] a1 = new double[inputs + 1];
        a1[0] = 1.0;
        System.arraycopy(input, 0, a1, 1, inputs);
        double[] z2 = new double[hidden];
        double[] a2 = new double[hidden + 1];
        a2[0] = 1.0;
        Activation g = spec.hiddenActivation();
        for (int j = 0; j < hidden; j++) {
            int row = j * (inputs + 1);
            double sum = 0.0;
            for (int i = 0; i <= inputs; i++) {
                sum += theta1[row + i] * a1[i];
            }
            z2[j] = sum;
            a2[j + 1] = g.apply(sum);
        }
        double[] z3 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            int row = k * (hidden + 1);
            double sum = 0.0;
            for (int j = 0; j <= hidden; j++) {
                sum += theta2[row + j] * a2[j];
            }
            z3[k] = sum;
        }
        double[] a3 = new double[outputs];
        outputActivation(spec.outputLayer(), z3, 0, a3, 0, outputs);
        return new ForwardPass(a1, z2, a2, z3, a3);
    }

    /** The output probabilities a3 for one example. */
    public double[] predict(double[] input) {
        return forward(input).a3();
    }

    /**
     * a3 = sigmoid(z3) element-wise, or softmax(z3) (shifted by max z3 for stability).
     *
     * @param z3 read from {@code z3Offset}, not modified
     * @param a3 written at {@code a3Offset}. Modified.
     */
    public static void outputActivation(OutputLayer output, double[] z3, int z3Offset,
                                        double[] a3, int a3Offset, int outputs) {
        if (output == OutputLayer.SIGMOID_CROSS_ENTROPY) {
            for (int k = 0; k < outputs; k++) {
                a3[a3Offset + k] = Activation.sigmoid(z3[z3Offset + k]);
            }
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < outputs; k++) {
            max = Math.max(max, z3[z3Offset + k]);
        }
        double sum = 0.0;
        for (int k = 0; k < outputs; k++) {
            double e = Math.exp(z3[z3Offset + k] - max);
            a3[a3Offset + k] = e;
            sum += e;
        }
        for (int k = 0; k < outputs; k++) {
            a3[a3Offset + k] /= sum;
        }
    }

    /** Index of the largest value (the first one on ties). */
    public static int argMax(double[] values) {
        return argMax(values, 0, values.length);
    }

    /** Index, relative to {@code offset}, of the largest of values[offset..offset+length) (the first on ties). */
    public static int argMax(double[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
