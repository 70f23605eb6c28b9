package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.junit.jupiter.api.Test;

class PredictionExplanationTest {

    private static final double TOLERANCE = 1e-12;
    /** Step of the central differences. */
    private static final double STEP = 1e-5;
    /** Allowed |analytic − numeric| / max(1, |analytic|): central differences err by O(STEP²). */
    private static final double FD_TOLERANCE = 1e-7;

    @Property(tries = 20)
    void logitBreakdownSumsToZ3(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        double[] x = random.doubles(400).toArray();
        UnitExperiment experiment = random.nextBoolean() ? UnitExperiment.NONE
                : UnitExperiment.NONE.with(random.nextInt(25), UnitExperiment.Mode.ONE);
        ForwardPass pass = ExperimentalForward.forward(network, experiment, null, x);
        for (int k = 0; k < 10; k++) {
            PredictionExplanation.Breakdown breakdown = PredictionExplanation.breakdown(network, pass, k);
            assertEquals(25, breakdown.contributions().length);
            assertEquals(pass.z3()[k], breakdown.total(), TOLERANCE);
            assertEquals(network.theta2Copy()[k * 26], breakdown.bias());
        }
    }

    @Test
    void saliencyEqualsFiniteDifferencesForEveryActivation() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(5, 4, 6, 4, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            Network network = AnalysisFixtures.randomNetwork(spec, random, 1.0);
            double[] x = random.doubles(20).toArray();
            for (int k = 0; k < 4; k++) {
                checkSaliency(network, UnitExperiment.NONE, x, k);
            }
        }
    }

    @Test
    void saliencyOfAModifiedNetworkEqualsItsFiniteDifferences() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT.withHiddenSize(8), random, 0.2);
        double[] x = random.doubles(400).toArray();
        double[] means = random.doubles(8).toArray();
        UnitExperiment experiment = UnitExperiment.NONE.with(1, UnitExperiment.Mode.OFF)
                .with(5, UnitExperiment.Mode.MEAN).with(6, UnitExperiment.Mode.ONE);
        for (int k : new int[] {0, 7, 9}) {
            double[] saliency = PredictionExplanation.saliency(network, experiment, x, k);
            for (int i = 0; i < 400; i += 7) {
                double numeric = numericDerivative(network, experiment, means, x, k, i);
                assertEquals(numeric, saliency[i], FD_TOLERANCE * Math.max(1, Math.abs(saliency[i])));
            }
        }
    }

    private static void checkSaliency(Network network, UnitExperiment experiment, double[] x, int output) {
        double[] saliency = PredictionExplanation.saliency(network, experiment, x, output);
        for (int i = 0; i < x.length; i++) {
            double numeric = numericDerivative(network, experiment, null, x, output, i);
            assertEquals(numeric, saliency[i], FD_TOLERANCE * Math.max(1, Math.abs(saliency[i])),
                    network.spec().hiddenActivation() + " pixel " + i);
        }
    }

    private static double numericDerivative(Network network, UnitExperiment experiment, double[] means, double[] x,
                                            int output, int pixel) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[pixel] += STEP;
        minus[pixel] -= STEP;
        double up = ExperimentalForward.forward(network, experiment, means, plus).z3()[output];
        double down = ExperimentalForward.forward(network, experiment, means, minus).z3()[output];
        return (up - down) / (2 * STEP);
    }
}
