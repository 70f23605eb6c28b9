package org.hiddenneurons.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hiddenneurons.data.CsvReader;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.ImageFiles;
import org.hiddenneurons.data.IdxReader;

/**
 * Every reader given a sparse file of {@link ReaderRegressionTest#OVERSIZED_FILE_BYTES} zero bytes
 * (no disk space used): it must be rejected fast, naming the file, without reading it into memory.
 */
class OversizedFileFuzzTest {

    static final String FORMAT = "oversized file (3 GiB, sparse)";

    /** Each entry point that reads a file the user picks. */
    enum Entry { CSV, IDX_IMAGES, IDX_LABELS, IDX_GZIP, DIGITS_SHEET_LOADER, DIGITS_SHEET_DIRECT, IMAGE_PNG,
        IMAGE_JPEG, IMAGE_IN_FOLDER }

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("oversized-fuzz");
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.deleteTree(dir);
    }

    private static Path sparse(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(ReaderRegressionTest.OVERSIZED_FILE_BYTES);
        }
        return file;
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void oversizedFileIsRejectedWithoutReadingIt(@ForAll Entry entry) throws IOException {
        Path file;
        FuzzHarness.Read<?> read;
        switch (entry) {
            case CSV -> {
                file = sparse(dir.resolve("huge.csv"));
                read = () -> CsvReader.read(file);
            }
            case IDX_IMAGES -> {
                file = sparse(dir.resolve("huge-images-idx3-ubyte"));
                Files.write(dir.resolve("huge-labels-idx1-ubyte"), IdxFuzzTest.labels(1, new java.util.Random(1)));
                read = () -> DatasetLoader.load(file);
            }
            case IDX_LABELS -> {
                Path images = dir.resolve("small-images-idx3-ubyte");
                Files.write(images, IdxFuzzTest.images(1, 2, 2, new java.util.Random(1)));
                file = sparse(dir.resolve("small-labels-idx1-ubyte"));
                read = () -> IdxReader.read(images);
            }
            case IDX_GZIP -> {
                file = sparse(dir.resolve("huge-images-idx3-ubyte.gz"));
                Files.write(dir.resolve("huge-labels-idx1-ubyte.gz"),
                        IdxFuzzTest.gzip(IdxFuzzTest.labels(1, new java.util.Random(1))));
                read = () -> DatasetLoader.load(file);
            }
            case DIGITS_SHEET_LOADER -> {
                file = sparse(dir.resolve("digits.png"));
                read = () -> DatasetLoader.load(file);
            }
            case DIGITS_SHEET_DIRECT -> {
                file = sparse(dir.resolve("digits-direct.png"));
                read = () -> DigitsImage.load(file);
            }
            case IMAGE_PNG -> {
                file = sparse(dir.resolve("huge.png"));
                read = () -> ImageFiles.read(file);
            }
            case IMAGE_JPEG -> {
                file = sparse(dir.resolve("huge.jpg"));
                read = () -> ImageFiles.read(file);
            }
            case IMAGE_IN_FOLDER -> {
                file = sparse(dir.resolve("folder").resolve("3_huge.png"));
                read = () -> DatasetLoader.load(dir.resolve("folder"));
            }
            default -> throw new IllegalArgumentException(entry.toString());
        }
        FuzzHarness.check(FORMAT, entry.toString(), entry + ": " + file, 0, read, value -> { }, file.toString());
    }
}
