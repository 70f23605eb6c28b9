package org.hiddenneurons.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.AtomicFiles;

/**
 * A weight matrix (Θ1, Θ2 or their gradients) as CSV in the Θ layout: one matrix row per line,
 * values separated by commas, bias in the first column, no header. Values are written with
 * {@link Double#toString(double)}, which {@link Double#parseDouble(String)} reads back bit-exact.
 */
public final class WeightsCsv {

    /** File names of the exported weight matrices. */
    public static final String THETA1_FILE = "Theta1.csv";
    public static final String THETA2_FILE = "Theta2.csv";
    /** File names of the exported gradients. */
    public static final String THETA1_GRADIENT_FILE = "Theta1_grad.csv";
    public static final String THETA2_GRADIENT_FILE = "Theta2_grad.csv";

    /**
     * A row-major matrix read from a CSV file.
     *
     * @param values rows×columns, row-major
     */
    public record Matrix(int rows, int columns, double[] values) {
    }

    private WeightsCsv() {
    }

    /**
     * Writes a rows×columns row-major matrix (atomically).
     *
     * @param values rows×columns values, not modified
     */
    public static void write(Path file, double[] values, int rows, int columns) throws IOException {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " matrix needs " + rows * columns
                    + " values, got " + values.length);
        }
        AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(values[r * columns + c]);
                }
                line.append('\n');
                writer.write(line.toString());
            }
            writer.flush();
        });
    }

    /** Reads a matrix written by {@link #write}: every line the same number of finite numbers. */
    public static Matrix read(Path file) throws DataFormatException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (!rows.isEmpty() && fields.length != rows.get(0).length) {
                    throw DataFormatException.at(file, "line " + lineNumber,
                            "has " + fields.length + " values, expected " + rows.get(0).length);
                }
                double[] row = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String text = fields[i].trim();
                    try {
                        row[i] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw DataFormatException.at(file, "line " + lineNumber + ", field " + (i + 1),
                                "\"" + text + "\" is not a number");
                    }
                    if (!Double.isFinite(row[i])) {
                        throw DataFormatException.at(file, "line " + lineNumber + ", field " + (i + 1),
                                text + " is not a finite number");
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw DataFormatException.at(file, null, "is empty");
        }
        int columns = rows.get(0).length;
        double[] values = new double[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns, columns);
        }
        return new Matrix(rows.size(), columns, values);
    }
}
