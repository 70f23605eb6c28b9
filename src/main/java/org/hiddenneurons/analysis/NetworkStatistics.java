package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;

/**
 * Everything the dossier and the experiments need about one network on one data split, computed
 * once (off the FX thread) and then read cheaply: the hidden activations of every training and
 * test example, the units' mean activations over the training set, the intact test accuracy and
 * each unit's importance.
 *
 * @param network          the analysed network (an immutable snapshot; never modified)
 * @param split            the data it was analysed on
 * @param train            hidden activations of the training examples
 * @param test             hidden activations of the test examples
 * @param meanActivations  mean a_j over the training set, per unit
 * @param testAccuracy     the intact network's test accuracy
 * @param ablatedAccuracy  test accuracy with unit j switched off (a_j = 0), per unit
 * @param meanClampedAccuracy test accuracy with unit j clamped to its mean activation, per unit:
 *                         for a sigmoid unit that is usually on, 0 is an unusual value, and the
 *                         mean removes only what the unit tells apart
 */
public record NetworkStatistics(Network network, Split split, HiddenActivations train, HiddenActivations test,
                                double[] meanActivations, double testAccuracy, double[] ablatedAccuracy,
                                double[] meanClampedAccuracy) {

    /**
     * Computes the tables (≈ 5000 × 25 dot products of length 400), then the 25 ablations and the
     * 25 mean clamps as changes of one output-score table ({@link ClampedAccuracy}).
     */
    public static NetworkStatistics compute(Network network, Split split) {
        if (split.train().inputSize() != network.spec().inputSize()) {
            throw new IllegalArgumentException("data of " + split.train().inputSize() + " inputs for a network of "
                    + network.spec().inputSize());
        }
        HiddenActivations train = HiddenActivations.compute(network, split.train());
        HiddenActivations test = HiddenActivations.compute(network, split.test());
        double[] means = train.means();
        int[] labels = split.test().labels();
        double intact = ExperimentalForward.accuracy(network, test, labels, UnitExperiment.NONE, means);
        double[] ablated = new double[network.spec().hiddenSize()];
        double[] clamped = new double[ablated.length];
        // One score table, then each single-unit clamp as a change of it (ClampedAccuracy).
        ClampedAccuracy scores = new ClampedAccuracy(network, test, labels);
        for (int j = 0; j < ablated.length; j++) {
            ablated[j] = scores.accuracyWith(j, UnitExperiment.clampedValue(UnitExperiment.Mode.OFF, j, means));
            clamped[j] = scores.accuracyWith(j, UnitExperiment.clampedValue(UnitExperiment.Mode.MEAN, j, means));
        }
        return new NetworkStatistics(network, split, train, test, means, intact, ablated, clamped);
    }

    /** Test accuracy under an experiment (≈ 1000 × 10 × 26 multiply-adds: well under a millisecond). */
    public double testAccuracy(UnitExperiment experiment) {
        return ExperimentalForward.accuracy(network, test, split.test().labels(), experiment, meanActivations);
    }

    /** Importance of unit j: intact test accuracy − test accuracy with j switched off. */
    public double importance(int unit) {
        return testAccuracy - ablatedAccuracy[unit];
    }

    /** {@link #importance} of every unit. */
    public double[] importances() {
        double[] out = new double[ablatedAccuracy.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = importance(j);
        }
        return out;
    }
}
