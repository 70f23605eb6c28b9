package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InitializerTest {

    /** Sums of a few hundred products: agreement of two summation orders to a few ulps. */
    private static final double SUMMATION_ORDER = 1e-13;

    /** 7×6 pictures (not square, so rows and columns cannot be swapped unnoticed), 3 hidden units. */
    private static final NetworkSpec SPEC = new NetworkSpec(7, 6, 3, 4, Activation.SIGMOID,
            OutputLayer.SOFTMAX_CROSS_ENTROPY);

    @Test
    void blurredDrawsAsUniformAndChangesOnlyThePicturesOfTheta1() {
        Network uniform = Initializer.UNIFORM.initialize(SPEC, new Random(5));
        Network blurred = Initializer.BLURRED.initialize(SPEC, new Random(5));
        assertArrayEquals(uniform.theta2Copy(), blurred.theta2Copy(), 0.0);
        int columns = SPEC.inputSize() + 1;
        for (int unit = 0; unit < SPEC.hiddenSize(); unit++) {
            assertEquals(uniform.theta1Copy()[unit * columns], blurred.theta1Copy()[unit * columns], 0.0, "bias");
        }
    }

    /**
     * Expected pictures by a direct 2-D sum (not the separable blur under test): out(x, y) =
     * Σ_{i,j} g(i)·g(j)·in(x + i, y + j) / (Σ_k g(k))², g(k) = exp(−k²/(2σ²)), |i|, |j| ≤ ⌈3σ⌉, terms
     * outside the picture left out; then scaled to the uniform picture's RMS.
     */
    @Test
    void eachPictureIsTheGaussianBlurOfTheUniformOneRescaledToItsRms() {
        double sigma = Initializer.PICTURE_BLUR_SIGMA;
        int radius = (int) Math.ceil(3 * sigma);
        double norm = 0;
        for (int k = -radius; k <= radius; k++) {
            norm += Math.exp(-k * k / (2 * sigma * sigma));
        }
        double[] uniform = Initializer.UNIFORM.initialize(SPEC, new Random(11)).theta1Copy();
        double[] blurred = Initializer.BLURRED.initialize(SPEC, new Random(11)).theta1Copy();
        int width = SPEC.inputWidth();
        int height = SPEC.inputHeight();
        int columns = SPEC.inputSize() + 1;
        for (int unit = 0; unit < SPEC.hiddenSize(); unit++) {
            int offset = unit * columns + 1;
            double[] expected = new double[width * height];
            double squaresBefore = 0;
            double squaresAfter = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v = 0;
                    for (int j = -radius; j <= radius; j++) {
                        for (int i = -radius; i <= radius; i++) {
                            if (x + i >= 0 && x + i < width && y + j >= 0 && y + j < height) {
                                v += Math.exp(-(i * i + j * j) / (2 * sigma * sigma))
                                        * uniform[offset + (y + j) * width + x + i];
                            }
                        }
                    }
                    expected[y * width + x] = v / (norm * norm);
                    squaresBefore += uniform[offset + y * width + x] * uniform[offset + y * width + x];
                    squaresAfter += expected[y * width + x] * expected[y * width + x];
                }
            }
            double scale = Math.sqrt(squaresBefore / squaresAfter);
            for (int p = 0; p < expected.length; p++) {
                assertEquals(expected[p] * scale, blurred[offset + p], SUMMATION_ORDER, "unit " + unit + " pixel " + p);
            }
        }
    }

    @Test
    void blurredPicturesAreSmoothWhereUniformOnesAreNoise() {
        NetworkSpec digits = NetworkSpec.DEFAULT;
        Network uniform = Initializer.UNIFORM.initialize(digits, new Random(1));
        Network blurred = Initializer.BLURRED.initialize(digits, new Random(1));
        double uniformCorrelation = neighbourCorrelation(uniform.theta1Copy(), digits);
        double blurredCorrelation = neighbourCorrelation(blurred.theta1Copy(), digits);
        // Independent draws: about 0 (|r| < 0.1 for 25 × 760 pairs); a Gaussian of σ 1.5 makes
        // neighbours nearly equal (r ≈ exp(−1/(4σ²)) ≈ 0.9 away from the border).
        assertTrue(Math.abs(uniformCorrelation) < 0.1, "uniform r = " + uniformCorrelation);
        assertTrue(blurredCorrelation > 0.8, "blurred r = " + blurredCorrelation);
    }

    @Test
    void idsRoundTripAndAnUnknownIdNamesTheChoices() {
        for (Initializer initializer : Initializer.values()) {
            assertEquals(initializer, Initializer.fromId(initializer.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.fromId("zeros"));
        assertEquals("unknown initializer 'zeros' (expected uniform, glorot or blurred)", e.getMessage());
    }

    /** Pearson r of horizontally and vertically adjacent picture weights, all units' pairs pooled. */
    private static double neighbourCorrelation(double[] theta1, NetworkSpec spec) {
        int columns = spec.inputSize() + 1;
        int width = spec.inputWidth();
        double[] sums = new double[6]; // n, Σa, Σb, Σa², Σb², Σab
        for (int unit = 0; unit < spec.hiddenSize(); unit++) {
            int offset = unit * columns + 1;
            for (int y = 0; y < spec.inputHeight(); y++) {
                for (int x = 0; x < width; x++) {
                    double a = theta1[offset + y * width + x];
                    if (x + 1 < width) {
                        addPair(sums, a, theta1[offset + y * width + x + 1]);
                    }
                    if (y + 1 < spec.inputHeight()) {
                        addPair(sums, a, theta1[offset + (y + 1) * width + x]);
                    }
                }
            }
        }
        double n = sums[0];
        double cov = sums[5] / n - (sums[1] / n) * (sums[2] / n);
        double varA = sums[3] / n - (sums[1] / n) * (sums[1] / n);
        double varB = sums[4] / n - (sums[2] / n) * (sums[2] / n);
        return cov / Math.sqrt(varA * varB);
    }

    private static void addPair(double[] sums, double a, double b) {
        sums[0]++;
        sums[1] += a;
        sums[2] += b;
        sums[3] += a * a;
        sums[4] += b * b;
        sums[5] += a * b;
    }
}
