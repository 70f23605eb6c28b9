package org.hiddenneurons.train;

import java.util.Arrays;

/**
 * Moves a row-major image (translation by whole pixels, or an affine map with an optional
 * displacement field, sampled bilinearly), filling uncovered pixels with 0 (no ink). Used for data
 * augmentation. Pure functions.
 */
public final class ImageTransform {

    private ImageTransform() {
    }

    /**
     * Writes {@code source} shifted right by {@code dx} and down by {@code dy} into {@code target}.
     *
     * @param source       width×height row-major pixels starting at {@code sourceOffset}, not modified
     * @param target       receives width×height pixels at {@code targetOffset}. Modified. Must not
     *                     overlap the source region.
     * @param dx           shift to the right in pixels (negative: left)
     * @param dy           shift down in pixels (negative: up)
     */
    public static void shift(double[] source, int sourceOffset, double[] target, int targetOffset,
                             int width, int height, int dx, int dy) {
        int fromX = Math.max(0, dx);
        int toX = Math.min(width, width + dx);
        for (int y = 0; y < height; y++) {
            int row = targetOffset + y * width;
            int sourceY = y - dy;
            if (sourceY < 0 || sourceY >= height || fromX >= toX) {
                Arrays.fill(target, row, row + width, 0.0);
                continue;
            }
            Arrays.fill(target, row, row + fromX, 0.0);
            System.arraycopy(source, sourceOffset + sourceY * width + fromX - dx, target, row + fromX, toX - fromX);
            Arrays.fill(target, row + toX, row + width, 0.0);
        }
    }

    /**
     * Samples {@code source} through an inverse affine map plus a displacement field:
     * <pre>
     * out(p) = in(A·(p − c − d) + c + e(p)),   A = [[a00, a01], [a10, a11]]
     * </pre>
     * c = ((w−1)/2, (h−1)/2) the image centre, d = (dx, dy) the shift, e the optional field;
     * bilinear interpolation, pixels outside the image count as 0. A is the inverse of the forward
     * transform (rotation, scale, shear) the image undergoes. With A = identity, e = null and whole
     * pixel d this equals {@link #shift} exactly.
     *
     * @param field  null, or the displacement e: 2·width·height values, x components first then y
     *               components, each row-major. Not modified.
     * @param target receives width×height pixels at {@code targetOffset}. Modified. Must not overlap the source.
     */
    public static void affine(double[] source, int sourceOffset, double[] target, int targetOffset, int width,
                              int height, double a00, double a01, double a10, double a11, double dx, double dy,
                              double[] field) {
        affine(source, sourceOffset, target, targetOffset, width, height, a00, a01, a10, a11, dx, dy, field,
                new double[2 * width]);
    }

    /**
     * {@link #affine(double[], int, double[], int, int, int, double, double, double, double, double, double, double[])}
     * with the caller's buffer for the column terms a00·rx and a10·rx, which are the same in every
     * row (computed once per image: the same products, so the same bits, ~10 % less work).
     *
     * @param columns at least 2·width values. Modified.
     */
    static void affine(double[] source, int sourceOffset, double[] target, int targetOffset, int width,
                       int height, double a00, double a01, double a10, double a11, double dx, double dy,
                       double[] field, double[] columns) {
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        int pixels = width * height;
        for (int x = 0; x < width; x++) {
            double rx = x - centreX - dx;
            columns[x] = a00 * rx;
            columns[width + x] = a10 * rx;
        }
        for (int y = 0; y < height; y++) {
            double ry = y - centreY - dy;
            double rowX = a01 * ry;
            double rowY = a11 * ry;
            for (int x = 0; x < width; x++) {
                double sx = columns[x] + rowX + centreX;
                double sy = columns[width + x] + rowY + centreY;
                int i = y * width + x;
                if (field != null) {
                    sx += field[i];
                    sy += field[pixels + i];
                }
                if (sx >= 0 && sy >= 0 && sx < width - 1 && sy < height - 1) {
                    // All four neighbours inside: the same arithmetic as sample(), without its bounds checks.
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    double fx = sx - x0;
                    double fy = sy - y0;
                    int at = sourceOffset + y0 * width + x0;
                    target[targetOffset + i] = (1 - fy) * ((1 - fx) * source[at] + fx * source[at + 1])
                            + fy * ((1 - fx) * source[at + width] + fx * source[at + width + 1]);
                } else {
                    target[targetOffset + i] = sample(source, sourceOffset, width, height, sx, sy);
                }
            }
        }
    }

    /** Bilinear interpolation at (x, y); pixels outside the image count as 0. */
    private static double sample(double[] source, int offset, int width, int height, double x, double y) {
        if (x <= -1 || y <= -1 || x >= width || y >= height) {
            return 0.0;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * pixel(source, offset, width, height, x0, y0)
                + fx * pixel(source, offset, width, height, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(source, offset, width, height, x0, y0 + 1)
                + fx * pixel(source, offset, width, height, x0 + 1, y0 + 1));
    }

    private static double pixel(double[] source, int offset, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0.0 : source[offset + y * width + x];
    }
}
