package org.hiddenneurons.core;

import java.util.Arrays;
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
 * <p>Read-only: nothing can write a network's weights through it. The constructor copies the
 * arrays, and every accessor returns a value or a fresh copy, so a network built with
 * {@link #Network(NetworkSpec, double[], double[])} never changes (training snapshots, model files,
 * the UI). Code that changes weights (the trainer, the gradient check, experiments) works on its
 * own {@link WeightBuffers}; {@link WeightBuffers#view()} is the one way to get a network that
 * follows such buffers, and {@link #copy()} turns it into an unchanging one before it is handed on.
 */
public final class Network {

    private final NetworkSpec spec;
    private final double[] theta1;
    private final double[] theta2;

    /**
     * @param theta1 hidden×(inputs+1) row-major. Copied: later writes into it do not change the network.
     * @param theta2 outputs×(hidden+1) row-major. Copied.
     * @throws IllegalArgumentException if a length does not match the spec
     */
    public Network(NetworkSpec spec, double[] theta1, double[] theta2) {
        this(spec, theta1, theta2, true);
    }

    /** @param copy false only for {@link #viewOf}: the network then reads the given arrays themselves */
    private Network(NetworkSpec spec, double[] theta1, double[] theta2, boolean copy) {
        checkLengths(spec, theta1, theta2);
        this.spec = spec;
        this.theta1 = copy ? theta1.clone() : theta1;
        this.theta2 = copy ? theta2.clone() : theta2;
    }

    /** A read-only network over {@code buffers}' arrays, for {@link WeightBuffers#view()}. */
    static Network viewOf(WeightBuffers buffers) {
        return new Network(buffers.spec(), buffers.theta1(), buffers.theta2(), false);
    }

    /** @throws IllegalArgumentException if a length does not match the spec */
    static void checkLengths(NetworkSpec spec, double[] theta1, double[] theta2) {
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
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Θ1[index] (row-major: unit j, input i at j·(inputs+1) + i). */
    public double theta1(int index) {
        return theta1[index];
    }

    /** Θ2[index] (row-major: output k, unit j at k·(hidden+1) + j). */
    public double theta2(int index) {
        return theta2[index];
    }

    /** Θ1 = hidden×(inputs+1) row-major, a fresh copy (≈80 KB for 400-25-10): hoist it out of loops. */
    public double[] theta1Copy() {
        return theta1.clone();
    }

    /** Θ2 = outputs×(hidden+1) row-major, a fresh copy. */
    public double[] theta2Copy() {
        return theta2.clone();
    }

    /**
     * Copies Θ1 into {@code destination}, for consumers that refresh a buffer they reuse.
     *
     * @param destination length hidden×(inputs+1). Modified.
     * @return {@code destination}
     */
    public double[] copyTheta1Into(double[] destination) {
        checkLength(destination, theta1.length, "Theta1");
        System.arraycopy(theta1, 0, destination, 0, theta1.length);
        return destination;
    }

    /**
     * Copies Θ2 into {@code destination}.
     *
     * @param destination length outputs×(hidden+1). Modified.
     * @return {@code destination}
     */
    public double[] copyTheta2Into(double[] destination) {
        checkLength(destination, theta2.length, "Theta2");
        System.arraycopy(theta2, 0, destination, 0, theta2.length);
        return destination;
    }

    /**
     * Row {@code unit} of Θ1 (bias first, then the unit's input weights), a fresh copy of length
     * inputs+1.
     */
    public double[] theta1Row(int unit) {
        int columns = spec.inputSize() + 1;
        if (unit < 0 || unit >= spec.hiddenSize()) {
            throw new IndexOutOfBoundsException("unit " + unit + " is not in 0.." + (spec.hiddenSize() - 1));
        }
        return Arrays.copyOfRange(theta1, unit * columns, (unit + 1) * columns);
    }

    /** Θ1 as a new EJML matrix (a copy). */
    public DMatrixRMaj theta1Matrix() {
        return DMatrixRMaj.wrap(spec.hiddenSize(), spec.inputSize() + 1, theta1Copy());
    }

    /** Θ2 as a new EJML matrix (a copy). */
    public DMatrixRMaj theta2Matrix() {
        return DMatrixRMaj.wrap(spec.outputSize(), spec.hiddenSize() + 1, theta2Copy());
    }

    /** The live Θ1 array, for the cost functions in this package only. Not modified by them. */
    double[] theta1Array() {
        return theta1;
    }

    /** The live Θ2 array, for the cost functions in this package only. Not modified by them. */
    double[] theta2Array() {
        return theta2;
    }

    /**
     * A new network with a copy of the current weights: of a {@link WeightBuffers#view()}, one that
     * no longer follows the buffers. (A distinct object even when this network never changes, since
     * views compare networks by identity to notice new weights.)
     */
    public Network copy() {
        return new Network(spec, theta1, theta2);
    }

    /** New buffers holding a copy of these weights, for code that changes them. */
    public WeightBuffers mutableCopy() {
        return new WeightBuffers(this);
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

    private static void checkLength(double[] destination, int expected, String name) {
        if (destination.length != expected) {
            throw new IllegalArgumentException(name + " has " + expected + " values, the destination "
                    + destination.length);
        }
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
