package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadDrawingsTest {

    private static final int COUNT = 48;
    /** Drawings whose mean size is compared with the data's: 10 of each of the 24 styles. */
    private static final int SIZE_SAMPLE = 240;
    /** Mean longer sides (px) within this of each other (a third of the 0.64 px the old pipeline was off). */
    private static final double SIZE_TOLERANCE = 0.2;

    @Test
    void sameSeedDrawsTheSameDigitsAndAnotherSeedOthers() {
        List<PadDrawings.Drawing> first = new PadDrawings(1).generate(COUNT);
        List<PadDrawings.Drawing> again = new PadDrawings(1).generate(COUNT);
        List<PadDrawings.Drawing> other = new PadDrawings(2).generate(COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertArrayEquals(first.get(i).networkInput(), again.get(i).networkInput());
            assertFalse(Arrays.equals(first.get(i).networkInput(), other.get(i).networkInput()));
        }
    }

    @Test
    void everyDigitHasSeveralStylesAndEveryDrawingHasInkOnItsPad() {
        Set<Integer> digits = new TreeSet<>();
        for (int digit = 0; digit < 10; digit++) {
            int d = digit;
            assertTrue(PadDrawings.STYLES.stream().filter(s -> s.digit() == d).count() >= 2, "styles of " + digit);
        }
        int darkOnLight = 0;
        for (PadDrawings.Drawing drawing : new PadDrawings(3).generate(COUNT)) {
            digits.add(drawing.digit());
            assertEquals(400, drawing.networkInput().length, "the pad's pipeline makes 20×20 inputs");
            assertTrue(Arrays.stream(drawing.networkInput()).max().orElse(0) > 0.5, drawing.style());
            if ((drawing.padArgb()[0] & 0xff) > 128) {
                darkOnLight++;
            }
        }
        assertEquals(10, digits.size());
        assertTrue(darkOnLight > 0 && darkOnLight < COUNT, "both polarities: " + darkOnLight);
    }

    /**
     * The drawings' size, measured as the data's digits are measured (the box above
     * {@link Preprocessor#INK_THRESHOLD} of the 20×20 input, halo included), has the data's mean:
     * before session 10 the pipeline matched boxes of different kinds and drawings came out
     * 0.64 px larger (15.31 against 14.67).
     */
    @Test
    void drawingsComeOutTheSizeOfTheDataDigits() {
        Dataset digits = DigitsImage.loadBundled();
        double dataMean = 0;
        for (int i = 0; i < digits.size(); i++) {
            dataMean += Preprocessor.inkBounds(new GrayImage(20, 20, digits.sample(i))).longerSide();
        }
        dataMean /= digits.size();
        double drawingMean = 0;
        List<PadDrawings.Drawing> drawings = new PadDrawings(1).generate(SIZE_SAMPLE);
        for (PadDrawings.Drawing d : drawings) {
            drawingMean += Preprocessor.inkBounds(new GrayImage(20, 20, d.networkInput())).longerSide();
        }
        drawingMean /= drawings.size();
        assertEquals(dataMean, drawingMean, SIZE_TOLERANCE);
    }

    @Test
    void writtenFolderIsReadByTheImageFolderReaderWithItsLabels(@TempDir Path folder) throws Exception {
        PadDrawings.write(folder, new PadDrawings(4).generate(30), false);
        Dataset data = ImageFolderReader.read(folder);
        assertEquals(30, data.size());
        assertEquals(20, data.width());
        assertEquals(10, data.classCount());
    }
}
