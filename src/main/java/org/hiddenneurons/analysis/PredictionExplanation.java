package org.hiddenneurons.analysis;

import java.util.Map;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;

/**
 * Why the network gave its answer for one input.
 *
 * <ul>
 *   <li>The logit breakdown: z3[k] = Θ2[k,0] + Σ_j Θ2[k,j+1]·a2[j+1] — the bias plus one
 *       contribution per hidden unit.</li>
 *   <li>The saliency map: ∂z3[k]/∂x_i = Σ_j Θ2[k,j+1]·g'(z2[j])·Θ1[j,i+1] — how much output k's
 *       score moves per unit change of pixel i (a clamped unit passes no gradient).</li>
 * </ul>
 * We explain the score z3[k] rather than the probability a3[k]: it is linear in the hidden
 * activations, so its breakdown adds up exactly.
 */
public final class PredictionExplanation {

    private PredictionExplanation() {
    }

    /**
     * The contributions to z3[k], with the bias.
     *
     * @param contributions Θ2[k,j+1]·a2[j+1] per hidden unit j (length hidden)
     * @param bias          Θ2[k,0]
     */
    public record Breakdown(int output, double[] contributions, double bias) {

        /** bias + Σ contributions = z3[k]. */
        public double total() {
            double sum = bias;
            for (double c : contributions) {
                sum += c;
            }
            return sum;
        }
    }

    /**
     * Breaks z3[k] of a forward pass (intact or from {@link ExperimentalForward}) into the hidden
     * units' contributions.
     *
     * @param pass a forward pass of {@code network}; its a2 is read, not modified
     */
    public static Breakdown breakdown(Network network, ForwardPass pass, int output) {
        int hidden = network.spec().hiddenSize();
        if (output < 0 || output >= network.spec().outputSize()) {
            throw new IllegalArgumentException("output " + output + " is not in 0.." + (network.spec().outputSize() - 1));
        }
        int row = output * (hidden + 1);
        double[] contributions = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            contributions[j] = network.theta2(row + j + 1) * pass.a2()[j + 1];
        }
        return new Breakdown(output, contributions, network.theta2(row));
    }

    /**
     * ∂z3[k]/∂x for one input: the gradient of output k's score with respect to the input pixels.
     * Units modified by {@code experiment} output a constant, so they contribute nothing.
     *
     * @param input length inputs, not modified
     * @return length inputs, row-major like the input
     */
    public static double[] saliency(Network network, UnitExperiment experiment, double[] input, int output) {
        int inputs = network.spec().inputSize();
        int hidden = network.spec().hiddenSize();
        Activation g = network.spec().hiddenActivation();
        double[] theta1 = network.theta1Copy();
        double[] theta2 = network.theta2Copy();
        double[] gradient = new double[inputs];
        Map<Integer, UnitExperiment.Mode> modes = experiment.modes();
        for (int j = 0; j < hidden; j++) {
            if (modes.containsKey(j)) {
                continue;
            }
            double z = UnitAnalysis.preactivation(network, j, input);
            double factor = theta2[output * (hidden + 1) + j + 1] * g.derivative(z);
            if (factor == 0) {
                continue;
            }
            int row = j * (inputs + 1) + 1;
            for (int i = 0; i < inputs; i++) {
                gradient[i] += factor * theta1[row + i];
            }
        }
        return gradient;
    }
}
