package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsImageTest {

    private static final Dataset DIGITS = DigitsImage.loadBundled();

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
