package org.hiddenneurons.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.TestNetworks;
import org.hiddenneurons.data.Dataset;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final NetworkSpec SMALL =
            new NetworkSpec(4, 3, 6, 5, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
    private static final int SAMPLES = 300;
    private static final double TOLERANCE = 1e-12;

    private static Network randomNetwork(Random random) {
        return TestNetworks.gaussianNetwork(SMALL, random, 2, 1);
    }

    private static Dataset randomData(Random random) {
        double[] pixels = new double[SAMPLES * SMALL.inputSize()];
        int[] labels = new int[SAMPLES];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble();
        }
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = random.nextInt(SMALL.outputSize());
        }
        return new Dataset("random", SMALL.inputWidth(), SMALL.inputHeight(), SMALL.outputSize(), pixels, labels);
    }

    @Test
    void countsSumToTheSampleCountAndEqualABruteForceCount() {
        Random random = new Random(42);
        Network network = randomNetwork(random);
        Dataset data = randomData(random);
        ConfusionMatrix matrix = ConfusionMatrix.of(network, data);

        int classes = SMALL.outputSize();
        int sum = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                int brute = 0;
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    int predicted = network.forward(data.sample(i)).predictedClass();
                    if (data.label(i) == t && predicted == p) {
                        brute++;
                        expected.add(i);
                    }
                }
                assertEquals(brute, matrix.count(t, p), "cell " + t + "," + p);
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), matrix.indices(t, p));
                sum += matrix.count(t, p);
            }
        }
        assertEquals(data.size(), sum);
        assertEquals(data.size(), matrix.total());
        assertTrue(matrix.mostConfused() != null, "a random network gets some wrong");
    }

    @Test
    void cellIndicesPointAtSamplesOfThatTrueAndPredictedClass() {
        Random random = new Random(42);
        Network network = randomNetwork(random);
        Dataset data = randomData(random);
        ConfusionMatrix matrix = ConfusionMatrix.of(network, data);
        for (int t = 0; t < SMALL.outputSize(); t++) {
            for (int p = 0; p < SMALL.outputSize(); p++) {
                for (int index : matrix.indices(t, p)) {
                    assertEquals(t, data.label(index));
                    assertEquals(p, matrix.predicted(index));
                    double[] a3 = network.predict(data.sample(index));
                    assertArrayEquals(a3, matrix.outputs(index), TOLERANCE);
                    assertEquals(p, matrix.topClasses(index, 2)[0]);
                    assertTrue(a3[matrix.topClasses(index, 2)[1]] <= a3[p]);
                }
            }
        }
    }

    @Test
    void perClassAccuracyIsTheDiagonalOverTheRowSum() {
        int[] labels = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 1, 0, 1, 1, 0};
        ConfusionMatrix matrix = ConfusionMatrix.of(4, labels, predicted, null);
        assertEquals(2.0 / 3, matrix.classAccuracy(0), TOLERANCE);
        assertEquals(1.0, matrix.classAccuracy(1), TOLERANCE);
        assertEquals(0.0, matrix.classAccuracy(2), TOLERANCE);
        assertTrue(Double.isNaN(matrix.classAccuracy(3)), "no samples of class 3");
        assertEquals(4.0 / 6, matrix.accuracy(), TOLERANCE);
        assertEquals(2, matrix.maxCount());
        assertArrayEquals(new int[] {0, 1}, matrix.mostConfused(), "the first of the ties, row by row");
        assertArrayEquals(new int[] {5}, matrix.indices(2, 0));
    }

    @Test
    void perfectPredictionsHaveNoConfusedCell() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 1, 2}, new int[] {0, 1, 2}, null);
        assertNull(matrix.mostConfused());
        assertEquals(1.0, matrix.accuracy(), TOLERANCE);
    }

    @Test
    void mismatchedInputsAreRefused() {
        Random random = new Random(42);
        Network network = randomNetwork(random);
        Dataset wrongSize = new Dataset("3x3", 3, 3, 5, new double[9], new int[] {1});
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(network, wrongSize));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {3}, new int[] {0}, null));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {1, 2}, new int[] {0}, null));
    }
}
