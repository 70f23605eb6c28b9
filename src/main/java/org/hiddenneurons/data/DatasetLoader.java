package org.hiddenneurons.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a data set of any supported format, chosen by what the path is:
 * <ul>
 *   <li>a directory → a folder of PNG images ({@link ImageFolderReader});</li>
 *   <li>{@code *.csv} → CSV, square images, class count inferred ({@link CsvReader});</li>
 *   <li>{@code *idx3-ubyte} or {@code *idx3-ubyte.gz} → MNIST IDX images, the label file found
 *       beside it ({@link IdxReader});</li>
 *   <li>{@code *.mat} → the course's MATLAB data file, variables X and y ({@link MatReader});</li>
 *   <li>a PNG of exactly 2000×1000 pixels → the digits sheet ({@link DigitsImage}).</li>
 * </ul>
 * Anything else is an error that lists these formats. {@link #loadSplit} also chooses the split.
 */
public final class DatasetLoader {

    /** What {@link #load} accepts, for error messages and file choosers. */
    public static final String SUPPORTED_FORMATS = "a folder of PNG images (labels from sub-folder names 3/x.png"
            + " or file names 3_x.png, x_label3.png), a CSV file (*.csv: label then pixels per line),"
            + " MNIST IDX images (*-images-idx3-ubyte[.gz] with *-labels-idx1-ubyte[.gz] beside it),"
            + " the course's MATLAB data file (*.mat with X and y, like ex4data1.mat)"
            + " or the digits sheet (a " + DigitsImage.COLUMNS * DigitsImage.CELL + "x"
            + DigitsImage.ROWS * DigitsImage.CELL + " PNG)";

    private DatasetLoader() {
    }

    /** @throws DataFormatException naming the file, the place and the problem */
    public static Dataset load(Path path) throws DataFormatException {
        return load(path, LoadProgress.NONE);
    }

    /**
     * Same as {@link #load(Path)}, reporting the fraction of bytes (or images) read to
     * {@code progress} — non-decreasing, 1.0 when the data set is complete — and polling it for
     * cancellation between chunks. Call it off the UI thread.
     *
     * @throws DataFormatException naming the file, the place and the problem
     * @throws java.util.concurrent.CancellationException if {@code progress} was cancelled before
     *         the data set was complete; nothing is returned and nothing half-read is kept
     */
    public static Dataset load(Path path, LoadProgress progress) throws DataFormatException {
        Dataset data = read(path, progress);
        progress.report(1);
        return data;
    }

    /**
     * The data set at {@code path} and the split every command and the window use: for an MNIST
     * training file ({@code train-images-idx3-ubyte[.gz]}) with its {@code t10k} pair beside it,
     * the t10k file is the test split (the MNIST convention, {@link Split#separateTestFile}, no
     * sample copied); otherwise {@link Split#standard}.
     *
     * @throws DataFormatException naming the file, the place and the problem (either file of a pair)
     */
    public static Split loadSplit(Path path, LoadProgress progress) throws DataFormatException {
        Optional<Path> testFile = Files.exists(path) ? IdxReader.testFileBeside(path) : Optional.empty();
        if (testFile.isEmpty()) {
            Split split = Split.standard(read(path, progress.range(0, LOAD_SHARE)));
            progress.report(1);
            return split;
        }
        double trainShare = share(path, testFile.get());
        Dataset train = IdxReader.read(path, progress.range(0, trainShare));
        Dataset test = IdxReader.read(testFile.get(), progress.range(trainShare, 1));
        if (test.width() != train.width() || test.height() != train.height()) {
            throw DataFormatException.at(testFile.get(), "image size", test.width() + "x" + test.height()
                    + ", but " + path.getFileName() + " is " + train.width() + "x" + train.height());
        }
        int classes = Math.max(train.classCount(), test.classCount());
        Split split = Split.separateTestFile(withClassCount(train, classes), withClassCount(test, classes));
        progress.report(1);
        return split;
    }

    /** Share of the progress for the pixel reading of {@link #loadSplit}; splitting follows. */
    private static final double LOAD_SHARE = 0.95;

    private static double share(Path train, Path test) {
        try {
            double trainBytes = Files.size(train);
            return trainBytes / (trainBytes + Files.size(test));
        } catch (java.io.IOException e) {
            return LOAD_SHARE;
        }
    }

    private static Dataset withClassCount(Dataset data, int classCount) {
        return data.classCount() == classCount ? data
                : data.withClassCount(classCount);
    }

    private static Dataset read(Path path, LoadProgress progress) throws DataFormatException {
        progress.checkCancelled();
        if (!Files.exists(path)) {
            throw DataFormatException.at(path, null, "does not exist");
        }
        if (Files.isDirectory(path)) {
            return ImageFolderReader.read(path, progress);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CsvReader.read(path, CsvReader.INFER, CsvReader.INFER, CsvReader.INFER, progress);
        }
        if (MatReader.isMatFileName(path)) {
            return MatReader.readDataset(path, progress);
        }
        if (IdxReader.isImageFileName(path)) {
            return IdxReader.read(path, progress);
        }
        if (name.endsWith("idx1-ubyte") || name.endsWith("idx1-ubyte.gz")) {
            throw DataFormatException.at(path, null, "is an IDX label file: open the images file"
                    + " (*-images-idx3-ubyte) beside it instead");
        }
        if (name.endsWith(".png")) {
            int[] size = ImageFiles.readSize(path);
            if (size[0] == DigitsImage.COLUMNS * DigitsImage.CELL && size[1] == DigitsImage.ROWS * DigitsImage.CELL) {
                return DigitsImage.load(path);
            }
            throw DataFormatException.at(path, "image size", size[0] + "x" + size[1]
                    + " is not the digits sheet; a single image is not a data set. Supported: " + SUPPORTED_FORMATS);
        }
        throw DataFormatException.at(path, null, "unsupported format. Supported: " + SUPPORTED_FORMATS);
    }
}
