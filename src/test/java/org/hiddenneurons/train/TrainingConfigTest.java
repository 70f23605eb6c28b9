package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hiddenneurons.data.Dataset;
import org.junit.jupiter.api.Test;

/** The preprocessing steps a config names ({@link TrainingConfig#prepare}). */
class TrainingConfigTest {

    /** A few products of kernel weights: exact to a few ulps. */
    private static final double EXACT = 1e-15;

    private static final int SIZE = 7;

    /** Ink at (2, 2) and (4, 4) of a 7×7 frame: centre (3, 3), σ_xy = σ_yy, so the deskew's k is 1. */
    private static double[] diagonalDots() {
        double[] image = new double[SIZE * SIZE];
        image[2 * SIZE + 2] = 1.0;
        image[4 * SIZE + 4] = 1.0;
        return image;
    }

    @Test
    void withoutStepsTheInputItselfIsReturned() {
        double[] input = diagonalDots();
        TrainingConfig plain = TrainingConfig.defaults().withDeskew(false).withInputBlur(0.0);
        assertSame(input, plain.prepare(input, SIZE, SIZE));
        assertEquals("", plain.preprocessingSteps());
    }

    @Test
    void aDrawingIsDeskewedFirstThenBlurredAndTheInputIsNotModified() {
        double[] input = diagonalDots();
        TrainingConfig config = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.6);
        double[] out = config.prepare(input, SIZE, SIZE);
        assertArrayEquals(diagonalDots(), input, 0.0);
        // Deskewing moves both dots to x = 3: (3, 2) and (3, 4). The blur (σ 0.6, weights
        // w0 = 0.66381832938…, w1 = 0.16552456665…, w2 = 0.00256626864…, by Python) then gives
        // (3, 3) = 2·w0·w1 and (3, 2) = w0·w0 + w2·w0. Blurring first would raise σ_yy by σ² and
        // make k = 1/1.36, leaving the dots apart.
        assertEquals(0.2197564826234908, out[3 * SIZE + 3], EXACT);
        assertEquals(0.442358310594462, out[2 * SIZE + 3], EXACT);
        assertEquals(0.0, out[2 * SIZE + 6], EXACT);
        assertEquals("deskewed, blurred (σ 0.6 px)", config.preprocessingSteps());
    }

    @Test
    void aDataSetGetsExactlyTheStepsOfASingleInput() {
        double[] first = diagonalDots();
        double[] second = new double[SIZE * SIZE];
        for (int y = 1; y < 6; y++) {
            second[y * SIZE + 1 + y / 2] = 1.0; // a stroke leaning right
        }
        double[] pixels = new double[2 * SIZE * SIZE];
        System.arraycopy(first, 0, pixels, 0, first.length);
        System.arraycopy(second, 0, pixels, first.length, second.length);
        Dataset data = new Dataset("two", SIZE, SIZE, 2, pixels, new int[] {0, 1});
        TrainingConfig config = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.8);
        double[] prepared = config.prepare(data).pixels();
        double[] expected = new double[pixels.length];
        System.arraycopy(config.prepare(first, SIZE, SIZE), 0, expected, 0, first.length);
        System.arraycopy(config.prepare(second, SIZE, SIZE), 0, expected, first.length, second.length);
        assertArrayEquals(expected, prepared, 0.0);
    }

    @Test
    void aNegativeOrNonFiniteBlurIsRejectedWithItsValue() {
        TrainingConfig defaults = TrainingConfig.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withInputBlur(-0.5));
        assertEquals("input blur sigma must be a number of pixels >= 0, got -0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withInputBlur(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.withInputBlur(Double.POSITIVE_INFINITY));
    }
}
