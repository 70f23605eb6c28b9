package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;

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

    /** Units accumulated together per pass over an example (independent sums keep the FPU busy). */
    private static final int UNIT_BLOCK = 4;

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
        double[] theta1 = network.theta1();
        Activation g = network.spec().hiddenActivation();
        int stride = inputSize + 1;
        double[] out = new double[count * hidden];
        for (int i = 0; i < count; i++) {
            int x = i * inputSize;
            int j = 0;
            for (; j + UNIT_BLOCK <= hidden; j += UNIT_BLOCK) {
                int r0 = j * stride;
                int r1 = r0 + stride;
                int r2 = r1 + stride;
                int r3 = r2 + stride;
                double s0 = theta1[r0];
                double s1 = theta1[r1];
                double s2 = theta1[r2];
                double s3 = theta1[r3];
                for (int p = 0; p < inputSize; p++) {
                    double v = inputs[x + p];
                    s0 += theta1[r0 + 1 + p] * v;
                    s1 += theta1[r1 + 1 + p] * v;
                    s2 += theta1[r2 + 1 + p] * v;
                    s3 += theta1[r3 + 1 + p] * v;
                }
                out[i * hidden + j] = g.apply(s0);
                out[i * hidden + j + 1] = g.apply(s1);
                out[i * hidden + j + 2] = g.apply(s2);
                out[i * hidden + j + 3] = g.apply(s3);
            }
            for (; j < hidden; j++) {
                int row = j * stride;
                double sum = theta1[row];
                for (int p = 0; p < inputSize; p++) {
                    sum += theta1[row + 1 + p] * inputs[x + p];
                }
                out[i * hidden + j] = g.apply(sum);
            }
        }
        return new HiddenActivations(count, hidden, out);
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
