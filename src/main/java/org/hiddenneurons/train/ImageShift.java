package org.hiddenneurons.train;

/**
 * Translates a row-major image by whole pixels, filling uncovered pixels with 0 (no ink).
 * Used for data augmentation: out(x, y) = in(x − dx, y − dy), or 0 outside the image.
 */
public final class ImageShift {

    private ImageShift() {
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
}
