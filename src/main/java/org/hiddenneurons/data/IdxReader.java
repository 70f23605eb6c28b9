package org.hiddenneurons.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads MNIST-format IDX files (plain or .gz): an image file (magic 0x00000803, then image count,
 * rows, columns as big-endian 32-bit integers, then one unsigned byte per pixel, row-major) and a
 * label file (magic 0x00000801, then count, then one unsigned byte per label). Pixels are scaled to
 * [0, 1] by value / 255; the images keep their size (28×28 stays 28×28). Byte offsets in error
 * messages count decompressed bytes for a .gz file.
 */
public final class IdxReader {

    /** Unsigned bytes (0x08), 3 dimensions: images × rows × columns. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned bytes (0x08), 1 dimension: labels. */
    public static final int LABELS_MAGIC = 0x00000801;

    /** MNIST's file names: train-images-idx3-ubyte and its test pair t10k-images-idx3-ubyte. */
    private static final String TRAIN_PREFIX = "train";
    private static final String TEST_PREFIX = "t10k";
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    /** Share of the progress for reading the image file; the label file and the pixel copy follow. */
    private static final double IMAGES_READ_SHARE = 0.8;
    private static final double LABELS_READ_SHARE = 0.05;
    /** Images copied between two progress reports and cancellation checks. */
    private static final int IMAGES_PER_CHUNK = 1000;

    private IdxReader() {
    }

    /** True if the name looks like an IDX image file ({@code *idx3-ubyte}, optionally {@code .gz}). */
    public static boolean isImageFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("idx3-ubyte") || name.endsWith("idx3-ubyte.gz");
    }

    /**
     * The label file beside {@code imageFile} by the standard names: "images" → "labels" and
     * "idx3" → "idx1" in the file name (train-images-idx3-ubyte → train-labels-idx1-ubyte,
     * t10k-images.idx3-ubyte → t10k-labels.idx1-ubyte), tried with and without .gz.
     */
    public static List<Path> labelFileCandidates(Path imageFile) {
        String name = imageFile.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String labels = base.replace("images", "labels").replace("idx3", "idx1");
        Path dir = imageFile.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(labels));
        candidates.add(dir.resolve(labels + ".gz"));
        return candidates;
    }

    /**
     * The MNIST test images beside a training images file: for {@code train-images-idx3-ubyte[.gz]}
     * (any name starting with "train" that {@link #isImageFileName} accepts) the same name with
     * "train" replaced by "t10k", with or without .gz; empty if none is there.
     */
    public static Optional<Path> testFileBeside(Path imageFile) {
        String name = imageFile.getFileName().toString();
        if (!isImageFileName(imageFile) || !name.toLowerCase(Locale.ROOT).startsWith(TRAIN_PREFIX)) {
            return Optional.empty();
        }
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String test = TEST_PREFIX + base.substring(TRAIN_PREFIX.length());
        Path dir = imageFile.toAbsolutePath().getParent();
        for (Path candidate : List.of(dir.resolve(test), dir.resolve(test + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads {@code imageFile} and the label file found beside it (see {@link #labelFileCandidates}). */
    public static Dataset read(Path imageFile) throws DataFormatException {
        return read(imageFile, LoadProgress.NONE);
    }

    /**
     * Same as {@link #read(Path)}, reporting the fraction of bytes read and converted.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled (nothing is returned)
     */
    public static Dataset read(Path imageFile, LoadProgress progress) throws DataFormatException {
        List<Path> candidates = labelFileCandidates(imageFile);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return read(imageFile, candidate, progress);
            }
        }
        StringBuilder tried = new StringBuilder();
        for (Path candidate : candidates) {
            tried.append(tried.length() == 0 ? "" : " or ").append(candidate.getFileName());
        }
        throw DataFormatException.at(imageFile, null, "no label file beside it (looked for " + tried + ")");
    }

    /** Reads an image file and its label file; the counts must agree. */
    public static Dataset read(Path imageFile, Path labelFile) throws DataFormatException {
        return read(imageFile, labelFile, LoadProgress.NONE);
    }

    /**
     * Same as {@link #read(Path, Path)}, reporting progress: reading the images (compressed bytes for
     * a .gz) up to {@value #IMAGES_READ_SHARE}, the labels, then the copy of the pixel bytes up to 1.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled (nothing is returned)
     */
    public static Dataset read(Path imageFile, Path labelFile, LoadProgress progress) throws DataFormatException {
        byte[] images = FileBytes.read(imageFile, progress.range(0, IMAGES_READ_SHARE));
        byte[] labelBytes = FileBytes.read(labelFile,
                progress.range(IMAGES_READ_SHARE, IMAGES_READ_SHARE + LABELS_READ_SHARE));

        checkHeader(imageFile, images, IMAGES_HEADER_BYTES, IMAGES_MAGIC, "images, 3 dimensions");
        int count = readCount(imageFile, images, 4, "image count");
        int rows = readCount(imageFile, images, 8, "rows");
        int columns = readCount(imageFile, images, 12, "columns");
        long pixelsPerImage = (long) rows * columns;
        long pixelBytes = multiplySaturated(count, pixelsPerImage);
        long available = images.length - IMAGES_HEADER_BYTES;
        if (pixelBytes > available) {
            throw DataFormatException.at(imageFile, "byte " + IMAGES_HEADER_BYTES, "truncated: the header promises "
                    + count + " images of " + rows + "x" + columns + " but only "
                    + available + " bytes follow");
        }
        if (pixelBytes < available) {
            throw DataFormatException.at(imageFile, "byte " + (IMAGES_HEADER_BYTES + pixelBytes), (available - pixelBytes)
                    + " bytes after the last of " + count + " images of " + rows + "x" + columns);
        }

        checkHeader(labelFile, labelBytes, LABELS_HEADER_BYTES, LABELS_MAGIC, "labels, 1 dimension");
        int labelCount = readCount(labelFile, labelBytes, 4, "label count");
        if (labelCount != count) {
            throw DataFormatException.at(labelFile, "byte 4", "count mismatch: holds " + labelCount
                    + " labels but " + imageFile.getFileName() + " holds " + count + " images");
        }
        long labelsAvailable = labelBytes.length - LABELS_HEADER_BYTES;
        if (labelsAvailable != count) {
            String problem = labelsAvailable < count
                    ? "truncated: the header promises " + count + " labels but only " + labelsAvailable + " bytes follow"
                    : (labelsAvailable - count) + " bytes after the last of " + count + " labels";
            throw DataFormatException.at(labelFile, "byte " + (LABELS_HEADER_BYTES + Math.min(count, labelsAvailable)),
                    problem);
        }

        // Sizes are now backed by bytes actually read, so the allocations below are safe.
        // The data set keeps the bytes: pixel = byte / 255 (Dataset.ofLevels), 1 byte per pixel, not 8.
        byte[] levels = new byte[(int) pixelBytes];
        int inputs = (int) pixelsPerImage;
        LoadProgress copying = progress.range(IMAGES_READ_SHARE + LABELS_READ_SHARE, 1);
        for (int first = 0; first < count; first += IMAGES_PER_CHUNK) {
            copying.checkCancelled();
            int end = Math.min(count, first + IMAGES_PER_CHUNK);
            System.arraycopy(images, IMAGES_HEADER_BYTES + first * inputs, levels, first * inputs, (end - first) * inputs);
            copying.report((double) end / count);
        }
        int[] labels = new int[count];
        int maxLabel = 0;
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[LABELS_HEADER_BYTES + i] & 0xff;
            maxLabel = Math.max(maxLabel, labels[i]);
        }
        return Dataset.ofLevels(imageFile.getFileName().toString(), columns, rows, Labels.classCount(maxLabel),
                levels, labels);
    }

    private static void checkHeader(Path file, byte[] bytes, int headerBytes, int magic, String what)
            throws DataFormatException {
        if (bytes.length < 4) {
            throw DataFormatException.at(file, "byte " + bytes.length, "truncated: " + bytes.length
                    + " bytes, too short for an IDX header");
        }
        int found = readInt(bytes, 0);
        if (found != magic) {
            throw DataFormatException.at(file, "byte 0", String.format(Locale.ROOT,
                    "bad magic 0x%08x, expected 0x%08x (IDX unsigned-byte %s)", found, magic, what));
        }
        if (bytes.length < headerBytes) {
            throw DataFormatException.at(file, "byte " + bytes.length, "truncated: the header needs "
                    + headerBytes + " bytes, the file has " + bytes.length);
        }
    }

    private static int readCount(Path file, byte[] bytes, int offset, String field) throws DataFormatException {
        int value = readInt(bytes, offset);
        if (value <= 0) {
            throw DataFormatException.at(file, "byte " + offset + " (" + field + ")",
                    "value out of range: " + Integer.toUnsignedString(value) + ", expected a positive count");
        }
        return value;
    }

    /** a·b, or Long.MAX_VALUE if that overflows (it is then larger than any file anyway). */
    private static long multiplySaturated(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8 | (bytes[offset + 3] & 0xff);
    }
}
