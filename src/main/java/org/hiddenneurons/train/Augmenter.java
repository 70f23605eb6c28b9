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
 * then the geometry, then (if erasing) one region of the result is blanked ({@link #erase}). Draws
 * per image, in this order: dx, dy, θ, s, k, then (if elastic) the field's index and sign, then
 * (if thickness) t, then (if erasing) u, the region's centre x and y and its size (all four even
 * when u ≥ p, so the number of draws does not depend on the outcome; the region is erased when
 * u &lt; p). Limits without erasing draw exactly what they drew before erasing existed. Same seed
 * and same calls ⇒ identical images. Not thread-safe (one per trainer).
 */
public final class Augmenter {

    /** Precomputed elastic displacement fields (each used with sign ±1: twice as many distinct fields). */
    public static final int FIELD_BANK_SIZE = 64;

    /**
     * Values {@link #draw} stores per image: dx, dy, the inverse map A (4), t, the signed field
     * number, the erased region's centre x, y and size (size 0: nothing erased).
     */
    static final int DRAWN = 11;

    private final Augmentation limits;
    private final int width;
    private final int height;
    /** FIELD_BANK_SIZE fields of 2·width·height values, or null without elastic distortion. */
    private final double[][] fields;
    /** The buffers of {@link #apply}. */
    private final Scratch own;
    /** {@link #apply}'s draws. */
    private final double[] drawn = new double[DRAWN];

    /**
     * The buffers one thread needs to {@link #render} (so that two threads may render images of
     * one augmenter at the same time, each with its own).
     */
    final class Scratch {
        /** The thickened or thinned image before the geometric transform. */
        private final double[] thick = new double[width * height];
        /** The chosen elastic field times its sign, or null without elastic distortion. */
        private final double[] signedField = fields == null ? null : new double[2 * width * height];
        /** Where a caller may copy the source image (see {@link #source()}). */
        private final double[] source = new double[width * height];
        /** The affine map's column terms ({@link ImageTransform#affine}'s buffer). */
        private final double[] columns = new double[2 * width];

        /** A width×height buffer of this thread's, for the caller's copy of the source image. */
        double[] source() {
            return source;
        }
    }

    /**
     * @param seed seeds the elastic field bank (the per-image draws use the caller's random)
     */
    public Augmenter(Augmentation limits, int width, int height, long seed) {
        this.limits = limits;
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
        } else {
            fields = null;
        }
        own = new Scratch();
    }

    /** New buffers for another thread that {@link #render}s. */
    Scratch newScratch() {
        return new Scratch();
    }

    /**
     * Writes a randomly distorted copy of the image at {@code sourceOffset} into {@code target}:
     * {@link #draw} then {@link #render}.
     *
     * @param source width×height pixels at sourceOffset. Not modified.
     * @param target width×height pixels at targetOffset. Modified.
     * @param random the per-image draws. Modified (advanced).
     */
    public void apply(double[] source, int sourceOffset, double[] target, int targetOffset, SplittableRandom random) {
        draw(random, drawn, 0);
        render(source, sourceOffset, target, targetOffset, drawn, 0, own);
    }

    /**
     * Draws one image's distortion (see the class comment for the order of the draws) and stores
     * what {@link #render} needs.
     *
     * @param random advanced by the draws. Modified.
     * @param out    receives {@value #DRAWN} values at {@code offset}. Modified.
     */
    void draw(SplittableRandom random, double[] out, int offset) {
        double dx = uniform(random, limits.maxShift());
        double dy = uniform(random, limits.maxShift());
        double angle = Math.toRadians(uniform(random, limits.maxRotationDegrees()));
        double scale = 1 + uniform(random, limits.maxScale());
        double shear = uniform(random, limits.maxShear());
        double signedFieldNumber = 0; // ±(index + 1), 0 = none
        if (fields != null) {
            int index = random.nextInt(FIELD_BANK_SIZE);
            signedFieldNumber = random.nextBoolean() ? index + 1 : -(index + 1);
        }
        double t = limits.maxThickness() > 0 ? uniform(random, limits.maxThickness()) : 0.0;
        double eraseX = 0;
        double eraseY = 0;
        double eraseSize = 0;
        if (limits.erases()) {
            boolean erased = random.nextDouble() < limits.eraseProbability();
            eraseX = random.nextDouble() * width;
            eraseY = random.nextDouble() * height;
            double size = limits.eraseMinSize() + random.nextDouble() * (limits.eraseMaxSize() - limits.eraseMinSize());
            eraseSize = erased ? size : 0.0;
        }
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        out[offset] = dx;
        out[offset + 1] = dy;
        out[offset + 2] = (cos + shear * sin) / scale;
        out[offset + 3] = (sin - shear * cos) / scale;
        out[offset + 4] = -sin / scale;
        out[offset + 5] = cos / scale;
        out[offset + 6] = t;
        out[offset + 7] = signedFieldNumber;
        out[offset + 8] = eraseX;
        out[offset + 9] = eraseY;
        out[offset + 10] = eraseSize;
    }

    /**
     * Writes the image at {@code sourceOffset} distorted as drawn at {@code drawn[offset]} (by
     * {@link #draw}) into {@code target}. Uses no random: images may be rendered in any order and
     * on any thread, each thread with its own scratch.
     *
     * @param source  width×height pixels at sourceOffset. Not modified.
     * @param target  width×height pixels at targetOffset. Modified.
     * @param drawn   {@value #DRAWN} values at offset. Not modified.
     * @param scratch this thread's buffers. Modified.
     */
    void render(double[] source, int sourceOffset, double[] target, int targetOffset, double[] drawn, int offset,
                Scratch scratch) {
        render(source, sourceOffset, null, 0, target, targetOffset, drawn, offset, scratch);
    }

    /**
     * As {@link #render(double[], int, double[], int, double[], int, Scratch)}, with the thickness
     * step's neighbourhood extremes of the source image, image number {@code image} of
     * {@code extremes}, read from there instead of computed: the same bits, less work per image.
     *
     * @param extremes null (compute them), or the extremes of a set of images that holds the
     *                 source image as number {@code image} (made for it if they are not yet). Modified.
     */
    void render(double[] source, int sourceOffset, NeighbourExtremes extremes, int image, double[] target,
                int targetOffset, double[] drawn, int offset, Scratch scratch) {
        double[] field = null;
        int signedFieldNumber = (int) drawn[offset + 7];
        if (signedFieldNumber != 0) {
            double[] chosen = fields[Math.abs(signedFieldNumber) - 1];
            double sign = signedFieldNumber > 0 ? 1.0 : -1.0;
            for (int i = 0; i < chosen.length; i++) {
                scratch.signedField[i] = sign * chosen[i];
            }
            field = scratch.signedField;
        }
        double[] from = source;
        int fromOffset = sourceOffset;
        if (limits.maxThickness() > 0) {
            double t = drawn[offset + 6];
            if (extremes == null) {
                thickness(source, sourceOffset, scratch.thick, t, width, height);
            } else {
                blend(source, sourceOffset, extremes.toward(image, source, sourceOffset, t > 0), scratch.thick, t,
                        width * height);
            }
            from = scratch.thick;
            fromOffset = 0;
        }
        ImageTransform.affine(from, fromOffset, target, targetOffset, width, height, drawn[offset + 2],
                drawn[offset + 3], drawn[offset + 4], drawn[offset + 5], drawn[offset], drawn[offset + 1], field,
                scratch.columns);
        if (drawn[offset + 10] > 0) {
            erase(target, targetOffset, width, height, drawn[offset + 8], drawn[offset + 9], drawn[offset + 10],
                    limits.eraseShape(), limits.eraseEdge());
        }
    }

    /**
     * Blanks one region of an image: v ← v·(1 − c), c ∈ [0, 1] how much of the pixel the region
     * covers. Pixel (x, y) is the unit square [x, x+1]×[y, y+1] with centre (x + ½, y + ½).
     *
     * <p>Hard edge ({@code edge} = 0): a square of side {@code size} centred at (cx, cy) covers
     * c = ox·oy, ox = the length of [x, x+1] ∩ [cx − size/2, cx + size/2] (oy likewise), exactly;
     * a disc of diameter {@code size} covers c = clamp(size/2 + ½ − d, 0, 1), d = the distance from
     * the pixel's centre to (cx, cy) (an approximation of the area, exact far inside and outside
     * the edge).
     *
     * <p>Soft edge (σ = {@code edge} &gt; 0): c is the region's indicator blurred by a Gaussian of
     * σ at the pixel's centre: for the square c = gx·gy, gx = Φ((x + ½ − cx + size/2)/σ) −
     * Φ((x + ½ − cx − size/2)/σ) (exact); for the disc c = Φ((size/2 − d)/σ) (the straight-edge
     * value, close while the radius is large against σ). Φ: the standard normal distribution.
     *
     * @param image width×height pixels at offset. Modified.
     */
    static void erase(double[] image, int offset, int width, int height, double cx, double cy, double size,
                      Augmentation.EraseShape shape, double edge) {
        double half = size / 2;
        // Every pixel the region may touch: a hard disc's edge pixels reach half a pixel beyond it,
        // a soft edge ERASE_EDGE_REACH σ (beyond that it blanks less than 1e-6 of a pixel).
        double reach = half + 1 + ERASE_EDGE_REACH * edge;
        int fromX = Math.max(0, (int) Math.floor(cx - reach));
        int toX = Math.min(width - 1, (int) Math.floor(cx + reach));
        int fromY = Math.max(0, (int) Math.floor(cy - reach));
        int toY = Math.min(height - 1, (int) Math.floor(cy + reach));
        for (int y = fromY; y <= toY; y++) {
            for (int x = fromX; x <= toX; x++) {
                double covered;
                if (shape == Augmentation.EraseShape.SQUARE) {
                    covered = edge > 0
                            ? softOverlap(x, cx - half, cx + half, edge) * softOverlap(y, cy - half, cy + half, edge)
                            : overlap(x, cx - half, cx + half) * overlap(y, cy - half, cy + half);
                } else {
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    covered = edge > 0 ? normalCdf((half - d) / edge) : Math.min(1.0, Math.max(0.0, half + 0.5 - d));
                }
                image[offset + y * width + x] *= 1 - covered;
            }
        }
    }

    /** How many σ of a soft edge {@link #erase} visits beyond the region. */
    private static final double ERASE_EDGE_REACH = 5.0;

    /** Φ((pixel + ½ − from)/σ) − Φ((pixel + ½ − to)/σ): the blurred indicator of [from, to] at the pixel's centre. */
    private static double softOverlap(int pixel, double from, double to, double sigma) {
        double centre = pixel + 0.5;
        return normalCdf((centre - from) / sigma) - normalCdf((centre - to) / sigma);
    }

    /**
     * Φ(z), the standard normal distribution function, by Abramowitz &amp; Stegun 26.2.17
     * (|error| &lt; 7.5e-8).
     */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double upper = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - upper : upper;
    }

    /** The length of [pixel, pixel + 1] ∩ [from, to] (0 when they do not meet). */
    private static double overlap(int pixel, double from, double to) {
        return Math.max(0.0, Math.min(pixel + 1.0, to) - Math.max(pixel, from));
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
                double m = extreme(source, sourceOffset, x, y, width, height, t > 0);
                target[y * width + x] = (1 - weight) * centre + weight * m;
            }
        }
    }

    /**
     * {@link #thickness} with m given: out = (1 − |t|)·in + |t|·m, the same arithmetic, so the same
     * bits when m holds {@link #extreme}'s values of the source.
     *
     * @param source pixels at sourceOffset. Not modified.
     * @param m      the same number of pixels from 0 (dilated for t &gt; 0, eroded for t &lt; 0). Not modified.
     * @param target pixels at 0. Modified.
     */
    static void blend(double[] source, int sourceOffset, double[] m, double[] target, double t, int pixels) {
        double weight = Math.abs(t);
        for (int i = 0; i < pixels; i++) {
            target[i] = (1 - weight) * source[sourceOffset + i] + weight * m[i];
        }
    }

    /**
     * The max ({@code dilate}) or min of pixel (x, y) and its 4 neighbours; pixels outside count as 0.
     *
     * @param source width×height pixels at sourceOffset. Not modified.
     */
    static double extreme(double[] source, int sourceOffset, int x, int y, int width, int height, boolean dilate) {
        double centre = source[sourceOffset + y * width + x];
        double left = x > 0 ? source[sourceOffset + y * width + x - 1] : 0.0;
        double right = x + 1 < width ? source[sourceOffset + y * width + x + 1] : 0.0;
        double up = y > 0 ? source[sourceOffset + (y - 1) * width + x] : 0.0;
        double down = y + 1 < height ? source[sourceOffset + (y + 1) * width + x] : 0.0;
        return dilate ? Math.max(Math.max(Math.max(centre, left), Math.max(right, up)), down)
                : Math.min(Math.min(Math.min(centre, left), Math.min(right, up)), down);
    }
}
