package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTransformTest {

    private static final int WIDTH = 4;
    private static final int HEIGHT = 3;
    private static final double TOLERANCE = 1e-12;

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
    void identityAffineReproducesTheImageExactly() {
        double[] image = random(WIDTH * HEIGHT, 42);
        double[] out = new double[image.length];
        ImageTransform.affine(image, 0, out, 0, WIDTH, HEIGHT, 1, 0, 0, 1, 0, 0, null);
        assertArrayEquals(image, out);
    }

    @Test
    void affineWithWholeShiftsEqualsShiftExactly() {
        double[] image = random(WIDTH * HEIGHT, 42);
        double[] shifted = new double[image.length];
        double[] moved = new double[image.length];
        ImageTransform.shift(image, 0, shifted, 0, WIDTH, HEIGHT, 1, -1);
        ImageTransform.affine(image, 0, moved, 0, WIDTH, HEIGHT, 1, 0, 0, 1, 1, -1, null);
        assertArrayEquals(shifted, moved);
    }

    @Test
    void halfPixelShiftAveragesNeighbours() {
        double[] out = new double[WIDTH * HEIGHT];
        ImageTransform.affine(numbered(), 0, out, 0, WIDTH, HEIGHT, 1, 0, 0, 1, 0.5, 0, null);
        // out(x, y) = in(x − 0.5, y): the mean of pixels x−1 and x; pixel −1 counts as 0.
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5}, java.util.Arrays.copyOf(out, WIDTH), TOLERANCE);
    }

    @Test
    void quarterTurnMovesTheTopRowToTheRightColumn() {
        int size = 5;
        double[] image = new double[size * size];
        for (int x = 0; x < size; x++) {
            image[x] = x + 1;
        }
        double[] out = new double[image.length];
        // Inverse of a clockwise quarter turn (θ = π/2): A = [[cos θ, sin θ], [−sin θ, cos θ]].
        ImageTransform.affine(image, 0, out, 0, size, size, 0, 1, -1, 0, 0, 0, null);
        // Clockwise on screen: top row (left → right) becomes the right column (top → bottom).
        for (int y = 0; y < size; y++) {
            assertEquals(y + 1, out[y * size + size - 1], TOLERANCE);
        }
        assertEquals(0.0, out[0], TOLERANCE);
    }

    @Test
    void displacementFieldSamplesWhereItPoints() {
        double[] field = new double[2 * WIDTH * HEIGHT];
        field[WIDTH + 1] = 1.0; // pixel (1, 1) reads one pixel to the right: (2, 1)
        field[WIDTH * HEIGHT + 2] = 1.0; // pixel (2, 0) reads one pixel down: (2, 1)
        double[] out = new double[WIDTH * HEIGHT];
        double[] image = numbered();
        ImageTransform.affine(image, 0, out, 0, WIDTH, HEIGHT, 1, 0, 0, 1, 0, 0, field);
        double[] expected = image.clone();
        expected[WIDTH + 1] = image[WIDTH + 2];
        expected[2] = image[WIDTH + 2];
        assertArrayEquals(expected, out);
    }

    /**
     * The fast path (pixels whose four neighbours are inside, sampled without checks) and the
     * checked path together give, bit for bit, the plain definition: every pixel sampled through
     * {@link #referenceSample}. Random maps as strong as the strongest augmentation one might ask
     * for (rotation ±30°, scale ±30 %, shift ±4 px) plus shifts that push the image off each edge
     * and exact integer maps, on images with blank (+0.0) areas, of an even and an odd size.
     */
    @Test
    void affineEqualsTheReferenceBitForBit() {
        Random random = new Random(42);
        int[][] sizes = {{20, 20}, {7, 5}};
        double[][] edgeShifts = {{0, 0}, {-4.5, 0}, {4.5, 0}, {0, -4.5}, {0, 4.5}, {-19.5, 0}, {0, 19.5}, {3, -2}};
        int checked = 0;
        for (int[] size : sizes) {
            int width = size[0];
            int height = size[1];
            int pixels = width * height;
            for (int map = 0; map < REFERENCE_MAPS; map++) {
                double[] image = new double[pixels + 3];
                for (int i = 3; i < image.length; i++) {
                    image[i] = random.nextDouble() < BLANK_SHARE ? 0.0 : random.nextDouble();
                }
                double angle = Math.toRadians((2 * random.nextDouble() - 1) * MAX_TEST_DEGREES);
                double scale = 1 + (2 * random.nextDouble() - 1) * MAX_TEST_SCALE;
                double dx = (2 * random.nextDouble() - 1) * MAX_TEST_SHIFT;
                double dy = (2 * random.nextDouble() - 1) * MAX_TEST_SHIFT;
                if (map < edgeShifts.length) {
                    // Exact maps: whole and half pixel shifts, no rotation (integer source points).
                    angle = 0;
                    scale = 1;
                    dx = edgeShifts[map][0];
                    dy = edgeShifts[map][1];
                } else if (map % 4 == 0) {
                    dx += Math.signum(dx) * width / 2.0; // far off the left or right edge
                } else if (map % 4 == 1) {
                    dy += Math.signum(dy) * height / 2.0; // far off the top or bottom edge
                }
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                double a00 = cos / scale;
                double a01 = sin / scale;
                double a10 = -sin / scale;
                double a11 = cos / scale;
                double[] out = new double[pixels + 2];
                ImageTransform.affine(image, 3, out, 2, width, height, a00, a01, a10, a11, dx, dy, null);
                double centreX = (width - 1) / 2.0;
                double centreY = (height - 1) / 2.0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double rx = x - centreX - dx;
                        double ry = y - centreY - dy;
                        double expected = referenceSample(image, 3, width, height,
                                a00 * rx + a01 * ry + centreX, a10 * rx + a11 * ry + centreY);
                        double actual = out[2 + y * width + x];
                        String where = "pixel (" + x + ", " + y + ") of a " + width + "×" + height + " image";
                        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                                () -> where + ": " + actual + " against " + expected);
                        checked++;
                    }
                }
            }
        }
        assertEquals(REFERENCE_MAPS * (20 * 20 + 7 * 5), checked);
    }

    private static final int REFERENCE_MAPS = 2000;
    private static final double BLANK_SHARE = 0.4;
    private static final double MAX_TEST_DEGREES = 30;
    private static final double MAX_TEST_SCALE = 0.3;
    private static final double MAX_TEST_SHIFT = 4;

    /**
     * Bilinear interpolation at (x, y) by its definition: the four pixels around ⌊x⌋, ⌊y⌋, each 0
     * outside the image, weighted (1 − fx)(1 − fy), fx(1 − fy), (1 − fx)fy, fx·fy in the order
     * ImageTransform documents: (1 − fy)·((1 − fx)·p00 + fx·p01) + fy·((1 − fx)·p10 + fx·p11).
     */
    private static double referenceSample(double[] image, int offset, int width, int height, double x, double y) {
        double x0 = Math.floor(x);
        double y0 = Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int column = (int) x0;
        int row = (int) y0;
        double topLeft = referencePixel(image, offset, width, height, column, row);
        double topRight = referencePixel(image, offset, width, height, column + 1, row);
        double bottomLeft = referencePixel(image, offset, width, height, column, row + 1);
        double bottomRight = referencePixel(image, offset, width, height, column + 1, row + 1);
        double top = (1 - fx) * topLeft + fx * topRight;
        double bottom = (1 - fx) * bottomLeft + fx * bottomRight;
        return (1 - fy) * top + fy * bottom;
    }

    private static double referencePixel(double[] image, int offset, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0.0 : image[offset + y * width + x];
    }

    static double[] random(int length, long seed) {
        Random random = new Random(seed);
        double[] image = new double[length];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextDouble();
        }
        return image;
    }
}
