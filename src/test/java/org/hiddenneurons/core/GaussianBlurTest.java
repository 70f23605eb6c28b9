package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    /** Sums of a handful of products of values in [0, 1]: exact to a few ulps. */
    private static final double EXACT = 1e-15;

    /**
     * w_k = exp(−k²/(2·0.6²)) / Σ_j exp(−j²/(2·0.6²)), k = −2 … 2 (r = ⌈1.8⌉ = 2), computed by
     * Python's math.exp, not by the code under test.
     */
    private static final double[] KERNEL_06 = {
        0.0025662686485205363, 0.16552456665899618, 0.6638183293849667, 0.16552456665899618, 0.0025662686485205363};

    @Test
    void kernelOfSigma06HasRadiusTwoAndTheNormalisedGaussianWeights() {
        assertArrayEquals(KERNEL_06, GaussianBlur.kernel(0.6), EXACT);
    }

    @Test
    void anInteriorImpulseBecomesTheOuterProductOfTheKernelWithItsMassKept() {
        int size = 9;
        double[] image = new double[size * size];
        image[4 * size + 4] = 1.0;
        GaussianBlur.apply(image, 0, size, size, 0.6);
        // out(4 + i, 4 + j) = w_i·w_j (products by Python).
        assertEquals(0.4406547744274481, image[4 * size + 4], EXACT);
        assertEquals(0.1098782413117454, image[4 * size + 5], EXACT);
        assertEquals(0.1098782413117454, image[3 * size + 4], EXACT);
        assertEquals(0.027398382167648467, image[5 * size + 5], EXACT);
        assertEquals(0.0017035361670139186, image[4 * size + 6], EXACT);
        assertEquals(0.0, image[4 * size + 7]);
        double mass = 0;
        for (double v : image) {
            mass += v;
        }
        assertEquals(1.0, mass, 1e-14);
    }

    @Test
    void anImpulseInTheCornerLosesTheMassThatFallsOutsideTheImage() {
        int size = 5;
        double[] image = new double[size * size];
        image[0] = 1.0;
        GaussianBlur.apply(image, 0, size, size, 0.6);
        double mass = 0;
        for (double v : image) {
            mass += v;
        }
        // Only k = 0, 1, 2 of each axis land inside: (w0 + w1 + w2)².
        assertEquals(0.6920728582993454, mass, 1e-15);
        assertEquals(0.4406547744274481, image[0], EXACT);
    }

    @Test
    void aSigmaThatIsNotPositiveIsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianBlur.kernel(0.0));
        assertEquals("blur sigma must be a positive number of pixels, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.kernel(Double.NaN));
    }
}
