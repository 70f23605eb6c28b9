package org.hiddenneurons.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads a labelled image data set from CSV: one sample per line, comma-separated, the label first,
 * then width·height pixel values row-major (the layout of the common "mnist_train.csv").
 * <ul>
 *   <li>An optional header on line 1 is recognised by its first field not being a number
 *       ({@code label,pixel0,…}). Blank lines are skipped.</li>
 *   <li>Labels are whole numbers ≥ 0 (below {@value Labels#MAX_CLASS_COUNT}). The class count is
 *       the caller's, or else 10 when every label is 0..9 (digits) and max label + 1 otherwise.</li>
 *   <li>Pixel scale is decided per file: if every pixel value is ≤ 1 the file is read as [0, 1];
 *       otherwise as 0–255 and divided by 255. A value below 0 or above 255 is an error. (A 0/1
 *       file is therefore read as [0, 1]: for a binary image both readings are the same picture.)</li>
 *   <li>The image size is the caller's, or inferred as square from the number of values on the
 *       first line (784 values → 28×28).</li>
 * </ul>
 * Ink is expected white on black (as in MNIST); the reader does not invert.
 */
public final class CsvReader {

    /** Pass as width, height or class count to have it inferred from the file. */
    public static final int INFER = 0;

    private static final int INITIAL_SAMPLES = 256;
    /** Decimal notation only: Java's parser also takes "NaN", "Infinity", "0x1p3", "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** The largest array a JVM reliably allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Lines read between two progress reports and cancellation checks. */
    private static final int LINES_PER_CHECK = 256;
    /** Share of the progress for reading the lines; the final scaling follows. */
    private static final double READ_SHARE = 0.95;

    private CsvReader() {
    }

    /** Square images, class count inferred. */
    public static Dataset read(Path file) throws DataFormatException {
        return read(file, INFER, INFER, INFER);
    }

    /** Images of width×height, class count inferred. */
    public static Dataset read(Path file, int width, int height) throws DataFormatException {
        return read(file, width, height, INFER);
    }

    /**
     * @param width      image width, or {@link #INFER} (then height must be INFER too: square)
     * @param height     image height, or {@link #INFER}
     * @param classCount labels must be below it, or {@link #INFER}
     */
    public static Dataset read(Path file, int width, int height, int classCount) throws DataFormatException {
        return read(file, width, height, classCount, LoadProgress.NONE);
    }

    /**
     * Same as {@link #read(Path, int, int, int)}, reporting the fraction of the file's bytes read.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled (nothing is returned)
     */
    public static Dataset read(Path file, int width, int height, int classCount, LoadProgress progress)
            throws DataFormatException {
        if (width < 0 || height < 0 || (width == INFER) != (height == INFER)) {
            throw new IllegalArgumentException("give both width and height (positive) or neither, got "
                    + width + "x" + height);
        }
        if (classCount < 0 || classCount > Labels.MAX_CLASS_COUNT) {
            throw new IllegalArgumentException("class count must be 1.." + Labels.MAX_CLASS_COUNT + " or INFER, got " + classCount);
        }
        Parser parser = new Parser(file, width, height, classCount);
        long size = checkSize(file);
        try (FileBytes.CountingInputStream counted = new FileBytes.CountingInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(counted,
                     StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            int lineNumber = 0;
            LoadProgress reading = progress.range(0, READ_SHARE);
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                parser.line(line, lineNumber);
                if (lineNumber % LINES_PER_CHECK == 0) {
                    reading.checkCancelled();
                    reading.report((double) counted.count() / Math.max(1, size));
                }
            }
            progress.checkCancelled();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DataFormatException.at(file, null, "is not UTF-8 text: " + e, e);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
        Dataset data = parser.finish();
        progress.report(1);
        return data;
    }

    /**
     * Rejects a file larger than {@link FileBytes#MAX_BYTES} before reading it: lines are read whole,
     * so a huge file (or one endless line) would otherwise be held in memory.
     */
    private static long checkSize(Path file) throws DataFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
        if (size > FileBytes.MAX_BYTES) {
            throw DataFormatException.at(file, null, "is " + size + " bytes, more than the "
                    + FileBytes.MAX_BYTES + " bytes a data file may hold");
        }
        return size;
    }

    /** Accumulates samples line by line; arrays grow as lines actually arrive. */
    private static final class Parser {
        private final Path file;
        private final int requestedClassCount;
        private int width;
        private int height;
        private int inputs;
        private double[] pixels;
        private int[] labels = new int[INITIAL_SAMPLES];
        private int samples;
        private int maxLabel;
        private double maxValue;
        private boolean sawData;

        Parser(Path file, int width, int height, int classCount) {
            this.file = file;
            this.width = width;
            this.height = height;
            this.inputs = width * height;
            this.requestedClassCount = classCount;
        }

        void line(String line, int lineNumber) throws DataFormatException {
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                return;
            }
            int fieldCount = countFields(line);
            if (!sawData && lineNumber == 1 && !isNumber(firstField(line))) {
                return; // header
            }
            if (!sawData) {
                sawData = true;
                if (inputs == 0) {
                    inferSquare(fieldCount - 1, lineNumber);
                }
                pixels = new double[INITIAL_SAMPLES * inputs];
            }
            if (fieldCount != inputs + 1) {
                throw DataFormatException.at(file, "line " + lineNumber, "count mismatch: " + fieldCount
                        + " fields, expected " + (inputs + 1) + " (label + " + width + "x" + height + " pixels)");
            }
            ensureRoom(lineNumber);
            int start = 0;
            int base = samples * inputs;
            for (int field = 1; field <= fieldCount; field++) {
                int end = line.indexOf(',', start);
                if (end < 0) {
                    end = line.length();
                }
                double value = parse(line, start, end, lineNumber, field);
                if (field == 1) {
                    labels[samples] = label(value, line.substring(start, end).trim(), lineNumber);
                } else {
                    if (value < 0 || value > GrayImage.CHANNEL_MAX) {
                        throw DataFormatException.at(file, place(lineNumber, field), "value out of range: "
                                + line.substring(start, end).trim() + " (pixel values must be in [0, 1] or 0-255)");
                    }
                    maxValue = Math.max(maxValue, value);
                    pixels[base + field - 2] = value;
                }
                start = end + 1;
            }
            samples++;
        }

        private void inferSquare(int values, int lineNumber) throws DataFormatException {
            int side = (int) Math.round(Math.sqrt(values));
            if (values < 1 || side * side != values) {
                throw DataFormatException.at(file, "line " + lineNumber, "cannot infer the image size: "
                        + values + " pixel values after the label is not a square number; give width and height");
            }
            width = side;
            height = side;
            inputs = values;
        }

        private int label(double value, String text, int lineNumber) throws DataFormatException {
            if (value != Math.rint(value) || value < 0) {
                throw DataFormatException.at(file, place(lineNumber, 1), "label " + text + " is not a whole number >= 0");
            }
            int limit = requestedClassCount == INFER ? Labels.MAX_CLASS_COUNT : requestedClassCount;
            if (value >= limit) {
                throw DataFormatException.at(file, place(lineNumber, 1), requestedClassCount == INFER
                        ? "value out of range: label " + text + ", at most " + (Labels.MAX_CLASS_COUNT - 1)
                        : "unknown label " + text + ": expected 0.." + (requestedClassCount - 1));
            }
            int label = (int) value;
            maxLabel = Math.max(maxLabel, label);
            return label;
        }

        private void ensureRoom(int lineNumber) throws DataFormatException {
            if (samples < labels.length) {
                return;
            }
            long newSamples = (long) labels.length * 2;
            long newLength = newSamples * inputs;
            if (newLength > MAX_ARRAY_LENGTH) {
                newSamples = MAX_ARRAY_LENGTH / inputs;
                if (newSamples <= samples) {
                    throw DataFormatException.at(file, "line " + lineNumber, "too many samples: more than "
                            + samples + " images of " + width + "x" + height + " do not fit in memory");
                }
            }
            labels = Arrays.copyOf(labels, (int) newSamples);
            pixels = Arrays.copyOf(pixels, (int) newSamples * inputs);
        }

        private double parse(String line, int start, int end, int lineNumber, int field) throws DataFormatException {
            // Fast path: a plain whole number (the usual 0-255 pixel).
            int from = start;
            int to = end;
            while (from < to && line.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && line.charAt(to - 1) <= ' ') {
                to--;
            }
            if (from < to && to - from <= 9) {
                int value = 0;
                int i = from;
                for (; i < to; i++) {
                    char c = line.charAt(i);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    value = value * 10 + (c - '0');
                }
                if (i == to) {
                    return value;
                }
            }
            String text = line.substring(from, to);
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && isNumber(text)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw DataFormatException.at(file, place(lineNumber, field), "\"" + text + "\" is not a number");
        }

        Dataset finish() throws DataFormatException {
            if (samples == 0) {
                throw DataFormatException.at(file, null, "no samples: the file holds no data lines");
            }
            double[] values = Arrays.copyOf(pixels, samples * inputs);
            if (maxValue > 1) {
                for (int i = 0; i < values.length; i++) {
                    values[i] /= GrayImage.CHANNEL_MAX;
                }
            }
            int classCount = requestedClassCount == INFER ? Labels.classCount(maxLabel) : requestedClassCount;
            return new Dataset(file.getFileName().toString(), width, height, classCount, values,
                    Arrays.copyOf(labels, samples));
        }

        private static String place(int lineNumber, int field) {
            return "line " + lineNumber + ", field " + field;
        }

        private static int countFields(String line) {
            int count = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    count++;
                }
            }
            return count;
        }

        private static String firstField(String line) {
            int comma = line.indexOf(',');
            return (comma < 0 ? line : line.substring(0, comma)).trim();
        }

        private static boolean isNumber(String text) {
            return DECIMAL.matcher(text).matches();
        }
    }
}
