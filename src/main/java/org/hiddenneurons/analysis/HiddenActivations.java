package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.InputRows;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.kernel.Kernels;

/**
 * The hidden activations a_j = g(Θ1[j,:]·[1; x]) of every example of a data set: a table of
 * count × hidden values, computed once per network and then read by every analysis (top-k
 * examples, mean activations, ablation accuracy), so none of them repeats the 400-input products.
 *
 * @param count      number of examples m
 * @param hiddenSize number of hidden units
 * @param values     m×hidden row-major, a_j of example i at {@code i * hiddenSize + j} (no bias
 *                   entry). Owned by the table: never modified.
 */
public record HiddenActivations(int count, int hiddenSize, double[] values) {

    public HiddenActivations {
        if (values.length != count * hiddenSize) {
            throw new IllegalArgumentException("values hold " + values.length + ", expected " + count + "x" + hiddenSize);
        }
    }

    /**
     * a2 (without bias) of the first {@code count} examples.
     *
     * @param inputs count×inputs row-major, not modified
     */
    public static HiddenActivations compute(Network network, double[] inputs, int count) {
        int inputSize = network.spec().inputSize();
        int hidden = network.spec().hiddenSize();
        if (inputs.length < count * inputSize) {
            throw new IllegalArgumentException("inputs hold " + inputs.length + " values, fewer than "
                    + count + " examples of " + inputSize);
        }
        double[] out = new double[count * hidden];
        // z2 = X·Θ1[:,1:]ᵀ + Θ1[:,0] by the training kernel, then a = g(z2) exactly as Network.forward
        Kernels.best().forward(inputs, 0, count, inputSize, network.theta1Copy(), hidden, out);
        return activated(network, count, out);
    }

    /** Rows per block of {@link #compute(Network, InputRows)}. */
    private static final int BLOCK_ROWS = 1024;

    /**
     * a2 (without bias) of every row of {@code inputs}, read {@link #BLOCK_ROWS} rows at a time (so a
     * data set kept at one byte per pixel is never decoded whole). The same values as
     * {@link #compute(Network, double[], int)} on all rows: each row's product is its own.
     */
    public static HiddenActivations compute(Network network, InputRows inputs) {
        int inputSize = network.spec().inputSize();
        int hidden = network.spec().hiddenSize();
        if (inputs.inputSize() != inputSize) {
            throw new IllegalArgumentException("rows of " + inputs.inputSize() + " inputs for a network of " + inputSize);
        }
        int count = inputs.size();
        int blockRows = Math.max(1, Math.min(count, BLOCK_ROWS));
        double[] block = new double[blockRows * inputSize];
        double[] z = new double[blockRows * hidden];
        double[] out = new double[count * hidden];
        double[] theta1 = network.theta1Copy();
        for (int start = 0; start < count; start += blockRows) {
            int rows = Math.min(blockRows, count - start);
            inputs.copyRows(start, rows, block, 0);
            Kernels.best().forward(block, 0, rows, inputSize, theta1, hidden, z);
            System.arraycopy(z, 0, out, start * hidden, rows * hidden);
        }
        return activated(network, count, out);
    }

    /** Applies g to z2 in place: a = g(z2) exactly as Network.forward. */
    private static HiddenActivations activated(Network network, int count, double[] z) {
        Activation g = network.spec().hiddenActivation();
        for (int i = 0; i < z.length; i++) {
            z[i] = g.apply(z[i]);
        }
        return new HiddenActivations(count, network.spec().hiddenSize(), z);
    }

    /** a_j of example {@code example}. */
    public double get(int example, int unit) {
        return values[example * hiddenSize + unit];
    }

    /** Mean a_j over all examples, per unit (NaN for an empty table). */
    public double[] means() {
        double[] means = new double[hiddenSize];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < hiddenSize; j++) {
                means[j] += values[i * hiddenSize + j];
            }
        }
        for (int j = 0; j < hiddenSize; j++) {
            means[j] /= count;
        }
        return means;
    }
}
