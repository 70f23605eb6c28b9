package org.hiddenneurons.train;

/**
 * How strongly training images are distorted when augmentation is on: each training image, each
 * epoch, gets a fresh random transform drawn uniformly within these limits (see {@link Augmenter}).
 *
 * @param maxShift           largest shift in pixels, each of x and y (continuous, uniform in ±max)
 * @param maxRotationDegrees largest rotation in degrees (uniform in ±max)
 * @param maxScale           largest relative change of size: the scale factor is uniform in
 *                           [1 − max, 1 + max] (0.1 = ±10 %)
 * @param maxShear           largest horizontal shear x' = x + k·y, k uniform in ±max (0.2 ≈ ±11°)
 * @param elasticAlpha       elastic distortion strength in pixels (Simard, Steinkraus &amp; Platt 2003:
 *                           a random displacement field, smoothed by a Gaussian of σ = elasticSigma,
 *                           scaled by α); 0 = no elastic distortion
 * @param elasticSigma       the Gaussian's σ in pixels (how smooth the elastic field is)
 * @param maxThickness       stroke thickness change: t uniform in ±max blends the image with its
 *                           3×3-cross grayscale dilation (t &gt; 0: thicker) or erosion (t &lt; 0:
 *                           thinner), out = (1 − |t|)·in + |t|·dilated-or-eroded; 0 = off
 */
public record Augmentation(double maxShift, double maxRotationDegrees, double maxScale, double maxShear,
                           double elasticAlpha, double elasticSigma, double maxThickness) {

    /** Shifts only, ±1 px (the first augmentation this app had). */
    public static final Augmentation SHIFTS = new Augmentation(1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0);

    public Augmentation {
        check("largest shift", maxShift, 10.0);
        check("largest rotation", maxRotationDegrees, 90.0);
        check("largest scale change", maxScale, 0.5);
        check("largest shear", maxShear, 1.0);
        check("elastic strength", elasticAlpha, 100.0);
        check("largest thickness change", maxThickness, 1.0);
        if (!(elasticSigma > 0) || elasticSigma > 20) {
            throw new IllegalArgumentException("elastic sigma must be in (0, 20] pixels, got " + elasticSigma);
        }
    }

    private static void check(String what, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(what + " must be in [0, " + max + "], got " + value);
        }
    }
}
