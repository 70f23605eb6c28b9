package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    private static final double TOLERANCE = 1e-9;
    private static final int WHITE = 0xffffffff;
    private static final int BLACK = 0xff000000;

    @TempDir
    Path dir;

    /** A width×height image of {@code background} with one {@code ink} pixel at (inkX, 1). */
    static Path writePng(Path file, int width, int height, int background, int ink, int inkX) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, background);
            }
        }
        image.setRGB(inkX, 1, ink);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static double[] oneInkPixel(int width, int height, int inkX) {
        double[] values = new double[width * height];
        values[width + inkX] = 1;
        return values;
    }

    @Test
    void labelsFromSubFolderNamesOrderedByLabel() throws Exception {
        writePng(dir.resolve("7/a.png"), 4, 3, BLACK, WHITE, 0);
        writePng(dir.resolve("2/b.png"), 4, 3, BLACK, WHITE, 1);
        writePng(dir.resolve("2/a.png"), 4, 3, BLACK, WHITE, 2);
        Files.writeString(dir.resolve("2/notes.txt"), "ignored");
        Dataset data = ImageFolderReader.read(dir);
        assertEquals(4, data.width());
        assertEquals(3, data.height());
        assertArrayEquals(new int[] {2, 2, 7}, data.labels());
        assertEquals(10, data.classCount());
        assertArrayEquals(oneInkPixel(4, 3, 2), data.sample(0), TOLERANCE, "2/a.png before 2/b.png");
        assertArrayEquals(oneInkPixel(4, 3, 1), data.sample(1), TOLERANCE);
        assertArrayEquals(oneInkPixel(4, 3, 0), data.sample(2), TOLERANCE);
    }

    @Test
    void labelsFromFileNamesAndDarkInkIsInverted() throws Exception {
        writePng(dir.resolve("3_first.png"), 5, 5, WHITE, BLACK, 3);
        writePng(dir.resolve("drawing_label12.png"), 5, 5, BLACK, WHITE, 4);
        Dataset data = ImageFolderReader.read(dir);
        assertArrayEquals(new int[] {3, 12}, data.labels());
        assertEquals(13, data.classCount());
        assertArrayEquals(oneInkPixel(5, 5, 3), data.sample(0), TOLERANCE,
                "black on white becomes white ink on black like the data");
        assertArrayEquals(oneInkPixel(5, 5, 4), data.sample(1), TOLERANCE);
    }

    @Test
    void rejectsImagesOfDifferentSizeNamingTheFile() throws IOException {
        writePng(dir.resolve("1/a.png"), 4, 4, BLACK, WHITE, 0);
        Path odd = writePng(dir.resolve("1/b.png"), 5, 4, BLACK, WHITE, 0);
        assertRejects(() -> ImageFolderReader.read(dir), odd, "image size", "5x4, but a.png is 4x4");
    }

    @Test
    void rejectsSubFolderThatIsNotALabel() throws IOException {
        writePng(dir.resolve("cats/a.png"), 4, 4, BLACK, WHITE, 0);
        assertRejects(() -> ImageFolderReader.read(dir), dir.resolve("cats"), "sub-folder name", "unknown label \"cats\"");
    }

    @Test
    void rejectsFileNameWithoutLabel() throws IOException {
        Path file = writePng(dir.resolve("drawing.png"), 4, 4, BLACK, WHITE, 0);
        assertRejects(() -> ImageFolderReader.read(dir), file, "file name", "unknown label: cannot tell the label");
    }

    @Test
    void rejectsLabelOutOfRange() throws IOException {
        Path file = writePng(dir.resolve("123456_x.png"), 4, 4, BLACK, WHITE, 0);
        assertRejects(() -> ImageFolderReader.read(dir), file, "file name", "value out of range: label 123456");
    }

    @Test
    void rejectsCorruptPngNamingTheFile() throws IOException {
        writePng(dir.resolve("0/a.png"), 4, 4, BLACK, WHITE, 0);
        Path broken = dir.resolve("0/b.png");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5});
        assertRejects(() -> ImageFolderReader.read(dir), broken, "byte 0", "not a PNG, JPEG, BMP or GIF image");
    }

    @Test
    void rejectsFolderWithoutImages() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        assertRejects(() -> ImageFolderReader.read(dir), dir, null, "no samples");
    }
}
