package org.hiddenneurons.analysis;

import java.util.Map;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;

/**
 * The forward pass with a {@link UnitExperiment} applied: z2 = Θ1·a1 as usual, then
 * a2[j+1] = g(z2[j]) for normal units and the clamped value for modified ones, z3 = Θ2·a2,
 * a3 = sigmoid/softmax(z3). The network is only read, never modified.
 */
public final class ExperimentalForward {

    private ExperimentalForward() {
    }

    /**
     * One example through the modified network. z2 holds the units' real pre-activations; a2 the
     * values actually passed on.
     *
     * @param meanActivations mean a_j over the training set (needed only if a unit uses MEAN)
     * @param input           length inputs, not modified
     */
    public static ForwardPass forward(Network network, UnitExperiment experiment, double[] meanActivations,
                                      double[] input) {
        return modified(network, experiment, meanActivations, network.forward(input));
    }

    /**
     * As {@link #forward}, from the intact pass already computed for the same input (no second
     * pass through Θ1): {@code intact} itself when the experiment is empty.
     *
     * @param intact {@code network.forward(input)}; not modified
     */
    public static ForwardPass modified(Network network, UnitExperiment experiment, double[] meanActivations,
                                       ForwardPass intact) {
        if (experiment.isEmpty()) {
            return intact;
        }
        double[] a2 = intact.a2().clone();
        for (Map.Entry<Integer, UnitExperiment.Mode> entry : experiment.modes().entrySet()) {
            int unit = entry.getKey();
            if (unit < network.spec().hiddenSize()) {
                a2[unit + 1] = UnitExperiment.clampedValue(entry.getValue(), unit, meanActivations);
            }
        }
        int outputs = network.spec().outputSize();
        double[] z3 = new double[outputs];
        outputsFrom(network, a2, z3);
        double[] a3 = new double[outputs];
        Network.outputActivation(network.spec().outputLayer(), z3, 0, a3, 0, outputs);
        return new ForwardPass(intact.a1(), intact.z2(), a2, z3, a3);
    }

    /**
     * z3 = Θ2·a2.
     *
     * @param a2 length hidden+1 with a2[0] = 1, not modified
     * @param z3 length outputs. Modified.
     */
    public static void outputsFrom(Network network, double[] a2, double[] z3) {
        int hidden = network.spec().hiddenSize();
        for (int k = 0; k < z3.length; k++) {
            int row = k * (hidden + 1);
            double sum = 0.0;
            for (int j = 0; j <= hidden; j++) {
                sum += network.theta2(row + j) * a2[j];
            }
            z3[k] = sum;
        }
    }

    /**
     * The fraction of examples the modified network classifies correctly, from their hidden
     * activations (argmax z3 = argmax a3, for sigmoid and softmax outputs alike).
     *
     * @param hidden          the examples' intact hidden activations (from the same network)
     * @param labels          class per example, not modified
     * @param meanActivations mean a_j over the training set (needed only if a unit uses MEAN)
     * @return accuracy in [0, 1]; NaN for no examples
     */
    public static double accuracy(Network network, HiddenActivations hidden, int[] labels, UnitExperiment experiment,
                                  double[] meanActivations) {
        int hiddenSize = network.spec().hiddenSize();
        if (hidden.hiddenSize() != hiddenSize) {
            throw new IllegalArgumentException("activations of " + hidden.hiddenSize() + " units for a network of " + hiddenSize);
        }
        int outputs = network.spec().outputSize();
        double[] theta2 = network.theta2Copy();
        boolean[] clamped = new boolean[hiddenSize];
        double[] clampValue = new double[hiddenSize];
        for (Map.Entry<Integer, UnitExperiment.Mode> entry : experiment.modes().entrySet()) {
            int unit = entry.getKey();
            if (unit < hiddenSize) {
                clamped[unit] = true;
                clampValue[unit] = UnitExperiment.clampedValue(entry.getValue(), unit, meanActivations);
            }
        }
        double[] a2 = new double[hiddenSize + 1];
        a2[0] = 1.0;
        double[] values = hidden.values();
        int correct = 0;
        for (int i = 0; i < hidden.count(); i++) {
            for (int j = 0; j < hiddenSize; j++) {
                a2[j + 1] = clamped[j] ? clampValue[j] : values[i * hiddenSize + j];
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outputs; k++) {
                int row = k * (hiddenSize + 1);
                double sum = 0.0;
                for (int j = 0; j <= hiddenSize; j++) {
                    sum += theta2[row + j] * a2[j];
                }
                if (sum > bestScore) {
                    bestScore = sum;
                    best = k;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return hidden.count() == 0 ? Double.NaN : correct / (double) hidden.count();
    }
}
