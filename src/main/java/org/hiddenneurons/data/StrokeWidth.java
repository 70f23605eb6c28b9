package org.hiddenneurons.data;

import java.util.Arrays;

/**
 * The width of a digit's strokes relative to its size, and a change of pen width that brings it
 * into the data's range (a step of the drawing {@link Preprocessor}).
 *
 * <p><b>Width.</b> For an image v (ink 1, background 0, pixels outside 0), w = 2·Σv / TV with
 * TV = Σ |v(x+1, y) − v(x, y)| + |v(x, y+1) − v(x, y)| over all pixels and their right and lower
 * neighbours (the total variation; the frame's first row and column count their step up from 0).
 * A stroke of width w and length L has mass w·L and an outline of length ≈ 2·L, each crossing of
 * which adds its step height (1) to TV however blurred the edge is, so w = 2·Σv / TV is its width
 * for sharp and blurred strokes alike. The <b>ratio</b> is w divided by the longer side of the box
 * above {@link Preprocessor#HALF_INTENSITY} (the digit's size as {@link Preprocessor} measures it).
 *
 * <p><b>Normalising.</b> A ratio below {@code low} (or above {@code high}) is brought to that
 * bound by dilating (eroding) the ink by a distance r: widening every stroke by r on each side
 * gives (w + 2r) / (L + 2r) = t, so r = (t·L − w) / (2·(1 − t)). Dilation:
 * out = max(v, clamp(r + 1 − d)) with d the Euclidean distance between pixel centres to the nearest
 * pixel above half intensity (the band from that pixel's edge, ½ from its centre, to r beyond it
 * covers r + 1 − d of a pixel whose centre is d away); erosion by r: out = min(v, clamp(d' − r))
 * with d' the distance to the nearest pixel at or below half intensity (pixels outside the image
 * count as such). Distances by the exact separable transform of Felzenszwalb &amp;
 * Huttenlocher ("Distance transforms of sampled functions", Theory of Computing 8, 2012). Pure
 * functions.
 */
public final class StrokeWidth {

    /** "Infinitely far" for the distance transform (larger than any squared distance in an image). */
    private static final double FAR = 1e20;

    private StrokeWidth() {
    }

    /** w = 2·Σv / TV in pixels (see the class comment); 0 for a blank image. @param image Not modified. */
    public static double width(GrayImage image) {
        return width(image.values(), image.width(), image.height());
    }

    /** As {@link #width(GrayImage)} of the width×height image in the first entries of {@code v}. */
    private static double width(double[] v, int width, int height) {
        double mass = 0;
        double variation = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double here = v[y * width + x];
                mass += here;
                double right = x + 1 < width ? v[y * width + x + 1] : 0;
                double below = y + 1 < height ? v[(y + 1) * width + x] : 0;
                variation += Math.abs(right - here) + Math.abs(below - here);
                if (x == 0) {
                    variation += here;
                }
                if (y == 0) {
                    variation += here;
                }
            }
        }
        return variation > 0 ? 2 * mass / variation : 0;
    }

    /**
     * {@link #width} / the longer side of the box above {@link Preprocessor#HALF_INTENSITY} (of the box
     * above {@link Preprocessor#INK_THRESHOLD} when no pixel reaches half intensity); NaN for a blank image.
     *
     * @param image Not modified.
     */
    public static double ratio(GrayImage image) {
        return ratio(image.values(), image.width(), image.height());
    }

    /** As {@link #ratio(GrayImage)} of the width×height image in the first entries of {@code v}. */
    private static double ratio(double[] v, int width, int height) {
        Preprocessor.Box box = size(v, width, height);
        return box == null ? Double.NaN : width(v, width, height) / box.longerSide();
    }

    private static Preprocessor.Box size(double[] v, int width, int height) {
        Preprocessor.Box core = Preprocessor.inkBounds(v, width, height, Preprocessor.HALF_INTENSITY);
        return core != null ? core : Preprocessor.inkBounds(v, width, height, Preprocessor.INK_THRESHOLD);
    }

    /**
     * The image with its stroke width ratio brought into [low, high] (see the class comment); the
     * image itself when it is already inside, blank, or the bounds are 0 and +∞ (off). r from the
     * formula above, then one secant step on r so the measured ratio lands on the bound (the measure
     * grows a little less than the formula assumes). A dilated image has a margin of ⌈2r⌉ + 2 pixels
     * on every side, so no ink is cut off: crop it again.
     *
     * @param image ink 1 on background 0. Not modified.
     * @throws IllegalArgumentException unless 0 ≤ low ≤ high and low &lt; 1
     */
    public static GrayImage normalise(GrayImage image, double low, double high) {
        return normalise(image, low, high, new Scratch());
    }

    /**
     * As {@link #normalise(GrayImage, double, double)}, the same values bit for bit, with the
     * distance transform and the changed images in {@code scratch}'s buffers (for a caller that
     * normalises drawing after drawing: a drag on the pad). The result is its own.
     *
     * @param scratch Modified: its buffers are overwritten. Not thread-safe: one per caller.
     */
    public static GrayImage normalise(GrayImage image, double low, double high, Scratch scratch) {
        Changed changed = change(image, low, high, scratch);
        return changed == null ? image : new GrayImage(changed.width(), changed.height(),
                Arrays.copyOf(changed.values(), changed.width() * changed.height()));
    }

    /**
     * {@link #normalise(GrayImage, double, double, Scratch)} cropped to its ink above
     * {@link Preprocessor#INK_THRESHOLD} ({@link Preprocessor#inkBounds(GrayImage)}), without the
     * uncropped copy: {@code image} itself when its pen is left as it is.
     */
    public static GrayImage normaliseCropped(GrayImage image, double low, double high, Scratch scratch) {
        Changed changed = change(image, low, high, scratch);
        if (changed == null) {
            return image;
        }
        Preprocessor.Box box = Preprocessor.inkBounds(changed.values(), changed.width(), changed.height(),
                Preprocessor.INK_THRESHOLD);
        return box == null ? image : Preprocessor.crop(changed.values(), changed.width(), changed.height(), box);
    }

    /** A changed image: the first width·height entries of {@code values} (a scratch buffer). */
    private record Changed(double[] values, int width, int height) {
    }

    /** The changed image in one of {@code scratch}'s buffers, or null when {@code image} stays as it is. */
    private static Changed change(GrayImage image, double low, double high, Scratch scratch) {
        if (!(low >= 0 && low <= high && low < 1)) {
            throw new IllegalArgumentException("stroke width range must satisfy 0 <= low <= high, low < 1; got ["
                    + low + ", " + high + "]");
        }
        Preprocessor.Box box = size(image.values(), image.width(), image.height());
        if (box == null) {
            return null;
        }
        double strokeWidth = width(image);
        double side = box.longerSide();
        double ratio = strokeWidth / side;
        if (ratio >= low && ratio <= high) {
            return null;
        }
        double target = ratio < low ? low : high;
        double r = (target * side - strokeWidth) / (2 * (1 - target));
        PenChange change = r > 0 ? new Dilation(image, r, scratch) : new Erosion(image, scratch);
        int width = change.width();
        int height = change.height();
        int pixels = width * height;
        scratch.first = Scratch.atLeast(scratch.first, pixels);
        double[] changed = scratch.first;
        change.apply(Math.abs(r), changed);
        double reached = ratio(changed, width, height);
        if (!Double.isFinite(reached)) {
            return null; // eroded away: keep the pen as drawn
        }
        if (reached != ratio) {
            // The measured width of a stroke of length S grows as w·S / (w + S), a little less than
            // 2r: one secant step on r (same distances, no new transform).
            double corrected = Math.abs(r) * (target - ratio) / (reached - ratio);
            if (corrected > 0 && Double.isFinite(corrected)) {
                scratch.second = Scratch.atLeast(scratch.second, pixels);
                double[] again = scratch.second;
                change.apply(corrected, again);
                if (Double.isFinite(ratio(again, width, height))) {
                    changed = again;
                }
            }
        }
        return new Changed(changed, width, height);
    }

    /**
     * The buffers of a dilation or erosion, its distance transform and the changed images, grown
     * as needed and reused from call to call (only their first width·height entries are used).
     * Not thread-safe: one per caller.
     */
    public static final class Scratch {
        private double[] padded = new double[0];
        private boolean[] feature = new boolean[0];
        private double[] squared = new double[0];
        private double[] distances = new double[0];
        private double[] line = new double[0];
        private double[] lineOut = new double[0];
        private int[] parabolas = new int[0];
        private double[] bounds = new double[0];
        /** The image changed by the formula's r, then by the secant step's. */
        private double[] first = new double[0];
        private double[] second = new double[0];

        private static double[] atLeast(double[] buffer, int length) {
            return buffer.length >= length ? buffer : new double[length];
        }

        /** The distance transform's buffers for a width×height image. */
        private void sizeFor(int width, int height) {
            int pixels = width * height;
            int longest = Math.max(width, height);
            if (feature.length < pixels) {
                feature = new boolean[pixels];
            }
            squared = atLeast(squared, pixels);
            line = atLeast(line, longest);
            lineOut = atLeast(lineOut, longest);
            if (parabolas.length < longest) {
                parabolas = new int[longest];
            }
            bounds = atLeast(bounds, longest + 1);
        }
    }

    /** A dilation or erosion by a distance r ≥ 0 of a width×height image, its distance transform computed once. */
    private interface PenChange {
        int width();

        int height();

        /** @param out Modified: its first width·height entries become the changed image. */
        void apply(double r, double[] out);
    }

    /** max(v, clamp(r + 1 − d)), d = distance to the nearest pixel above half intensity, with a margin. */
    private static final class Dilation implements PenChange {
        /** The image with its margin: the first width·height entries (the scratch's buffer). */
        private final double[] values;
        private final double[] squared;
        private final int width;
        private final int height;

        /** @param largest the largest r that will be applied, times two at most (the margin's size) */
        Dilation(GrayImage image, double largest, Scratch scratch) {
            int margin = (int) Math.ceil(2 * largest) + 2;
            width = image.width() + 2 * margin;
            height = image.height() + 2 * margin;
            int pixels = width * height;
            scratch.padded = Scratch.atLeast(scratch.padded, pixels);
            values = scratch.padded;
            Arrays.fill(values, 0, pixels, 0.0);
            for (int y = 0; y < image.height(); y++) {
                System.arraycopy(image.values(), y * image.width(), values, (y + margin) * width + margin, image.width());
            }
            scratch.sizeFor(width, height);
            boolean[] ink = scratch.feature;
            for (int i = 0; i < pixels; i++) {
                ink[i] = values[i] > Preprocessor.HALF_INTENSITY;
            }
            squared = squaredDistances(ink, width, height, scratch);
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void apply(double r, double[] out) {
            int pixels = width * height;
            System.arraycopy(values, 0, out, 0, pixels);
            double reach = (r + 1) * (r + 1); // pixels this far or farther keep their value
            for (int i = 0; i < pixels; i++) {
                if (squared[i] < reach) {
                    out[i] = Math.max(values[i], unit(r + 1 - Math.sqrt(squared[i])));
                }
            }
        }
    }

    /** min(v, clamp(d' − r)), d' = distance to the nearest pixel at or below half intensity (or outside). */
    private static final class Erosion implements PenChange {
        private final GrayImage image;
        /** The first width·height entries (the scratch's buffer). */
        private final double[] distances;

        Erosion(GrayImage image, Scratch scratch) {
            this.image = image;
            double[] values = image.values();
            scratch.sizeFor(image.width(), image.height());
            boolean[] background = scratch.feature;
            for (int i = 0; i < values.length; i++) {
                background[i] = !(values[i] > Preprocessor.HALF_INTENSITY);
            }
            double[] squared = squaredDistances(background, image.width(), image.height(), scratch);
            scratch.distances = Scratch.atLeast(scratch.distances, values.length);
            distances = scratch.distances;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    double edge = Math.min(Math.min(x + 1, image.width() - x), Math.min(y + 1, image.height() - y));
                    int i = y * image.width() + x;
                    distances[i] = Math.min(Math.sqrt(squared[i]), edge);
                }
            }
        }

        @Override
        public int width() {
            return image.width();
        }

        @Override
        public int height() {
            return image.height();
        }

        @Override
        public void apply(double r, double[] out) {
            double[] values = image.values();
            for (int i = 0; i < values.length; i++) {
                out[i] = Math.min(values[i], unit(distances[i] - r));
            }
        }
    }

    /**
     * The squared Euclidean distance from every pixel to the nearest pixel where {@code feature} is
     * true (0 on those), {@value #FAR} or more when there is none. Columns first, then rows.
     */
    static double[] squaredDistances(boolean[] feature, int width, int height) {
        return squaredDistances(feature, width, height, new Scratch());
    }

    /**
     * As {@link #squaredDistances(boolean[], int, int)} in {@code scratch}'s buffers: the result is
     * the first width·height entries of its squared-distance buffer.
     *
     * @param feature its first width·height entries are read
     */
    private static double[] squaredDistances(boolean[] feature, int width, int height, Scratch scratch) {
        scratch.sizeFor(width, height);
        double[] f = scratch.squared;
        int pixels = width * height;
        for (int i = 0; i < pixels; i++) {
            f[i] = feature[i] ? 0 : FAR;
        }
        double[] line = scratch.line;
        double[] out = scratch.lineOut;
        int[] parabolas = scratch.parabolas;
        double[] bounds = scratch.bounds;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = f[y * width + x];
            }
            transform(line, height, out, parabolas, bounds);
            for (int y = 0; y < height; y++) {
                f[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(f, y * width, line, 0, width);
            transform(line, width, out, parabolas, bounds);
            System.arraycopy(out, 0, f, y * width, width);
        }
        return f;
    }

    /**
     * One dimension of the transform: out(q) = min over p of (q − p)² + f(p), by the lower envelope of
     * the parabolas rooted at (p, f(p)) (Felzenszwalb &amp; Huttenlocher 2012, algorithm DT(f)).
     *
     * @param out       Modified: the first n values.
     * @param parabolas workspace, length ≥ n
     * @param bounds    workspace, length ≥ n + 1
     */
    private static void transform(double[] f, int n, double[] out, int[] parabolas, double[] bounds) {
        int k = 0;
        parabolas[0] = 0;
        bounds[0] = Double.NEGATIVE_INFINITY;
        bounds[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, parabolas[k]);
            while (s <= bounds[k]) {
                k--;
                s = intersection(f, q, parabolas[k]);
            }
            k++;
            parabolas[k] = q;
            bounds[k] = s;
            bounds[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (bounds[k + 1] < q) {
                k++;
            }
            double d = q - parabolas[k];
            out[q] = d * d + f[parabolas[k]];
        }
    }

    /** Where the parabolas rooted at q and p (p &lt; q) intersect. */
    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }

    private static double unit(double v) {
        return v > 0 ? (v < 1 ? v : 1) : 0;
    }
}
