package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.junit.jupiter.api.Test;

class PictureSmoothnessTest {

    private static final double EXACT = 1e-12;
    /** 25 units × 760 pairs of independent weights: the mean r has a standard deviation of ~0.007. */
    private static final double RANDOM_TOLERANCE = 0.05;

    private static final int SIDE = 20;

    private static Network network(int hidden, java.util.function.IntBinaryOperator... pictures) {
        NetworkSpec spec = new NetworkSpec(SIDE, SIDE, hidden, 10, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        double[] theta1 = new double[hidden * (SIDE * SIDE + 1)];
        for (int j = 0; j < hidden; j++) {
            theta1[j * (SIDE * SIDE + 1)] = 1000; // the bias is not part of the picture
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    theta1[j * (SIDE * SIDE + 1) + 1 + y * SIDE + x] = pictures[j % pictures.length].applyAsInt(x, y);
                }
            }
        }
        return new Network(spec, theta1, new double[10 * (hidden + 1)]);
    }

    @Test
    void aRampIsPerfectlySmooth() {
        // Every pair is (v, v + 1): the two lists differ by a constant, r = 1.
        assertEquals(1.0, PictureSmoothness.of(network(3, (x, y) -> x + y)), EXACT);
    }

    @Test
    void aCheckerboardIsPerfectlyRough() {
        // Every pair is (1, 0) or (0, 1): b = 1 − a, r = −1.
        assertEquals(-1.0, PictureSmoothness.of(network(2, (x, y) -> (x + y) % 2)), EXACT);
    }

    @Test
    void theScoreIsTheMeanOverUnitsAndConstantUnitsAreLeftOut() {
        Network mixed = network(3, (x, y) -> x + y, (x, y) -> (x + y) % 2, (x, y) -> 7);
        assertEquals(0.0, PictureSmoothness.of(mixed), EXACT);
        assertTrue(Double.isNaN(PictureSmoothness.of(network(2, (x, y) -> 7))));
    }

    @Test
    void independentRandomWeightsScoreAboutZero() {
        Random random = new Random(42);
        NetworkSpec spec = new NetworkSpec(SIDE, SIDE, 25, 10, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        double[] theta1 = new double[25 * (SIDE * SIDE + 1)];
        for (int i = 0; i < theta1.length; i++) {
            theta1[i] = random.nextGaussian();
        }
        double score = PictureSmoothness.of(new Network(spec, theta1, new double[10 * 26]));
        assertEquals(0.0, score, RANDOM_TOLERANCE);
    }

    @Test
    void horizontalAndVerticalPairsArePooled() {
        // [[1, 2], [3, 4]]: horizontal pairs (1,2), (3,4), vertical (1,3), (2,4); each direction
        // alone has r = 1, pooled a = {1, 3, 1, 2}, b = {2, 4, 3, 4}: means 1.75 and 3.25,
        // covariance sum 2.25, both variance sums 2.75, r = 9 / 11.
        assertEquals(9.0 / 11.0, PictureSmoothness.unit(new double[] {1, 2, 3, 4}, 0, 2, 2), EXACT);
        // One row 1, 2, 3: pairs (1,2), (2,3), no vertical pairs; b = a + 1, r = 1.
        assertEquals(1.0, PictureSmoothness.unit(new double[] {1, 2, 3}, 0, 3, 1), EXACT);
    }
}
