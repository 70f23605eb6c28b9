package org.hiddenneurons.data;

/**
 * Moment-based deskewing (the "deskewed" MNIST preprocessing of LeCun et al. 1998 and of the
 * kNN/SVM literature): removes an image's slant by a horizontal shear that makes its ink's
 * second-order cross moment zero.
 *
 * <p>With intensities v(x, y) (ink = 1, background = 0; pixel x has its centre at x), mass
 * m = Σ v, centre c = (Σ x·v, Σ y·v) / m, moments σ_yy = Σ (y − c_y)²·v / m and
 * σ_xy = Σ (x − c_x)(y − c_y)·v / m, the skew is k = σ_xy / σ_yy, clamped to ±{@link #MAX_SKEW},
 * and the deskewed image is
 * <pre>
 * out(x, y) = in(x + k·(y − c_y), y)
 * </pre>
 * sampled by linear interpolation along the row (pixels outside the image count as 0). The shear
 * keeps each row's ink in its row and keeps the centre of mass where it was; after it σ_xy is 0 up
 * to the resampling. A blank image (m = 0) or one whose ink lies on a single row (σ_yy = 0) is
 * copied unchanged. Pure functions.
 */
public final class Deskew {

    /**
     * The largest |k| applied (a slant of 45°). Real handwriting leans by less than ±0.5; a larger
     * measured k comes from a shape, not from a slant (a long horizontal stroke with a short
     * tail), and shearing it that far would tear the digit.
     */
    public static final double MAX_SKEW = 1.0;

    private Deskew() {
    }

    /**
     * The skew k = σ_xy / σ_yy of the image at {@code offset} (clamped to ±{@link #MAX_SKEW}); 0 for
     * a blank image or one whose ink lies on one row.
     *
     * @param pixels width×height row-major values at {@code offset}. Not modified.
     */
    public static double skew(double[] pixels, int offset, int width, int height) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            int row = offset + y * width;
            for (int x = 0; x < width; x++) {
                double v = pixels[row + x];
                mass += v;
                sumX += x * v;
                sumY += y * v;
            }
        }
        if (!(mass > 0)) {
            return 0.0;
        }
        double centreX = sumX / mass;
        double centreY = sumY / mass;
        double yy = 0;
        double xy = 0;
        for (int y = 0; y < height; y++) {
            int row = offset + y * width;
            double dy = y - centreY;
            for (int x = 0; x < width; x++) {
                double v = pixels[row + x];
                yy += dy * dy * v;
                xy += (x - centreX) * dy * v;
            }
        }
        if (!(yy > 1e-12 * mass)) {
            return 0.0;
        }
        double k = xy / yy;
        return Math.max(-MAX_SKEW, Math.min(MAX_SKEW, k));
    }

    /**
     * Writes the deskewed image (see the class comment) of the image at {@code sourceOffset} into
     * {@code target} at {@code targetOffset}.
     *
     * @param source width×height row-major values. Not modified.
     * @param target receives width×height values. Modified. Must not overlap the source region.
     */
    public static void apply(double[] source, int sourceOffset, double[] target, int targetOffset,
                             int width, int height) {
        double k = skew(source, sourceOffset, width, height);
        double mass = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            int row = sourceOffset + y * width;
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += source[row + x];
            }
            mass += rowSum;
            sumY += y * rowSum;
        }
        double centreY = mass > 0 ? sumY / mass : 0.0;
        for (int y = 0; y < height; y++) {
            int from = sourceOffset + y * width;
            int to = targetOffset + y * width;
            double shift = k * (y - centreY);
            int whole = (int) Math.floor(shift);
            double fraction = shift - whole;
            for (int x = 0; x < width; x++) {
                int x0 = x + whole;
                double left = x0 >= 0 && x0 < width ? source[from + x0] : 0.0;
                double right = x0 + 1 >= 0 && x0 + 1 < width ? source[from + x0 + 1] : 0.0;
                target[to + x] = (1 - fraction) * left + fraction * right;
            }
        }
    }

    /** A copy of {@code data} with every sample deskewed; name, size and labels unchanged. */
    public static Dataset apply(Dataset data) {
        return new Dataset(data.name(), data.width(), data.height(), data.classCount(), deskewedPixels(data),
                data.labels());
    }

    /**
     * Every sample of {@code data} deskewed, size×(width·height) row-major, as a new array: the one
     * full-size array this makes (each sample is read through a one-image buffer, so deskewing
     * 60 000 × 784 images holds 376 MB, not twice that).
     */
    public static double[] deskewedPixels(Dataset data) {
        int inputs = data.inputSize();
        double[] image = new double[inputs];
        double[] out = new double[data.size() * inputs];
        for (int sample = 0; sample < data.size(); sample++) {
            data.copyRows(sample, 1, image, 0);
            apply(image, 0, out, sample * inputs, data.width(), data.height());
        }
        return out;
    }

    /** The deskewed copy of {@code image}. */
    public static GrayImage apply(GrayImage image) {
        double[] out = new double[image.values().length];
        apply(image.values(), 0, out, 0, image.width(), image.height());
        return new GrayImage(image.width(), image.height(), out);
    }
}
