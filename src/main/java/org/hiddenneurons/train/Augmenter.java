package org.hiddenneurons.train;

import java.util.SplittableRandom;
import org.hiddenneurons.core.GaussianBlur;

/**
 * Draws one random distortion per training image within an {@link Augmentation}'s limits and
 * applies it (bilinear resampling, {@link ImageTransform#affine}).
 *
 * <p>The forward transform about the image centre c is p' = M·(p − c) + c + d with
 * M = R(θ)·Sh(k)·s: rotation θ (positive: clockwise on screen, y points down), horizontal shear
 * Sh(k) = [[1, k], [0, 1]], scale s. The image is sampled through the inverse
 * A = M⁻¹ = (1/s)·[[cos θ + k·sin θ, sin θ − k·cos θ], [−sin θ, cos θ]]. The elastic field
 * (Simard, Steinkraus &amp; Platt 2003: uniform noise in [−1, 1] per pixel and component, smoothed
 * by a Gaussian of σ, times α) is drawn from a bank of {@value #FIELD_BANK_SIZE} fields made once
 * from the seed, each used with a random sign, so distorting an image costs no convolution.
 *
 * <p>Stroke thickness is changed first (see {@link Augmentation#maxThickness()}, {@link #thickness}),
 * then the geometry. Draws per image, in this order: dx, dy, θ, s, k, then (if elastic) the
 * field's index and sign, then (if thickness) t. Same seed and same calls ⇒ identical images. Not thread-safe (one per trainer).
 */
public final class Augmenter {

    /** Precomputed elastic displacement fields (each used with sign ±1: twice as many distinct fields). */
    public static final int FIELD_BANK_SIZE = 64;

    private final Augmentation limits;
    private final int width;
    private final int height;
    /** FIELD_BANK_SIZE fields of 2·width·height values, or null without elastic distortion. */
    private final double[][] fields;
    private final double[] signedField;
    /** The thickened or thinned image before the geometric transform. */
    private final double[] thick;

    /**
     * @param seed seeds the elastic field bank (the per-image draws use the caller's random)
     */
    public Augmenter(Augmentation limits, int width, int height, long seed) {
        this.limits = limits;
        this.thick = new double[width * height];
        this.width = width;
        this.height = height;
        int pixels = width * height;
        if (limits.elasticAlpha() > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            fields = new double[FIELD_BANK_SIZE][2 * pixels];
            for (double[] field : fields) {
                for (int i = 0; i < field.length; i++) {
                    field[i] = 2 * random.nextDouble() - 1;
                }
                GaussianBlur.apply(field, 0, width, height, limits.elasticSigma());
                GaussianBlur.apply(field, pixels, width, height, limits.elasticSigma());
                for (int i = 0; i < field.length; i++) {
                    field[i] *= limits.elasticAlpha();
                }
            }
            signedField = new double[2 * pixels];
        } else {
            fields = null;
            signedField = null;
        }
    }

    /**
     * Writes a randomly distorted copy of the image at {@code sourceOffset} into {@code target}.
     *
     * @param source width×height pixels at sourceOffset. Not modified.
     * @param target width×height pixels at targetOffset. Modified.
     * @param random the per-image draws. Modified (advanced).
     */
    public void apply(double[] source, int sourceOffset, double[] target, int targetOffset, SplittableRandom random) {
        double dx = uniform(random, limits.maxShift());
        double dy = uniform(random, limits.maxShift());
        double angle = Math.toRadians(uniform(random, limits.maxRotationDegrees()));
        double scale = 1 + uniform(random, limits.maxScale());
        double shear = uniform(random, limits.maxShear());
        double[] field = null;
        if (fields != null) {
            double[] chosen = fields[random.nextInt(FIELD_BANK_SIZE)];
            double sign = random.nextBoolean() ? 1.0 : -1.0;
            for (int i = 0; i < chosen.length; i++) {
                signedField[i] = sign * chosen[i];
            }
            field = signedField;
        }
        double[] from = source;
        int fromOffset = sourceOffset;
        if (limits.maxThickness() > 0) {
            thickness(source, sourceOffset, thick, uniform(random, limits.maxThickness()), width, height);
            from = thick;
            fromOffset = 0;
        }
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        ImageTransform.affine(from, fromOffset, target, targetOffset, width, height,
                (cos + shear * sin) / scale, (sin - shear * cos) / scale, -sin / scale, cos / scale, dx, dy, field);
    }

    /** Uniform in [−max, max] (one draw even when max is 0, so the sequence does not depend on the limits). */
    private static double uniform(SplittableRandom random, double max) {
        return (2 * random.nextDouble() - 1) * max;
    }

    /**
     * out = (1 − |t|)·in + |t|·m, m = max (t &gt; 0, dilation) or min (t &lt; 0, erosion) of each
     * pixel and its 4 neighbours (pixels outside count as 0).
     *
     * @param source width×height pixels at sourceOffset. Not modified.
     * @param target width×height pixels. Modified.
     * @param t      in [−1, 1]
     */
    static void thickness(double[] source, int sourceOffset, double[] target, double t, int width, int height) {
        double weight = Math.abs(t);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double centre = source[sourceOffset + y * width + x];
                double left = x > 0 ? source[sourceOffset + y * width + x - 1] : 0.0;
                double right = x + 1 < width ? source[sourceOffset + y * width + x + 1] : 0.0;
                double up = y > 0 ? source[sourceOffset + (y - 1) * width + x] : 0.0;
                double down = y + 1 < height ? source[sourceOffset + (y + 1) * width + x] : 0.0;
                double m = t > 0 ? Math.max(Math.max(Math.max(centre, left), Math.max(right, up)), down)
                        : Math.min(Math.min(Math.min(centre, left), Math.min(right, up)), down);
                target[y * width + x] = (1 - weight) * centre + weight * m;
            }
        }
    }
}
