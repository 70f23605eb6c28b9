package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    /** A canvas the size of a typical drawing pad. */
    private static final int CANVAS = 280;
    /** 20 px × 14 = 280 px: a data set digit drawn at canvas size. */
    private static final int UPSCALE = 14;
    /** Every digit, re-drawn at canvas size and run through the pipeline with its own box and centre as target. */
    // On the sheet's stored values (no longer brightened by Java's gray-to-sRGB conversion), the
    // lowest of the 385 sampled digits measures 0.98993 (sample 1144); all others stay >= 0.99.
    private static final double MIN_SELF_CORRELATION = 0.985;
    /**
     * Test digits run through the pipeline with the data set's target: a digit whose box or centre differs
     * from the data's median/mean is rescaled/shifted a little, so the mean correlation with the original,
     * not each one, must be high.
     */
    private static final double MIN_MEAN_CORRELATION = 0.95;
    /** Every 13th digit: all classes, all rows and columns of the sheet, in a few seconds. */
    private static final int SAMPLE_STRIDE = 13;
    private static final double TOLERANCE = 1e-9;
    /**
     * digits.png: median longer side of the box above half intensity 14 px (above 0.2 it is 15 px: the
     * sheet's digits are blurred), mean centre of mass ≈ (9.9, 9.9).
     */
    private static final double EXPECTED_DIGIT_BOX = 14;
    private static final double EXPECTED_CENTRE = 9.9;
    private static final double CENTRE_TOLERANCE = 0.1;
    /**
     * digits.png: 10th and 90th percentiles of the stroke width ratio (StrokeWidth.ratio): 0.088 and
     * 0.139, measured by a separate loop over the sheet in session 10 (docs/design-notes.md).
     */
    private static final double EXPECTED_STROKE_LOW = 0.088;
    private static final double EXPECTED_STROKE_HIGH = 0.139;
    /** Ratios to three decimals; the normalised pen within 0.005 of its bound (pixel rounding of the dilation). */
    private static final double STROKE_TOLERANCE = 0.005;
    private static final int WHITE = 0xffffffff;
    private static final int BLACK = 0xff000000;

    private static final Dataset DIGITS = DigitsImage.loadBundled();
    private static final Preprocessor PREPROCESSOR = Preprocessor.forBundledDigits();

    /** A 20×20 digit drawn at {@link #UPSCALE}× (pixel replication) on a canvas; dark ink on white if {@code darkInk}. */
    private static int[] drawOnCanvas(double[] digit, int canvasWidth, int canvasHeight, int left, int top, boolean darkInk) {
        int[] argb = new int[canvasWidth * canvasHeight];
        for (int y = 0; y < canvasHeight; y++) {
            for (int x = 0; x < canvasWidth; x++) {
                int cellX = (x - left) / UPSCALE;
                int cellY = (y - top) / UPSCALE;
                boolean inside = x >= left && y >= top && cellX < 20 && cellY < 20;
                double ink = inside ? digit[cellY * 20 + cellX] : 0;
                int level = (int) Math.round(255 * (darkInk ? 1 - ink : ink));
                argb[y * canvasWidth + x] = 0xff000000 | level << 16 | level << 8 | level;
            }
        }
        return argb;
    }

    /** A canvas of {@code background} with a filled ink rectangle. */
    private static int[] rectangle(int width, int height, int left, int top, int rectWidth, int rectHeight,
                                   int background, int ink) {
        int[] argb = new int[width * height];
        Arrays.fill(argb, background);
        for (int y = top; y < top + rectHeight; y++) {
            Arrays.fill(argb, y * width + left, y * width + left + rectWidth, ink);
        }
        return argb;
    }

    static double correlation(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElseThrow();
        double meanB = Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static void assertValidInput(Preprocessor.Result result, Preprocessor.Target target) {
        assertFalse(result.blank());
        double[] input = result.networkInput();
        assertEquals(target.width() * target.height(), input.length);
        assertTrue(Arrays.stream(input).allMatch(v -> v >= 0 && v <= 1), "finite, in [0, 1]");
        assertArrayEquals(result.centred().values(), input, 0.0);
    }

    @Test
    void measuredTargetForDigitsIs14PxBoxAtHalfIntensityAndCentreNear9_9() {
        Preprocessor.Target target = Preprocessor.measure(DIGITS);
        assertEquals(20, target.width());
        assertEquals(20, target.height());
        assertEquals(EXPECTED_DIGIT_BOX, target.digitBox(), 0.0);
        assertEquals(EXPECTED_CENTRE, target.centreX(), CENTRE_TOLERANCE);
        assertEquals(EXPECTED_CENTRE, target.centreY(), CENTRE_TOLERANCE);
        assertEquals(target, PREPROCESSOR.target());
        assertSame(PREPROCESSOR, Preprocessor.forBundledDigits(), "measured once, cached");
    }

    @Test
    void digitRedrawnAt280PxComesBackAsTheOriginal() {
        for (int sample = 0; sample < DIGITS.size(); sample += SAMPLE_STRIDE) {
            double[] digit = DIGITS.sample(sample);
            // Step 2 stretches contrast (strongest ink → 1); the sheet's stored values of a faint
            // digit peak lower, so its box is measured on the stretched digit the pipeline sees.
            GrayImage original = Preprocessor.normaliseInk(new GrayImage(20, 20, digit));
            Preprocessor.Point centre = Preprocessor.centreOfMass(original);
            Preprocessor.Target own = new Preprocessor.Target(20, 20,
                    Preprocessor.inkBounds(original, Preprocessor.HALF_INTENSITY).longerSide(), centre.x(), centre.y());
            Preprocessor.Result result = new Preprocessor(own)
                    .process(CANVAS, CANVAS, drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, true));
            assertValidInput(result, own);
            double r = correlation(digit, result.networkInput());
            int index = sample;
            assertTrue(r >= MIN_SELF_CORRELATION, () -> "sample " + index + ": correlation " + r);
        }
    }

    @Test
    void testDigitsRedrawnAt280PxStayCloseWithTheDataTarget() {
        // Every other test digit (500, 50 per class).
        Dataset test = DIGITS.standardSplit().test();
        double sum = 0;
        int count = 0;
        for (int sample = 0; sample < test.size(); sample += 2) {
            double[] digit = test.sample(sample);
            Preprocessor.Result result = PREPROCESSOR.process(CANVAS, CANVAS, drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, true));
            assertValidInput(result, PREPROCESSOR.target());
            sum += correlation(digit, result.networkInput());
            count++;
        }
        double mean = sum / count;
        assertTrue(mean >= MIN_MEAN_CORRELATION, () -> "mean correlation " + mean);
    }

    @Test
    void inkPolarityDoesNotMatter() {
        double[] digit = DIGITS.sample(2345);
        Preprocessor.Result dark = PREPROCESSOR.process(CANVAS, CANVAS, drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, true));
        Preprocessor.Result light = PREPROCESSOR.process(CANVAS, CANVAS, drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, false));
        assertArrayEquals(dark.networkInput(), light.networkInput(), TOLERANCE);
        assertArrayEquals(dark.grayscale().values(), light.grayscale().values(), TOLERANCE);
    }

    @Test
    void aReusedWorkspaceGivesTheSameResultsAndItsBufferHoldsOnlyTheLatestGrayscale() {
        Preprocessor.Workspace workspace = new Preprocessor.Workspace();
        int[] first = drawOnCanvas(DIGITS.sample(2345), CANVAS, CANVAS, 0, 0, false);
        int[] second = drawOnCanvas(DIGITS.sample(17), CANVAS, CANVAS, 0, 0, true);
        Preprocessor.Result fresh = PREPROCESSOR.process(CANVAS, CANVAS, first);
        Preprocessor.Result reusedFirst = PREPROCESSOR.process(CANVAS, CANVAS, first, workspace);
        assertArrayEquals(fresh.networkInput(), reusedFirst.networkInput(), 0);
        assertArrayEquals(fresh.grayscale().values(), reusedFirst.grayscale().values(), 0);
        Preprocessor.Result reusedSecond = PREPROCESSOR.process(CANVAS, CANVAS, second, workspace);
        assertArrayEquals(PREPROCESSOR.process(CANVAS, CANVAS, second).networkInput(), reusedSecond.networkInput(), 0);
        assertSame(reusedFirst.grayscale().values(), reusedSecond.grayscale().values(), "one buffer, reused");
        assertArrayEquals(fresh.networkInput(), reusedFirst.networkInput(), 0, "the rest of a result stays its own");
    }

    @Test
    void transparentCanvasWorksWithDarkOrLightStrokes() {
        int[] opaque = rectangle(100, 100, 30, 20, 10, 60, WHITE, BLACK);
        int[] darkOnClear = rectangle(100, 100, 30, 20, 10, 60, 0x00000000, BLACK);
        int[] lightOnClear = rectangle(100, 100, 30, 20, 10, 60, 0x00ffffff, WHITE);
        double[] expected = PREPROCESSOR.process(100, 100, opaque).networkInput();
        assertArrayEquals(expected, PREPROCESSOR.process(100, 100, darkOnClear).networkInput(), TOLERANCE);
        assertArrayEquals(expected, PREPROCESSOR.process(100, 100, lightOnClear).networkInput(), TOLERANCE);
    }

    @Test
    void smallOffCentreDrawingIsScaledAndCentred() {
        // A 40×40 px digit in the top-left corner of the canvas (a third of the usual size).
        double[] digit = DIGITS.sample(3 * 500 + 17);
        int[] small = new int[CANVAS * CANVAS];
        Arrays.fill(small, WHITE);
        int[] big = drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, true);
        for (int y = 0; y < CANVAS / 7; y++) {
            for (int x = 0; x < CANVAS / 7; x++) {
                small[(y + 5) * CANVAS + x + 5] = big[(y * 7) * CANVAS + x * 7];
            }
        }
        Preprocessor.Result result = PREPROCESSOR.process(CANVAS, CANVAS, small);
        assertValidInput(result, PREPROCESSOR.target());
        assertCentredAndScaled(result);
    }

    @Test
    void tallThinStrokeKeepsItsAspectRatio() {
        // A "1": 200 px tall, 20 px wide, off to the right.
        Preprocessor.Result result = PREPROCESSOR.process(CANVAS, CANVAS, rectangle(CANVAS, CANVAS, 230, 40, 20, 200, WHITE, BLACK));
        assertEquals(14, result.scaled().height(), "sharp edges: the box above half intensity is the whole box");
        assertEquals(1, result.scaled().width(), "20 × 14/200 = 1.4 → 1: not stretched to a square");
        assertEquals(new Preprocessor.Box(230, 40, 20, 200), Preprocessor.inkBounds(result.grayscale()));
        assertEquals(20, result.cropped().width());
        assertEquals(200, result.cropped().height());
        assertCentredAndScaled(result);
    }

    @Test
    void tinyInputIsEnlargedSmoothly() {
        int[] tiny = new int[8 * 8];
        Arrays.fill(tiny, BLACK);
        for (int i = 0; i < 3; i++) {
            tiny[(2 + i) * 8 + 3 + i] = WHITE; // a 3×3 diagonal stroke
        }
        Preprocessor.Result result = PREPROCESSOR.process(8, 8, tiny);
        assertEquals(14, result.scaled().height());
        assertEquals(14, result.scaled().width());
        assertCentredAndScaled(result);
        // Bilinear enlargement: grey between the stroke and the background, not 5×5 blocks of 0 or 1.
        assertTrue(Arrays.stream(result.scaled().values()).anyMatch(v -> v > 0.05 && v < 0.95));
    }

    /**
     * The ink's centre of mass lands on the target centre, its box's longer side is the digit box (± 1 px)
     * and its strongest pixel is 1.
     */
    private static void assertCentredAndScaled(Preprocessor.Result result) {
        Preprocessor.Target target = PREPROCESSOR.target();
        Preprocessor.Point centre = Preprocessor.centreOfMass(result.centred());
        assertEquals(target.centreX(), centre.x(), 1e-6);
        assertEquals(target.centreY(), centre.y(), 1e-6);
        Preprocessor.Box box = Preprocessor.inkBounds(result.centred());
        assertNotNull(box);
        assertEquals(target.digitBox(), box.longerSide(), 1.0);
        assertEquals(1.0, Arrays.stream(result.networkInput()).max().orElseThrow(), 0.0);
    }

    @Test
    void scaledLongerSideGivesTheBoxAtHalfIntensityTheDigitBoxAndKeepsAHaloOutsideIt() {
        // A blurred bar: rows 0 and 15 are a faint halo (0.3), rows 1-14 ink (0.9): box above 0.2 is
        // 16 rows, above half intensity 14.
        double[] values = new double[4 * 16];
        for (int y = 0; y < 16; y++) {
            Arrays.fill(values, y * 4, y * 4 + 4, y == 0 || y == 15 ? 0.3 : 0.9);
        }
        GrayImage blurred = new GrayImage(4, 16, values);
        assertEquals(16, Preprocessor.scaledLongerSide(blurred, 14, 20), "14 px at half intensity already: unchanged");
        assertEquals(8, Preprocessor.scaledLongerSide(blurred, 7, 20), "16 × 7/14");
        assertEquals(20, Preprocessor.scaledLongerSide(blurred, 28, 20), "never larger than the frame");
        // Sharp edges (a drawing on the pad): both boxes agree, so the longer side is the digit box.
        double[] sharp = new double[3 * 200];
        Arrays.fill(sharp, 1.0);
        assertEquals(14, Preprocessor.scaledLongerSide(new GrayImage(3, 200, sharp), 14, 20));
        // Nothing above half intensity: the box above 0.2 is the size.
        double[] faint = new double[3 * 10];
        Arrays.fill(faint, 0.4);
        assertEquals(14, Preprocessor.scaledLongerSide(new GrayImage(3, 10, faint), 14, 20));
    }

    @Test
    void restorePeakScalesTheStrongestPixelToOneAndKeepsRatios() {
        GrayImage dim = new GrayImage(3, 1, new double[] {0.0, 0.2, 0.4});
        assertArrayEquals(new double[] {0.0, 0.5, 1.0}, Preprocessor.restorePeak(dim).values(), TOLERANCE);
        assertArrayEquals(new double[] {0.0, 0.2, 0.4}, dim.values(), 0.0, "input not modified");
        GrayImage full = new GrayImage(2, 1, new double[] {0.5, 1.0});
        assertArrayEquals(full.values(), Preprocessor.restorePeak(full).values(), 0.0);
        GrayImage blank = new GrayImage(2, 1, new double[2]);
        assertArrayEquals(new double[2], Preprocessor.restorePeak(blank).values(), 0.0);
    }

    /** The outline of a 200 px square drawn with a 6 px pen (stroke width 3 % of the size). */
    private static int[] thinOutline() {
        int[] outline = rectangle(CANVAS, CANVAS, 40, 40, 200, 200, WHITE, BLACK);
        for (int y = 46; y < 234; y++) {
            Arrays.fill(outline, y * CANVAS + 46, y * CANVAS + 234, WHITE);
        }
        return outline;
    }

    @Test
    void aThinPenStrokeComesOutAsBrightAsTheDataNotGrey() {
        // Without pen normalisation the 6 px strokes shrink ~14× to 0.4 output pixels: grey after area
        // averaging alone (strongest at the corners, where two strokes share a pixel: 2·6·14.3 − 6² of
        // 14.3² ≈ 0.66).
        Preprocessor.Target data = PREPROCESSOR.target();
        Preprocessor keepPen = new Preprocessor(new Preprocessor.Target(data.width(), data.height(), data.digitBox(),
                data.centreX(), data.centreY()));
        Preprocessor.Result result = keepPen.process(CANVAS, CANVAS, thinOutline());
        assertTrue(Arrays.stream(result.scaled().values()).max().orElseThrow() < 0.7, "grey once scaled");
        assertEquals(1.0, Arrays.stream(result.networkInput()).max().orElseThrow(), 0.0);
        assertCentredAndScaled(result);
    }

    @Test
    void measuredPenRangeIsTheMiddleOfTheDatasAndAThinPenIsThickenedIntoIt() {
        Preprocessor.Target target = PREPROCESSOR.target();
        assertEquals(EXPECTED_STROKE_LOW, target.strokeLow(), STROKE_TOLERANCE);
        assertEquals(EXPECTED_STROKE_HIGH, target.strokeHigh(), STROKE_TOLERANCE);
        Preprocessor.Result result = PREPROCESSOR.process(CANVAS, CANVAS, thinOutline());
        assertEquals(0.03, StrokeWidth.ratio(Preprocessor.crop(result.grayscale(), Preprocessor.inkBounds(result.grayscale()))),
                STROKE_TOLERANCE, "the drawn pen, untouched in the grayscale step");
        assertEquals(target.strokeLow(), StrokeWidth.ratio(result.cropped()), STROKE_TOLERANCE);
        assertCentredAndScaled(result);
        // A pen already in the data's range is left alone.
        int[] bar = rectangle(CANVAS, CANVAS, 130, 40, 20, 200, WHITE, BLACK);
        Preprocessor.Result barResult = PREPROCESSOR.process(CANVAS, CANVAS, bar);
        // (width 20·200 / 220 = 18.2 px, ratio 0.091)
        assertEquals(20, barResult.cropped().width());
        assertEquals(200, barResult.cropped().height());
    }

    @Test
    void shrinkingAveragesAreasInsteadOfPickingPoints() {
        double[] checkerboard = new double[CANVAS * CANVAS];
        for (int i = 0; i < checkerboard.length; i++) {
            checkerboard[i] = (i % CANVAS + i / CANVAS) % 2;
        }
        GrayImage scaled = Preprocessor.scaleLongerSide(new GrayImage(CANVAS, CANVAS, checkerboard), 15);
        assertEquals(15, scaled.width());
        for (double v : scaled.values()) {
            assertEquals(0.5, v, 0.01, "1-px checkerboard averages to grey; point sampling would give 0 or 1");
        }
    }

    @Test
    void placementClampsSoInkStaysInTheFrame() {
        // Mass concentrated on the right edge: moving the centre of mass to 9.9 would push ink out of the frame.
        double[] values = new double[15 * 15];
        for (int y = 0; y < 15; y++) {
            values[y * 15 + 14] = 1;
        }
        values[0] = 1;
        GrayImage image = new GrayImage(15, 15, values);
        GrayImage placed = Preprocessor.place(image, 20, 20, 9.9, 9.9);
        assertEquals(Arrays.stream(values).sum(), Arrays.stream(placed.values()).sum(), TOLERANCE, "no ink lost");
        assertEquals(0, Preprocessor.inkBounds(placed).x());
    }

    @Test
    void blankInputsAreBlankNeverNaN() {
        int[] white = new int[CANVAS * CANVAS];
        Arrays.fill(white, WHITE);
        int[] black = new int[CANVAS * CANVAS];
        Arrays.fill(black, BLACK);
        int[] clear = new int[CANVAS * CANVAS];
        int[] faint = white.clone();
        faint[CANVAS * 100 + 100] = 0xfff0f0f0; // below MIN_INK_CONTRAST
        for (int[] argb : new int[][] {white, black, clear, faint}) {
            Preprocessor.Result result = PREPROCESSOR.process(CANVAS, CANVAS, argb);
            assertTrue(result.blank());
            assertNull(result.networkInput());
            assertNull(result.centred());
            assertNotNull(result.grayscale());
        }
        assertTrue(PREPROCESSOR.process(new GrayImage(1, 1, new double[] {0.5})).blank());
    }

    @Test
    void randomImagesGiveBlankOrValidInput() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int width = 1 + random.nextInt(60);
            int height = 1 + random.nextInt(60);
            int[] argb = new int[width * height];
            int mode = trial % 3;
            for (int i = 0; i < argb.length; i++) {
                argb[i] = mode == 0 ? random.nextInt()
                        : mode == 1 ? (random.nextInt(10) == 0 ? BLACK : WHITE)
                        : 0xff000000 | random.nextInt(3) * 0x7f7f7f;
            }
            Preprocessor.Result result = PREPROCESSOR.process(width, height, argb);
            if (!result.blank()) {
                assertValidInput(result, PREPROCESSOR.target());
            }
        }
    }

    @Test
    void grayImageInputMatchesArgbInput() {
        double[] digit = DIGITS.sample(42);
        int[] argb = drawOnCanvas(digit, CANVAS, CANVAS, 0, 0, false);
        double[] gray = new double[argb.length];
        for (int i = 0; i < argb.length; i++) {
            gray[i] = (argb[i] & 0xff) / 255.0;
        }
        assertArrayEquals(PREPROCESSOR.process(CANVAS, CANVAS, argb).networkInput(),
                PREPROCESSOR.process(new GrayImage(CANVAS, CANVAS, gray)).networkInput(), TOLERANCE);
    }
}
