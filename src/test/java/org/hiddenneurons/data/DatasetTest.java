package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Compact pixel storage: one byte per pixel exactly when every value is k / 255, the same doubles either way. */
class DatasetTest {

    private static final int WIDTH = 3;
    private static final int HEIGHT = 2;
    private static final int INPUTS = WIDTH * HEIGHT;

    private final Random random = new Random(42);

    /** count random images of 8-bit values, each k / 255.0 as the 8-bit readers compute it. */
    private double[] eightBitPixels(int count) {
        double[] pixels = new double[count * INPUTS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256) / 255.0;
        }
        return pixels;
    }

    private static int[] labels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    /** Bit-for-bit equality, so −0.0 ≠ 0.0 and NaN = NaN. */
    private static void assertSameBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "value " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void eightBitValuesAreStoredAsBytesAndReadBackBitForBit() {
        double[] pixels = eightBitPixels(7);
        double[] given = pixels.clone();
        Dataset data = new Dataset("eight-bit", WIDTH, HEIGHT, 10, pixels, labels(7));
        assertTrue(data.isCompact());
        assertSameBits(given, data.pixels());
        double[] row = new double[INPUTS + 2];
        data.copyRows(4, 1, row, 2);
        for (int i = 0; i < INPUTS; i++) {
            assertEquals(Double.doubleToRawLongBits(given[4 * INPUTS + i]), Double.doubleToRawLongBits(row[2 + i]));
        }
        assertSameBits(java.util.Arrays.copyOfRange(given, 3 * INPUTS, 4 * INPUTS), data.sample(3));
    }

    @Test
    void everyLevelReadsBackAsLevelOver255() {
        byte[] levels = new byte[256 * INPUTS];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) (i / INPUTS);
        }
        Dataset data = Dataset.ofLevels("levels", WIDTH, HEIGHT, 10, levels, labels(256));
        double[] pixels = data.pixels();
        for (int i = 0; i < pixels.length; i++) {
            double expected = (i / INPUTS) / 255.0; // IdxReader's and GrayImage's v / 255
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(pixels[i]), "level " + i / INPUTS);
        }
        assertEquals(1.0, pixels[pixels.length - 1]);
    }

    @Test
    void otherValuesKeepTheirDoubles() {
        double[][] cases = {
            {0.5}, // not k/255
            {-0.0}, // the sign of zero would be lost
            {Double.NaN},
            {1000 / 65535.0}, // a 16-bit sample
            {-0.1306}, // the course's .mat data lies outside [0, 1]
            {2.0 / 255.0 + Math.ulp(2.0 / 255.0)}, // one ulp off a level
        };
        for (double[] odd : cases) {
            double[] pixels = eightBitPixels(2);
            pixels[INPUTS + 1] = odd[0];
            double[] given = pixels.clone();
            Dataset data = new Dataset("mixed", WIDTH, HEIGHT, 10, pixels, labels(2));
            assertFalse(data.isCompact(), "with " + odd[0]);
            assertSameBits(given, data.pixels());
        }
    }

    @Test
    void subsetAndConcatKeepTheValuesAndTheStorage() {
        Dataset compact = new Dataset("a", WIDTH, HEIGHT, 10, eightBitPixels(5), labels(5));
        double[] odd = eightBitPixels(3);
        odd[0] = 0.5;
        Dataset doubles = new Dataset("b", WIDTH, HEIGHT, 10, odd, labels(3));

        Dataset subset = compact.subset("s", new int[] {4, 0, 4});
        assertTrue(subset.isCompact());
        assertSameBits(compact.sample(4), subset.sample(0));
        assertSameBits(compact.sample(0), subset.sample(1));
        assertEquals(compact.label(4), subset.label(2));
        assertFalse(doubles.subset("t", new int[] {0}).isCompact());

        Dataset both = Dataset.concat(compact, compact);
        assertTrue(both.isCompact());
        assertEquals(10, both.size());
        Dataset mixed = Dataset.concat(compact, doubles);
        assertFalse(mixed.isCompact());
        assertEquals("a + b", mixed.name());
        double[] expected = new double[8 * INPUTS];
        System.arraycopy(compact.pixels(), 0, expected, 0, 5 * INPUTS);
        System.arraycopy(odd, 0, expected, 5 * INPUTS, 3 * INPUTS);
        assertSameBits(expected, mixed.pixels());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 0, 1, 2}, mixed.labels());

        Dataset renumbered = compact.withClassCount(12);
        assertEquals(12, renumbered.classCount());
        assertSameBits(compact.pixels(), renumbered.pixels());
    }

    @Test
    void theBundledSheetIsStoredAsBytes() {
        Dataset digits = DigitsImage.loadBundled();
        assertTrue(digits.isCompact(), "the 8-bit gray sheet's values are all k / 255");
    }
}
