package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeskewTest {

    /** Sums of a few dozen products of values in [0, 1]: exact to a few ulps. */
    private static final double EXACT = 1e-12;

    @Test
    void twoDotsOnADiagonalHaveSkewOneAndEndUpStackedAboveTheCentre() {
        // Ink at (0, 0) and (2, 2): centre (1, 1), σ_yy = 1, σ_xy = 1, so k = 1.
        double[] image = {
            1, 0, 0,
            0, 0, 0,
            0, 0, 1};
        assertEquals(1.0, Deskew.skew(image, 0, 3, 3), EXACT);
        double[] out = new double[9];
        Deskew.apply(image, 0, out, 0, 3, 3);
        // Row 0 samples x − 1, row 2 samples x + 1: both dots move to x = 1.
        assertArrayEquals(new double[] {
            0, 1, 0,
            0, 0, 0,
            0, 1, 0}, out, EXACT);
    }

    @Test
    void aSlantedStrokeBecomesUprightWithItsCentreOfMassKept() {
        // A stroke leaning right as it goes down: row y has ink at x = 6 + y/2 (split over two
        // columns when y is odd), 16 rows, in a 20×20 frame.
        int size = 20;
        double[] image = new double[size * size];
        for (int y = 2; y < 18; y++) {
            double x = 6 + y / 2.0;
            int left = (int) Math.floor(x);
            double fraction = x - left;
            image[y * size + left] += 1 - fraction;
            image[y * size + left + 1] += fraction;
        }
        assertEquals(0.5, Deskew.skew(image, 0, size, size), 1e-9);
        double[] out = new double[image.length];
        Deskew.apply(image, 0, out, 0, size, size);
        assertEquals(0.0, Deskew.skew(out, 0, size, size), 1e-9);
        double[] before = centre(image, size);
        double[] after = centre(out, size);
        assertEquals(before[0], after[0], 1e-9);
        assertEquals(before[1], after[1], 1e-9);
        assertEquals(before[2], after[2], 1e-9); // mass: no ink left the frame
    }

    @Test
    void theSkewIsClampedToTheLargestAllowed() {
        // Ink at (0, 0) and (4, 1): σ_xy / σ_yy = 4.
        double[] image = new double[5 * 2];
        image[0] = 1;
        image[5 + 4] = 1;
        assertEquals(Deskew.MAX_SKEW, Deskew.skew(image, 0, 5, 2), EXACT);
    }

    @Test
    void blankImagesAndInkOnOneRowAreCopiedUnchanged() {
        double[] blank = new double[16];
        double[] out = new double[16];
        Deskew.apply(blank, 0, out, 0, 4, 4);
        assertArrayEquals(blank, out);
        double[] oneRow = new double[16];
        oneRow[4] = 0.3;
        oneRow[6] = 1.0;
        Deskew.apply(oneRow, 0, out, 0, 4, 4);
        assertEquals(0.0, Deskew.skew(oneRow, 0, 4, 4));
        assertArrayEquals(oneRow, out);
    }

    @Test
    void aDatasetIsDeskewedSampleBySampleWithItsLabelsKept() {
        SplittableRandom random = new SplittableRandom(3);
        int width = 5;
        int height = 4;
        double[] pixels = new double[3 * width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble();
        }
        int[] labels = {2, 0, 1};
        Dataset data = new Dataset("d", width, height, 3, pixels.clone(), labels);
        Dataset deskewed = Deskew.apply(data);
        assertSame(labels, deskewed.labels());
        assertArrayEquals(pixels, data.pixels()); // the source is not modified
        for (int s = 0; s < 3; s++) {
            double[] expected = new double[width * height];
            Deskew.apply(pixels, s * width * height, expected, 0, width, height);
            assertArrayEquals(expected, deskewed.sample(s));
        }
    }

    /** {centre x, centre y, mass}. */
    private static double[] centre(double[] image, int size) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            x += (i % size) * image[i];
            y += (i / size) * image[i];
        }
        return new double[] {x / mass, y / mass, mass};
    }
}
