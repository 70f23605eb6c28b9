package org.hiddenneurons.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.data.AtomicFiles;

/**
 * A whole training run in one versioned JSON file, for replay: the settings (seed included), the
 * data set and its split, the metrics of every epoch and the kept weight snapshots of a
 * {@link TrainingHistory}.
 *
 * <p>Format version 2, every field required (UTF-8 JSON object, no other fields allowed):
 * <pre>
 * formatVersion       2
 * split               {"rule": "standard" | "separate" | "none", "trainSize": n ≥ 1, "testSize": n ≥ 0}
 *                     standard: sample i of the data set is a test sample when i % 5 == 4
 *                     ({@link Split}); separate: given train and test sets; none: no test set
 * maxWeightSnapshots  the history's bound (≥ 2)
 * metrics             columns of equal length, one entry per recorded snapshot (null = no value):
 *                     {"step": [...], "epoch": [...], "trainLoss": [...], "testLoss": [...],
 *                      "trainAccuracy": [...], "testAccuracy": [...], "seconds": [...]}
 *                     steps ascending (training steps = mini-batches), epochs (completed)
 *                     never decreasing
 * snapshots           1 to maxWeightSnapshots objects, ascending steps:
 *                     {"step": n ≥ 0, "stepsPerEpoch": n ≥ 1, "state": TrainingState name,
 *                      "message": text, "model": a model file}
 * </pre>
 * Each snapshot's {@code model} is a complete {@link ModelFile} document (its weights, the run's
 * settings and data set, {@code epochs} = the snapshot's completed epochs); all snapshots carry the
 * same architecture, settings and data set, and each snapshot's step has a row in {@code metrics}
 * with the same epoch. Weights and metrics load bit-exact.
 *
 * <p>Version 1 (still read): no {@code step} column and no snapshot {@code step} /
 * {@code stepsPerEpoch}; instead a top-level {@code stride} (≥ 1, the old even thinning; ignored)
 * and strictly ascending epochs. Its rows and snapshots count one step per epoch (step = epoch).
 */
public final class TrainingRunFile {

    /** The format version this build writes. */
    public static final int FORMAT_VERSION = 2;
    /** The first format (per-epoch snapshots, no steps), still read. */
    static final int VERSION_1 = 1;
    /**
     * Largest run file read. Measured: a 20 000-epoch run of the 400-25-10 network (158 snapshots
     * kept) is 37 MB, ≈ 0.24 MB per snapshot, so 200 snapshots are ≈ 47 MB.
     */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    /** The metric columns of both versions after {@code epoch} (version 2 adds {@value #STEP} before it). */
    private static final String[] METRIC_COLUMNS = {"epoch", "trainLoss", "testLoss", "trainAccuracy",
            "testAccuracy", "seconds"};
    private static final String STEP = "step";
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("formatVersion", "split", "maxWeightSnapshots",
            "metrics", "snapshots");
    private static final Set<String> TOP_LEVEL_FIELDS_V1 = Set.of("formatVersion", "split", "maxWeightSnapshots",
            "stride", "metrics", "snapshots");
    private static final Set<String> SPLIT_FIELDS = Set.of("rule", "trainSize", "testSize");
    private static final Set<String> METRICS_FIELDS_V1 = Set.of(METRIC_COLUMNS);
    private static final Set<String> METRICS_FIELDS = union(METRICS_FIELDS_V1, STEP);
    private static final Set<String> SNAPSHOT_FIELDS_V1 = Set.of("state", "message", "model");
    private static final Set<String> SNAPSHOT_FIELDS = union(SNAPSHOT_FIELDS_V1, STEP, "stepsPerEpoch");
    private static final double NANOS_PER_SECOND = 1e9;

    private static final JsonFactory WRITER = new JsonFactory();

    /** How the data set was divided into training and test samples. */
    public enum SplitRule {
        /** Sample i is a test sample when i % {@value Split#TEST_EVERY} == {@value Split#TEST_REMAINDER}. */
        STANDARD,
        /** Separate training and test sets (e.g. MNIST's files). */
        SEPARATE,
        /** No test set. */
        NONE;

        /** The id used in the file: the lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The split of a run.
     *
     * @param rule      how samples were assigned
     * @param trainSize training samples (≥ 1)
     * @param testSize  test samples (≥ 0; 0 for {@link SplitRule#NONE})
     */
    public record SplitInfo(SplitRule rule, int trainSize, int testSize) {

        public SplitInfo {
            if (rule == null) {
                throw new IllegalArgumentException("a split needs a rule");
            }
            if (trainSize < 1 || testSize < 0 || (rule == SplitRule.NONE && testSize != 0)) {
                throw new IllegalArgumentException("bad split sizes for " + rule.id() + ": train " + trainSize
                        + ", test " + testSize);
            }
        }

        /** The standard split (i % 5 == 4 is a test sample) that {@code split} was made with. */
        public static SplitInfo standard(Split split) {
            return new SplitInfo(SplitRule.STANDARD, split.train().size(), split.test().size());
        }
    }

    /**
     * What a run file holds.
     *
     * @param config        the settings, seed included
     * @param datasetName   the training data set's name, "" if unknown
     * @param datasetSha256 hex SHA-256 of the data set's content, "" if unknown
     * @param split         how the data set was divided
     * @param history       the metrics and kept weight snapshots (at least one)
     */
    public record Run(TrainingConfig config, String datasetName, String datasetSha256, SplitInfo split,
                      TrainingHistory history) {
    }

    private TrainingRunFile() {
    }

    /** Reads and validates a run file. */
    public static Run load(Path file) throws DataFormatException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw DataFormatException.at(file, null, "is " + size + " bytes, more than the " + MAX_BYTES
                        + " a run file may have");
            }
        } catch (NoSuchFileException e) {
            throw DataFormatException.at(file, null, "does not exist", e);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads and validates a run from a stream; {@code sourceName} appears in errors. */
    public static Run read(InputStream in, String sourceName) throws DataFormatException {
        return new Parser(sourceName).run(JsonFileParser.readTree(in, sourceName));
    }

    /** Writes atomically: a temp file in the same folder, then a move over {@code file}. */
    public static void save(Path file, Run run) throws IOException {
        checkWritable(run);
        AtomicFiles.write(file, out -> write(out, run));
    }

    private static Set<String> union(Set<String> set, String... more) {
        java.util.HashSet<String> all = new java.util.HashSet<>(set);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** Writes the run as JSON to {@code out} (not closed). */
    public static void write(OutputStream out, Run run) throws IOException {
        List<TrainingSnapshot> snapshots = checkWritable(run);
        TrainingHistory history = run.history();
        List<EpochMetrics> metrics = history.metrics();
        try (JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Objects one field a line, arrays (weights rows, metric columns) on one line each.
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeObjectFieldStart("split");
            g.writeStringField("rule", run.split().rule().id());
            g.writeNumberField("trainSize", run.split().trainSize());
            g.writeNumberField("testSize", run.split().testSize());
            g.writeEndObject();
            g.writeNumberField("maxWeightSnapshots", history.maxWeightSnapshots());
            g.writeObjectFieldStart("metrics");
            g.writeArrayFieldStart(STEP);
            for (EpochMetrics m : metrics) {
                g.writeNumber(m.step());
            }
            g.writeEndArray();
            g.writeArrayFieldStart(METRIC_COLUMNS[0]);
            for (EpochMetrics m : metrics) {
                g.writeNumber(m.epoch());
            }
            g.writeEndArray();
            writeColumn(g, METRIC_COLUMNS[1], metrics.stream().mapToDouble(EpochMetrics::trainLoss).toArray());
            writeColumn(g, METRIC_COLUMNS[2], metrics.stream().mapToDouble(EpochMetrics::testLoss).toArray());
            writeColumn(g, METRIC_COLUMNS[3], metrics.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray());
            writeColumn(g, METRIC_COLUMNS[4], metrics.stream().mapToDouble(EpochMetrics::testAccuracy).toArray());
            writeColumn(g, METRIC_COLUMNS[5], metrics.stream().mapToDouble(EpochMetrics::elapsedSeconds).toArray());
            g.writeEndObject();
            g.writeArrayFieldStart("snapshots");
            for (TrainingSnapshot snapshot : snapshots) {
                g.writeStartObject();
                g.writeNumberField(STEP, snapshot.step());
                g.writeNumberField("stepsPerEpoch", snapshot.stepsPerEpoch());
                g.writeStringField("state", snapshot.state().name());
                g.writeStringField("message", snapshot.message());
                g.writeFieldName("model");
                ByteArrayOutputStream model = new ByteArrayOutputStream();
                ModelFile.write(model, new SavedModel(snapshot.network(), run.config(), run.datasetName(),
                        run.datasetSha256(), snapshot.epoch()));
                g.writeRawValue(model.toString(StandardCharsets.UTF_8).strip());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeColumn(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (double value : values) {
            if (Double.isNaN(value)) {
                g.writeNull();
            } else {
                g.writeNumber(value);
            }
        }
        g.writeEndArray();
    }

    /** Refuses to write what {@link #read} would reject; returns the snapshots to write. */
    private static List<TrainingSnapshot> checkWritable(Run run) {
        if (run.config() == null || run.split() == null || run.history() == null) {
            throw new IllegalArgumentException("a run file needs settings, a split and a history");
        }
        List<TrainingSnapshot> snapshots = run.history().snapshots();
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("the history has no snapshot to save");
        }
        List<EpochMetrics> metrics = run.history().metrics();
        for (TrainingSnapshot snapshot : snapshots) {
            if (metrics.stream().noneMatch(m -> m.step() == snapshot.step() && m.epoch() == snapshot.epoch())) {
                throw new IllegalArgumentException("snapshot of step " + snapshot.step() + " (epoch "
                        + snapshot.epoch() + ") has no metrics");
            }
        }
        for (EpochMetrics m : metrics) {
            for (double value : new double[] {m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy(),
                    m.elapsedSeconds()}) {
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("epoch " + m.epoch() + " has an infinite metric");
                }
            }
        }
        return snapshots;
    }

    /** Turns a JSON tree into a run, or fails naming the field. */
    private static final class Parser extends JsonFileParser {

        Parser(String source) {
            super(source);
        }

        Run run(JsonNode root) throws DataFormatException {
            if (root == null || !root.isObject()) {
                throw error(null, "expected a JSON object");
            }
            JsonNode version = required(root, "formatVersion");
            if (!version.canConvertToExactIntegral()
                    || (version.asInt() != FORMAT_VERSION && version.asInt() != VERSION_1)) {
                throw error("formatVersion", "version " + version + " is not supported (this build reads "
                        + VERSION_1 + " and " + FORMAT_VERSION + ")");
            }
            boolean v1 = version.asInt() == VERSION_1;
            checkFields(root, "", v1 ? TOP_LEVEL_FIELDS_V1 : TOP_LEVEL_FIELDS);
            SplitInfo split = split(required(root, "split"));
            int maxSnapshots = intAtLeast(root, "maxWeightSnapshots", "maxWeightSnapshots",
                    TrainingHistory.MIN_WEIGHT_SNAPSHOTS);
            if (v1) {
                intAtLeast(root, "stride", "stride", 1); // checked, no longer used (eviction keeps log spacing)
            }
            List<EpochMetrics> metrics = metrics(required(root, "metrics"), v1);
            JsonNode snapshotsNode = required(root, "snapshots");
            if (!snapshotsNode.isArray() || snapshotsNode.isEmpty() || snapshotsNode.size() > maxSnapshots) {
                throw error("snapshots", "expected an array of 1 to " + maxSnapshots + " snapshots");
            }
            List<TrainingSnapshot> snapshots = new ArrayList<>(snapshotsNode.size());
            SavedModel first = null;
            int metricsIndex = 0;
            for (int i = 0; i < snapshotsNode.size(); i++) {
                String path = "snapshots[" + i + "]";
                JsonNode node = snapshotsNode.get(i);
                if (!node.isObject()) {
                    throw error(path, "expected an object");
                }
                checkFields(node, path + ".", v1 ? SNAPSHOT_FIELDS_V1 : SNAPSHOT_FIELDS);
                SavedModel model = model(required(node, "model", path + ".model"), path + ".model");
                int step = v1 ? model.epochs() : intAtLeast(node, STEP, path + "." + STEP, 0);
                int stepsPerEpoch = v1 ? 1 : intAtLeast(node, "stepsPerEpoch", path + ".stepsPerEpoch", 1);
                if (first == null) {
                    if (model.config() == null) {
                        throw error(path + ".model.training", "a training run needs its settings, found null");
                    }
                    first = model;
                } else {
                    checkSameRun(first, model, path + ".model");
                    TrainingSnapshot previous = snapshots.get(snapshots.size() - 1);
                    if (step <= previous.step()) {
                        throw error(path + (v1 ? ".model.epochs" : "." + STEP), (v1 ? "epoch " : "step ") + step
                                + (v1 ? " does not follow epoch " : " does not follow step ") + previous.step());
                    }
                }
                while (metricsIndex < metrics.size() && metrics.get(metricsIndex).step() < step) {
                    metricsIndex++;
                }
                if (metricsIndex == metrics.size() || metrics.get(metricsIndex).step() != step) {
                    throw error(path + (v1 ? ".model.epochs" : "." + STEP), (v1 ? "epoch " : "step ") + step
                            + " has no row in metrics");
                }
                if (metrics.get(metricsIndex).epoch() != model.epochs()) {
                    throw error(path + ".model.epochs", "epoch " + model.epochs() + " differs from metrics' epoch "
                            + metrics.get(metricsIndex).epoch() + " at step " + step);
                }
                EpochMetrics m = metrics.get(metricsIndex);
                TrainingState state = state(node, path + ".state");
                String message = text(node, "message", path + ".message");
                snapshots.add(new TrainingSnapshot(m.epoch(), Math.max(first.config().epochs(), m.epoch()),
                        m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy(),
                        Math.round(m.elapsedSeconds() * NANOS_PER_SECOND), model.network(), state, message,
                        step, stepsPerEpoch));
            }
            TrainingHistory history = TrainingHistory.of(maxSnapshots, metrics, snapshots);
            return new Run(first.config(), first.datasetName(), first.datasetSha256(), split, history);
        }

        private SplitInfo split(JsonNode node) throws DataFormatException {
            if (!node.isObject()) {
                throw error("split", "expected an object");
            }
            checkFields(node, "split.", SPLIT_FIELDS);
            String ruleId = text(node, "rule", "split.rule");
            SplitRule rule = null;
            for (SplitRule candidate : SplitRule.values()) {
                if (candidate.id().equals(ruleId)) {
                    rule = candidate;
                }
            }
            if (rule == null) {
                throw error("split.rule", "\"" + ruleId + "\" is not one of standard, separate, none");
            }
            int trainSize = intAtLeast(node, "trainSize", "split.trainSize", 1);
            int testSize = intAtLeast(node, "testSize", "split.testSize", 0);
            if (rule == SplitRule.NONE && testSize != 0) {
                throw error("split.testSize", "must be 0 when the rule is none, found " + testSize);
            }
            return new SplitInfo(rule, trainSize, testSize);
        }

        private List<EpochMetrics> metrics(JsonNode node, boolean v1) throws DataFormatException {
            if (!node.isObject()) {
                throw error("metrics", "expected an object");
            }
            checkFields(node, "metrics.", v1 ? METRICS_FIELDS_V1 : METRICS_FIELDS);
            JsonNode steps = null;
            if (!v1) {
                steps = required(node, STEP, "metrics." + STEP);
                if (!steps.isArray()) {
                    throw error("metrics." + STEP, "expected an array");
                }
            }
            JsonNode[] columns = new JsonNode[METRIC_COLUMNS.length];
            for (int c = 0; c < columns.length; c++) {
                String path = "metrics." + METRIC_COLUMNS[c];
                columns[c] = required(node, METRIC_COLUMNS[c], path);
                if (!columns[c].isArray()) {
                    throw error(path, "expected an array");
                }
                if (columns[c].size() != columns[0].size()) {
                    throw error(path, "has " + columns[c].size() + " entries but metrics.epoch has "
                            + columns[0].size());
                }
            }
            List<EpochMetrics> metrics = new ArrayList<>(columns[0].size());
            for (int row = 0; row < columns[0].size(); row++) {
                String epochPath = "metrics.epoch[" + row + "]";
                JsonNode epochNode = columns[0].get(row);
                if (!epochNode.isIntegralNumber() || !epochNode.canConvertToInt() || epochNode.asInt() < 0) {
                    throw error(epochPath, "expected a whole number ≥ 0, found " + describe(epochNode));
                }
                int epoch = epochNode.asInt();
                int step = epoch;
                if (steps != null) {
                    String stepPath = "metrics.step[" + row + "]";
                    if (steps.size() != columns[0].size()) {
                        throw error("metrics." + STEP, "has " + steps.size() + " entries but metrics.epoch has "
                                + columns[0].size());
                    }
                    JsonNode stepNode = steps.get(row);
                    if (!stepNode.isIntegralNumber() || !stepNode.canConvertToInt() || stepNode.asInt() < 0) {
                        throw error(stepPath, "expected a whole number ≥ 0, found " + describe(stepNode));
                    }
                    step = stepNode.asInt();
                    if (row > 0 && step <= metrics.get(row - 1).step()) {
                        throw error(stepPath, "step " + step + " does not follow step " + metrics.get(row - 1).step());
                    }
                    if (row > 0 && epoch < metrics.get(row - 1).epoch()) {
                        throw error(epochPath, "epoch " + epoch + " comes after epoch " + metrics.get(row - 1).epoch());
                    }
                } else if (row > 0 && epoch <= metrics.get(row - 1).epoch()) {
                    throw error(epochPath, "epoch " + epoch + " does not follow epoch " + metrics.get(row - 1).epoch());
                }
                double[] values = new double[METRIC_COLUMNS.length - 1];
                for (int c = 1; c < METRIC_COLUMNS.length; c++) {
                    JsonNode value = columns[c].get(row);
                    String path = "metrics." + METRIC_COLUMNS[c] + "[" + row + "]";
                    if (value.isNull()) {
                        values[c - 1] = Double.NaN;
                    } else if (value.isNumber() && Double.isFinite(value.asDouble())) {
                        values[c - 1] = value.asDouble();
                    } else {
                        throw error(path, "expected a finite number or null, found " + describe(value));
                    }
                }
                metrics.add(new EpochMetrics(epoch, values[0], values[1], values[2], values[3], values[4], step));
            }
            return metrics;
        }

        /** Reads an embedded model with {@link ModelFile}, its errors prefixed with this file and {@code path}. */
        private SavedModel model(JsonNode node, String path) throws DataFormatException {
            byte[] bytes;
            try {
                bytes = JsonFileParser.MAPPER.writeValueAsBytes(node);
            } catch (JsonProcessingException e) {
                throw error(path, "cannot be re-encoded: " + e.getOriginalMessage());
            }
            return ModelFile.read(new ByteArrayInputStream(bytes), source + ": " + path);
        }

        private void checkSameRun(SavedModel first, SavedModel model, String path) throws DataFormatException {
            if (!model.network().spec().equals(first.network().spec())) {
                throw error(path, "architecture " + model.network().spec() + " differs from snapshots[0]'s "
                        + first.network().spec());
            }
            if (!first.config().equals(model.config())) {
                throw error(path + ".training", "settings differ from snapshots[0]'s");
            }
            if (!first.datasetName().equals(model.datasetName()) || !first.datasetSha256().equals(model.datasetSha256())) {
                throw error(path + ".dataset", "data set differs from snapshots[0]'s");
            }
        }

        private TrainingState state(JsonNode parent, String path) throws DataFormatException {
            String name = text(parent, "state", path);
            for (TrainingState state : TrainingState.values()) {
                if (state.name().equals(name)) {
                    return state;
                }
            }
            throw error(path, "\"" + name + "\" is not a training state");
        }

        private String text(JsonNode parent, String field, String path) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isTextual()) {
                throw error(path, "expected text, found " + describe(node));
            }
            return node.asText();
        }

        private int intAtLeast(JsonNode parent, String field, String path, int minimum) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < minimum) {
                throw error(path, "expected a whole number ≥ " + minimum + ", found " + describe(node));
            }
            return node.asInt();
        }

        private JsonNode required(JsonNode parent, String field) throws DataFormatException {
            return required(parent, field, field);
        }

        private static String describe(JsonNode node) {
            String text = node.toString();
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }    }
}
