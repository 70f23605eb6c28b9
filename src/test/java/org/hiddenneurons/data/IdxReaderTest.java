package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final double TOLERANCE = 1e-12;
    private static final int COUNT = 3;
    private static final int ROWS = 4;
    private static final int COLUMNS = 5;
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    /** The IDX image file bytes: magic, count, rows, columns, then the pixels. */
    static byte[] imageFile(int magic, int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(columns)
                .put(pixels).array();
    }

    static byte[] labelFile(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    private byte[] randomPixels(int length) {
        byte[] pixels = new byte[length];
        random.nextBytes(pixels);
        return pixels;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    @Test
    void trainingFileWithItsT10kPairBesideIsSplitByTheMnistConvention() throws Exception {
        byte[] trainPixels = randomPixels(6 * ROWS * COLUMNS);
        byte[] testPixels = randomPixels(2 * ROWS * COLUMNS);
        Path train = write("train-images-idx3-ubyte.gz", imageFile(IdxReader.IMAGES_MAGIC, 6, ROWS, COLUMNS, trainPixels));
        write("train-labels-idx1-ubyte.gz", labelFile(IdxReader.LABELS_MAGIC, 6, new byte[] {0, 1, 2, 0, 1, 2}));
        Path test = write("t10k-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 2, ROWS, COLUMNS, testPixels));
        write("t10k-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 2, new byte[] {3, 1}));
        assertEquals(test.toAbsolutePath(), IdxReader.testFileBeside(train).orElseThrow());

        Split split = DatasetLoader.loadSplit(train, LoadProgress.NONE);
        assertEquals(6, split.train().size(), "every training image trains");
        assertEquals(2, split.test().size(), "the t10k file is the test split");
        assertFalse(split.isStandard());
        assertTrue(split.hasSeparateTestFile());
        assertTrue(split.describe().contains("t10k-images-idx3-ubyte"), split.describe());
        assertEquals(split.train().classCount(), split.test().classCount(), "one class count for both files");
        assertEquals((testPixels[0] & 0xff) / 255.0, split.test().pixels()[0], 0.0);
        assertEquals(3, split.test().label(0));
        assertEquals(8, split.whole().size());
    }

    @Test
    void withoutItsT10kPairATrainingFileGetsTheStandardSplit() throws Exception {
        Path train = write("train-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS,
                randomPixels(COUNT * ROWS * COLUMNS)));
        write("train-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, COUNT, new byte[] {0, 1, 2}));
        assertTrue(IdxReader.testFileBeside(train).isEmpty());
        assertTrue(DatasetLoader.loadSplit(train, LoadProgress.NONE).isStandard());
        // A t10k file itself has no pair: it is split the standard way when opened alone.
        Path test = write("t10k-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS,
                randomPixels(COUNT * ROWS * COLUMNS)));
        assertTrue(IdxReader.testFileBeside(test).isEmpty());
    }

    @Test
    void readsPlainImagesAndFindsLabelsBeside() throws Exception {
        byte[] pixels = randomPixels(COUNT * ROWS * COLUMNS);
        Path images = write("train-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS, pixels));
        write("train-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, COUNT, new byte[] {7, 0, 9}));
        Dataset data = IdxReader.read(images);
        assertEquals("train-images-idx3-ubyte", data.name());
        assertEquals(COLUMNS, data.width(), "width = columns: the size follows the data");
        assertEquals(ROWS, data.height());
        assertEquals(COUNT, data.size());
        assertEquals(10, data.classCount());
        assertArrayEquals(new int[] {7, 0, 9}, data.labels());
        double[] expected = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = (pixels[i] & 0xff) / 255.0;
        }
        assertArrayEquals(expected, data.pixels(), 0.0, "each pixel is exactly byte / 255.0, as before");
        assertTrue(data.isCompact(), "an IDX file keeps one byte per pixel");
    }

    @Test
    void readsGzipImagesWithGzipOrPlainLabels() throws Exception {
        byte[] pixels = randomPixels(COUNT * ROWS * COLUMNS);
        Path images = write("t10k-images-idx3-ubyte.gz", imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS, pixels));
        write("t10k-labels-idx1-ubyte.gz", labelFile(IdxReader.LABELS_MAGIC, COUNT, new byte[] {1, 2, 3}));
        Dataset gz = IdxReader.read(images);
        assertArrayEquals(new int[] {1, 2, 3}, gz.labels());
        assertEquals((pixels[5] & 0xff) / 255.0, gz.pixels()[5], TOLERANCE);

        Path plainImages = write("x-images.idx3-ubyte.gz", imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS, pixels));
        write("x-labels.idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, COUNT, new byte[] {4, 5, 6}));
        assertArrayEquals(new int[] {4, 5, 6}, IdxReader.read(plainImages).labels());
    }

    @Test
    void keepsLargeLabelsAsClasses() throws Exception {
        Path images = write("a-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 2, 1, 1, new byte[] {0, 1}));
        write("a-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 2, new byte[] {(byte) 200, 3}));
        Dataset data = IdxReader.read(images);
        assertEquals(201, data.classCount());
        assertEquals(200, data.label(0));
    }

    @Test
    void rejectsBadImageMagic() throws IOException {
        Path images = write("b-images-idx3-ubyte", imageFile(0x00000802, 1, 1, 1, new byte[1]));
        write("b-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, "byte 0", "bad magic 0x00000802, expected 0x00000803");
    }

    @Test
    void rejectsBadLabelMagic() throws IOException {
        Path images = write("c-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 1, 1, 1, new byte[1]));
        Path labels = write("c-labels-idx1-ubyte", labelFile(IdxReader.IMAGES_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), labels, "byte 0", "bad magic 0x00000803, expected 0x00000801");
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        byte[] full = imageFile(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLUMNS, randomPixels(COUNT * ROWS * COLUMNS));
        Path images = write("d-images-idx3-ubyte.gz", Arrays.copyOf(full, full.length - 7));
        write("d-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, COUNT, new byte[COUNT]));
        assertRejects(() -> IdxReader.read(images), images, "byte 16", "truncated: the header promises 3 images of 4x5");
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        Path images = write("e-images-idx3-ubyte", Arrays.copyOf(imageFile(IdxReader.IMAGES_MAGIC, 1, 1, 1, new byte[1]), 10));
        write("e-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, "byte 10", "truncated: the header needs 16 bytes");
    }

    @Test
    void rejectsHugeClaimedCountWithoutAllocatingIt() throws IOException {
        Path images = write("f-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE, new byte[4]));
        write("f-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, "byte 16", "truncated");
    }

    @Test
    void rejectsNonPositiveDimension() throws IOException {
        Path images = write("g-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 1, 0, 1, new byte[0]));
        write("g-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, "byte 8 (rows)", "value out of range: 0");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        Path images = write("h-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 1, 1, 2, new byte[3]));
        write("h-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, "byte 18", "1 bytes after the last of 1 images");
    }

    @Test
    void rejectsCountMismatch() throws IOException {
        Path images = write("i-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 2, 1, 1, new byte[2]));
        Path labels = write("i-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 3, new byte[3]));
        assertRejects(() -> IdxReader.read(images), labels, "byte 4",
                "count mismatch: holds 3 labels but i-images-idx3-ubyte holds 2 images");
    }

    @Test
    void rejectsTruncatedLabels() throws IOException {
        Path images = write("j-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 3, 1, 1, new byte[3]));
        Path labels = write("j-labels-idx1-ubyte", Arrays.copyOf(labelFile(IdxReader.LABELS_MAGIC, 3, new byte[3]), 9));
        assertRejects(() -> IdxReader.read(images), labels, "byte 9", "truncated: the header promises 3 labels");
    }

    @Test
    void rejectsMissingLabelFileNamingTheCandidates() throws IOException {
        Path images = write("k-images-idx3-ubyte", imageFile(IdxReader.IMAGES_MAGIC, 1, 1, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, null,
                "no label file beside it (looked for k-labels-idx1-ubyte or k-labels-idx1-ubyte.gz)");
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        Path images = dir.resolve("l-images-idx3-ubyte.gz");
        Files.write(images, imageFile(IdxReader.IMAGES_MAGIC, 1, 1, 1, new byte[1]));
        write("l-labels-idx1-ubyte", labelFile(IdxReader.LABELS_MAGIC, 1, new byte[1]));
        assertRejects(() -> IdxReader.read(images), images, null, "is not valid gzip data");
    }

    @Test
    void rejectsCutOffGzipStream() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(imageFile(IdxReader.IMAGES_MAGIC, 1, 30, 30, randomPixels(900)));
        }
        byte[] bytes = compressed.toByteArray();
        Path images = dir.resolve("m-images-idx3-ubyte.gz");
        Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));
        assertRejects(() -> FileBytes.read(images), images, null, "truncated");
    }

    @Test
    void capsDecompressedSize() throws IOException {
        Path big = write("big-images-idx3-ubyte.gz", new byte[5000]);
        assertRejects(() -> FileBytes.read(big, 4096), big, "byte 4096 (decompressed)", "decompresses to more than the 4096 bytes");
        Path plain = write("big-plain", new byte[5000]);
        assertRejects(() -> FileBytes.read(plain, 4096), plain, null, "is 5000 bytes, more than the 4096 bytes");
    }

    @Test
    void readsFashionMnistTestSetWhenInstalled() throws Exception {
        Path images = FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");
        assumeTrue(Files.isRegularFile(images), "apt package dataset-fashion-mnist not installed");
        Dataset data = IdxReader.read(images);
        assertEquals(10_000, data.size());
        assertEquals(28, data.width());
        assertEquals(28, data.height());
        assertEquals(10, data.classCount());
        int[] perClass = new int[10];
        for (int label : data.labels()) {
            perClass[label]++;
        }
        int[] thousandEach = new int[10];
        Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, perClass, "Fashion-MNIST's test set has 1000 images per class");
        double max = Arrays.stream(data.pixels()).max().orElseThrow();
        double min = Arrays.stream(data.pixels()).min().orElseThrow();
        assertEquals(1.0, max, TOLERANCE);
        assertEquals(0.0, min, TOLERANCE);
        assertEquals(data.size(), DatasetLoader.load(images).size(), "the loader picks the IDX reader");
    }
}
