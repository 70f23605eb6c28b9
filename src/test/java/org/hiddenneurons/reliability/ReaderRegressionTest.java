package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** One test per bug the fuzzers found: each failed before its fix. */
class ReaderRegressionTest {

    /** Length of the sparse "oversized" file: larger than any data file a reader accepts. */
    static final long OVERSIZED_FILE_BYTES = 3L * 1024 * 1024 * 1024;

    /** A case that allocated from a header's claim allocated far more than this. */
    private static final long ALLOCATION_BOUND_BYTES = 32L * 1024 * 1024;
    /** Side of the one real image in the folder case (1024² pixels: ~25 MB to decode and convert). */
    private static final int LARGE_SIDE = 1024;
    /** Empty "images" after it: each would have claimed LARGE_SIDE² doubles (8 MB) up front. */
    private static final int EMPTY_FILES = 300;
    /** Reading the one real image legitimately allocates about 25 MB; 301 slots would be 2.4 GB. */
    private static final long FOLDER_ALLOCATION_BOUND_BYTES = 128L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A valid PNG whose IHDR then claims width×height, with the CRC fixed so only the size lies. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = ImageFuzzTest.encode(new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY), "png");
        ByteBuffer buffer = ByteBuffer.wrap(png).putInt(ImageFuzzTest.PNG_WIDTH_OFFSET, width)
                .putInt(ImageFuzzTest.PNG_HEIGHT_OFFSET, height);
        CRC32 crc = new CRC32();
        crc.update(png, ImageFuzzTest.PNG_IHDR_TYPE_OFFSET, 4 + ImageFuzzTest.PNG_IHDR_DATA_BYTES);
        buffer.putInt(ImageFuzzTest.PNG_IHDR_TYPE_OFFSET + 4 + ImageFuzzTest.PNG_IHDR_DATA_BYTES, (int) crc.getValue());
        return png;
    }

    /** Runs read, which must throw DataFormatException; returns it after checking the allocation bound. */
    static DataFormatException rejectsWithinBound(Executable read) {
        return rejectsWithinBound(read, ALLOCATION_BOUND_BYTES);
    }

    static DataFormatException rejectsWithinBound(Executable read, long bound) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        DataFormatException e = assertThrows(DataFormatException.class, read);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < bound, () -> "allocated " + allocated + " bytes: " + e.getMessage());
        return e;
    }

    @Test
    void tinyPngClaimingManyPixelsIsRejectedBeforeDecoding() throws IOException {
        Path file = dir.resolve("liar.png");
        Files.write(file, pngClaiming(1024, 65_535));
        DataFormatException e = rejectsWithinBound(() -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": image header: "), e.getMessage());
    }

    @Test
    void digitsSheetWithAWrongHeaderSizeIsRejectedBeforeDecoding() throws IOException {
        Path file = dir.resolve("digits.png");
        byte[] png = pngClaiming(4096, 65_535);
        Files.write(file, java.util.Arrays.copyOf(png, 16 * 1024));
        DataFormatException e = rejectsWithinBound(() -> DigitsImage.load(file));
        assertTrue(e.getMessage().startsWith(file + ": image size: "), e.getMessage());
    }

    @Test
    void folderOfOneLargeImageAndManyEmptyFilesAllocatesOnlyForImagesRead() throws IOException {
        Path folder = dir.resolve("folder");
        Files.createDirectories(folder);
        BufferedImage large = new BufferedImage(LARGE_SIDE, LARGE_SIDE, BufferedImage.TYPE_BYTE_BINARY);
        Files.write(folder.resolve("0_large.png"), ImageFuzzTest.encode(large, "png"));
        for (int i = 0; i < EMPTY_FILES; i++) {
            Files.write(folder.resolve("1_empty" + i + ".png"), new byte[0]);
        }
        DataFormatException e = rejectsWithinBound(() -> DatasetLoader.load(folder), FOLDER_ALLOCATION_BOUND_BYTES);
        assertTrue(e.getMessage().startsWith(folder.resolve("1_empty0.png") + ": "), e.getMessage());
    }

    /** A sparse file of {@link #OVERSIZED_FILE_BYTES} zero bytes (takes no disk space). */
    static Path sparse(Path file) throws IOException {
        try (java.io.RandomAccessFile out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(OVERSIZED_FILE_BYTES);
        }
        return file;
    }

    @Test
    void oversizedCsvIsRejectedBeforeReading() throws IOException {
        Path file = sparse(dir.resolve("huge.csv"));
        DataFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                FuzzHarness.CASE_TIMEOUT, () -> rejectsWithinBound(() -> DatasetLoader.load(file)));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }
}
