package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.junit.jupiter.api.Test;

class UnitAnalysisTest {

    private static final double TOLERANCE = 1e-9;

    @Property(tries = 50)
    void preferredInputBeatsRandomUnitNormInputs(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                 @ForAll @IntRange(min = 0, max = 24) int unit) {
        Random random = new Random(seed);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        double[] best = UnitAnalysis.preferredInput(network, unit);
        assertEquals(1.0, UnitAnalysis.norm(best), TOLERANCE);
        double bestZ = UnitAnalysis.preactivation(network, unit, best);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[best.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            double norm = UnitAnalysis.norm(x);
            for (int i = 0; i < x.length; i++) {
                x[i] /= norm;
            }
            assertTrue(UnitAnalysis.preactivation(network, unit, x) < bestZ);
        }
        // and beats small perturbations of itself (it is the maximum, not just better than noise)
        double[] nearby = best.clone();
        nearby[0] += 0.01;
        double nearbyNorm = UnitAnalysis.norm(nearby);
        for (int i = 0; i < nearby.length; i++) {
            nearby[i] /= nearbyNorm;
        }
        assertTrue(UnitAnalysis.preactivation(network, unit, nearby) <= bestZ + TOLERANCE);
    }

    @Property(tries = 30)
    void mostExcitingImageBeatsRandomValidImages(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        Network network = AnalysisFixtures.randomNetwork(AnalysisFixtures.SMALL, random, 1.0);
        for (int unit = 0; unit < network.spec().hiddenSize(); unit++) {
            double[] best = UnitAnalysis.mostExcitingImage(network, unit);
            double bestZ = UnitAnalysis.preactivation(network, unit, best);
            for (int trial = 0; trial < 50; trial++) {
                double[] x = new double[best.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextDouble();
                }
                assertTrue(UnitAnalysis.preactivation(network, unit, x) <= bestZ);
            }
        }
    }

    @Test
    void contributionMapSumsToPreactivationMinusBias() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        double[] x = random.doubles(400).toArray();
        for (int unit : new int[] {0, 7, 24}) {
            double[] map = UnitAnalysis.contributionMap(network, unit, x);
            double sum = UnitAnalysis.bias(network, unit);
            for (double v : map) {
                sum += v;
            }
            assertEquals(UnitAnalysis.preactivation(network, unit, x), sum, TOLERANCE);
            assertEquals(network.forward(x).z2()[unit], UnitAnalysis.preactivation(network, unit, x), TOLERANCE);
        }
    }

    @Test
    void votesAreTheOutgoingWeightsTimesTheActivation() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(AnalysisFixtures.SMALL, random, 1.0);
        double[] votes = UnitAnalysis.outgoingWeights(network, 2);
        for (int k = 0; k < 3; k++) {
            assertEquals(network.theta2Copy()[k * 6 + 3], votes[k]);
            assertEquals(0.25 * votes[k], UnitAnalysis.outputContributions(network, 2, 0.25)[k], TOLERANCE);
        }
    }

    @Property(tries = 40)
    void topExamplesEqualABruteForceSort(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                         @ForAll @IntRange(min = 1, max = 30) int k,
                                         @ForAll boolean withTies) {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(60);
        int hidden = 3;
        double[] values = new double[count * hidden];
        for (int i = 0; i < values.length; i++) {
            // ties: values from a handful of levels
            values[i] = withTies ? random.nextInt(4) / 4.0 : random.nextDouble();
        }
        HiddenActivations table = new HiddenActivations(count, hidden, values);
        for (int unit = 0; unit < hidden; unit++) {
            int u = unit;
            int[] expectedTop = IntStream.range(0, count).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -table.get(i, u)).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            int[] expectedBottom = IntStream.range(0, count).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> table.get(i, u)).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expectedTop, UnitAnalysis.topExamples(table, unit, k, true));
            assertArrayEquals(expectedBottom, UnitAnalysis.topExamples(table, unit, k, false));
        }
    }

    @Test
    void hiddenActivationsTableMatchesTheForwardPass() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT.withHiddenSize(7), random, 0.1);
        var data = AnalysisFixtures.dataset(network, 12, random);
        HiddenActivations table = HiddenActivations.compute(network, data.pixels(), data.size());
        double[] means = new double[7];
        for (int i = 0; i < data.size(); i++) {
            double[] a2 = network.forward(data.sample(i)).a2();
            for (int j = 0; j < 7; j++) {
                assertEquals(a2[j + 1], table.get(i, j), TOLERANCE);
                means[j] += a2[j + 1] / data.size();
            }
        }
        assertArrayEquals(means, table.means(), TOLERANCE);
    }
}
