package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Network;

/**
 * Every number a hidden unit's dossier shows, for one unit, one network and (optionally) the
 * current drawing. Immutable once built; arrays must not be modified.
 *
 * @param unit                 j, 0-based
 * @param weights              w = Θ1[j, 1:] (length inputs)
 * @param bias                 b = Θ1[j, 0]
 * @param preactivation        z = w·x + b for the drawing (NaN without one)
 * @param activation           a = g(z) (NaN without a drawing)
 * @param contributions        w ⊙ x (null without a drawing)
 * @param preferredInput       w/‖w‖
 * @param mostExcitingImage    the valid image (pixels in [0, 1]) with the largest z
 * @param mostExcitingPreactivation z of {@code mostExcitingImage}
 * @param topExamples          training-set indices of the examples exciting it most, best first
 * @param bottomExamples       those exciting it least, least first
 * @param outgoingWeights      Θ2[:, j+1] (its votes)
 * @param outputContributions  Θ2[k, j+1]·a_j for the drawing (null without one)
 * @param meanActivation       mean a_j over the training set
 * @param ablatedAccuracy      test accuracy with the unit switched off (a = 0)
 * @param meanClampedAccuracy  test accuracy with the unit clamped to its mean activation
 * @param intactAccuracy       test accuracy of the intact network
 */
public record UnitDossier(int unit, double[] weights, double bias, double preactivation, double activation,
                          double[] contributions, double[] preferredInput, double[] mostExcitingImage,
                          double mostExcitingPreactivation, int[] topExamples, int[] bottomExamples,
                          double[] outgoingWeights, double[] outputContributions, double meanActivation,
                          double ablatedAccuracy, double meanClampedAccuracy, double intactAccuracy) {

    /** Number of top and of bottom training examples shown. */
    public static final int EXAMPLES_SHOWN = 9;

    /**
     * Builds the dossier from precomputed statistics: a few 400-length passes and two scans of the
     * training activations.
     *
     * @param drawing the current network input (length inputs), or null when nothing is drawn
     */
    public static UnitDossier compute(NetworkStatistics statistics, int unit, double[] drawing) {
        Network network = statistics.network();
        double[] weights = UnitAnalysis.weights(network, unit);
        double bias = UnitAnalysis.bias(network, unit);
        double z = Double.NaN;
        double a = Double.NaN;
        double[] contributions = null;
        double[] votesNow = null;
        if (drawing != null) {
            z = UnitAnalysis.preactivation(network, unit, drawing);
            a = network.spec().hiddenActivation().apply(z);
            contributions = UnitAnalysis.contributionMap(network, unit, drawing);
            votesNow = UnitAnalysis.outputContributions(network, unit, a);
        }
        double[] best = UnitAnalysis.mostExcitingImage(network, unit);
        double bestZ = UnitAnalysis.preactivation(network, unit, best);
        return new UnitDossier(unit, weights, bias, z, a, contributions, UnitAnalysis.preferredInput(network, unit),
                best, bestZ,
                UnitAnalysis.topExamples(statistics.train(), unit, EXAMPLES_SHOWN, true),
                UnitAnalysis.topExamples(statistics.train(), unit, EXAMPLES_SHOWN, false),
                UnitAnalysis.outgoingWeights(network, unit), votesNow, statistics.meanActivations()[unit],
                statistics.ablatedAccuracy()[unit], statistics.meanClampedAccuracy()[unit], statistics.testAccuracy());
    }

    /** Test accuracy lost when the unit is switched off. */
    public double importance() {
        return intactAccuracy - ablatedAccuracy;
    }
}
