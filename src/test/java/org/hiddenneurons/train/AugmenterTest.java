package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int SIZE = 20;
    private static final Augmentation NOTHING = new Augmentation(0, 0, 0, 0, 0, 1, 0);
    /** Relative change of total ink a distortion may make (see the test). */
    private static final double INK_TOLERANCE = 0.5;
    private static final Augmentation RICH = new Augmentation(1.5, 12, 0.1, 0.2, 3.0, 3.0, 0.3);
    /** How far the fraction of erased images may stray from p in {@link #ERASE_TRIALS} draws (≈ 4 standard errors). */
    private static final double ERASE_FRACTION_TOLERANCE = 0.04;
    private static final int ERASE_TRIALS = 2000;
    /** How far a disc's erased area may be from π·r² (the edge pixels' coverage is approximate). */
    private static final double DISC_AREA_TOLERANCE = 0.5;
    /** Abramowitz &amp; Stegun 26.2.17's bound on |Φ error| (and what it makes of a product of two). */
    private static final double NORMAL_CDF_TOLERANCE = 2e-7;

    /** A 20×20 "1": a vertical bar of ink in columns 9–10, rows 3–16. */
    private static double[] bar() {
        double[] image = new double[SIZE * SIZE];
        for (int y = 3; y <= 16; y++) {
            image[y * SIZE + 9] = 1.0;
            image[y * SIZE + 10] = 0.8;
        }
        return image;
    }

    private static double[] distort(Augmentation limits, long seed, double[] image) {
        double[] out = new double[image.length];
        new Augmenter(limits, SIZE, SIZE, seed).apply(image, 0, out, 0, new SplittableRandom(seed));
        return out;
    }

    @Test
    void zeroLimitsReproduceTheImageExactly() {
        double[] image = ImageTransformTest.random(SIZE * SIZE, 7);
        assertArrayEquals(image, distort(NOTHING, 3, image));
    }

    @Test
    void sameSeedGivesTheSameDistortionAndAnotherSeedAnother() {
        double[] image = bar();
        double[] first = distort(RICH, 5, image);
        assertArrayEquals(first, distort(RICH, 5, image));
        assertFalse(Arrays.equals(first, distort(RICH, 6, image)));
        assertFalse(Arrays.equals(first, image));
    }

    @Test
    void distortionKeepsRoughlyTheInkAndItsPlace() {
        double[] image = bar();
        double ink = Arrays.stream(image).sum();
        for (long seed = 1; seed <= 20; seed++) {
            double[] out = distort(RICH, seed, image);
            double outInk = Arrays.stream(out).sum();
            // Ink scales with area: s² ∈ [0.81, 1.21] for scale ±10 %; the elastic field locally
            // stretches or compresses and the thickness change (±30 %) adds or removes some more.
            assertEquals(ink, outInk, INK_TOLERANCE * ink, "seed " + seed);
            double centreX = 0;
            for (int i = 0; i < out.length; i++) {
                centreX += out[i] * (i % SIZE);
            }
            assertEquals(9.5, centreX / outInk, 3.0, "seed " + seed);
        }
    }

    @Test
    void limitsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, 0, 0, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0.9, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void thickeningAddsInkAroundTheStrokeAndThinningRemovesIt() {
        double[] image = bar();
        double[] thicker = new double[image.length];
        double[] thinner = new double[image.length];
        Augmenter.thickness(image, 0, thicker, 1.0, SIZE, SIZE);
        Augmenter.thickness(image, 0, thinner, -1.0, SIZE, SIZE);
        // Full dilation by the 3×3 cross: column 8 takes its right neighbour (1.0), column 11 its left (0.8).
        assertEquals(1.0, thicker[10 * SIZE + 8]);
        assertEquals(1.0, thicker[10 * SIZE + 10]);
        assertEquals(0.8, thicker[10 * SIZE + 11]);
        assertEquals(1.0, thicker[2 * SIZE + 9], "the bar grows one pixel at its ends");
        // Full erosion: every pixel of a two-pixel-wide bar has a zero neighbour.
        assertEquals(0.0, Arrays.stream(thinner).sum());
        double[] same = new double[image.length];
        Augmenter.thickness(image, 0, same, 0.0, SIZE, SIZE);
        assertArrayEquals(image, same);
    }

    @Test
    void extremesAreEachPixelsMaxAndMinOverItsFourNeighbours() {
        NeighbourExtremes extremes = new NeighbourExtremes(1, SIZE, SIZE);
        double[] dilated = extremes.toward(0, bar(), 0, true);
        double[] eroded = extremes.toward(0, bar(), 0, false);
        // Column 8 sees column 9's 1.0; column 11 sees column 10's 0.8; row 2 sees row 3's 1.0.
        assertEquals(1.0, dilated[10 * SIZE + 8]);
        assertEquals(0.8, dilated[10 * SIZE + 11]);
        assertEquals(1.0, dilated[2 * SIZE + 9]);
        assertEquals(0.0, dilated[10 * SIZE + 7], "two pixels from the bar");
        assertEquals(1.0, dilated[10 * SIZE + 10], "max(0.8, its left neighbour 1.0)");
        // Every pixel of a two-pixel-wide bar has a zero neighbour.
        assertEquals(0.0, Arrays.stream(eroded).sum());
    }

    @Test
    void renderingFromPrecomputedExtremesGivesTheSameBits() {
        int images = 30;
        int pixels = SIZE * SIZE;
        double[] sources = ImageTransformTest.random(images * pixels, 11);
        for (int i = 0; i < sources.length; i += 3) {
            sources[i] = 0.0; // blank background, as between strokes
        }
        NeighbourExtremes extremes = new NeighbourExtremes(images, SIZE, SIZE);
        Augmentation limits = RICH.withErasing(0.5, 3.0, 5.0, Augmentation.EraseShape.SQUARE, 0.0);
        Augmenter augmenter = new Augmenter(limits, SIZE, SIZE, 2);
        SplittableRandom random = new SplittableRandom(8);
        double[] drawn = new double[Augmenter.DRAWN];
        double[] computed = new double[pixels];
        double[] blended = new double[pixels];
        for (int trial = 0; trial < 300; trial++) { // each image 10 times: made on first use, then kept
            int image = trial % images;
            int offset = image * pixels;
            augmenter.draw(random, drawn, 0);
            augmenter.render(sources, offset, computed, 0, drawn, 0, augmenter.newScratch());
            augmenter.render(sources, offset, extremes, image, blended, 0, drawn, 0, augmenter.newScratch());
            for (int i = 0; i < pixels; i++) {
                assertEquals(Double.doubleToRawLongBits(computed[i]), Double.doubleToRawLongBits(blended[i]),
                        "trial " + trial + ", pixel " + i);
            }
        }
    }

    private static double[] ones() {
        double[] image = new double[SIZE * SIZE];
        Arrays.fill(image, 1.0);
        return image;
    }

    @Test
    void aSquareErasesExactlyThePixelsItCovers() {
        double[] image = ones();
        Augmenter.erase(image, 0, SIZE, SIZE, 10.0, 10.0, 4.0, Augmentation.EraseShape.SQUARE, 0.0);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inside = x >= 8 && x <= 11 && y >= 8 && y <= 11;
                assertEquals(inside ? 0.0 : 1.0, image[y * SIZE + x], "pixel " + x + "," + y);
            }
        }
        // Centred half a pixel right and down: columns 8.5–12.5 and rows 8.5–12.5.
        double[] shifted = ones();
        Augmenter.erase(shifted, 0, SIZE, SIZE, 10.5, 10.5, 4.0, Augmentation.EraseShape.SQUARE, 0.0);
        assertEquals(0.75, shifted[8 * SIZE + 8], "corner pixel: a quarter covered");
        assertEquals(0.5, shifted[10 * SIZE + 8], "edge pixel: half covered");
        assertEquals(0.0, shifted[10 * SIZE + 10]);
        assertEquals(0.5, shifted[12 * SIZE + 10]);
        assertEquals(1.0, shifted[13 * SIZE + 10]);
        assertEquals(SIZE * SIZE - 16.0, Arrays.stream(shifted).sum(), 1e-12, "the square's area is erased");
    }

    @Test
    void aSquarePartlyOutsideTheImageErasesOnlyWhatIsInside() {
        double[] image = ones();
        double[] offsetImage = new double[5 + SIZE * SIZE];
        System.arraycopy(image, 0, offsetImage, 5, image.length);
        Augmenter.erase(offsetImage, 5, SIZE, SIZE, 0.0, 19.0, 6.0, Augmentation.EraseShape.SQUARE, 0.0);
        // Columns 0–2, rows 16–19 (the square spans x −3…3, y 16…22): 12 pixels.
        assertEquals(SIZE * SIZE - 12.0, Arrays.stream(offsetImage).sum(), 1e-12);
        assertEquals(0.0, offsetImage[5 + 19 * SIZE]);
        assertEquals(1.0, offsetImage[5 + 15 * SIZE], "the row above the square");
        assertEquals(0.0, offsetImage[0], "the values before the offset are untouched");
    }

    @Test
    void aDiscErasesAboutItsAreaAroundItsCentre() {
        double radius = 3.0;
        double[] image = ones();
        Augmenter.erase(image, 0, SIZE, SIZE, 7.3, 11.6, 2 * radius, Augmentation.EraseShape.DISC, 0.0);
        double erased = SIZE * SIZE - Arrays.stream(image).sum();
        assertEquals(Math.PI * radius * radius, erased, DISC_AREA_TOLERANCE);
        assertEquals(0.0, image[11 * SIZE + 7], "the pixel holding the centre");
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x + 0.5 - 7.3, y + 0.5 - 11.6);
                if (d >= radius + 0.5) {
                    assertEquals(1.0, image[y * SIZE + x], "pixel " + x + "," + y + " is outside");
                } else if (d <= radius - 0.5) {
                    assertEquals(0.0, image[y * SIZE + x], "pixel " + x + "," + y + " is inside");
                }
            }
        }
    }

    @Test
    void erasingOffDistortsExactlyAsTheLimitsWithoutIt() {
        Augmentation off = RICH.withErasing(0.0, 4.0, 8.0, Augmentation.EraseShape.DISC, 0.0);
        double[] image = bar();
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom withoutRandom = new SplittableRandom(seed);
            SplittableRandom offRandom = new SplittableRandom(seed);
            double[] without = new double[image.length];
            double[] withOff = new double[image.length];
            new Augmenter(RICH, SIZE, SIZE, seed).apply(image, 0, without, 0, withoutRandom);
            new Augmenter(off, SIZE, SIZE, seed).apply(image, 0, withOff, 0, offRandom);
            assertArrayEquals(without, withOff);
            assertEquals(withoutRandom.nextLong(), offRandom.nextLong(), "erasing off draws nothing");
        }
    }

    @Test
    void erasingDrawsComeAfterTheOtherDrawsAndAreFourPerImage() {
        Augmentation erasing = RICH.withErasing(0.5, 4.0, 8.0, Augmentation.EraseShape.SQUARE, 0.0);
        Augmenter plain = new Augmenter(RICH, SIZE, SIZE, 3);
        Augmenter withErasing = new Augmenter(erasing, SIZE, SIZE, 3);
        SplittableRandom plainRandom = new SplittableRandom(11);
        SplittableRandom erasingRandom = new SplittableRandom(11);
        double[] plainDrawn = new double[Augmenter.DRAWN];
        double[] erasingDrawn = new double[Augmenter.DRAWN];
        plain.draw(plainRandom, plainDrawn, 0);
        withErasing.draw(erasingRandom, erasingDrawn, 0);
        assertArrayEquals(Arrays.copyOf(plainDrawn, 8), Arrays.copyOf(erasingDrawn, 8),
                "the distortion's own draws are unchanged");
        for (int i = 0; i < 4; i++) {
            plainRandom.nextDouble();
        }
        assertEquals(plainRandom.nextLong(), erasingRandom.nextLong(), "erasing draws four numbers");
    }

    @Test
    void erasingHappensWithItsProbabilityAndWithinItsLimits() {
        double p = 0.25;
        Augmenter augmenter = new Augmenter(NOTHING.withErasing(p, 4.0, 8.0, Augmentation.EraseShape.SQUARE, 0.0),
                SIZE, SIZE, 1);
        SplittableRandom random = new SplittableRandom(42);
        double[] drawn = new double[Augmenter.DRAWN];
        int erased = 0;
        for (int trial = 0; trial < ERASE_TRIALS; trial++) {
            augmenter.draw(random, drawn, 0);
            double size = drawn[10];
            if (size > 0) {
                erased++;
                assertTrue(size >= 4.0 && size <= 8.0, "size " + size);
            }
            assertTrue(drawn[8] >= 0 && drawn[8] <= SIZE && drawn[9] >= 0 && drawn[9] <= SIZE, "centre in the image");
        }
        assertEquals(p, erased / (double) ERASE_TRIALS, ERASE_FRACTION_TOLERANCE);
    }

    @Test
    void anErasedImageIsTheDistortedImageWithTheDrawnRegionBlanked() {
        Augmentation erasing = RICH.withErasing(1.0, 5.0, 7.0, Augmentation.EraseShape.DISC, 0.0);
        double[] image = bar();
        Augmenter augmenter = new Augmenter(erasing, SIZE, SIZE, 9);
        double[] drawn = new double[Augmenter.DRAWN];
        augmenter.draw(new SplittableRandom(4), drawn, 0);
        double[] out = new double[image.length];
        augmenter.render(image, 0, out, 0, drawn, 0, augmenter.newScratch());
        double[] notErased = drawn.clone();
        notErased[10] = 0;
        double[] distorted = new double[image.length];
        augmenter.render(image, 0, distorted, 0, notErased, 0, augmenter.newScratch());
        Augmenter.erase(distorted, 0, SIZE, SIZE, drawn[8], drawn[9], drawn[10], Augmentation.EraseShape.DISC, 0.0);
        assertArrayEquals(distorted, out);
        double[] applied = new double[image.length];
        augmenter.apply(image, 0, applied, 0, new SplittableRandom(4));
        assertArrayEquals(out, applied, "apply = draw then render, on any scratch");
    }

    @Test
    void eraseLimitsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RICH.withErasing(1.5, 4, 8, Augmentation.EraseShape.SQUARE, 0.0));
        assertThrows(IllegalArgumentException.class, () -> RICH.withErasing(0.5, 8, 4, Augmentation.EraseShape.SQUARE, 0.0));
        assertThrows(IllegalArgumentException.class, () -> RICH.withErasing(0.5, -1, 4, Augmentation.EraseShape.SQUARE, 0.0));
        assertThrows(IllegalArgumentException.class, () -> RICH.withErasing(0.5, 4, 8, null, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.EraseShape.fromId("star"));
    }

    @Test
    void normalDistributionFunctionMatchesReferenceValues() {
        // Python: 0.5 * (1 + math.erf(z / math.sqrt(2)))
        assertEquals(0.8413447460685429, Augmenter.normalCdf(1.0), NORMAL_CDF_TOLERANCE);
        assertEquals(0.024997895148220428, Augmenter.normalCdf(-1.96), NORMAL_CDF_TOLERANCE);
        assertEquals(0.6179114221889526, Augmenter.normalCdf(0.3), NORMAL_CDF_TOLERANCE);
        assertEquals(0.5, Augmenter.normalCdf(0.0), NORMAL_CDF_TOLERANCE);
    }

    @Test
    void aSoftSquareIsTheBlurredSquareAtEachPixelCentre() {
        double[] image = ones();
        Augmenter.erase(image, 0, SIZE, SIZE, 10.0, 10.0, 6.0, Augmentation.EraseShape.SQUARE, 0.6);
        // The square spans 7–13; expected 1 − gx·gy with g = Φ((c − 7)/0.6) − Φ((c − 13)/0.6), c = pixel
        // centre, computed in Python with math.erf.
        assertEquals(0.797674746428858, image[10 * SIZE + 6], NORMAL_CDF_TOLERANCE, "just outside the edge");
        assertEquals(0.20234071058456804, image[10 * SIZE + 7], NORMAL_CDF_TOLERANCE, "just inside the edge");
        assertEquals(3.0913787932740355e-05, image[10 * SIZE + 10], NORMAL_CDF_TOLERANCE, "the middle");
        assertEquals(1.0, image[10 * SIZE + 1], NORMAL_CDF_TOLERANCE, "far outside");
        // Blurring keeps the erased amount: the square's area, up to sampling at pixel centres.
        assertEquals(36.0, SIZE * SIZE - Arrays.stream(image).sum(), DISC_AREA_TOLERANCE);
    }

    @Test
    void aSoftDiscBlanksHalfAtItsEdgeAndAllAtItsCentre() {
        double[] image = ones();
        double radius = 4.0;
        // Centre on a pixel centre; the pixel 4 to its right has its centre on the edge.
        Augmenter.erase(image, 0, SIZE, SIZE, 9.5, 9.5, 2 * radius, Augmentation.EraseShape.DISC, 0.5);
        assertEquals(0.5, image[9 * SIZE + 13], NORMAL_CDF_TOLERANCE);
        assertEquals(0.0, image[9 * SIZE + 9], NORMAL_CDF_TOLERANCE);
        assertEquals(1.0, image[9 * SIZE + 17], NORMAL_CDF_TOLERANCE);
        // ∫ Φ((r − d)/σ) over the plane = 2π ∫ d·Φ((r − d)/σ) dd = π(r² + σ²).
        assertEquals(Math.PI * (radius * radius + 0.25), SIZE * SIZE - Arrays.stream(image).sum(), DISC_AREA_TOLERANCE);
    }
}
