package org.hiddenneurons.train;

/**
 * How strongly training images are distorted when augmentation is on: each training image, each
 * epoch, gets a fresh random transform drawn uniformly within these limits (see {@link Augmenter}).
 * After the distortion, random erasing (Cutout, DeVries &amp; Taylor 2017; random erasing, Zhong et
 * al. 2017) may blank one random square or disc of the image, so that the network cannot rely on
 * any one part of a stroke; it is off (probability 0) unless asked for.
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
 * @param eraseProbability   probability that an image gets an erased region (0 = never: no
 *                           erasing, and no random draws for it)
 * @param eraseMinSize       smallest side of the erased square, or diameter of the disc, in pixels
 * @param eraseMaxSize       largest one (the size is uniform in [min, max]; its centre is uniform
 *                           over the whole image, so part of the region may fall outside)
 * @param eraseShape         the erased region's shape
 * @param eraseEdge          σ in pixels of the erased region's soft edge (0: a hard edge, each
 *                           pixel blanked by the fraction of its area inside the region; σ &gt; 0:
 *                           the region's indicator blurred by a Gaussian of σ, see
 *                           {@link Augmenter#erase})
 */
public record Augmentation(double maxShift, double maxRotationDegrees, double maxScale, double maxShear,
                           double elasticAlpha, double elasticSigma, double maxThickness,
                           double eraseProbability, double eraseMinSize, double eraseMaxSize, EraseShape eraseShape,
                           double eraseEdge) {

    /** Shifts only, ±1 px (the first augmentation this app had). */
    public static final Augmentation SHIFTS = new Augmentation(1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0);

    /** Largest erased square side or disc diameter in pixels. */
    public static final double MAX_ERASE_SIZE = 100.0;
    /** Largest σ of the erased region's soft edge in pixels. */
    public static final double MAX_ERASE_EDGE = 5.0;

    /** The shape of the region random erasing blanks. */
    public enum EraseShape {
        /** An axis-aligned square of side size. */
        SQUARE("square"),
        /** A disc of diameter size. */
        DISC("disc");

        private final String id;

        EraseShape(String id) {
            this.id = id;
        }

        /** The shape's name in files and on command lines. */
        public String id() {
            return id;
        }

        /** The shape named {@code id}. @throws IllegalArgumentException naming the known ids */
        public static EraseShape fromId(String id) {
            for (EraseShape shape : values()) {
                if (shape.id.equals(id)) {
                    return shape;
                }
            }
            throw new IllegalArgumentException("unknown erase shape '" + id + "' (expected square or disc)");
        }
    }

    /** The limits without random erasing. */
    public Augmentation(double maxShift, double maxRotationDegrees, double maxScale, double maxShear,
                        double elasticAlpha, double elasticSigma, double maxThickness) {
        this(maxShift, maxRotationDegrees, maxScale, maxShear, elasticAlpha, elasticSigma, maxThickness,
                0.0, 0.0, 0.0, EraseShape.SQUARE, 0.0);
    }

    public Augmentation {
        check("erase probability", eraseProbability, 1.0);
        check("smallest erased size", eraseMinSize, MAX_ERASE_SIZE);
        check("largest erased size", eraseMaxSize, MAX_ERASE_SIZE);
        if (eraseMinSize > eraseMaxSize) {
            throw new IllegalArgumentException("smallest erased size " + eraseMinSize
                    + " exceeds the largest " + eraseMaxSize);
        }
        check("erased region's edge", eraseEdge, MAX_ERASE_EDGE);
        if (eraseShape == null) {
            throw new IllegalArgumentException("erase shape must be square or disc, got null");
        }
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

    /** Whether images may get an erased region ({@link #eraseProbability()} &gt; 0). */
    public boolean erases() {
        return eraseProbability > 0;
    }

    /** These limits with an elastic field of strength {@code alpha} and smoothness {@code sigma} (px). */
    public Augmentation withElastic(double alpha, double sigma) {
        return new Augmentation(maxShift, maxRotationDegrees, maxScale, maxShear, alpha, sigma,
                maxThickness, eraseProbability, eraseMinSize, eraseMaxSize, eraseShape, eraseEdge);
    }

    /** These limits with random erasing of the given probability, size range, shape and edge σ. */
    public Augmentation withErasing(double probability, double minSize, double maxSize, EraseShape shape,
                                    double edge) {
        return new Augmentation(maxShift, maxRotationDegrees, maxScale, maxShear, elasticAlpha, elasticSigma,
                maxThickness, probability, minSize, maxSize, shape, edge);
    }

    private static void check(String what, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(what + " must be in [0, " + max + "], got " + value);
        }
    }
}
