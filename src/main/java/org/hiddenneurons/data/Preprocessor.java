package org.hiddenneurons.data;

/**
 * Turns any image (a drawing, a photo of a digit, a PNG) into the network's input the way the
 * training digits were made: grayscale → ink polarity → crop to the ink's bounding box → scale the
 * longer side to the data set's digit box keeping the aspect ratio (area averaging) → place the
 * centre of mass where the data set's mean centre of mass is.
 *
 * <p>API CONTRACT (stub; implementation pending).
 */
public final class Preprocessor {

    /**
     * What the output must look like, measured from a data set.
     *
     * @param width        output width (20 for digits.png)
     * @param height       output height
     * @param digitBox     the longer side of a digit's ink box in the data (≈15 px for digits.png)
     * @param centreX      mean centre of mass x of the data set's digits (pixel coordinates)
     * @param centreY      mean centre of mass y
     */
    public record Target(int width, int height, double digitBox, double centreX, double centreY) {
    }

    /**
     * Every step of the pipeline. When {@code blank} is true nothing was drawn: the images after
     * {@code grayscale} are null and {@code networkInput} is null.
     */
    public record Result(boolean blank, GrayImage grayscale, GrayImage cropped, GrayImage scaled,
                         GrayImage centred, double[] networkInput) {
    }

    private final Target target;

    public Preprocessor(Target target) {
        this.target = target;
    }

    /** Measures digit box and mean centre of mass from a data set. */
    public static Target measure(Dataset data) {
        throw new UnsupportedOperationException("pending");
    }

    public Target target() {
        return target;
    }

    /** Runs the pipeline on ARGB pixels (e.g. a canvas snapshot or a PNG). */
    public Result process(int width, int height, int[] argb) {
        throw new UnsupportedOperationException("pending");
    }

    /** Runs the pipeline on a grayscale image (any polarity). */
    public Result process(GrayImage image) {
        throw new UnsupportedOperationException("pending");
    }
}
