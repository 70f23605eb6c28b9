package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

/**
 * The models of the issue-17 §4 views against independent oracles: the histogram against a
 * brute-force count from full forward passes, the ablation curve against networks with outgoing
 * weights zeroed (its first ablated point is today's single-unit ablation), the random direction
 * against a direct sort of the projections.
 */
class TeachingViewsModelTest {

    private static final double TOLERANCE = 1e-12;
    /** A bias far beyond any Σ w·x of these networks: the unit's z keeps its sign for every input. */
    private static final double FORCING_BIAS = 200;

    @Test
    void histogramMatchesABruteForceCountForEveryActivation() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            Network network = AnalysisFixtures.randomNetwork(spec, random, 0.3);
            Split split = AnalysisFixtures.split(network, 500, 10, random);
            HiddenActivations train = HiddenActivations.compute(network, split.train().pixels(), split.train().size());
            for (int unit : new int[] {0, 12, 24}) {
                ActivationRange range = ActivationRange.compute(train, g, unit);
                double[] a = new double[split.train().size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = network.forward(split.train().sample(i)).a2()[unit + 1];
                }
                double low = g == Activation.TANH ? -1 : 0;
                double high = g == Activation.RELU ? Math.max(Arrays.stream(a).max().orElse(0), 0) : 1;
                if (high == 0) {
                    high = 1;
                }
                int[] expected = new int[ActivationRange.BINS];
                double width = (high - low) / ActivationRange.BINS;
                for (double v : a) {
                    // Brute force: the first bin whose upper edge is above v (the last bin keeps the top edge).
                    int b = 0;
                    while (b < ActivationRange.BINS - 1 && v >= low + (b + 1) * width) {
                        b++;
                    }
                    expected[b]++;
                }
                assertEquals(low, range.low(), TOLERANCE);
                assertEquals(high, range.high(), TOLERANCE);
                assertArrayEquals(expected, range.counts(), g + " unit " + unit);
                assertEquals(a.length, Arrays.stream(range.counts()).sum());
                // The lowest and the highest point show the extreme examples.
                double min = Arrays.stream(a).min().orElseThrow();
                double max = Arrays.stream(a).max().orElseThrow();
                assertEquals(min, a[range.examples()[0][0]], TOLERANCE);
                int[] last = range.examples()[ActivationRange.quantilePoints().length - 1];
                assertEquals(max, a[last[last.length - 1]], TOLERANCE);
            }
        }
    }

    @Test
    void saturationFlagsUnitsThatAreAlwaysOnOrOff() {
        double[] on = new double[100];
        Arrays.fill(on, 0.97);
        on[0] = 0.2; // 99 % on
        assertEquals(ActivationRange.Saturation.ALWAYS_ON, ActivationRange.saturation(on, Activation.SIGMOID));
        double[] dead = new double[100];
        dead[3] = 2.5;
        assertEquals(ActivationRange.Saturation.ALWAYS_OFF, ActivationRange.saturation(dead, Activation.RELU));
        double[] varied = new double[100];
        for (int i = 0; i < varied.length; i++) {
            varied[i] = i / 99.0 * 2 - 1;
        }
        assertEquals(ActivationRange.Saturation.NONE, ActivationRange.saturation(varied, Activation.TANH));
        double[] minusOne = new double[100];
        Arrays.fill(minusOne, -0.99);
        assertEquals(ActivationRange.Saturation.ALWAYS_OFF, ActivationRange.saturation(minusOne, Activation.TANH));
    }

    @Test
    void networkSaturationsMatchABruteForceCountOfEveryTrainingExample() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            WeightBuffers forced = AnalysisFixtures.randomNetwork(spec, random, 0.3).mutableCopy();
            int cols = spec.inputSize() + 1;
            forced.theta1()[0] = FORCING_BIAS; // unit 0 forced on (ReLU has no "on": it stays varied or large)
            forced.theta1()[cols] = -FORCING_BIAS; // unit 1 forced off
            Network network = forced.toNetwork();
            Split split = AnalysisFixtures.split(network, 300, 10, random);
            ActivationRange.Saturation[] saturations = ActivationRange.saturations(network, split.train());
            double[] theta1 = network.theta1Copy();
            double[] pixels = split.train().pixels();

            int m = split.train().size();
            int flagged = 0;
            for (int j = 0; j < spec.hiddenSize(); j++) {
                int on = 0;
                int off = 0;
                for (int i = 0; i < m; i++) {
                    // Brute force: z = b + Σ w·x from Θ1's row, a = g(z) written out here.
                    double z = theta1[j * cols];
                    for (int p = 0; p < spec.inputSize(); p++) {
                        z += theta1[j * cols + 1 + p] * pixels[i * spec.inputSize() + p];
                    }
                    double a = switch (g) {
                        case SIGMOID -> 1 / (1 + Math.exp(-z));
                        case TANH -> Math.tanh(z);
                        case RELU -> Math.max(0, z);
                    };
                    boolean high = g != Activation.RELU && a > 0.9;
                    boolean low = g == Activation.RELU ? a <= 0 : a < (g == Activation.TANH ? -0.9 : 0.1);
                    on += high ? 1 : 0;
                    off += low ? 1 : 0;
                }
                ActivationRange.Saturation expected = on >= 0.95 * m ? ActivationRange.Saturation.ALWAYS_ON
                        : off >= 0.95 * m ? ActivationRange.Saturation.ALWAYS_OFF : ActivationRange.Saturation.NONE;
                assertEquals(expected, saturations[j], g + " unit " + j + ": " + on + " on, " + off + " off of " + m);
                flagged += expected == ActivationRange.Saturation.NONE ? 0 : 1;
            }
            assertEquals(ActivationRange.Saturation.ALWAYS_OFF, saturations[1], g + ": the unit forced off");
            if (g != Activation.RELU) {
                assertEquals(ActivationRange.Saturation.ALWAYS_ON, saturations[0], g + ": the unit forced on");
            }
            assertTrue(flagged < spec.hiddenSize(), g + ": some units vary");
            // A sample of every other example (⌊i·m/n⌋ with n = m/2) counts the even examples only.
            int[] even = java.util.stream.IntStream.range(0, m / 2).map(i -> 2 * i).toArray();
            assertArrayEquals(ActivationRange.saturations(network, split.train().subset("even", even)),
                    ActivationRange.saturations(network, split.train(), m / 2), g + ": sampled");
        }
    }

    @Test
    void ablationCurveStartsIntactAndItsFirstStepIsTheSingleUnitAblation() {
        Random random = new Random(AnalysisFixtures.SEED);
        NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        Network network = AnalysisFixtures.randomNetwork(spec, random, 0.5);
        Split split = AnalysisFixtures.split(network, 50, 400, random);
        NetworkStatistics stats = NetworkStatistics.compute(network, split);
        AblationCurve curve = AblationCurve.compute(stats, 17);
        int hidden = spec.hiddenSize();
        for (double[] c : new double[][] {curve.mostImportantFirst(), curve.leastImportantFirst(), curve.randomOrder()}) {
            assertEquals(hidden + 1, c.length);
            assertEquals(stats.testAccuracy(), c[0], TOLERANCE);
        }
        int first = curve.importanceOrder()[0];
        assertEquals(stats.ablatedAccuracy()[first], curve.mostImportantFirst()[1], TOLERANCE);
        int firstRandom = curve.shuffledOrder()[0];
        assertEquals(stats.ablatedAccuracy()[firstRandom], curve.randomOrder()[1], TOLERANCE);
        // The most important unit loses at least as much as any other single unit.
        for (int j = 0; j < hidden; j++) {
            assertTrue(stats.ablatedAccuracy()[first] <= stats.ablatedAccuracy()[j] + TOLERANCE);
        }
        // Point k: a network with the first k units' outgoing weights zeroed, evaluated from scratch.
        int[] leastFirst = reversed(curve.importanceOrder());
        for (int k = 0; k <= hidden; k += 6) {
            Network zeroed = network;
            for (int i = 0; i < k; i++) {
                zeroed = AnalysisFixtures.withOutgoingWeightsZeroed(zeroed, leastFirst[i]);
            }
            double expected = Evaluation.evaluate(zeroed, split.test().pixels(), split.test().labels(),
                    split.test().size(), 0).accuracy();
            assertEquals(expected, curve.leastImportantFirst()[k], TOLERANCE, "k = " + k);
        }
        // With every unit off the answer depends on the output biases only: all three curves agree.
        assertEquals(curve.mostImportantFirst()[hidden], curve.randomOrder()[hidden], TOLERANCE);
        assertEquals(curve.mostImportantFirst()[hidden], curve.leastImportantFirst()[hidden], TOLERANCE);
        int[] sortedRandom = curve.shuffledOrder().clone();
        Arrays.sort(sortedRandom);
        for (int j = 0; j < hidden; j++) {
            assertEquals(j, sortedRandom[j], "the random order is a permutation");
        }
    }

    @Test
    void unitsNeededReadsTheLeastImportantFirstCurve() {
        double[] least = {0.9, 0.9, 0.89, 0.86, 0.8, 0.5};
        AblationCurve curve = new AblationCurve(least, least, least, new int[5], new int[5]);
        // 95 % of 0.9 = 0.855: up to k = 3 units off keep it, so 5 − 3 = 2 units are needed.
        assertEquals(2, curve.unitsNeeded(0.95));
        assertEquals(5, curve.unitsNeeded(1.01));
    }

    @Test
    void randomDirectionIsAUnitVectorAndItsExamplesAreTheExtremeProjections() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.3);
        Split split = AnalysisFixtures.split(network, 300, 10, random);
        HiddenActivations train = HiddenActivations.compute(network, split.train().pixels(), split.train().size());
        RandomDirection d = RandomDirection.compute(train, 2013, 6);
        assertEquals(1.0, Math.sqrt(Arrays.stream(d.direction()).map(v -> v * v).sum()), 1e-12);
        double[] s = new double[train.count()];
        for (int i = 0; i < s.length; i++) {
            double[] a2 = network.forward(split.train().sample(i)).a2();
            for (int j = 0; j < d.direction().length; j++) {
                s[i] += d.direction()[j] * a2[j + 1];
            }
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        for (int r = 0; r < 6; r++) {
            assertEquals(sorted[sorted.length - 1 - r], s[d.top()[r]], 1e-9, "top " + r);
            assertEquals(sorted[r], s[d.bottom()[r]], 1e-9, "bottom " + r);
        }
        assertArrayEquals(d.direction(), RandomDirection.compute(train, 2013, 6).direction(), "seeded");
    }

    private static int[] reversed(int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[order.length - 1 - i];
        }
        return out;
    }
}
