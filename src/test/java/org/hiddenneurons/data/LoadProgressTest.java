package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DatasetLoader.load(Path, LoadProgress): fraction reports and cancellation in every format. */
class LoadProgressTest {

    private static final int SIDE = 28;
    /** Enough 28×28 images for several {@link FileBytes#CHUNK_BYTES} chunks (~3.9 MB of pixels). */
    private static final int IMAGES = 5000;
    private static final int CSV_LINES = 2000;
    private static final Path FASHION_TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @TempDir
    Path dir;

    /** Records every fraction; cancels once a fraction above {@code cancelAbove} arrives. */
    private static final class Recorder implements LoadProgress {
        final List<Double> fractions = new ArrayList<>();
        private final double cancelAbove;
        private boolean cancelled;

        Recorder(double cancelAbove) {
            this.cancelAbove = cancelAbove;
        }

        @Override
        public void report(double fraction) {
            fractions.add(fraction);
            if (fraction > cancelAbove) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private Path idxImages(boolean gzip) throws IOException {
        Random random = new Random(42);
        byte[] pixels = new byte[IMAGES * SIDE * SIDE];
        random.nextBytes(pixels);
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        String suffix = gzip ? ".gz" : "";
        Path images = dir.resolve("train-images-idx3-ubyte" + suffix);
        write(images, IdxReaderTest.imageFile(IdxReader.IMAGES_MAGIC, IMAGES, SIDE, SIDE, pixels), gzip);
        write(dir.resolve("train-labels-idx1-ubyte" + suffix), IdxReaderTest.labelFile(IdxReader.LABELS_MAGIC, IMAGES, labels), gzip);
        return images;
    }

    private static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }

    private Path csv() throws IOException {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder("label");
        for (int i = 0; i < SIDE * SIDE; i++) {
            text.append(",p").append(i);
        }
        text.append('\n');
        for (int line = 0; line < CSV_LINES; line++) {
            text.append(random.nextInt(10));
            for (int i = 0; i < SIDE * SIDE; i++) {
                text.append(',').append(random.nextInt(256));
            }
            text.append('\n');
        }
        Path file = dir.resolve("train.csv");
        Files.writeString(file, text);
        return file;
    }

    private static void assertMonotoneToOne(List<Double> fractions) {
        assertTrue(fractions.size() >= 3, "several reports, got " + fractions);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "monotone at report " + i + ": " + fractions);
        }
        assertTrue(fractions.get(0) >= 0, "starts at or above 0");
        assertEquals(1.0, fractions.get(fractions.size() - 1), "ends at 1.0");
        assertTrue(fractions.stream().anyMatch(f -> f > 0 && f < 1), "reports between 0 and 1: " + fractions);
    }

    @Test
    void gzipIdxProgressIsMonotoneAndEndsAtOne() throws Exception {
        Recorder progress = new Recorder(Double.POSITIVE_INFINITY);
        Dataset data = DatasetLoader.load(idxImages(true), progress);
        assertEquals(IMAGES, data.size());
        assertMonotoneToOne(progress.fractions);
    }

    @Test
    void plainIdxProgressIsMonotoneAndEndsAtOne() throws Exception {
        Recorder progress = new Recorder(Double.POSITIVE_INFINITY);
        assertEquals(SIDE, DatasetLoader.load(idxImages(false), progress).width());
        assertMonotoneToOne(progress.fractions);
    }

    @Test
    void csvProgressIsMonotoneAndEndsAtOne() throws Exception {
        Recorder progress = new Recorder(Double.POSITIVE_INFINITY);
        assertEquals(CSV_LINES, DatasetLoader.load(csv(), progress).size());
        assertMonotoneToOne(progress.fractions);
    }

    @Test
    void cancellingMidGzipIdxThrowsCancellation() throws Exception {
        Path images = idxImages(true);
        Recorder progress = new Recorder(0.1);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(images, progress));
        double last = progress.fractions.get(progress.fractions.size() - 1);
        assertTrue(last < 1, "stopped before the end, last report " + last);
    }

    @Test
    void cancellingDuringIdxConversionThrowsCancellation() throws Exception {
        Path images = idxImages(false);
        Recorder progress = new Recorder(0.86);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(images, progress));
    }

    @Test
    void cancellingMidCsvThrowsCancellation() throws Exception {
        Path file = csv();
        Recorder progress = new Recorder(0.2);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(file, progress));
        assertTrue(progress.fractions.get(progress.fractions.size() - 1) < 1);
    }

    @Test
    void cancellingAnImageFolderThrowsCancellation() throws Exception {
        for (int i = 0; i < 4; i++) {
            ImageFolderReaderTest.writePng(dir.resolve("folder/" + (i % 2) + "/x" + i + ".png"), 3, 3,
                    0xff000000, 0xffffffff, 1);
        }
        Recorder progress = new Recorder(0.3);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(dir.resolve("folder"), progress));
        Recorder complete = new Recorder(Double.POSITIVE_INFINITY);
        assertEquals(4, DatasetLoader.load(dir.resolve("folder"), complete).size());
        assertMonotoneToOne(complete.fractions);
    }

    @Test
    void alreadyCancelledMonitorLoadsNothing() throws Exception {
        Path file = csv();
        LoadMonitor monitor = new LoadMonitor();
        monitor.cancel();
        assertThrows(CancellationException.class, () -> DatasetLoader.load(file, monitor));
        assertEquals(0, monitor.fraction());
    }

    @Test
    void monitorFractionNeverGoesBack() {
        LoadMonitor monitor = new LoadMonitor();
        monitor.report(0.5);
        monitor.report(0.25);
        assertEquals(0.5, monitor.fraction());
        monitor.report(2);
        assertEquals(1.0, monitor.fraction());
    }

    @Test
    void fashionMnistTestFileLoadsWithProgress() throws Exception {
        assumeTrue(Files.isRegularFile(FASHION_TEST_IMAGES), "dataset-fashion-mnist is not installed");
        LoadMonitor monitor = new LoadMonitor();
        Dataset data = DatasetLoader.load(FASHION_TEST_IMAGES, monitor);
        assertEquals(10_000, data.size());
        assertEquals(SIDE, data.width());
        assertEquals(10, data.classCount());
        assertEquals(1.0, monitor.fraction());
    }

    @Test
    void matFilesAreToldApartByTheirVariables() throws Exception {
        assertTrue(MatReader.holdsWeights(MatReaderTest.FIXTURES.resolve("course-weights.mat")));
        assertFalse(MatReader.holdsWeights(MatReaderTest.FIXTURES.resolve("course-data.mat")));
    }

    @Test
    void courseMatDataLoadsWithProgress() throws Exception {
        Recorder progress = new Recorder(Double.POSITIVE_INFINITY);
        Dataset data = DatasetLoader.load(MatReaderTest.FIXTURES.resolve("course-data.mat"), progress);
        assertTrue(data.size() > 0);
        assertEquals(1.0, progress.fractions.get(progress.fractions.size() - 1));
    }
}
