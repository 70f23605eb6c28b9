package org.hiddenneurons.core;

/**
 * One example's cross-entropy data term, computed from the output sums z3 (length outputs) so it
 * stays exact where the probabilities underflow.
 *
 * <ul>
 *   <li>Softmax: J = −log softmax(z3)_y = log Σ_k e^{z_k} − z_y, with the log-sum-exp taken
 *       around max z (so no e^z overflows).</li>
 *   <li>Sigmoid: J = −Σ_k [y_k log σ(z_k) + (1 − y_k) log(1 − σ(z_k))] = Σ_k softplus(s_k·z_k)
 *       with s_k = −1 for the label and +1 otherwise, since −log σ(z) = softplus(−z) and
 *       −log(1 − σ(z)) = softplus(z).</li>
 * </ul>
 * Where −log of the probability was finite and exact, these are the same numbers up to rounding;
 * where the probability underflowed to 0 (|z| beyond ~700), the old clamped log capped the cost
 * at ≈708.4 per example, these give the true value.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * The data term of one example.
     *
     * @param z3     output sums, read from {@code offset}, {@code outputs} values, not modified
     * @param label  the true class, 0..outputs−1
     */
    public static double exampleCost(OutputLayer outputLayer, double[] z3, int offset, int outputs, int label) {
        if (outputLayer == OutputLayer.SOFTMAX_CROSS_ENTROPY) {
            return logSumExp(z3, offset, outputs) - z3[offset + label];
        }
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            double z = z3[offset + k];
            sum += softplus(k == label ? -z : z);
        }
        return sum;
    }

    /**
     * The per-class terms of one example's data cost (they add up to {@link #exampleCost}):
     * sigmoid softplus(∓z_k); softmax log Σ e^z − z_y at the label and 0 elsewhere.
     *
     * @param z3 output sums, length outputs, not modified
     */
    public static double[] terms(OutputLayer outputLayer, double[] z3, int label) {
        double[] terms = new double[z3.length];
        if (outputLayer == OutputLayer.SOFTMAX_CROSS_ENTROPY) {
            terms[label] = logSumExp(z3, 0, z3.length) - z3[label];
            return terms;
        }
        for (int k = 0; k < z3.length; k++) {
            terms[k] = softplus(k == label ? -z3[k] : z3[k]);
        }
        return terms;
    }

    /** log(1 + e^x), without overflow for large x or loss for very negative x. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** log Σ_k e^{values[offset+k]} for k &lt; count, computed around the maximum. */
    static double logSumExp(double[] values, int offset, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, values[offset + k]);
        }
        double sum = 0.0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(values[offset + k] - max);
        }
        return max + Math.log(sum);
    }
}
