package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int SIZE = 20;
    private static final Augmentation NOTHING = new Augmentation(0, 0, 0, 0, 0, 1, 0);
    /** Relative change of total ink a distortion may make (see the test). */
    private static final double INK_TOLERANCE = 0.5;
    private static final Augmentation RICH = new Augmentation(1.5, 12, 0.1, 0.2, 3.0, 3.0, 0.3);

    /** A 20×20 "1": a vertical bar of ink in columns 9–10, rows 3–16. */
    private static double[] bar() {
        double[] image = new double[SIZE * SIZE];
        for (int y = 3; y <= 16; y++) {
            image[y * SIZE + 9] = 1.0;
            image[y * SIZE + 10] = 0.8;
        }
        return image;
    }

    private static double[] distort(Augmentation limits, long seed, double[] image) {
        double[] out = new double[image.length];
        new Augmenter(limits, SIZE, SIZE, seed).apply(image, 0, out, 0, new SplittableRandom(seed));
        return out;
    }

    @Test
    void zeroLimitsReproduceTheImageExactly() {
        double[] image = ImageTransformTest.random(SIZE * SIZE, 7);
        assertArrayEquals(image, distort(NOTHING, 3, image));
    }

    @Test
    void sameSeedGivesTheSameDistortionAndAnotherSeedAnother() {
        double[] image = bar();
        double[] first = distort(RICH, 5, image);
        assertArrayEquals(first, distort(RICH, 5, image));
        assertFalse(Arrays.equals(first, distort(RICH, 6, image)));
        assertFalse(Arrays.equals(first, image));
    }

    @Test
    void distortionKeepsRoughlyTheInkAndItsPlace() {
        double[] image = bar();
        double ink = Arrays.stream(image).sum();
        for (long seed = 1; seed <= 20; seed++) {
            double[] out = distort(RICH, seed, image);
            double outInk = Arrays.stream(out).sum();
            // Ink scales with area: s² ∈ [0.81, 1.21] for scale ±10 %; the elastic field locally
            // stretches or compresses and the thickness change (±30 %) adds or removes some more.
            assertEquals(ink, outInk, INK_TOLERANCE * ink, "seed " + seed);
            double centreX = 0;
            for (int i = 0; i < out.length; i++) {
                centreX += out[i] * (i % SIZE);
            }
            assertEquals(9.5, centreX / outInk, 3.0, "seed " + seed);
        }
    }

    @Test
    void limitsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, 0, 0, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0.9, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void thickeningAddsInkAroundTheStrokeAndThinningRemovesIt() {
        double[] image = bar();
        double[] thicker = new double[image.length];
        double[] thinner = new double[image.length];
        Augmenter.thickness(image, 0, thicker, 1.0, SIZE, SIZE);
        Augmenter.thickness(image, 0, thinner, -1.0, SIZE, SIZE);
        // Full dilation by the 3×3 cross: column 8 takes its right neighbour (1.0), column 11 its left (0.8).
        assertEquals(1.0, thicker[10 * SIZE + 8]);
        assertEquals(1.0, thicker[10 * SIZE + 10]);
        assertEquals(0.8, thicker[10 * SIZE + 11]);
        assertEquals(1.0, thicker[2 * SIZE + 9], "the bar grows one pixel at its ends");
        // Full erosion: every pixel of a two-pixel-wide bar has a zero neighbour.
        assertEquals(0.0, Arrays.stream(thinner).sum());
        double[] same = new double[image.length];
        Augmenter.thickness(image, 0, same, 0.0, SIZE, SIZE);
        assertArrayEquals(image, same);
    }
}
