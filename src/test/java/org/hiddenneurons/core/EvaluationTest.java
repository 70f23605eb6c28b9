package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void lossAndAccuracyMatchExampleByExampleForwardPasses() {
        Random random = new Random(TestNetworks.SEED);
        NetworkSpec spec = NetworkSpec.DEFAULT;
        int count = 1000;
        Network network = TestNetworks.randomNetwork(spec, 0.5, random);
        double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
        int[] labels = new int[count];
        int[] expectedPredictions = new int[count];
        int correct = 0;
        for (int i = 0; i < count; i++) {
            double[] example = new double[spec.inputSize()];
            System.arraycopy(inputs, i * spec.inputSize(), example, 0, example.length);
            expectedPredictions[i] = network.forward(example).predictedClass();
            // Every third label is the prediction: a known accuracy well away from 0 and 1.
            labels[i] = i % 3 == 0 ? expectedPredictions[i] : (expectedPredictions[i] + 1) % spec.outputSize();
            correct += i % 3 == 0 ? 1 : 0;
        }
        Evaluation.Metrics metrics = Evaluation.evaluate(network, inputs, labels, count, 0.7);
        double expectedLoss = ReferenceCostFunction.INSTANCE.evaluate(network, inputs, labels, count, 0.7, null);
        assertEquals(expectedLoss, metrics.loss(), TOLERANCE * expectedLoss);
        assertEquals(correct / (double) count, metrics.accuracy(), 0.0);
        assertArrayEquals(expectedPredictions, Evaluation.predictAll(network, inputs, count));
        assertEquals(count * spec.outputSize(), Evaluation.forwardAll(network, inputs, count).length);
    }

    @Test
    void emptyBatchHasUndefinedMetrics() {
        Network network = GradientCheck.debugNetwork(GradientCheck.courseSpec());
        Evaluation.Metrics metrics = Evaluation.evaluate(network, new double[0], new int[0], 0, 0.0);
        assertTrue(Double.isNaN(metrics.loss()));
        assertTrue(Double.isNaN(metrics.accuracy()));
    }
}
