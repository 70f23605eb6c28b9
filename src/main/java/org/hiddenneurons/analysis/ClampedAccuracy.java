package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Network;

/**
 * Test accuracy with hidden units clamped (switched off, or set to their mean), computed
 * incrementally from the output scores instead of a fresh output layer per experiment.
 *
 * <p>The scores z³ᵢ = Θ²·[1; a²ᵢ] of every example i are computed once (m × outputs values, from
 * the cached hidden activations: m·outputs·(h+1) multiply-adds). Clamping unit j to v changes
 * example i's score for output k by Θ²[k, j+1]·(v − a²ᵢⱼ): m·outputs work per unit instead of
 * m·outputs·(h+1) per experiment. The 25 single-unit ablations, the 25 mean clamps and the three
 * 25-step ablation curves then cost about as much as two plain accuracy passes. The prediction is
 * the first output with the largest score, as in {@link ExperimentalForward#accuracy}; the scores
 * agree with a fresh pass up to rounding (the sum's order differs).
 *
 * <p>Call order: construct (intact network) → {@link #clamp} … with {@link #accuracy()} after each
 * (the clamps accumulate), or {@link #accuracyWith} for one clamp alone. Not thread-safe.
 */
final class ClampedAccuracy {

    private final double[] theta2;
    private final HiddenActivations hidden;
    private final int[] labels;
    private final int outputs;
    private final int hiddenSize;
    /** m × outputs, row-major: the current scores (with the clamps applied so far). */
    private final double[] scores;
    /** Per unit: whether it is clamped already (a second clamp replaces the first). */
    private final double[] clampedTo;
    private final boolean[] clamped;

    /**
     * @param network the network whose output layer scores the examples (not modified)
     * @param hidden  the examples' hidden activations, m × h (not modified)
     * @param labels  the examples' classes, m entries
     */
    ClampedAccuracy(Network network, HiddenActivations hidden, int[] labels) {
        this.theta2 = network.theta2Copy();
        this.hidden = hidden;
        this.labels = labels;
        this.outputs = network.spec().outputSize();
        this.hiddenSize = network.spec().hiddenSize();
        if (hidden.hiddenSize() != hiddenSize) {
            throw new IllegalArgumentException("activations of " + hidden.hiddenSize() + " units for a network of " + hiddenSize);
        }
        int m = hidden.count();
        scores = new double[m * outputs];
        clampedTo = new double[hiddenSize];
        clamped = new boolean[hiddenSize];
        double[] values = hidden.values();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < outputs; k++) {
                int row = k * (hiddenSize + 1);
                double sum = theta2[row];
                for (int j = 0; j < hiddenSize; j++) {
                    sum += theta2[row + 1 + j] * values[i * hiddenSize + j];
                }
                scores[i * outputs + k] = sum;
            }
        }
    }

    /** Clamps {@code unit} to {@code value} from now on (in addition to the earlier clamps). */
    void clamp(int unit, double value) {
        double[] values = hidden.values();
        for (int i = 0; i < hidden.count(); i++) {
            double now = clamped[unit] ? clampedTo[unit] : values[i * hiddenSize + unit];
            double change = value - now;
            for (int k = 0; k < outputs; k++) {
                scores[i * outputs + k] += theta2[k * (hiddenSize + 1) + 1 + unit] * change;
            }
        }
        clamped[unit] = true;
        clampedTo[unit] = value;
    }

    /** Share of examples classified correctly with the clamps so far (NaN without examples). */
    double accuracy() {
        return accuracyWith(-1, 0);
    }

    /**
     * The accuracy with {@code unit} also clamped to {@code value}, leaving the clamps as they are
     * ({@code unit} −1: none, the clamps so far only).
     */
    double accuracyWith(int unit, double value) {
        double[] values = hidden.values();
        int correct = 0;
        for (int i = 0; i < hidden.count(); i++) {
            double change = unit < 0 ? 0 : value - (clamped[unit] ? clampedTo[unit] : values[i * hiddenSize + unit]);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outputs; k++) {
                double score = scores[i * outputs + k]
                        + (unit < 0 ? 0 : theta2[k * (hiddenSize + 1) + 1 + unit] * change);
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return hidden.count() == 0 ? Double.NaN : correct / (double) hidden.count();
    }
}
