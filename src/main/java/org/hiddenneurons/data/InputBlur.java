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
        double[] kernel = GaussianBlur.kernel(sigma);
        double[] pixels = data.pixels();
        int inputs = data.inputSize();
        for (int sample = 0; sample < data.size(); sample++) {
            GaussianBlur.apply(pixels, sample * inputs, data.width(), data.height(), kernel);
        }
        return new Dataset(data.name(), data.width(), data.height(), data.classCount(), pixels, data.labels());
    }

    /** The blurred copy of {@code image} (not modified). */
    public static GrayImage apply(GrayImage image, double sigma) {
        double[] out = image.values().clone();
        GaussianBlur.apply(out, 0, image.width(), image.height(), sigma);
        return new GrayImage(image.width(), image.height(), out);
    }
}
