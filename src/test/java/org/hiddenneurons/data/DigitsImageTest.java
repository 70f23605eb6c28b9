package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsImageTest {

    private static final Dataset DIGITS = DigitsImage.loadBundled();
    /** Summation order differs from NumPy's; 2 million terms of at most 1. */
    private static final double MEAN_TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private static int[] perClass(Dataset data) {
        int[] counts = new int[data.classCount()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static int[] filled(int value) {
        int[] counts = new int[DigitsImage.CLASS_COUNT];
        Arrays.fill(counts, value);
        return counts;
    }

    @Test
    void bundledSheetHolds5000DigitsOf20x20With500PerClass() {
        assertEquals(5000, DIGITS.size());
        assertEquals(20, DIGITS.width());
        assertEquals(20, DIGITS.height());
        assertEquals(10, DIGITS.classCount());
        assertArrayEquals(filled(500), perClass(DIGITS));
        assertEquals(0, DIGITS.label(0));
        assertEquals(9, DIGITS.label(4999));
        assertEquals(1, DIGITS.label(5 * 100), "row 5 starts digit 1");
        assertTrue(Arrays.stream(DIGITS.pixels()).allMatch(v -> v >= 0 && v <= 1));
        assertEquals(1.0, Arrays.stream(DIGITS.pixels()).max().orElseThrow(), 1e-12);
    }

    /**
     * The loader returns the sheet's stored bytes / 255 exactly: every pixel is a multiple of 1/255
     * and each sample's byte sum equals the one decoded without ImageIO (the zlib decoder of
     * scripts/reference_values.py, written by scripts/model_reference.py), as does the mean.
     */
    @Test
    void bundledSheetHoldsTheStoredBytesDecodedWithoutImageIo() throws IOException {
        JsonNode reference;
        try (InputStream in = DigitsImageTest.class.getResourceAsStream("/reference/digits_sheet.json")) {
            assertNotNull(in, "run python3 scripts/model_reference.py");
            reference = new ObjectMapper().readTree(in);
        }
        JsonNode sums = reference.get("sampleByteSums");
        assertEquals(DIGITS.size(), sums.size());
        double[] pixels = DIGITS.pixels();
        int inputs = DIGITS.inputSize();
        double total = 0;
        for (int sample = 0; sample < DIGITS.size(); sample++) {
            long byteSum = 0;
            for (int i = sample * inputs; i < (sample + 1) * inputs; i++) {
                long stored = Math.round(pixels[i] * 255);
                assertEquals(stored / 255.0, pixels[i], 0.0, "pixel " + i + " is a stored byte / 255");
                byteSum += stored;
                total += pixels[i];
            }
            assertEquals(sums.get(sample).asLong(), byteSum, "sample " + sample);
        }
        assertEquals(reference.get("meanPixel").asDouble(), total / pixels.length, MEAN_TOLERANCE);
    }

    @Test
    void standardSplitIs4000TrainAnd1000TestBalanced() {
        Split split = DIGITS.standardSplit();
        assertEquals(4000, split.train().size());
        assertEquals(1000, split.test().size());
        assertArrayEquals(filled(400), perClass(split.train()));
        assertArrayEquals(filled(100), perClass(split.test()));
        assertArrayEquals(DIGITS.sample(4), split.test().sample(0), "sample 4 is the first test sample");
        assertArrayEquals(DIGITS.sample(5), split.train().sample(4), "sample 5 is the fifth train sample");
    }

    @Test
    void rejectsSheetOfWrongSize() throws IOException {
        Path file = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        assertRejects(() -> DigitsImage.load(file), file, "image size", "expected 2000x1000 pixels, got 20x10");
    }
}
