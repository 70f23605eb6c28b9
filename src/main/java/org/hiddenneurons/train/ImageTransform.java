package org.hiddenneurons.train;

import java.util.Arrays;
import org.hiddenneurons.core.kernel.Kernels;

/**
 * Moves a row-major image (translation by whole pixels, or an affine map with an optional
 * displacement field, sampled bilinearly), filling uncovered pixels with 0 (no ink). Used for data
 * augmentation. Pure functions.
 */
public final class ImageTransform {

    /**
     * Largest |a_ij|, |dx|, |dy| and width, height the vector resampler takes: then every source
     * coordinate is below 2⁴³ in magnitude, well inside the range where its floor is exact
     * ({@link VectorAffine}); other maps (and NaN) take the scalar code.
     */
    static final double VECTOR_MAX_MAP = 0x1p20;
    static final int VECTOR_MAX_SIDE = 1 << 14;
    private static final String VECTOR_CLASS = "org.hiddenneurons.train.VectorAffine";

    /** {@link VectorAffine} when the Vector API module is present and its vectors are wide enough, else null. */
    private static final AffineSampler VECTOR = loadVector();

    private ImageTransform() {
    }

    /** {@link #affine} without a field, for the maps {@link #vectorFits} accepts; the same bits as the scalar code. */
    interface AffineSampler {
        void affine(double[] source, int sourceOffset, double[] target, int targetOffset, int width, int height,
                    double a00, double a01, double a10, double a11, double dx, double dy);
    }

    /** Whether {@link #affine} without a field runs the Vector API code in this JVM (for tests). */
    static boolean vectorized() {
        return VECTOR != null;
    }

    /** Whether the vector resampler takes this map and size (see {@link #VECTOR_MAX_MAP}); false for NaN. */
    static boolean vectorFits(int width, int height, double a00, double a01, double a10, double a11, double dx,
                              double dy) {
        return width <= VECTOR_MAX_SIDE && height <= VECTOR_MAX_SIDE
                && Math.abs(a00) <= VECTOR_MAX_MAP && Math.abs(a01) <= VECTOR_MAX_MAP
                && Math.abs(a10) <= VECTOR_MAX_MAP && Math.abs(a11) <= VECTOR_MAX_MAP
                && Math.abs(dx) <= VECTOR_MAX_MAP && Math.abs(dy) <= VECTOR_MAX_MAP;
    }

    private static AffineSampler loadVector() {
        if (ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isEmpty()) {
            return null;
        }
        try {
            // Loaded reflectively so that this class links without the module.
            Class<?> type = Class.forName(VECTOR_CLASS);
            if (!(boolean) type.getDeclaredMethod("usable").invoke(null)) {
                return null;
            }
            return (AffineSampler) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
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
     * pixel d this equals {@link #shift} exactly. Without a field, and with the Vector API present,
     * {@link VectorAffine} computes the same bits four pixels at a time.
     *
     * @param field  null, or the displacement e: 2·width·height values, x components first then y
     *               components, each row-major. Not modified.
     * @param target receives width×height pixels at {@code targetOffset}. Modified. Must not overlap the source.
     */
    public static void affine(double[] source, int sourceOffset, double[] target, int targetOffset, int width,
                              int height, double a00, double a01, double a10, double a11, double dx, double dy,
                              double[] field) {
        if (field == null && VECTOR != null && vectorFits(width, height, a00, a01, a10, a11, dx, dy)) {
            VECTOR.affine(source, sourceOffset, target, targetOffset, width, height, a00, a01, a10, a11, dx, dy);
            return;
        }
        scalarAffine(source, sourceOffset, target, targetOffset, width, height, a00, a01, a10, a11, dx, dy, field);
    }

    /** {@link #affine} in scalar code, pixel by pixel (package-private for tests). */
    static void scalarAffine(double[] source, int sourceOffset, double[] target, int targetOffset, int width,
                             int height, double a00, double a01, double a10, double a11, double dx, double dy,
                             double[] field) {
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        int pixels = width * height;
        for (int y = 0; y < height; y++) {
            double ry = y - centreY - dy;
            for (int x = 0; x < width; x++) {
                double rx = x - centreX - dx;
                double sx = a00 * rx + a01 * ry + centreX;
                double sy = a10 * rx + a11 * ry + centreY;
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
