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

class DatasetLoaderTest {

    private static final Path DIGITS_SHEET = Path.of(DigitsImage.PROJECT_FILE);

    @TempDir
    Path dir;

    @Test
    void directoryIsReadAsImageFolder() throws Exception {
        ImageFolderReaderTest.writePng(dir.resolve("5/x.png"), 3, 3, 0xff000000, 0xffffffff, 1);
        Dataset data = DatasetLoader.load(dir);
        assertArrayEquals(new int[] {5}, data.labels());
        assertEquals(3, data.width());
    }

    @Test
    void csvIsReadAsCsv() throws Exception {
        Path file = dir.resolve("DATA.CSV");
        Files.writeString(file, "4,0,1,1,0\n");
        Dataset data = DatasetLoader.load(file);
        assertEquals(2, data.width());
        assertArrayEquals(new int[] {4}, data.labels());
    }

    @Test
    void idxImagesAreReadWithTheirLabels() throws Exception {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, IdxReaderTest.imageFile(IdxReader.IMAGES_MAGIC, 1, 2, 2, new byte[4]));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxReaderTest.labelFile(IdxReader.LABELS_MAGIC, 1, new byte[] {8}));
        assertArrayEquals(new int[] {8}, DatasetLoader.load(images).labels());
    }

    @Test
    void idxLabelFileGivenInsteadOfImagesIsExplained() throws IOException {
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(labels, new byte[1]);
        assertRejects(() -> DatasetLoader.load(labels), labels, null, "is an IDX label file: open the images file");
    }

    @Test
    void digitsSheetIsRecognisedBySize() throws Exception {
        Dataset data = DatasetLoader.load(DIGITS_SHEET);
        assertEquals(DigitsImage.NAME, data.name());
        assertEquals(5000, data.size());
    }

    @Test
    void otherPngIsRejectedListingFormats() throws IOException {
        Path file = dir.resolve("drawing.png");
        ImageIO.write(new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        assertRejects(() -> DatasetLoader.load(file), file, "image size",
                "280x280 is not the digits sheet; a single image is not a data set. Supported: " + DatasetLoader.SUPPORTED_FORMATS);
    }

    @Test
    void unknownFormatIsRejectedListingFormats() throws IOException {
        Path file = dir.resolve("weights.h5");
        Files.write(file, new byte[10]);
        assertRejects(() -> DatasetLoader.load(file), file, null, "unsupported format. Supported: " + DatasetLoader.SUPPORTED_FORMATS);
    }

    @Test
    void missingPathIsRejected() {
        Path file = dir.resolve("nothing.csv");
        assertRejects(() -> DatasetLoader.load(file), file, null, "does not exist");
    }
}
