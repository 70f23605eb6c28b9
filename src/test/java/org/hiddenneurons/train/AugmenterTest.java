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
    private static final Augmentation NOTHING = new Augmentation(0, 0, 0, 0, 0, 1);
    /** Relative change of total ink a distortion may make (see the test). */
    private static final double INK_TOLERANCE = 0.4;
    private static final Augmentation RICH = new Augmentation(1.5, 12, 0.1, 0.2, 3.0, 3.0);

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
            // Ink scales with area: s² ∈ [0.81, 1.21] for scale ±10 %, and the elastic field locally
            // stretches or compresses by up to about 15 % more.
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
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0.9, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, 0, 0));
    }
}
