package org.hiddenneurons.data;

import java.util.Arrays;

/**
 * Turns any image (a drawing, a photo of a digit, a PNG) into the network's input the way the
 * training digits were made (the MNIST recipe):
 * <ol>
 *   <li>{@link #luminance grayscale}: luminance Y = 0.299·R + 0.587·G + 0.114·B (ITU-R BT.601, the
 *       weights {@link DigitsImage} uses), translucent pixels composited onto a background;</li>
 *   <li>{@link #normaliseInk ink polarity}: the median of the border pixels is the background;
 *       if it is light the image is inverted, then contrast is stretched so background → 0 and the
 *       strongest ink → 1 (white ink on black, like the data);</li>
 *   <li>{@link #inkBounds crop} to the bounding box of the pixels above {@link #INK_THRESHOLD}; a pen
 *       much thinner or thicker than the data's strokes is {@link #normalisePen thickened or thinned}
 *       into the data's range;</li>
 *   <li>{@link #scaleLongerSide scale} keeping the aspect ratio so that the ink's box at half
 *       intensity ({@link #HALF_INTENSITY}) gets the data set's digit box, measured the same way —
 *       area averaging when shrinking (a 280×280 drawing shrinks ~18×), bilinear interpolation when
 *       enlarging a tiny input; never point sampling;</li>
 *   <li>{@link #place centre}: put the scaled digit into the width×height frame so that its centre of
 *       mass lands on the data set's mean centre of mass. The sub-pixel shift is done by bilinear
 *       interpolation; the shift is clamped so the ink's box stays inside the frame. Then
 *       {@link #restorePeak restore the contrast}: the strongest pixel → 1 again, as step 2 made it
 *       and as the data's digits are (averaging dims a stroke thinner than an output pixel).</li>
 * </ol>
 * Every step is a public static method so views can show (and tests can check) each one.
 * Instances are immutable and thread-safe.
 */
public final class Preprocessor {

    /**
     * A pixel (after {@link #normaliseInk}) counts as ink for the bounding box when its value is
     * above this. The same threshold measures the data set's digit box in {@link #measure}, so a
     * drawing's box and the data's box mean the same thing.
     */
    public static final double INK_THRESHOLD = 0.2;

    /**
     * The size of a digit is the box of its pixels above half intensity, in the data and in a drawing
     * alike ({@link #measure}, step 4). A blurred (anti-aliased) edge crosses half intensity where
     * the sharp edge was, so this box is the digit's geometric size whatever the blur; the box above
     * {@link #INK_THRESHOLD} also holds the blur's halo. The sheet's digits are blurred (their box
     * above 0.2 is 15 px, above 0.5 14 px), while a drawing on the pad has sharp edges that only the
     * scaling blurs: matching the 0.2 boxes made drawings about 0.6 px taller than the data's digits
     * (docs/design-notes.md, "Drawings, session 10").
     */
    public static final double HALF_INTENSITY = 0.5;

    /**
     * An image whose strongest ink differs from the background by less than this (in luminance,
     * [0, 1]) is blank: nothing was drawn, only noise or a uniform colour.
     */
    public static final double MIN_INK_CONTRAST = 0.1;

    /** The largest 8-bit channel value of a packed ARGB pixel. */
    private static final int CHANNEL_MAX = 0xff;

    /** What the output must look like, measured from a data set. */
    public record Target(int width, int height, double digitBox, double centreX, double centreY,
                         double strokeLow, double strokeHigh) {

        /**
         * @param width    output width (20 for digits.png)
         * @param height   output height
         * @param digitBox the longer side of a digit's box at {@link #HALF_INTENSITY} in the data
         *                 (14 px for digits.png)
         * @param centreX  mean centre of mass x of the data set's digits (pixel coordinates: pixel x
         *                 has its centre at x)
         * @param centreY  mean centre of mass y
         * @param strokeLow  the {@link StrokeWidth#ratio stroke width ratio} a thinner drawing is thickened to
         *                   (the data's 10th percentile; 0 = never thickened)
         * @param strokeHigh the ratio a thicker drawing is thinned to (the data's 90th percentile;
         *                   +∞ = never thinned)
         */
        public Target {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("frame must be positive, got " + width + "x" + height);
            }
            if (!(digitBox > 0) || Double.isInfinite(digitBox)) {
                throw new IllegalArgumentException("digit box must be positive, got " + digitBox);
            }
            if (!Double.isFinite(centreX) || !Double.isFinite(centreY)) {
                throw new IllegalArgumentException("centre must be finite, got (" + centreX + ", " + centreY + ")");
            }
            if (!(strokeLow >= 0 && strokeLow <= strokeHigh && strokeLow < 1)) {
                throw new IllegalArgumentException("stroke width range must satisfy 0 <= low <= high, low < 1; got ["
                        + strokeLow + ", " + strokeHigh + "]");
            }
        }

        /** A target that leaves every drawing's pen width as it is. */
        public Target(int width, int height, double digitBox, double centreX, double centreY) {
            this(width, height, digitBox, centreX, centreY, 0, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * Every step of the pipeline. When {@code blank} is true nothing was drawn: the images after
     * {@code grayscale} are null and {@code networkInput} is null.
     *
     * @param grayscale    the input as ink = 1, background = 0 (after luminance and polarity); from
     *                     {@link #process(int, int, int[], Workspace)} it is the workspace's buffer,
     *                     valid until that workspace is used again
     * @param cropped      the ink's bounding box cut out of {@code grayscale}, the pen width brought
     *                     into the data's range
     * @param scaled       {@code cropped} scaled so its box at half intensity has the target's digit box
     * @param centred      {@code scaled} placed into the target frame, centre of mass on the target's,
     *                     its strongest pixel restored to 1 ({@link #restorePeak})
     * @param networkInput {@code centred}'s values (a copy), row-major, in [0, 1], length width·height
     */
    public record Result(boolean blank, GrayImage grayscale, GrayImage cropped, GrayImage scaled,
                         GrayImage centred, double[] networkInput) {
    }

    /** A rectangle of pixels: columns x..x+width−1, rows y..y+height−1. */
    public record Box(int x, int y, int width, int height) {

        public int longerSide() {
            return Math.max(width, height);
        }
    }

    /** A point in pixel coordinates (pixel x has its centre at x). */
    public record Point(double x, double y) {
    }

    private final Target target;

    public Preprocessor(Target target) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        this.target = target;
    }

    /** The preprocessor for the bundled digits.png, its target measured once and cached. */
    public static Preprocessor forBundledDigits() {
        return BundledHolder.INSTANCE;
    }

    private static final class BundledHolder {
        static final Preprocessor INSTANCE = new Preprocessor(measure(DigitsImage.loadBundled()));
    }

    /**
     * Measures the target from a data set: digitBox = the median over samples of the longer side
     * of the bounding box of the pixels above {@link #HALF_INTENSITY}; centre = the mean over samples
     * of each sample's intensity-weighted centre of mass; strokeLow and strokeHigh = the 10th and 90th
     * percentiles over samples of {@link StrokeWidth#ratio} (the middle 80 % of the data's pen widths).
     * Blank samples are skipped.
     *
     * @throws IllegalArgumentException if every sample is blank
     */
    public static Target measure(Dataset data) {
        int width = data.width();
        int height = data.height();
        int inputs = data.inputSize();
        int[] longerSides = new int[data.size()];
        double[] strokeRatios = new double[data.size()];
        int measured = 0;
        double sumCentreX = 0;
        double sumCentreY = 0;
        for (int sample = 0; sample < data.size(); sample++) {
            GrayImage image = new GrayImage(width, height, data.sample(sample));
            Box box = inkBounds(image, HALF_INTENSITY);
            Point centre = centreOfMass(image);
            if (box == null || centre == null) {
                continue;
            }
            strokeRatios[measured] = StrokeWidth.ratio(image);
            longerSides[measured++] = box.longerSide();
            sumCentreX += centre.x();
            sumCentreY += centre.y();
        }
        if (measured == 0) {
            throw new IllegalArgumentException(data.name() + " has no ink in any sample");
        }
        int[] sides = Arrays.copyOf(longerSides, measured);
        Arrays.sort(sides);
        double median = measured % 2 == 1 ? sides[measured / 2]
                : 0.5 * (sides[measured / 2 - 1] + sides[measured / 2]);
        double[] ratios = Arrays.copyOf(strokeRatios, measured);
        Arrays.sort(ratios);
        return new Target(width, height, median, sumCentreX / measured, sumCentreY / measured,
                percentile(ratios, STROKE_LOW_PERCENTILE), percentile(ratios, STROKE_HIGH_PERCENTILE));
    }

    /** The data's pen widths kept as they are: the middle 80 % ({@link #measure}). */
    static final double STROKE_LOW_PERCENTILE = 0.10;
    static final double STROKE_HIGH_PERCENTILE = 0.90;

    /** The value at fraction {@code p} of the sorted values (nearest rank below). */
    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.floor(p * (sorted.length - 1))];
    }

    public Target target() {
        return target;
    }

    /**
     * Runs the pipeline on ARGB pixels (e.g. a canvas snapshot or a PNG).
     *
     * @param argb width·height pixels, row-major, 0xAARRGGBB. Not modified.
     */
    public Result process(int width, int height, int[] argb) {
        checkPixels(width, height, argb);
        return processInto(width, height, argb, new double[argb.length], new StrokeWidth.Scratch());
    }

    /**
     * As {@link #process(int, int, int[])}, with the full-size grayscale image (step 1–2, the
     * largest array of the pipeline) written into {@code workspace}'s buffer instead of a new one:
     * for a caller that preprocesses drawing after drawing (a drag on the pad). The result's
     * {@link Result#grayscale()} is that buffer, so it is valid only until the next call with the
     * same workspace: read it at once or copy it. Every other part of the result is its own.
     *
     * @param argb width·height pixels, row-major, 0xAARRGGBB. Not modified.
     */
    public Result process(int width, int height, int[] argb, Workspace workspace) {
        checkPixels(width, height, argb);
        return processInto(width, height, argb, workspace.buffer(argb.length), workspace.pen);
    }

    private Result processInto(int width, int height, int[] argb, double[] values, StrokeWidth.Scratch pen) {
        GrayImage luminance = luminanceInto(width, height, argb, values);
        // The luminance array is ours alone: normalise it in place instead of copying it.
        normaliseInkInPlace(width, height, luminance.values());
        return fromInk(luminance, pen);
    }

    /** Runs the pipeline on an image file's stored values ({@link ImageFiles#read}), alpha composited first. */
    public Result process(StoredImage image) {
        return process(image.composited());
    }

    /**
     * Memory that {@link #process(int, int, int[], Workspace)} reuses from call to call: the
     * grayscale buffer and the pen-width step's distance transform ({@link StrokeWidth.Scratch}).
     * Not thread-safe: one per caller (a preprocessor may be shared, e.g. {@link #forBundledDigits()}).
     */
    public static final class Workspace {
        private double[] buffer = new double[0];
        private final StrokeWidth.Scratch pen = new StrokeWidth.Scratch();

        double[] buffer(int length) {
            if (buffer.length != length) {
                buffer = new double[length];
            }
            return buffer;
        }
    }

    /** Runs the pipeline on a grayscale image (any polarity). */
    public Result process(GrayImage image) {
        return fromInk(normaliseInk(image), new StrokeWidth.Scratch());
    }

    /** Steps 3–5 on an image whose ink is already 1 on background 0. */
    private Result fromInk(GrayImage ink, StrokeWidth.Scratch pen) {
        Box box = inkBounds(ink);
        if (box == null) {
            return new Result(true, ink, null, null, null, null);
        }
        GrayImage cropped = normalisePen(crop(ink, box), pen);
        GrayImage scaled = scaleLongerSide(cropped, scaledLongerSide(cropped, target.digitBox(),
                Math.min(target.width(), target.height())));
        GrayImage centred = restorePeak(place(scaled, target.width(), target.height(), target.centreX(), target.centreY()));
        return new Result(false, ink, cropped, scaled, centred, centred.values().clone());
    }

    // ---------------------------------------------------------------- the steps

    /**
     * Step 1: luminance Y = 0.299·R + 0.587·G + 0.114·B in [0, 1] (1 = white; NOT yet ink
     * polarity). Translucent pixels are composited onto black or white, whichever contrasts more
     * with the image's alpha-weighted mean colour: so black strokes on a transparent canvas and
     * white strokes on a transparent canvas both stay visible. Opaque images are unaffected.
     *
     * @param argb width·height pixels, row-major, 0xAARRGGBB. Not modified.
     */
    public static GrayImage luminance(int width, int height, int[] argb) {
        checkPixels(width, height, argb);
        return luminanceInto(width, height, argb, new double[argb.length]);
    }

    private static void checkPixels(int width, int height, int[] argb) {
        if (width < 1 || height < 1 || argb == null || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + ((long) width * height) + " pixels, got " + (argb == null ? "null" : argb.length));
        }
    }

    /**
     * {@link #luminance} into {@code values} (length width·height; every element written); an alpha
     * array is allocated only for an image with translucent pixels. @param values Modified.
     */
    private static GrayImage luminanceInto(int width, int height, int[] argb, double[] values) {
        boolean translucent = false;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            values[i] = StoredImage.luminance((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, CHANNEL_MAX);
            translucent |= (p >>> 24) != CHANNEL_MAX;
        }
        double[] alpha = null;
        if (translucent) {
            alpha = new double[argb.length];
            for (int i = 0; i < argb.length; i++) {
                alpha[i] = (argb[i] >>> 24) / (double) CHANNEL_MAX;
            }
        }
        return new StoredImage(width, height, values, alpha).composited();
    }

    /**
     * Step 2: ink = 1, background = 0. The background level b is the median of the border pixels
     * (the outermost ring); if b &gt; 0.5 the ink is dark and the image is inverted (v → 1 − v, b →
     * 1 − b). Then v → clamp((v − b) / (m − b)) with m the strongest ink. An image whose contrast
     * m − b is below {@link #MIN_INK_CONTRAST} comes back all zero (blank).
     *
     * @param image any polarity, values in [0, 1]. Not modified.
     */
    public static GrayImage normaliseInk(GrayImage image) {
        double[] values = image.values().clone();
        normaliseInkInPlace(image.width(), image.height(), values);
        return new GrayImage(image.width(), image.height(), values);
    }

    /** {@link #normaliseInk} on a row-major width×height array. @param values Modified. */
    private static void normaliseInkInPlace(int width, int height, double[] values) {
        double background = borderMedian(width, height, values);
        boolean invert = background > 0.5;
        double base = invert ? 1 - background : background;
        double strongest = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            strongest = Math.max(strongest, invert ? 1 - v : v);
        }
        double contrast = strongest - base;
        if (!(contrast >= MIN_INK_CONTRAST)) {
            Arrays.fill(values, 0);
            return;
        }
        // v → ((1 − v) − base) / contrast when inverted, (v − base) / contrast otherwise: v · gain + offset.
        double gain = (invert ? -1 : 1) / contrast;
        double offset = ((invert ? 1 : 0) - base) / contrast;
        for (int i = 0; i < values.length; i++) {
            double v = values[i] * gain + offset;
            values[i] = v > 0 ? (v < 1 ? v : 1) : 0;
        }
    }

    /** Step 3a: the bounding box of the pixels above {@link #INK_THRESHOLD}, or null if there are none. */
    public static Box inkBounds(GrayImage image) {
        return inkBounds(image, INK_THRESHOLD);
    }

    /** The bounding box of the pixels above {@code threshold}, or null if there are none. */
    public static Box inkBounds(GrayImage image, double threshold) {
        return inkBounds(image.values(), image.width(), image.height(), threshold);
    }

    /** As {@link #inkBounds(GrayImage, double)} on the first width·height entries of {@code values}. */
    static Box inkBounds(double[] values, int width, int height, double threshold) {
        int minX = width;
        int minY = -1;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int left = 0;
            while (left < width && !(values[row + left] > threshold)) {
                left++;
            }
            if (left == width) {
                continue;
            }
            int right = width - 1;
            while (right > maxX && !(values[row + right] > threshold)) {
                right--;
            }
            minX = Math.min(minX, left);
            maxX = Math.max(maxX, right);
            if (minY < 0) {
                minY = y;
            }
            maxY = y;
        }
        return maxY < 0 ? null : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /**
     * Step 3c: a pen much thinner or thicker than the data's strokes is thickened or thinned
     * ({@link StrokeWidth#normalise}) into the target's range, then cropped to its ink again. The
     * sheet's digits have a stroke width of 8.8–13.9 % of their size (10th–90th percentile); drawings
     * with a thin pen on a large digit had 5 % (docs/design-notes.md, "Drawings, session 10").
     *
     * @param cropped an image cropped to its ink. Not modified.
     */
    public GrayImage normalisePen(GrayImage cropped) {
        return normalisePen(cropped, new StrokeWidth.Scratch());
    }

    /** As {@link #normalisePen(GrayImage)}, the pen changed in {@code scratch}'s buffers. */
    private GrayImage normalisePen(GrayImage cropped, StrokeWidth.Scratch scratch) {
        return StrokeWidth.normaliseCropped(cropped, target.strokeLow(), target.strokeHigh(), scratch);
    }

    /** Step 3b: the pixels inside {@code box}. @param image Not modified. */
    public static GrayImage crop(GrayImage image, Box box) {
        return crop(image.values(), image.width(), image.height(), box);
    }

    /** As {@link #crop(GrayImage, Box)} of the width×height image in the first entries of {@code pixels}. */
    static GrayImage crop(double[] pixels, int width, int height, Box box) {
        if (box.x() < 0 || box.y() < 0 || box.width() < 1 || box.height() < 1
                || box.x() + box.width() > width || box.y() + box.height() > height) {
            throw new IllegalArgumentException(box + " is not inside a " + width + "x" + height + " image");
        }
        double[] values = new double[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(pixels, (box.y() + y) * width + box.x(), values, y * box.width(), box.width());
        }
        return new GrayImage(box.width(), box.height(), values);
    }

    /**
     * Step 4a: the longer side (in output pixels) to scale {@code cropped} to, so that its box at
     * {@link #HALF_INTENSITY} gets a longer side of {@code digitBox}:
     * round(L₀.₂ · digitBox / L₀.₅), with L₀.₂ the cropped image's longer side (its box above
     * {@link #INK_THRESHOLD}) and L₀.₅ the longer side of its box above half intensity (L₀.₂ when
     * no pixel is above half intensity); at least 1, at most {@code frame}. A drawing on the pad has
     * sharp edges (L₀.₅ ≈ L₀.₂), so its longer side becomes ≈ digitBox; a blurred small image keeps
     * its halo outside the digit box, as the data's digits do.
     *
     * @param cropped an image cropped to its box above {@link #INK_THRESHOLD}. Not modified.
     */
    public static int scaledLongerSide(GrayImage cropped, double digitBox, int frame) {
        int croppedSide = Math.max(cropped.width(), cropped.height());
        Box core = inkBounds(cropped, HALF_INTENSITY);
        int coreSide = core == null ? croppedSide : core.longerSide();
        long side = Math.round(croppedSide * digitBox / coreSide);
        return (int) Math.max(1, Math.min(frame, side));
    }

    /**
     * Step 4b: scales so the longer side becomes {@code longSide} pixels and the shorter side
     * round(shorter · scale) (at least 1), keeping the aspect ratio. Each axis is resampled
     * separately: area averaging (each output pixel = the mean of the source area it covers,
     * fractional pixels weighted by coverage) when shrinking, bilinear interpolation between
     * pixel centres when enlarging.
     *
     * @param image Not modified.
     */
    public static GrayImage scaleLongerSide(GrayImage image, int longSide) {
        if (longSide < 1) {
            throw new IllegalArgumentException("longer side must be positive, got " + longSide);
        }
        int width = image.width();
        int height = image.height();
        double scale = (double) longSide / Math.max(width, height);
        int newWidth = width >= height ? longSide : Math.max(1, (int) Math.round(width * scale));
        int newHeight = height > width ? longSide : Math.max(1, (int) Math.round(height * scale));
        // Horizontal pass: height rows of width → newWidth.
        double[] across = new double[newWidth * height];
        for (int y = 0; y < height; y++) {
            resample(image.values(), y * width, 1, width, across, y * newWidth, 1, newWidth);
        }
        // Vertical pass: newWidth columns of height → newHeight.
        double[] result = new double[newWidth * newHeight];
        for (int x = 0; x < newWidth; x++) {
            resample(across, x, newWidth, height, result, x, newWidth, newHeight);
        }
        clampUnit(result);
        return new GrayImage(newWidth, newHeight, result);
    }

    /**
     * Resamples one line of {@code sourceLength} values (start, stride) into {@code targetLength}
     * values: area averaging when shrinking or keeping the size, bilinear when enlarging.
     *
     * @param target Modified: the line's targetLength values.
     */
    private static void resample(double[] source, int sourceStart, int sourceStride, int sourceLength,
                                 double[] target, int targetStart, int targetStride, int targetLength) {
        double step = (double) sourceLength / targetLength; // source pixels per target pixel
        if (step >= 1) {
            for (int j = 0; j < targetLength; j++) {
                double from = j * step;
                double to = Math.min(sourceLength, (j + 1) * step);
                int first = (int) from;
                int last = Math.min(sourceLength - 1, (int) Math.ceil(to) - 1);
                double sum = 0;
                for (int i = first; i <= last; i++) {
                    double coverage = Math.min(to, i + 1) - Math.max(from, i);
                    sum += coverage * source[sourceStart + i * sourceStride];
                }
                target[targetStart + j * targetStride] = sum / (to - from);
            }
        } else {
            for (int j = 0; j < targetLength; j++) {
                double position = Math.min(sourceLength - 1, Math.max(0, (j + 0.5) * step - 0.5));
                int left = (int) position;
                int right = Math.min(sourceLength - 1, left + 1);
                double fraction = position - left;
                target[targetStart + j * targetStride] = (1 - fraction) * source[sourceStart + left * sourceStride]
                        + fraction * source[sourceStart + right * sourceStride];
            }
        }
    }

    /** The intensity-weighted centre of mass Σ(x·v)/Σv, Σ(y·v)/Σv, or null if the image is all zero. */
    public static Point centreOfMass(GrayImage image) {
        int width = image.width();
        double[] values = image.values();
        double sum = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < width; x++) {
                double v = values[y * width + x];
                sum += v;
                sumX += x * v;
                sumY += y * v;
            }
        }
        return sum > 0 ? new Point(sumX / sum, sumY / sum) : null;
    }

    /**
     * Step 5: places {@code image} into a frameWidth×frameHeight frame (background 0) shifted by
     * (dx, dy) so its centre of mass lands on (centreX, centreY). The shift is clamped so the
     * image stays inside the frame (when it fits), then applied with sub-pixel precision by bilinear
     * interpolation: out(x, y) = image(x − dx, y − dy), zero outside.
     *
     * @param image Not modified.
     */
    public static GrayImage place(GrayImage image, int frameWidth, int frameHeight, double centreX, double centreY) {
        Point centre = centreOfMass(image);
        double dx = centre == null ? 0 : centreX - centre.x();
        double dy = centre == null ? 0 : centreY - centre.y();
        dx = clamp(dx, Math.min(0, frameWidth - image.width()), Math.max(0, frameWidth - image.width()));
        dy = clamp(dy, Math.min(0, frameHeight - image.height()), Math.max(0, frameHeight - image.height()));
        int shiftX = (int) Math.floor(dx);
        int shiftY = (int) Math.floor(dy);
        double fracX = dx - shiftX;
        double fracY = dy - shiftY;
        // out(x, y) = image(x - dx, y - dy): the source point lies between columns x - shiftX - 1 and
        // x - shiftX with weight fracX on the left one (likewise for rows).
        double[] out = new double[frameWidth * frameHeight];
        for (int y = 0; y < frameHeight; y++) {
            int sourceY = y - shiftY;
            for (int x = 0; x < frameWidth; x++) {
                int sourceX = x - shiftX;
                double v = (1 - fracX) * (1 - fracY) * pixelOrZero(image, sourceX, sourceY)
                        + fracX * (1 - fracY) * pixelOrZero(image, sourceX - 1, sourceY)
                        + (1 - fracX) * fracY * pixelOrZero(image, sourceX, sourceY - 1)
                        + fracX * fracY * pixelOrZero(image, sourceX - 1, sourceY - 1);
                out[y * frameWidth + x] = v;
            }
        }
        clampUnit(out);
        return new GrayImage(frameWidth, frameHeight, out);
    }

    /**
     * Step 5b: v → v / m with m the largest value, so the strongest pixel is 1 again (as step 2 made
     * it at the input's resolution, and as the data's digits are: the median digit of the sheet
     * peaks at 1). Averaging a stroke thinner than an output pixel dims it to grey — a drawing with
     * a thin pen, scaled down ~15×, peaked at 0.87 (median) — and the network reads a faint digit
     * less surely than a bright one. An all-zero image is returned as it is.
     *
     * @param image Not modified.
     */
    public static GrayImage restorePeak(GrayImage image) {
        double[] values = image.values().clone();
        double peak = 0;
        for (double v : values) {
            peak = Math.max(peak, v);
        }
        if (peak > 0 && peak < 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.min(1, values[i] / peak);
            }
        }
        return new GrayImage(image.width(), image.height(), values);
    }

    // ---------------------------------------------------------------- helpers

    private static double pixelOrZero(GrayImage image, int x, int y) {
        return x < 0 || y < 0 || x >= image.width() || y >= image.height() ? 0 : image.values()[y * image.width() + x];
    }

    /** The median of the outermost ring of pixels. @param values Not modified. */
    private static double borderMedian(int width, int height, double[] values) {
        double[] border;
        if (width <= 2 || height <= 2) {
            border = values.clone();
        } else {
            border = new double[2 * width + 2 * (height - 2)];
            int n = 0;
            for (int x = 0; x < width; x++) {
                border[n++] = values[x];
                border[n++] = values[(height - 1) * width + x];
            }
            for (int y = 1; y < height - 1; y++) {
                border[n++] = values[y * width];
                border[n++] = values[y * width + width - 1];
            }
        }
        Arrays.sort(border);
        int n = border.length;
        return n % 2 == 1 ? border[n / 2] : 0.5 * (border[n / 2 - 1] + border[n / 2]);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** Clamps to [0, 1] and turns NaN into 0. @param values Modified. */
    private static void clampUnit(double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            values[i] = v > 0 ? (v < 1 ? v : 1) : 0;
        }
    }
}
