package org.hiddenneurons.data;

/**
 * An image file's stored sample values, before any preprocessing: luminance and opacity per pixel,
 * row-major (x fastest), both in [0, 1], with no colour-space conversion (see
 * {@link ImageFiles#read}).
 *
 * <p>luminance = s / max for gray samples; (299·R + 587·G + 114·B) / (1000·max) for colour samples
 * (max = 2^bitDepth − 1, so 16-bit files keep their precision); alpha = a / max.
 *
 * @param luminance width·height values, 1 = white. Owned by the image: never modified.
 * @param alpha     width·height opacities (1 = opaque), or null when every pixel is opaque. Owned
 *                  by the image: never modified.
 */
public record StoredImage(int width, int height, double[] luminance, double[] alpha) {

    public StoredImage {
        if (width < 1 || height < 1 || luminance == null || luminance.length != width * height
                || (alpha != null && alpha.length != luminance.length)) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + ((long) width * height)
                    + " values, got " + (luminance == null ? "null" : luminance.length)
                    + (alpha == null ? "" : " and " + alpha.length + " opacities"));
        }
    }

    /** Per-mille luminance weights of ITU-R BT.601: Y = 0.299·R + 0.587·G + 0.114·B. */
    private static final int LUMA_RED_PERMILLE = 299;
    private static final int LUMA_GREEN_PERMILLE = 587;
    private static final int LUMA_BLUE_PERMILLE = 114;
    private static final int PERMILLE = 1000;

    /**
     * Y = (299·r + 587·g + 114·b) / (1000·max): an integer weighted sum and one correctly rounded
     * division, so black is exactly 0, white exactly 1 and gray (r = g = b) exactly r / max.
     *
     * @param max the largest sample value, 2^bitDepth − 1 (at most 65535)
     */
    public static double luminance(int r, int g, int b, int max) {
        long weighted = (long) LUMA_RED_PERMILLE * r + (long) LUMA_GREEN_PERMILLE * g + (long) LUMA_BLUE_PERMILLE * b;
        return weighted / ((double) PERMILLE * max);
    }

    /**
     * The luminance with translucent pixels composited onto black or white, whichever contrasts
     * more with the alpha-weighted mean luminance m: background = 1 if m &lt; 0.5, else 0; v → α·v +
     * (1 − α)·background. So dark strokes on a transparent canvas and light strokes on a transparent
     * canvas both stay visible. An opaque image comes back as its luminance.
     */
    public GrayImage composited() {
        if (alpha == null) {
            return new GrayImage(width, height, luminance);
        }
        double alphaSum = 0;
        double weightedLuma = 0;
        for (int i = 0; i < luminance.length; i++) {
            alphaSum += alpha[i];
            weightedLuma += alpha[i] * luminance[i];
        }
        double meanLuma = alphaSum > 0 ? weightedLuma / alphaSum : 0;
        double background = meanLuma < 0.5 ? 1.0 : 0.0;
        double[] values = new double[luminance.length];
        for (int i = 0; i < values.length; i++) {
            double v = alpha[i] * luminance[i] + (1 - alpha[i]) * background;
            values[i] = Math.min(1.0, Math.max(0.0, v));
        }
        return new GrayImage(width, height, values);
    }
}
