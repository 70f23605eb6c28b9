package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The EJML comparison point of the benchmarks computes the same numbers as the reference. */
class EjmlCostFunctionTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void ejmlVariantMatchesReferenceForEveryActivationAndOutput() {
        Random random = new Random(TestNetworks.SEED);
        for (Activation activation : Activation.values()) {
            for (OutputLayer output : OutputLayer.values()) {
                NetworkSpec spec = new NetworkSpec(9, 7, 11, 4, activation, output);
                int count = 37;
                Network network = TestNetworks.randomNetwork(spec, 0.3, random);
                double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
                int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
                Gradients expected = new Gradients(spec);
                Gradients actual = new Gradients(spec);
                double cost = ReferenceCostFunction.INSTANCE.evaluate(network, inputs, labels, count, 1.5, expected);
                assertEquals(cost, EjmlCostFunction.INSTANCE.evaluate(network, inputs, labels, count, 1.5, actual),
                        TOLERANCE);
                for (int i = 0; i < expected.theta1Gradient().length; i++) {
                    assertEquals(expected.theta1Gradient()[i], actual.theta1Gradient()[i], TOLERANCE);
                }
                for (int i = 0; i < expected.theta2Gradient().length; i++) {
                    assertEquals(expected.theta2Gradient()[i], actual.theta2Gradient()[i], TOLERANCE);
                }
            }
        }
    }
}
