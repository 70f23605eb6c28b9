package org.hiddenneurons.train;

/**
 * Moves a row-major image (translation by whole pixels, or rotation plus translation with bilinear
 * sampling), filling uncovered pixels with 0 (no ink). Used for data augmentation. Pure functions.
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
                java.util.Arrays.fill(target, row, row + width, 0.0);
                continue;
            }
            java.util.Arrays.fill(target, row, row + fromX, 0.0);
            System.arraycopy(source, sourceOffset + sourceY * width + fromX - dx, target, row + fromX, toX - fromX);
            java.util.Arrays.fill(target, row + toX, row + width, 0.0);
        }
    }

    /**
     * Rotates {@code source} by {@code angle} about the image centre c = ((w−1)/2, (h−1)/2), then
     * shifts it by (dx, dy): out(p) = in(R(−angle)·(p − c − d) + c), sampled bilinearly, 0 outside.
     * With angle 0 and whole-pixel shifts this equals {@link #shift}.
     *
     * @param angle  rotation in radians (positive: clockwise on screen, since y points down)
     * @param target receives width×height pixels at {@code targetOffset}. Modified. Must not overlap the source.
     */
    public static void rotateAndShift(double[] source, int sourceOffset, double[] target, int targetOffset,
                                      int width, int height, double angle, double dx, double dy) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            double ry = y - centreY - dy;
            for (int x = 0; x < width; x++) {
                double rx = x - centreX - dx;
                double sx = cos * rx + sin * ry + centreX;
                double sy = -sin * rx + cos * ry + centreY;
                target[targetOffset + y * width + x] = sample(source, sourceOffset, width, height, sx, sy);
            }
        }
    }

    /** Bilinear interpolation at (x, y); pixels outside the image count as 0. */
    private static double sample(double[] source, int offset, int width, int height, double x, double y) {
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
