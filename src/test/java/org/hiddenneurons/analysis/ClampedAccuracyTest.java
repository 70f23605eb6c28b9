package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

/**
 * The incremental accuracies equal a fresh output layer per experiment
 * ({@link ExperimentalForward#accuracy}, which recomputes every score from the clamped activations):
 * single clamps, accumulated clamps in a random order, and a unit clamped twice.
 */
class ClampedAccuracyTest {

    @Test
    void incrementalClampsGiveTheAccuracyOfAFreshPass() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            Network network = AnalysisFixtures.randomNetwork(spec, random, 0.3);
            Split split = AnalysisFixtures.split(network, 200, 600, random);
            HiddenActivations test = HiddenActivations.compute(network, split.test().pixels(), split.test().size());
            double[] means = HiddenActivations.compute(network, split.train().pixels(), split.train().size()).means();
            int[] labels = split.test().labels();

            ClampedAccuracy scores = new ClampedAccuracy(network, test, labels);
            assertEquals(ExperimentalForward.accuracy(network, test, labels, UnitExperiment.NONE, means), scores.accuracy());
            for (int j = 0; j < spec.hiddenSize(); j++) {
                for (UnitExperiment.Mode mode : UnitExperiment.Mode.values()) {
                    assertEquals(ExperimentalForward.accuracy(network, test, labels, UnitExperiment.NONE.with(j, mode), means),
                            scores.accuracyWith(j, UnitExperiment.clampedValue(mode, j, means)), g + " unit " + j + " " + mode);
                }
            }
            UnitExperiment experiment = UnitExperiment.NONE;
            for (int step = 0; step < 2 * spec.hiddenSize(); step++) { // units come back with another mode
                int unit = random.nextInt(spec.hiddenSize());
                UnitExperiment.Mode mode = UnitExperiment.Mode.values()[random.nextInt(UnitExperiment.Mode.values().length)];
                experiment = experiment.with(unit, mode);
                scores.clamp(unit, UnitExperiment.clampedValue(mode, unit, means));
                assertEquals(ExperimentalForward.accuracy(network, test, labels, experiment, means), scores.accuracy(),
                        g + " after " + (step + 1) + " clamps");
            }
        }
    }
}
