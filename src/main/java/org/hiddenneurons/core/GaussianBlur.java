package org.hiddenneurons.core;

/**
 * Separable Gaussian blur of a row-major image, zero outside the image. One implementation for
 * three uses: the named input preprocessing step ({@code TrainingConfig.inputBlur}: every image a
 * model sees, training and test samples and drawings alike, is blurred the same way), the
 * {@link Initializer#BLURRED} initial pictures, and the augmentation's elastic displacement fields.
 * Pure functions.
 *
 * <p>With the 1-D kernel w_k = exp(−k² / (2σ²)) / Σ_j exp(−j² / (2σ²)), k = −r … r, r = ⌈3σ⌉,
 * <pre>
 * out(x, y) = Σ_j w_j · t(x, y + j),   t(x, y) = Σ_k w_k · in(x + k, y)
 * </pre>
 * with terms outside the image left out (they count as 0, so ink near the border loses the mass
 * that would fall outside).
 */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /**
     * The normalised 1-D kernel w_{−r} … w_r of the class comment (length 2r + 1, r = ⌈3σ⌉).
     *
     * @param sigma standard deviation in pixels, &gt; 0
     */
    public static double[] kernel(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("blur sigma must be a positive number of pixels, got " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        return kernel;
    }

    /**
     * Blurs the width×height image at {@code offset} in place (see the class comment).
     *
     * @param image row-major values at {@code offset}. Modified (replaced by the blurred image).
     * @param sigma standard deviation in pixels, &gt; 0
     */
    public static void apply(double[] image, int offset, int width, int height, double sigma) {
        apply(image, offset, width, height, kernel(sigma));
    }

    /**
     * As {@link #apply(double[], int, int, int, double)} with a kernel of {@link #kernel(double)}
     * (for callers that blur many images with one σ).
     */
    public static void apply(double[] image, int offset, int width, int height, double[] kernel) {
        int radius = kernel.length / 2;
        double[] temp = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                for (int k = Math.max(-radius, -x); k <= Math.min(radius, width - 1 - x); k++) {
                    v += kernel[k + radius] * image[offset + y * width + x + k];
                }
                temp[y * width + x] = v;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                for (int k = Math.max(-radius, -y); k <= Math.min(radius, height - 1 - y); k++) {
                    v += kernel[k + radius] * temp[(y + k) * width + x];
                }
                image[offset + y * width + x] = v;
            }
        }
    }
}
