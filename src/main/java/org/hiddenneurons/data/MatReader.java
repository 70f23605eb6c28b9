package org.hiddenneurons.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads the classic course's (Andrew Ng, ex4) MATLAB/Octave MAT files (level 5 / v6 / v7 without
 * HDF5, compressed or not) through the mfl-core library.
 *
 * <p><b>Data</b> ({@code ex4data1.mat}): {@code X} is m×(side²) with each side×side image stored
 * column-major ({@code X(i,:) = img(:)'}); {@code y} is m×1 (or 1×m) with the course's 1-based class
 * numbers 1…10, where 10 means the digit 0. {@link #readDataset} transposes every image to row-major
 * (pixel (x, y) of image i is {@code X(i, x·side + y)}) and maps y = 10 → label 0.
 *
 * <p><b>Values</b>: the course's X holds values slightly outside [0, 1] (about −0.13…1.13: ringing
 * of the resampling that made the 20×20 images). They are kept AS STORED — clamping them would change
 * every forward pass and the course's published costs (0.287629 at λ = 0, 0.383770 at λ = 1) would no
 * longer reproduce. Values must be finite and inside [{@value #MIN_PIXEL}, {@value #MAX_PIXEL}]
 * (a file of 0–255 bytes or garbage is rejected, not silently rescaled).
 *
 * <p><b>Weights</b> ({@code ex4weights.mat}): {@code Theta1} hidden×(side²+1) and {@code Theta2}
 * 10×(hidden+1), bias in column 1 — the course's sigmoid/sigmoid network. Two re-orderings make the
 * result compute exactly what the course computes on the transposed images: Θ1's pixel columns are
 * permuted from column-major to row-major, and Θ2's rows (ordered by course label 1…10) are moved so
 * row d is digit d (course row 10 → row 0).
 *
 * <p>Everything malformed (not a MAT file, truncated, a variable missing, of the wrong type or
 * shape, a value out of range) is a {@link DataFormatException} naming the file, the variable and
 * the problem. The whole file is read (at most {@link FileBytes#MAX_BYTES}) before parsing.
 */
public final class MatReader {

    /** The file name extension of MAT files. */
    public static final String EXTENSION = ".mat";
    public static final String IMAGES_VARIABLE = "X";
    public static final String LABELS_VARIABLE = "y";
    public static final String THETA1_VARIABLE = "Theta1";
    public static final String THETA2_VARIABLE = "Theta2";
    /** The course's class number for the digit 0 (MATLAB indices start at 1). */
    public static final int COURSE_ZERO_CLASS = 10;
    /** The course's networks have one output per digit. */
    public static final int COURSE_OUTPUTS = 10;
    /** The smallest pixel value accepted (the course's X goes down to about −0.13). */
    public static final double MIN_PIXEL = -0.5;
    /** The largest pixel value accepted (the course's X goes up to about 1.13). */
    public static final double MAX_PIXEL = 1.5;
    /** Largest image side accepted (a MNIST-size 28 fits many times over). */
    static final int MAX_IMAGE_SIDE = 1024;
    /** Share of the progress for reading the file's bytes; parsing and decoding follow. */
    private static final double FILE_READ_SHARE = 0.7;

    private MatReader() {
    }

    /** True if the file name ends in {@value #EXTENSION} (any case). */
    public static boolean isMatFileName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /**
     * The data set in {@code X} and {@code y}, images transposed to row-major, labels 0…9.
     *
     * @throws DataFormatException naming the file, the variable and the problem
     */
    public static Dataset readDataset(Path file) throws DataFormatException {
        return readDataset(file, LoadProgress.NONE);
    }

    /**
     * Same as {@link #readDataset(Path)}, reporting the fraction of the file read (most of the
     * progress) and then the decoding.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled (nothing is returned)
     */
    public static Dataset readDataset(Path file, LoadProgress progress) throws DataFormatException {
        Map<String, Variable> variables = readMatrices(file, progress.range(0, FILE_READ_SHARE),
                IMAGES_VARIABLE, LABELS_VARIABLE);
        progress.checkCancelled();
        Variable images = variables.get(IMAGES_VARIABLE);
        Variable classes = variables.get(LABELS_VARIABLE);
        int count = images.rows();
        int inputs = images.columns();
        int side = squareSide(inputs);
        if (count < 1 || side < 1 || side > MAX_IMAGE_SIDE) {
            throw DataFormatException.at(file, IMAGES_VARIABLE, "is " + images.shape()
                    + ", expected samples x (side*side) with one square image per row (5000x400 in the course)");
        }
        boolean column = classes.columns() == 1 && classes.rows() == count;
        boolean row = classes.rows() == 1 && classes.columns() == count;
        if (!column && !row) {
            throw DataFormatException.at(file, LABELS_VARIABLE, "is " + classes.shape() + ", expected "
                    + count + "x1 (one class per row of " + IMAGES_VARIABLE + ")");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double value = classes.values()[i];
            if (value != Math.rint(value) || value < 1 || value > COURSE_ZERO_CLASS) {
                throw DataFormatException.at(file, LABELS_VARIABLE + "(" + (i + 1) + ")", value
                        + " is not a class number 1.." + COURSE_ZERO_CLASS + " (" + COURSE_ZERO_CLASS + " means the digit 0)");
            }
            labels[i] = (int) value % COURSE_ZERO_CLASS;
        }
        double[] pixels = new double[count * inputs];
        for (int i = 0; i < count; i++) {
            for (int x = 0; x < side; x++) {
                for (int y = 0; y < side; y++) {
                    double value = images.get(i, x * side + y);
                    if (!(value >= MIN_PIXEL && value <= MAX_PIXEL)) {
                        throw DataFormatException.at(file, IMAGES_VARIABLE + "(" + (i + 1) + "," + (x * side + y + 1) + ")",
                                value + " is not a pixel value in [" + MIN_PIXEL + ", " + MAX_PIXEL + "]");
                    }
                    pixels[i * inputs + y * side + x] = value;
                }
            }
        }
        return new Dataset(fileName(file), side, side, Labels.DIGIT_CLASS_COUNT, pixels, labels);
    }

    /**
     * The course's network in {@code Theta1} and {@code Theta2}: square inputs, sigmoid hidden units,
     * sigmoid outputs with cross-entropy (as {@link NetworkSpec#DEFAULT}, any hidden size).
     *
     * @throws DataFormatException naming the file, the variable and the problem
     */
    public static Network readWeights(Path file) throws DataFormatException {
        Map<String, Variable> variables = readMatrices(file, THETA1_VARIABLE, THETA2_VARIABLE);
        Variable theta1 = variables.get(THETA1_VARIABLE);
        Variable theta2 = variables.get(THETA2_VARIABLE);
        int hidden = theta1.rows();
        int inputs = theta1.columns() - 1;
        int side = squareSide(inputs);
        if (hidden < 1 || side < 1 || side > MAX_IMAGE_SIDE) {
            throw DataFormatException.at(file, THETA1_VARIABLE, "is " + theta1.shape()
                    + ", expected hidden x (side*side+1) for square images (25x401 in the course)");
        }
        if (theta2.rows() != COURSE_OUTPUTS || theta2.columns() != hidden + 1) {
            throw DataFormatException.at(file, THETA2_VARIABLE, "is " + theta2.shape() + ", expected "
                    + COURSE_OUTPUTS + "x" + (hidden + 1) + " (one row per digit, " + THETA1_VARIABLE
                    + " has " + hidden + " hidden units)");
        }
        NetworkSpec spec = new NetworkSpec(side, side, hidden, COURSE_OUTPUTS, Activation.SIGMOID,
                OutputLayer.SIGMOID_CROSS_ENTROPY);
        double[] weights1 = new double[hidden * (inputs + 1)];
        for (int j = 0; j < hidden; j++) {
            int rowStart = j * (inputs + 1);
            weights1[rowStart] = finite(file, theta1, j, 0);
            for (int x = 0; x < side; x++) {
                for (int y = 0; y < side; y++) {
                    weights1[rowStart + 1 + y * side + x] = finite(file, theta1, j, 1 + x * side + y);
                }
            }
        }
        double[] weights2 = new double[COURSE_OUTPUTS * (hidden + 1)];
        for (int digit = 0; digit < COURSE_OUTPUTS; digit++) {
            int courseRow = digit == 0 ? COURSE_ZERO_CLASS - 1 : digit - 1;
            for (int j = 0; j <= hidden; j++) {
                weights2[digit * (hidden + 1) + j] = finite(file, theta2, courseRow, j);
            }
        }
        return new Network(spec, weights1, weights2);
    }

    /**
     * A real numeric 2-D matrix copied out of the file.
     *
     * @param values rows×columns, column-major as MATLAB stores it
     */
    private record Variable(String name, int rows, int columns, double[] values) {

        double get(int row, int column) {
            return values[column * rows + row];
        }

        String shape() {
            return rows + "x" + columns;
        }
    }

    /**
     * The variables {@code names}, each checked to be a real, non-logical, non-sparse numeric
     * 2-D matrix, copied out of the file (the library's buffers are released on return).
     */
    private static Map<String, Variable> readMatrices(Path file, String... names) throws DataFormatException {
        return readMatrices(file, LoadProgress.NONE, names);
    }

    private static Map<String, Variable> readMatrices(Path file, LoadProgress progress, String... names)
            throws DataFormatException {
        return withEntries(file, progress, variables -> {
            Map<String, Variable> result = new LinkedHashMap<>();
            for (String name : names) {
                Matrix matrix = realMatrix(file, variables, name);
                int rows = matrix.getNumRows();
                int columns = matrix.getNumCols();
                double[] values = new double[matrix.getNumElements()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = matrix.getDouble(i);
                }
                result.put(name, new Variable(name, rows, columns, values));
            }
            return result;
        });
    }

    /**
     * True if the file holds the course's weights ({@value #THETA1_VARIABLE} and
     * {@value #THETA2_VARIABLE}) rather than data: tells a dropped .mat model from a .mat data set.
     *
     * @throws DataFormatException if it is not a readable MAT file
     */
    public static boolean holdsWeights(Path file) throws DataFormatException {
        return withEntries(file, LoadProgress.NONE,
                variables -> variables.containsKey(THETA1_VARIABLE) && variables.containsKey(THETA2_VARIABLE));
    }

    private interface EntriesReader<T> {
        T read(Map<String, Array> variables) throws DataFormatException;
    }

    /** Parses the file and hands its variables by name to {@code reader} (the library's buffers are released on return). */
    private static <T> T withEntries(Path file, LoadProgress progress, EntriesReader<T> reader)
            throws DataFormatException {
        byte[] bytes = FileBytes.read(file, progress);
        try (Mat5File mat = Mat5.newReader(Sources.wrap(bytes)).setMaxInflateBufferSize(FileBytes.MAX_BYTES).readMat()) {
            Map<String, Array> variables = new LinkedHashMap<>();
            for (MatFile.Entry entry : mat.getEntries()) {
                variables.put(entry.getName(), entry.getValue());
            }
            return reader.read(variables);
        } catch (IOException | RuntimeException e) {
            // mfl-core reports a bad header or a cut-off file as IOException (EOFException) or as
            // an unchecked exception from its buffers; either way the file is not a readable MAT file.
            if (e instanceof java.util.concurrent.CancellationException cancelled) {
                throw cancelled;
            }
            String problem = bytes.length < Mat5.FILE_HEADER_SIZE
                    ? "is not a MAT file: " + bytes.length + " bytes, shorter than the " + Mat5.FILE_HEADER_SIZE + "-byte header"
                    : "is not a readable MATLAB level 5 (v6/v7) MAT file or is truncated: " + e.getMessage();
            throw DataFormatException.at(file, null, problem, e);
        }
    }

    /** The variable {@code name} as a real, non-logical, non-sparse numeric 2-D matrix. */
    private static Matrix realMatrix(Path file, Map<String, Array> variables, String name) throws DataFormatException {
        Array array = variables.get(name);
        if (array == null) {
            throw DataFormatException.at(file, name, "variable is missing (the file holds "
                    + (variables.isEmpty() ? "no variables" : String.join(", ", variables.keySet())) + ")");
        }
        MatlabType type = array.getType();
        boolean numeric = type != MatlabType.Cell && type != MatlabType.Structure && type != MatlabType.Object
                && type != MatlabType.Character && type != MatlabType.Sparse && type != MatlabType.Function
                && type != MatlabType.Opaque;
        if (!numeric || !(array instanceof Matrix matrix) || matrix.isLogical()) {
            throw DataFormatException.at(file, name, "is a " + type + (array instanceof Matrix m && m.isLogical()
                    ? " logical" : "") + " array, expected a real numeric matrix");
        }
        if (matrix.isComplex()) {
            throw DataFormatException.at(file, name, "is complex, expected a real numeric matrix");
        }
        if (matrix.getNumDimensions() != 2) {
            throw DataFormatException.at(file, name, "has " + matrix.getNumDimensions() + " dimensions, expected a matrix");
        }
        return matrix;
    }

    private static double finite(Path file, Variable matrix, int row, int column) throws DataFormatException {
        double value = matrix.get(row, column);
        if (!Double.isFinite(value)) {
            throw DataFormatException.at(file, matrix.name() + "(" + (row + 1) + "," + (column + 1) + ")", value + " is not finite");
        }
        return value;
    }

    /** The side of a square image of {@code inputs} pixels, or 0 if it is not a positive square. */
    private static int squareSide(int inputs) {
        int side = (int) Math.round(Math.sqrt(Math.max(inputs, 0)));
        return side > 0 && side * side == inputs ? side : 0;
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
