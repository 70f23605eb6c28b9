package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hiddenneurons.core.GaussianBlur;
import org.junit.jupiter.api.Test;

class InputBlurTest {

    /** A few products of kernel weights: exact to a few ulps. */
    private static final double EXACT = 1e-15;

    @Test
    void aDatasetIsBlurredSampleBySampleWithItsLabelsKeptAndTheSourceUnchanged() {
        SplittableRandom random = new SplittableRandom(42);
        double[] pixels = new double[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble();
        }
        int[] labels = {2, 0, 1};
        Dataset data = new Dataset("random", 4, 5, 3, pixels, labels);
        Dataset blurred = InputBlur.apply(data, 0.8);
        assertArrayEquals(pixels, data.pixels(), 0.0);
        assertArrayEquals(labels, blurred.labels());
        assertEquals("random", blurred.name());
        for (int sample = 0; sample < 3; sample++) {
            double[] one = Arrays.copyOfRange(pixels, sample * 20, sample * 20 + 20);
            GaussianBlur.apply(one, 0, 4, 5, 0.8);
            assertArrayEquals(one, Arrays.copyOfRange(blurred.pixels(), sample * 20, sample * 20 + 20), 0.0);
        }
    }

    @Test
    void aGrayImageIsCopiedNotModified() {
        double[] values = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        GrayImage image = new GrayImage(3, 3, values);
        GrayImage blurred = InputBlur.apply(image, 0.6);
        assertEquals(1.0, image.get(1, 1));
        // w0² for σ 0.6: w0 = 0.66381832938… (Python).
        assertEquals(0.4406547744274481, blurred.get(1, 1), EXACT);
    }
}
