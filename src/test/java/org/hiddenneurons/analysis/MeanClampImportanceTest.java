package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

/** "Clamp to its mean activation" importance (issue 17 §2) against a brute-force network. */
class MeanClampImportanceTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void meanClampedAccuracyEqualsANetworkWithTheUnitFoldedIntoTheOutputBias() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            Network network = AnalysisFixtures.randomNetwork(spec, random, 0.3);
            Split split = AnalysisFixtures.split(network, 80, 300, random);
            NetworkStatistics statistics = NetworkStatistics.compute(network, split);
            for (int unit : new int[] {0, 7, 24}) {
                double mean = bruteForceMean(network, split.train(), unit);
                Network folded = foldIntoBias(network, unit, mean);
                double expected = Evaluation.evaluate(folded, split.test().pixels(), split.test().labels(),
                        split.test().size(), 0).accuracy();
                assertEquals(expected, statistics.meanClampedAccuracy()[unit], TOLERANCE, g + " unit " + unit);
                UnitDossier dossier = UnitDossier.compute(statistics, unit, null);
                assertEquals(expected, dossier.meanClampedAccuracy(), TOLERANCE);
            }
        }
    }

    /** Mean of a²ⱼ over the training set, one full forward pass per example. */
    private static double bruteForceMean(Network network, Dataset train, int unit) {
        double sum = 0;
        for (int i = 0; i < train.size(); i++) {
            sum += network.forward(train.sample(i)).a2()[unit + 1];
        }
        return sum / train.size();
    }

    /** A unit held at constant c adds Θ2[k, j+1]·c to every output: move that into the bias column, zero the unit. */
    private static Network foldIntoBias(Network network, int unit, double c) {
        WeightBuffers copy = network.mutableCopy();
        int stride = network.spec().hiddenSize() + 1;
        for (int k = 0; k < network.spec().outputSize(); k++) {
            copy.theta2()[k * stride] += copy.theta2()[k * stride + unit + 1] * c;
            copy.theta2()[k * stride + unit + 1] = 0.0;
        }
        return copy.toNetwork();
    }
}
