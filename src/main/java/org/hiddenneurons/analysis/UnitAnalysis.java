package org.hiddenneurons.analysis;

import java.util.Arrays;
import org.hiddenneurons.core.Network;

/**
 * What one hidden unit j computes, as pure functions over a network's weights. Unit j has
 * incoming weights w = Θ1[j, 1:] (its 20×20 picture), bias b = Θ1[j, 0], pre-activation
 * z = w·x + b and activation a = g(z); its outgoing weights Θ2[:, j+1] are its votes.
 */
public final class UnitAnalysis {

    private UnitAnalysis() {
    }

    /** w = Θ1[j, 1:], a copy (length inputs). */
    public static double[] weights(Network network, int unit) {
        int stride = network.spec().inputSize() + 1;
        checkUnit(network, unit);
        return Arrays.copyOfRange(network.theta1Row(unit), 1, stride);
    }

    /** b = Θ1[j, 0]. */
    public static double bias(Network network, int unit) {
        checkUnit(network, unit);
        return network.theta1(unit * (network.spec().inputSize() + 1));
    }

    /** z = w·x + b for one input x (length inputs, not modified). */
    public static double preactivation(Network network, int unit, double[] input) {
        int stride = network.spec().inputSize() + 1;
        checkUnit(network, unit);
        int row = unit * stride;
        double sum = network.theta1(row);
        for (int i = 0; i < input.length; i++) {
            sum += network.theta1(row + 1 + i) * input[i];
        }
        return sum;
    }

    /**
     * The contribution map w ⊙ x: pixel i pushes z up by w_i·x_i (positive) or down (negative);
     * its sum plus b is z.
     *
     * @param input x, length inputs, not modified
     */
    public static double[] contributionMap(Network network, int unit, double[] input) {
        double[] w = weights(network, unit);
        for (int i = 0; i < w.length; i++) {
            w[i] *= input[i];
        }
        return w;
    }

    /**
     * The input of unit length that maximises z: x* = w/‖w‖ (by Cauchy–Schwarz,
     * w·x ≤ ‖w‖‖x‖ with equality only for x along w). All zeros if w = 0.
     */
    public static double[] preferredInput(Network network, int unit) {
        double[] w = weights(network, unit);
        double norm = norm(w);
        if (norm > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= norm;
            }
        }
        return w;
    }

    /**
     * The valid image (every pixel in [0, 1]) that maximises z: x_i = 1 where w_i &gt; 0, else 0 —
     * each pixel independently adds w_i·x_i, which is largest at x_i = 1 for positive w_i and at
     * x_i = 0 otherwise. Its z is b + Σ max(w_i, 0).
     */
    public static double[] mostExcitingImage(Network network, int unit) {
        double[] w = weights(network, unit);
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] > 0 ? 1.0 : 0.0;
        }
        return w;
    }

    /** The unit's outgoing weights Θ2[k, j+1] for each output k (its votes). */
    public static double[] outgoingWeights(Network network, int unit) {
        checkUnit(network, unit);
        int hidden = network.spec().hiddenSize();
        double[] votes = new double[network.spec().outputSize()];
        for (int k = 0; k < votes.length; k++) {
            votes[k] = network.theta2(k * (hidden + 1) + unit + 1);
        }
        return votes;
    }

    /** Its contribution Θ2[k, j+1]·a_j to each output's z3[k], for activation a_j. */
    public static double[] outputContributions(Network network, int unit, double activation) {
        double[] votes = outgoingWeights(network, unit);
        for (int k = 0; k < votes.length; k++) {
            votes[k] *= activation;
        }
        return votes;
    }

    /** ‖v‖₂. */
    public static double norm(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /**
     * The examples with the highest (or lowest) activation of {@code unit}, best first; ties go to
     * the lower example index. A partial selection: O(m·k), no full sort.
     *
     * @param k       how many (at most the table's count)
     * @param highest true: most exciting first; false: least exciting first
     * @return example indices into the table's data set
     */
    public static int[] topExamples(HiddenActivations table, int unit, int k, boolean highest) {
        int count = Math.min(k, table.count());
        int[] best = new int[count];
        double[] bestValue = new double[count];
        int filled = 0;
        double sign = highest ? 1.0 : -1.0;
        for (int i = 0; i < table.count(); i++) {
            double v = sign * table.get(i, unit);
            if (filled == count && !(v > bestValue[count - 1])) {
                continue;
            }
            int position = filled < count ? filled++ : count - 1;
            while (position > 0 && v > bestValue[position - 1]) {
                best[position] = best[position - 1];
                bestValue[position] = bestValue[position - 1];
                position--;
            }
            best[position] = i;
            bestValue[position] = v;
        }
        return best;
    }

    private static void checkUnit(Network network, int unit) {
        if (unit < 0 || unit >= network.spec().hiddenSize()) {
            throw new IllegalArgumentException("unit " + unit + " is not in 0.." + (network.spec().hiddenSize() - 1));
        }
    }
}
