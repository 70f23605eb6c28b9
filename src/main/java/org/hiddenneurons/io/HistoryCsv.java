package org.hiddenneurons.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.data.AtomicFiles;

/**
 * The loss and accuracy history of a run as CSV, one row per recorded snapshot (every epoch,
 * and every mini-batch of a lesson-paced first epoch):
 * <pre>
 * epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds,step
 * 0,0.6931,0.7012,0.8125,0.8010,0.042,17
 * </pre>
 * {@code epoch}: completed epochs (non-decreasing); {@code step}: training steps (mini-batches)
 * done, ascending. Files without the {@code step} column (written before it existed) still load,
 * one step per epoch.
 * Numbers are written in Java's shortest round-trip form ({@link Double#toString}), so reading a
 * written file gives back the same doubles; a missing value (no test set) is an empty field.
 * Accuracies are fractions in [0, 1].
 */
public final class HistoryCsv {

    /** The header row, the column order. */
    public static final String HEADER = "epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds,step";
    /** The header of files written before the step column. */
    static final String HEADER_WITHOUT_STEPS = "epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds";
    private static final String[] COLUMNS = HEADER.split(",");
    /** Columns holding doubles: trainLoss … seconds. */
    private static final int NUMBER_COLUMNS = 5;
    /** Rows read at most (a run of a million epochs is far beyond any real one). */
    static final int MAX_ROWS = 1_000_000;

    private HistoryCsv() {
    }

    /** Writes atomically ({@link AtomicFiles}): readers see the old file or the whole new one. */
    public static void save(Path file, List<EpochMetrics> history) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(writer, history);
            writer.flush();
        });
    }

    /** Writes the header and one row per entry (lines end with \n). */
    public static void write(Writer out, List<EpochMetrics> history) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (EpochMetrics m : history) {
            out.write(Integer.toString(m.epoch()));
            for (double value : new double[] {m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy(),
                    m.elapsedSeconds()}) {
                out.write(',');
                out.write(format(value));
            }
            out.write(',');
            out.write(Integer.toString(m.step()));
            out.write('\n');
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /**
     * Reads a history CSV written by {@link #save}: the header, then rows with an integer epoch
     * (ascending) and five numbers (empty = NaN).
     *
     * @throws DataFormatException naming the file, line and column of the first problem
     */
    public static List<EpochMetrics> load(Path file) throws DataFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot read: " + e.getMessage(), e);
        }
        boolean withSteps = !lines.isEmpty() && lines.get(0).strip().equals(HEADER);
        if (lines.isEmpty() || !(withSteps || lines.get(0).strip().equals(HEADER_WITHOUT_STEPS))) {
            throw DataFormatException.at(file, "line 1", "expected the header \"" + HEADER + "\"");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw DataFormatException.at(file, null, "more than " + MAX_ROWS + " rows");
        }
        List<EpochMetrics> history = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String place = "line " + (i + 1);
            String[] fields = line.split(",", -1);
            int columns = withSteps ? COLUMNS.length : COLUMNS.length - 1;
            if (fields.length != columns) {
                throw DataFormatException.at(file, place, "expected " + columns + " fields, found "
                        + fields.length);
            }
            int epoch = wholeNumber(file, place, 0, fields[0]);
            int step = withSteps ? wholeNumber(file, place, COLUMNS.length - 1, fields[COLUMNS.length - 1]) : epoch;
            EpochMetrics previous = history.isEmpty() ? null : history.get(history.size() - 1);
            if (previous != null && epoch < previous.epoch()) {
                throw DataFormatException.at(file, place + ", " + COLUMNS[0], "epoch " + epoch
                        + " comes after epoch " + previous.epoch());
            }
            if (previous != null && step <= previous.step()) {
                String column = withSteps ? COLUMNS[COLUMNS.length - 1] : COLUMNS[0];
                throw DataFormatException.at(file, place + ", " + column, column + " " + step
                        + " does not follow " + column + " " + previous.step());
            }
            double[] values = new double[NUMBER_COLUMNS];
            for (int c = 1; c <= NUMBER_COLUMNS; c++) {
                values[c - 1] = parse(file, place + ", " + COLUMNS[c], fields[c].strip());
            }
            history.add(new EpochMetrics(epoch, values[0], values[1], values[2], values[3], values[4], step));
        }
        return List.copyOf(history);
    }

    /** Column {@code column}'s whole number ≥ 0. */
    private static int wholeNumber(Path file, String place, int column, String field) throws DataFormatException {
        int value;
        try {
            value = Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw DataFormatException.at(file, place + ", " + COLUMNS[column], "\"" + field + "\" is not an integer");
        }
        if (value < 0) {
            throw DataFormatException.at(file, place + ", " + COLUMNS[column], COLUMNS[column] + " " + value
                    + " is negative");
        }
        return value;
    }

    private static double parse(Path file, String place, String text) throws DataFormatException {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw DataFormatException.at(file, place, "\"" + text + "\" is not a number");
        }
    }
}
