package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

class ExperimentalForwardTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void ablationEqualsANetworkWithTheUnitsOutgoingWeightsZeroed() {
        Random random = new Random(AnalysisFixtures.SEED);
        for (OutputLayer output : OutputLayer.values()) {
            NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, Activation.SIGMOID, output);
            Network network = AnalysisFixtures.randomNetwork(spec, random, 0.1);
            Split split = AnalysisFixtures.split(network, 50, 300, random);
            NetworkStatistics statistics = NetworkStatistics.compute(network, split);
            for (int unit : new int[] {0, 3, 24}) {
                Network zeroed = AnalysisFixtures.withOutgoingWeightsZeroed(network, unit);
                UnitExperiment off = UnitExperiment.NONE.with(unit, UnitExperiment.Mode.OFF);
                double[] x = split.test().sample(5);
                assertArrayEquals(zeroed.forward(x).a3(), ExperimentalForward.forward(network, off, null, x).a3(), TOLERANCE);
                double expected = Evaluation.evaluate(zeroed, split.test().pixels(), split.test().labels(),
                        split.test().size(), 0).accuracy();
                assertEquals(expected, statistics.testAccuracy(off), TOLERANCE);
                assertEquals(expected, statistics.ablatedAccuracy()[unit], TOLERANCE);
            }
            assertEquals(Evaluation.evaluate(network, split.test().pixels(), split.test().labels(), split.test().size(), 0)
                    .accuracy(), statistics.testAccuracy(), TOLERANCE);
        }
    }

    @Test
    void ablatingSeveralUnitsEqualsZeroingAllTheirOutgoingWeights() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        Split split = AnalysisFixtures.split(network, 20, 200, random);
        Network zeroed = AnalysisFixtures.withOutgoingWeightsZeroed(
                AnalysisFixtures.withOutgoingWeightsZeroed(network, 4), 11);
        UnitExperiment off = UnitExperiment.of(Map.of(4, UnitExperiment.Mode.OFF, 11, UnitExperiment.Mode.OFF));
        assertEquals(Evaluation.evaluate(zeroed, split.test().pixels(), split.test().labels(), split.test().size(), 0)
                .accuracy(), NetworkStatistics.compute(network, split).testAccuracy(off), TOLERANCE);
    }

    @Test
    void clampsPassTheirValueOnAndKeepTheRealPreactivation() {
        Random random = new Random(AnalysisFixtures.SEED);
        Network network = AnalysisFixtures.randomNetwork(AnalysisFixtures.SMALL, random, 1.0);
        Network before = network.copy();
        double[] means = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] x = random.doubles(12).toArray();
        UnitExperiment experiment = UnitExperiment.NONE.with(0, UnitExperiment.Mode.ONE)
                .with(2, UnitExperiment.Mode.MEAN).with(4, UnitExperiment.Mode.OFF);
        ForwardPass pass = ExperimentalForward.forward(network, experiment, means, x);
        ForwardPass intact = network.forward(x);
        assertEquals(1.0, pass.a2()[1]);
        assertEquals(intact.a2()[2], pass.a2()[2], TOLERANCE);
        assertEquals(0.3, pass.a2()[3]);
        assertEquals(0.0, pass.a2()[5]);
        assertArrayEquals(intact.z2(), pass.z2(), TOLERANCE);
        // z3 from the clamped a2 by hand
        for (int k = 0; k < 3; k++) {
            double z = 0;
            for (int j = 0; j <= 5; j++) {
                z += network.theta2Copy()[k * 6 + j] * pass.a2()[j];
            }
            assertEquals(z, pass.z3()[k], TOLERANCE);
        }
        assertArrayEquals(before.theta1Copy(), network.theta1Copy(), "experiments never change the weights");
        assertArrayEquals(before.theta2Copy(), network.theta2Copy());
        assertNotEquals(intact.a3()[0], pass.a3()[0]);
    }

    @Test
    void experimentsAreImmutableValues() {
        UnitExperiment one = UnitExperiment.NONE.with(3, UnitExperiment.Mode.OFF);
        UnitExperiment two = one.with(5, UnitExperiment.Mode.MEAN);
        assertTrue(UnitExperiment.NONE.isEmpty());
        assertEquals(1, one.modes().size());
        assertEquals(2, two.modes().size());
        assertSame(UnitExperiment.NONE, two.without(3).without(5));
        assertEquals(one, two.without(5));
        assertNull(one.mode(5));
        assertEquals(UnitExperiment.NONE.with(3, UnitExperiment.Mode.OFF), two.restrictedTo(4));
        assertThrows(UnsupportedOperationException.class, () -> two.modes().clear());
        assertThrows(IllegalArgumentException.class, () -> UnitExperiment.NONE.with(-1, UnitExperiment.Mode.ONE));
    }

    @Test
    void meanClampNeedsTheMeans() {
        assertThrows(IllegalArgumentException.class,
                () -> UnitExperiment.clampedValue(UnitExperiment.Mode.MEAN, 0, null));
    }
}
