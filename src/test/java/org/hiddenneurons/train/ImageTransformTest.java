package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTransformTest {

    private static final int WIDTH = 4;
    private static final int HEIGHT = 3;

    private static double[] numbered() {
        double[] image = new double[WIDTH * HEIGHT];
        for (int i = 0; i < image.length; i++) {
            image[i] = i + 1;
        }
        return image;
    }

    @Test
    void zeroShiftCopiesTheImage() {
        double[] image = numbered();
        double[] out = new double[image.length];
        ImageTransform.shift(image, 0, out, 0, WIDTH, HEIGHT, 0, 0);
        assertArrayEquals(image, out);
    }

    @Test
    void shiftRightAndDownFillsWithZeros() {
        double[] out = new double[WIDTH * HEIGHT];
        java.util.Arrays.fill(out, -1);
        ImageTransform.shift(numbered(), 0, out, 0, WIDTH, HEIGHT, 1, 1);
        double[] expected = {
            0, 0, 0, 0,
            0, 1, 2, 3,
            0, 5, 6, 7};
        assertArrayEquals(expected, out);
    }

    @Test
    void shiftLeftAndUpFillsWithZeros() {
        double[] out = new double[WIDTH * HEIGHT];
        ImageTransform.shift(numbered(), 0, out, 0, WIDTH, HEIGHT, -2, -1);
        double[] expected = {
            7, 8, 0, 0,
            11, 12, 0, 0,
            0, 0, 0, 0};
        assertArrayEquals(expected, out);
    }

    @Test
    void shiftBeyondTheImageGivesBlank() {
        double[] out = new double[WIDTH * HEIGHT];
        java.util.Arrays.fill(out, -1);
        ImageTransform.shift(numbered(), 0, out, 0, WIDTH, HEIGHT, WIDTH, 0);
        assertArrayEquals(new double[WIDTH * HEIGHT], out);
    }

    @Test
    void shiftingThereAndBackKeepsTheInterior() {
        Random random = new Random(42);
        int size = 10;
        double[] image = new double[3 * size * size];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextDouble();
        }
        int offset = size * size;
        double[] shifted = new double[image.length];
        double[] back = new double[image.length];
        ImageTransform.shift(image, offset, shifted, offset, size, size, 2, -1);
        ImageTransform.shift(shifted, offset, back, offset, size, size, -2, 1);
        for (int y = 1; y < size; y++) {
            for (int x = 0; x < size - 2; x++) {
                assertEquals(image[offset + y * size + x], back[offset + y * size + x]);
            }
        }
        assertEquals(0.0, back[0]);
        assertEquals(0.0, back[2 * size * size]);
    }

    @Test
    void rotationByZeroWithWholeShiftsEqualsShift() {
        Random random = new Random(42);
        double[] image = new double[WIDTH * HEIGHT];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextDouble();
        }
        double[] shifted = new double[image.length];
        double[] rotated = new double[image.length];
        ImageTransform.shift(image, 0, shifted, 0, WIDTH, HEIGHT, 1, -1);
        ImageTransform.rotateAndShift(image, 0, rotated, 0, WIDTH, HEIGHT, 0.0, 1, -1);
        assertArrayEquals(shifted, rotated, 1e-15);
    }

    @Test
    void quarterTurnMovesTheTopRowToTheRightColumn() {
        int size = 5;
        double[] image = new double[size * size];
        for (int x = 0; x < size; x++) {
            image[x] = x + 1;
        }
        double[] out = new double[image.length];
        ImageTransform.rotateAndShift(image, 0, out, 0, size, size, Math.PI / 2, 0, 0);
        // Clockwise on screen: top row (left → right) becomes the right column (top → bottom).
        for (int y = 0; y < size; y++) {
            assertEquals(y + 1, out[y * size + size - 1], 1e-12);
        }
        assertEquals(0.0, out[0], 1e-12);
    }
}
