package org.hiddenneurons.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.LoadProgress;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.DatasetMatch;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.io.WeightsCsv;

/** What several commands share: loading data, checking it fits a model, JSON lines. */
final class CliSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliSupport() {
    }

    /** The data set at {@code path}, or the bundled digits when {@code path} is null. */
    static Dataset loadData(Path path) throws DataFormatException {
        return path == null ? DigitsImage.loadBundled() : DatasetLoader.load(path);
    }

    /** The data set at {@code path} (the bundled digits when null) and its split ({@link DatasetLoader#loadSplit}). */
    static Split loadSplit(Path path) throws DataFormatException {
        return path == null ? Split.standard(DigitsImage.loadBundled()) : DatasetLoader.loadSplit(path, LoadProgress.NONE);
    }

    /** @throws UsageException if the data's images or classes do not fit the model */
    static void checkFits(SavedModel model, Path modelPath, Dataset data) {
        NetworkSpec spec = model.network().spec();
        if (data.width() != spec.inputWidth() || data.height() != spec.inputHeight()) {
            throw new UsageException(modelPath + " expects " + spec.inputWidth() + "x" + spec.inputHeight()
                    + " images, but " + data.name() + " has " + data.width() + "x" + data.height());
        }
        if (data.classCount() > spec.outputSize()) {
            throw new UsageException(modelPath + " has " + spec.outputSize() + " outputs, but " + data.name()
                    + " has " + data.classCount() + " classes");
        }
    }

    /**
     * Whether {@code model}'s stored data hash names {@code split}'s training samples
     * ({@link DatasetMatch}); when it does not, prints {@link #dataWarning} to {@code err} (one line).
     *
     * @param dataName what the user called the data set (the --data file name, or the bundled digits)
     */
    static DatasetMatch checkDataMatch(PrintWriter err, SavedModel model, Path modelPath, Split split,
                                       String dataName) {
        DatasetMatch match = DatasetMatch.of(model, split.train());
        if (match == DatasetMatch.DIFFERS) {
            err.println(dataWarning(model, modelPath, dataName));
        }
        return match;
    }

    /** The plain-language line for a model whose data hash does not match the data set it is run on. */
    static String dataWarning(SavedModel model, Path modelPath, String dataName) {
        return "Warning: " + modelPath + " was not trained on " + dataName + " (the data hash stored in the model"
                + (model.datasetName() == null || model.datasetName().isEmpty() ? ""
                : ", from " + model.datasetName()) + ", does not match this data set's training samples);"
                + " these figures are on data the model may never have seen, or on pixels an older version"
                + " read differently.";
    }

    /** The name of the data set at {@code path} for output lines: its file name, or the bundled digits. */
    static String dataName(Path path) {
        return path == null ? DigitsImage.NAME : String.valueOf(path.getFileName());
    }

    /** @throws UsageException if {@code lambda} (the --lambda option) is not a finite number ≥ 0 */
    static void checkLambda(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new UsageException("--lambda must be a number >= 0, got " + lambda);
        }
    }

    /** @throws UsageException if the folder a file will be written to does not exist */
    static void checkFolderExists(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException(file + ": folder " + folder + " does not exist");
        }
    }

    /**
     * Writes two matrices in the Θ layout of {@code networkSpec} (Θ1-shaped: hidden×(inputs+1), Θ2-shaped:
     * outputs×(hidden+1)) as {@link WeightsCsv} files in {@code folder} (created if missing), and says so on
     * {@code err}.
     */
    static void writeThetaCsv(PrintWriter err, NetworkSpec networkSpec, Path folder, String theta1Name,
                              double[] theta1Shaped, String theta2Name, double[] theta2Shaped) throws IOException {
        Files.createDirectories(folder);
        Path theta1File = folder.resolve(theta1Name);
        Path theta2File = folder.resolve(theta2Name);
        WeightsCsv.write(theta1File, theta1Shaped, networkSpec.hiddenSize(), networkSpec.inputSize() + 1);
        WeightsCsv.write(theta2File, theta2Shaped, networkSpec.outputSize(), networkSpec.hiddenSize() + 1);
        err.println("wrote " + theta1File + " and " + theta2File);
    }

    /** A value for a JSON line: non-finite numbers become null (JSON has no NaN). */
    static Object number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** {@code fields} as one line of JSON (keys in map order). */
    static String jsonLine(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of numbers and strings always serialise", e);
        }
    }
}
