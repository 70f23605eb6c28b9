package org.hiddenneurons.data;

import org.hiddenneurons.core.GaussianBlur;

/**
 * The input blur preprocessing step applied to whole images: every sample of a data set, or one
 * image, blurred by {@link GaussianBlur} (a Gaussian of σ pixels, zero outside the frame). A model
 * whose training config names the step ({@code TrainingConfig.inputBlur}) sees every input this
 * way, after deskewing. Pure functions.
 */
public final class InputBlur {

    private InputBlur() {
    }

    /**
     * A copy of {@code data} with every sample blurred; name, size and labels unchanged.
     *
     * @param sigma the Gaussian's σ in pixels, &gt; 0
     */
    public static Dataset apply(Dataset data, double sigma) {
        double[] pixels = data.pixels();
        blurInPlace(pixels, data.width(), data.height(), sigma);
        return new Dataset(data.name(), data.width(), data.height(), data.classCount(), pixels, data.labels());
    }

    /**
     * Blurs every width×height image of {@code pixels} (row-major, one image after another) where
     * it lies, so a step after another (deskewing) needs no second full-size copy.
     *
     * @param pixels Modified: each image replaced by its blur.
     * @param sigma  the Gaussian's σ in pixels, &gt; 0
     */
    public static void blurInPlace(double[] pixels, int width, int height, double sigma) {
        double[] kernel = GaussianBlur.kernel(sigma);
        int inputs = width * height;
        for (int offset = 0; offset + inputs <= pixels.length; offset += inputs) {
            GaussianBlur.apply(pixels, offset, width, height, kernel);
        }
    }

    /** The blurred copy of {@code image} (not modified). */
    public static GrayImage apply(GrayImage image, double sigma) {
        double[] out = image.values().clone();
        GaussianBlur.apply(out, 0, image.width(), image.height(), sigma);
        return new GrayImage(image.width(), image.height(), out);
    }
}
