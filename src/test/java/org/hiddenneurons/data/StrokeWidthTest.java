package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.core.GaussianBlur;
import org.junit.jupiter.api.Test;

class StrokeWidthTest {

    private static final double EXACT = 1e-12;
    /** A blurred stroke's width (its edges no longer pixel-aligned) within this of the sharp one's. */
    private static final double BLUR_TOLERANCE = 0.02;
    /** A normalised ratio within this of its bound (the dilation is rounded to pixels). */
    private static final double BOUND_TOLERANCE = 0.005;

    /** A width×height image with a filled rectangle of ink (1) at (left, top). */
    private static GrayImage bar(int width, int height, int left, int top, int barWidth, int barHeight) {
        double[] values = new double[width * height];
        for (int y = top; y < top + barHeight; y++) {
            for (int x = left; x < left + barWidth; x++) {
                values[y * width + x] = 1;
            }
        }
        return new GrayImage(width, height, values);
    }

    @Test
    void widthOfASharpBarIsItsAreaOverHalfItsPerimeter() {
        // Σv = 4·60, TV = 2·(4 + 60): w = 2·240 / 128 = 3.75
        assertEquals(3.75, StrokeWidth.width(bar(20, 80, 8, 10, 4, 60)), EXACT);
        assertEquals(3.75 / 60, StrokeWidth.ratio(bar(20, 80, 8, 10, 4, 60)), EXACT);
        assertEquals(0, StrokeWidth.width(new GrayImage(3, 3, new double[9])), 0.0);
        assertTrue(Double.isNaN(StrokeWidth.ratio(new GrayImage(3, 3, new double[9]))));
    }

    @Test
    void widthDoesNotChangeWhenTheStrokeIsBlurred() {
        GrayImage sharp = bar(30, 80, 12, 10, 5, 60);
        double[] blurred = sharp.values().clone();
        GaussianBlur.apply(blurred, 0, 30, 80, 0.8);
        assertEquals(StrokeWidth.width(sharp), StrokeWidth.width(new GrayImage(30, 80, blurred)), BLUR_TOLERANCE);
    }

    @Test
    void squaredDistancesMatchABruteForceSearch() {
        Random random = new Random(42);
        int width = 17;
        int height = 11;
        boolean[] feature = new boolean[width * height];
        for (int i = 0; i < feature.length; i++) {
            feature[i] = random.nextDouble() < 0.08;
        }
        double[] fast = StrokeWidth.squaredDistances(feature, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double nearest = Double.MAX_VALUE;
                for (int v = 0; v < height; v++) {
                    for (int u = 0; u < width; u++) {
                        if (feature[v * width + u]) {
                            nearest = Math.min(nearest, (double) (x - u) * (x - u) + (double) (y - v) * (y - v));
                        }
                    }
                }
                assertEquals(nearest, fast[y * width + x], EXACT, "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void aThinPenIsThickenedAndAThickOneThinnedToTheNearestBoundAndOneInsideIsLeftAlone() {
        GrayImage thin = bar(12, 200, 4, 0, 4, 200); // ratio 4·200/204/200 ≈ 0.020
        GrayImage thickened = StrokeWidth.normalise(thin, 0.088, 0.139);
        assertEquals(0.088, StrokeWidth.ratio(thickened), BOUND_TOLERANCE);
        assertTrue(thickened.width() > thin.width(), "a margin for the wider strokes");

        GrayImage thick = bar(50, 170, 10, 10, 30, 150); // ratio 30·150/180/150 ≈ 0.167
        GrayImage thinned = StrokeWidth.normalise(thick, 0.088, 0.139);
        assertEquals(0.139, StrokeWidth.ratio(thinned), BOUND_TOLERANCE);

        GrayImage typical = bar(30, 100, 10, 0, 10, 100); // ratio 10·100/110/100 ≈ 0.091
        assertSame(typical, StrokeWidth.normalise(typical, 0.088, 0.139));
        assertSame(thin, StrokeWidth.normalise(thin, 0, Double.POSITIVE_INFINITY), "off");
    }

    @Test
    void reusedBuffersGiveTheSameImagesBitForBitAsFreshOnes() {
        // Larger, then smaller, dilated and eroded in turn: nothing of an earlier image may leak.
        GrayImage[] images = {bar(12, 200, 4, 0, 4, 200), bar(50, 170, 10, 10, 30, 150), bar(8, 60, 3, 0, 2, 60),
            bar(90, 40, 5, 5, 80, 30), bar(12, 200, 4, 0, 4, 200), bar(6, 30, 2, 0, 1, 30), bar(50, 170, 10, 10, 30, 150)};
        StrokeWidth.Scratch scratch = new StrokeWidth.Scratch();
        for (GrayImage image : images) {
            GrayImage fresh = StrokeWidth.normalise(image, 0.088, 0.139);
            GrayImage reused = StrokeWidth.normalise(image, 0.088, 0.139, scratch);
            assertNotSame(image, fresh, "every image here is outside the range");
            assertEquals(fresh.width(), reused.width());
            assertEquals(fresh.height(), reused.height());
            assertArrayEquals(fresh.values(), reused.values(), 0.0);
            GrayImage cropped = StrokeWidth.normaliseCropped(image, 0.088, 0.139, scratch);
            GrayImage expected = Preprocessor.crop(fresh, Preprocessor.inkBounds(fresh));
            assertEquals(expected.width(), cropped.width());
            assertArrayEquals(expected.values(), cropped.values(), 0.0, "cropped as the preprocessor crops");
        }
        GrayImage typical = bar(30, 100, 10, 0, 10, 100);
        assertSame(typical, StrokeWidth.normaliseCropped(typical, 0.088, 0.139, scratch), "inside the range: itself");
    }

    @Test
    void aRangeThatIsNotOneIsRejected() {
        GrayImage image = bar(10, 10, 2, 2, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> StrokeWidth.normalise(image, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> StrokeWidth.normalise(image, -0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessor.Target(20, 20, 14, 10, 10, 0.2, 0.1));
    }
}
