package org.hiddenneurons.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.MatReader;
import org.hiddenneurons.train.Augmentation;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.data.AtomicFiles;

/**
 * The versioned, human-readable (JSON) model file.
 *
 * <p>Format version 1, every field required (UTF-8 JSON object, no other fields allowed):
 * <pre>
 * formatVersion     1
 * inputWidth        input image width in pixels        (≥ 1)
 * inputHeight       input image height in pixels       (≥ 1)
 * inputs            inputWidth · inputHeight
 * hidden            hidden units                       (≥ 1)
 * outputs           classes                            (≥ 2)
 * hiddenActivation  "sigmoid" | "tanh" | "relu"        (core.Activation ids)
 * outputLayer       "sigmoid" | "softmax"              (core.OutputLayer ids)
 * theta1            hidden rows of inputs+1 numbers: Θ1, bias in column 0
 * theta2            outputs rows of hidden+1 numbers: Θ2, bias in column 0
 * training          null (unknown) or an object with every TrainingConfig field:
 *                   hiddenSize, activation, outputLayer, initializer, optimizer (ids),
 *                   learningRate, momentum, batchSize, epochs, lambda, seed, augment; and
 *                   optionally augmentation {maxShift, maxRotationDegrees, maxScale, maxShear,
 *                   elasticAlpha, elasticSigma, maxThickness, and, only when erasing is on,
 *                   eraseProbability, eraseMinSize, eraseMaxSize, eraseShape ("square" | "disc"),
 *                   eraseEdge (absent = no erasing)} (train.Augmentation; files
 *                   without it were written when augmentation meant ±1 px shifts:
 *                   {@link Augmentation#SHIFTS}); and optionally deskew: true when the model's
 *                   inputs are deskewed ({@link TrainingConfig#prepare}; written only then,
 *                   absent = false, so files of models without the step are unchanged); and
 *                   optionally inputBlur: σ in pixels (&gt; 0) of the Gaussian blur the model's inputs
 *                   get after deskewing ({@link TrainingConfig#inputBlur}; written only when
 *                   positive, absent = 0)
 * dataset           {"name": …, "sha256": …}  ("" when unknown; sha256: {@link DatasetHash} of the
 *                   training samples. Files from before pixels were read as stored hash other
 *                   values: they load, and {@link DatasetMatch} reports DIFFERS)
 * epochs            epochs trained (≥ 0)
 * </pre>
 * Weights are written in Java's shortest round-trip decimal form, so they load bit-exact. Rows
 * are numbered from 0 in error messages, as in the JSON arrays. Java serialization is never used.
 */
public final class ModelFile {

    /** The format version this build writes. */
    public static final int FORMAT_VERSION = 1;

    static final String FORMAT_VERSION_FIELD = "formatVersion";

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of(FORMAT_VERSION_FIELD, "inputWidth", "inputHeight",
            "inputs", "hidden", "outputs", "hiddenActivation", "outputLayer", "theta1", "theta2", "training",
            "dataset", "epochs");
    private static final Set<String> TRAINING_FIELDS = Set.of("hiddenSize", "activation", "outputLayer",
            "initializer", "optimizer", "learningRate", "momentum", "batchSize", "epochs", "lambda", "seed",
            "augment", "augmentation", "deskew", "inputBlur");
    private static final Set<String> AUGMENTATION_FIELDS = Set.of("maxShift", "maxRotationDegrees", "maxScale",
            "maxShear", "elasticAlpha", "elasticSigma", "maxThickness", "eraseProbability", "eraseMinSize",
            "eraseMaxSize", "eraseShape", "eraseEdge");
    private static final Set<String> DATASET_FIELDS = Set.of("name", "sha256");
    private static final Pattern SHA256_HEX = Pattern.compile("|[0-9a-f]{64}");

    private static final JsonFactory WRITER = new JsonFactory();

    private ModelFile() {
    }

    /**
     * Opens what a user may offer as a model: this format, or the course's weights file
     * ({@code ex4weights.mat}: Theta1, Theta2; no training settings, no data set).
     */
    public static SavedModel open(Path file) throws DataFormatException {
        if (MatReader.isMatFileName(file)) {
            return new SavedModel(MatReader.readWeights(file), null, "", "", 0);
        }
        return load(file);
    }

    /** Reads and validates a model file. */
    public static SavedModel load(Path file) throws DataFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": does not exist", e);
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads and validates a model from a stream (e.g. the bundled default); {@code sourceName} appears in errors. */
    public static SavedModel read(InputStream in, String sourceName) throws DataFormatException {
        return new Parser(sourceName).model(JsonFileParser.readTree(in, sourceName));
    }

    /** Writes atomically: a temp file in the same folder, then a move over {@code file}. */
    public static void save(Path file, SavedModel model) throws IOException {
        save(file, model, tempFile -> { });
    }

    /** {@link #save(Path, SavedModel)} with a step before the move (package-private: for failure tests). */
    static void save(Path file, SavedModel model, AtomicFiles.BeforeMove beforeMove) throws IOException {
        checkWritable(model);
        AtomicFiles.write(file, out -> write(out, model), beforeMove);
    }

    /** Writes the model as JSON to {@code out} (not closed). */
    public static void write(OutputStream out, SavedModel model) throws IOException {
        checkWritable(model);
        Network network = model.network();
        NetworkSpec spec = network.spec();
        try (JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new ModelPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField(FORMAT_VERSION_FIELD, FORMAT_VERSION);
            g.writeNumberField("inputWidth", spec.inputWidth());
            g.writeNumberField("inputHeight", spec.inputHeight());
            g.writeNumberField("inputs", spec.inputSize());
            g.writeNumberField("hidden", spec.hiddenSize());
            g.writeNumberField("outputs", spec.outputSize());
            g.writeStringField("hiddenActivation", spec.hiddenActivation().id());
            g.writeStringField("outputLayer", spec.outputLayer().id());
            g.writeFieldName("theta1");
            writeMatrix(g, network.theta1Copy(), spec.hiddenSize(), spec.inputSize() + 1);
            g.writeFieldName("theta2");
            writeMatrix(g, network.theta2Copy(), spec.outputSize(), spec.hiddenSize() + 1);
            g.writeFieldName("training");
            TrainingConfig config = model.config();
            if (config == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberField("hiddenSize", config.hiddenSize());
                g.writeStringField("activation", config.activation().id());
                g.writeStringField("outputLayer", config.outputLayer().id());
                g.writeStringField("initializer", config.initializer().id());
                g.writeStringField("optimizer", config.optimizer().id());
                g.writeNumberField("learningRate", config.learningRate());
                g.writeNumberField("momentum", config.momentum());
                g.writeNumberField("batchSize", config.batchSize());
                g.writeNumberField("epochs", config.epochs());
                g.writeNumberField("lambda", config.lambda());
                g.writeNumberField("seed", config.seed());
                g.writeBooleanField("augment", config.augment());
                Augmentation a = config.augmentation();
                g.writeObjectFieldStart("augmentation");
                g.writeNumberField("maxShift", a.maxShift());
                g.writeNumberField("maxRotationDegrees", a.maxRotationDegrees());
                g.writeNumberField("maxScale", a.maxScale());
                g.writeNumberField("maxShear", a.maxShear());
                g.writeNumberField("elasticAlpha", a.elasticAlpha());
                g.writeNumberField("elasticSigma", a.elasticSigma());
                g.writeNumberField("maxThickness", a.maxThickness());
                if (a.erases()) {
                    g.writeNumberField("eraseProbability", a.eraseProbability());
                    g.writeNumberField("eraseMinSize", a.eraseMinSize());
                    g.writeNumberField("eraseMaxSize", a.eraseMaxSize());
                    g.writeStringField("eraseShape", a.eraseShape().id());
                    g.writeNumberField("eraseEdge", a.eraseEdge());
                }
                g.writeEndObject();
                if (config.deskew()) {
                    g.writeBooleanField("deskew", true);
                }
                if (config.inputBlur() > 0) {
                    g.writeNumberField("inputBlur", config.inputBlur());
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("dataset");
            g.writeStringField("name", model.datasetName());
            g.writeStringField("sha256", model.datasetSha256());
            g.writeEndObject();
            g.writeNumberField("epochs", model.epochs());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeMatrix(JsonGenerator g, double[] values, int rows, int columns) throws IOException {
        g.writeStartArray();
        for (int r = 0; r < rows; r++) {
            g.writeArray(values, r * columns, columns);
        }
        g.writeEndArray();
    }

    /** Refuses to write what {@link #read} would reject, so a saved file always loads. */
    private static void checkWritable(SavedModel model) {
        if (model.network() == null) {
            throw new IllegalArgumentException("a model file needs a network");
        }
        if (!model.network().isFinite()) {
            throw new IllegalArgumentException("the network has NaN or infinite weights and cannot be saved");
        }
        if (model.epochs() < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + model.epochs());
        }
        if (model.datasetName() == null || model.datasetSha256() == null
                || !SHA256_HEX.matcher(model.datasetSha256()).matches()) {
            throw new IllegalArgumentException("dataset name and sha256 (64 lower-case hex digits or \"\") must be given");
        }
    }

    /** Turns a JSON tree into a model, or fails naming the field. */
    private static final class Parser extends JsonFileParser {

        Parser(String source) {
            super(source);
        }

        SavedModel model(JsonNode root) throws DataFormatException {
            if (root == null || root.isMissingNode()) {
                throw error(null, "is empty, expected a JSON model object");
            }
            if (!root.isObject()) {
                throw error(null, "expected a JSON object, got " + describe(root));
            }
            JsonNode versionNode = root.get(FORMAT_VERSION_FIELD);
            if (versionNode == null) {
                throw error(FORMAT_VERSION_FIELD, "missing (is this a Hidden Neurons model file?)");
            }
            if (!versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
                throw error(FORMAT_VERSION_FIELD, "expected an integer, got " + describe(versionNode));
            }
            if (versionNode.intValue() != FORMAT_VERSION) {
                throw error(FORMAT_VERSION_FIELD, "unsupported version " + versionNode.intValue()
                        + " (this build reads version " + FORMAT_VERSION + ")");
            }
            checkFields(root, "", TOP_LEVEL_FIELDS);

            int inputWidth = positiveInt(root, "inputWidth", 1);
            int inputHeight = positiveInt(root, "inputHeight", 1);
            int inputs = positiveInt(root, "inputs", 1);
            if ((long) inputWidth * inputHeight != inputs) {
                throw error("inputs", inputs + " is not inputWidth x inputHeight = " + inputWidth + "x" + inputHeight);
            }
            int hidden = positiveInt(root, "hidden", 1);
            int outputs = positiveInt(root, "outputs", 2);
            Activation activation = byId(root, "hiddenActivation", "hiddenActivation", Activation::fromId);
            OutputLayer outputLayer = byId(root, "outputLayer", "outputLayer", OutputLayer::fromId);
            NetworkSpec spec = new NetworkSpec(inputWidth, inputHeight, hidden, outputs, activation, outputLayer);
            double[] theta1 = matrix(root, "theta1", hidden, inputs + 1);
            double[] theta2 = matrix(root, "theta2", outputs, hidden + 1);
            Network network = new Network(spec, theta1, theta2);

            TrainingConfig config = training(required(root, "training", "training"), spec);
            JsonNode dataset = required(root, "dataset", "dataset");
            if (!dataset.isObject()) {
                throw error("dataset", "expected an object with name and sha256, got " + describe(dataset));
            }
            checkFields(dataset, "dataset.", DATASET_FIELDS);
            String datasetName = text(dataset, "name", "dataset.name");
            String sha256 = text(dataset, "sha256", "dataset.sha256");
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw error("dataset.sha256", "expected 64 lower-case hex digits or \"\", got \"" + sha256 + "\"");
            }
            int epochs = nonNegativeInt(root, "epochs", "epochs");
            return new SavedModel(network, config, datasetName, sha256, epochs);
        }

        private TrainingConfig training(JsonNode node, NetworkSpec spec) throws DataFormatException {
            if (node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw error("training", "expected an object or null, got " + describe(node));
            }
            checkFields(node, "training.", TRAINING_FIELDS);
            int hiddenSize = positiveInt(node, "hiddenSize", "training.hiddenSize", 1);
            if (hiddenSize != spec.hiddenSize()) {
                throw error("training.hiddenSize", hiddenSize + " does not match hidden = " + spec.hiddenSize());
            }
            Activation activation = byId(node, "activation", "training.activation", Activation::fromId);
            if (activation != spec.hiddenActivation()) {
                throw error("training.activation", "'" + activation.id() + "' does not match hiddenActivation '"
                        + spec.hiddenActivation().id() + "'");
            }
            OutputLayer outputLayer = byId(node, "outputLayer", "training.outputLayer", OutputLayer::fromId);
            if (outputLayer != spec.outputLayer()) {
                throw error("training.outputLayer", "'" + outputLayer.id() + "' does not match outputLayer '"
                        + spec.outputLayer().id() + "'");
            }
            Initializer initializer = byId(node, "initializer", "training.initializer", Initializer::fromId);
            OptimizerKind optimizer = byId(node, "optimizer", "training.optimizer", OptimizerKind::fromId);
            double learningRate = finite(node, "learningRate", "training.learningRate");
            double momentum = finite(node, "momentum", "training.momentum");
            int batchSize = positiveInt(node, "batchSize", "training.batchSize", 1);
            int epochs = nonNegativeInt(node, "epochs", "training.epochs");
            double lambda = finite(node, "lambda", "training.lambda");
            long seed = longValue(node, "seed", "training.seed");
            JsonNode augment = required(node, "augment", "training.augment");
            if (!augment.isBoolean()) {
                throw error("training.augment", "expected true or false, got " + describe(augment));
            }
            Augmentation augmentation = node.has("augmentation") ? augmentation(node.get("augmentation"))
                    : Augmentation.SHIFTS;
            boolean deskew = false;
            if (node.has("deskew")) {
                JsonNode flag = node.get("deskew");
                if (!flag.isBoolean()) {
                    throw error("training.deskew", "expected true or false, got " + describe(flag));
                }
                deskew = flag.booleanValue();
            }
            double inputBlur = 0.0;
            if (node.has("inputBlur")) {
                inputBlur = finite(node, "inputBlur", "training.inputBlur");
                if (!(inputBlur > 0)) {
                    throw error("training.inputBlur", "expected a blur sigma > 0 pixels (absent = no blur), got "
                            + describe(node.get("inputBlur")));
                }
            }
            try {
                return new TrainingConfig(hiddenSize, activation, outputLayer, initializer, optimizer, learningRate,
                        momentum, batchSize, epochs, lambda, seed, augment.booleanValue(), augmentation, deskew,
                        inputBlur);
            } catch (IllegalArgumentException e) {
                throw error("training", e.getMessage());
            }
        }

        private Augmentation augmentation(JsonNode node) throws DataFormatException {
            if (!node.isObject()) {
                throw error("training.augmentation", "expected an object, got " + describe(node));
            }
            checkFields(node, "training.augmentation.", AUGMENTATION_FIELDS);
            String path = "training.augmentation.";
            try {
                Augmentation limits = new Augmentation(finite(node, "maxShift", path + "maxShift"),
                        finite(node, "maxRotationDegrees", path + "maxRotationDegrees"),
                        finite(node, "maxScale", path + "maxScale"), finite(node, "maxShear", path + "maxShear"),
                        finite(node, "elasticAlpha", path + "elasticAlpha"),
                        finite(node, "elasticSigma", path + "elasticSigma"),
                        finite(node, "maxThickness", path + "maxThickness"));
                if (!node.has("eraseProbability")) {
                    return limits;
                }
                return limits.withErasing(finite(node, "eraseProbability", path + "eraseProbability"),
                        finite(node, "eraseMinSize", path + "eraseMinSize"),
                        finite(node, "eraseMaxSize", path + "eraseMaxSize"),
                        byId(node, "eraseShape", path + "eraseShape", Augmentation.EraseShape::fromId),
                        finite(node, "eraseEdge", path + "eraseEdge"));
            } catch (IllegalArgumentException e) {
                throw error("training.augmentation", e.getMessage());
            }
        }

        /** Rows × columns numbers, row-major; allocated only after every row's length has been checked. */
        private double[] matrix(JsonNode parent, String field, int rows, int columns) throws DataFormatException {
            JsonNode node = required(parent, field, field);
            if (!node.isArray()) {
                throw error(field, "expected an array of " + rows + " rows, got " + describe(node));
            }
            if (node.size() != rows) {
                throw error(field, "has " + node.size() + " rows, expected " + rows);
            }
            for (int r = 0; r < rows; r++) {
                JsonNode row = node.get(r);
                if (!row.isArray()) {
                    throw error(field, "row " + r + " is not an array of numbers, got " + describe(row));
                }
                if (row.size() != columns) {
                    throw error(field, "row " + r + " has " + row.size() + " values, expected " + columns);
                }
            }
            double[] values = new double[rows * columns];
            for (int r = 0; r < rows; r++) {
                JsonNode row = node.get(r);
                for (int c = 0; c < columns; c++) {
                    JsonNode cell = row.get(c);
                    if (!cell.isNumber()) {
                        throw error(field, "row " + r + ", column " + c + ": expected a number, got " + describe(cell));
                    }
                    double value = cell.doubleValue();
                    if (!Double.isFinite(value)) {
                        throw error(field, "row " + r + ", column " + c + ": " + cell.asText() + " is not a finite number");
                    }
                    values[r * columns + c] = value;
                }
            }
            return values;
        }

        private int positiveInt(JsonNode parent, String field, int minimum) throws DataFormatException {
            return positiveInt(parent, field, field, minimum);
        }

        private int positiveInt(JsonNode parent, String field, String path, int minimum) throws DataFormatException {
            int value = intValue(parent, field, path);
            if (value < minimum) {
                throw error(path, "must be at least " + minimum + ", got " + value);
            }
            return value;
        }

        private int nonNegativeInt(JsonNode parent, String field, String path) throws DataFormatException {
            return positiveInt(parent, field, path, 0);
        }

        private int intValue(JsonNode parent, String field, String path) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error(path, "expected an integer, got " + describe(node));
            }
            return node.intValue();
        }

        private long longValue(JsonNode parent, String field, String path) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw error(path, "expected a 64-bit integer, got " + describe(node));
            }
            return node.longValue();
        }

        private double finite(JsonNode parent, String field, String path) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isNumber()) {
                throw error(path, "expected a number, got " + describe(node));
            }
            if (!Double.isFinite(node.doubleValue())) {
                throw error(path, node.asText() + " is not a finite number");
            }
            return node.doubleValue();
        }

        private String text(JsonNode parent, String field, String path) throws DataFormatException {
            JsonNode node = required(parent, field, path);
            if (!node.isTextual()) {
                throw error(path, "expected a string, got " + describe(node));
            }
            return node.textValue();
        }

        /** The constant named by the id at {@code path}; {@code fromId} throws IllegalArgumentException if unknown. */
        private <T> T byId(JsonNode parent, String field, String path, Function<String, T> fromId)
                throws DataFormatException {
            String id = text(parent, field, path);
            try {
                return fromId.apply(id);
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private static String describe(JsonNode node) {
            if (node.isNull()) {
                return "null";
            }
            if (node.isTextual()) {
                String text = node.textValue();
                return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            }
            if (node.isContainerNode()) {
                return node.isArray() ? "an array" : "an object";
            }
            return node.asText();
        }    }

    /**
     * Objects one field per line; the Θ matrices one row per line (arrays directly inside the
     * top-level object break their elements onto lines, deeper arrays stay on one line).
     */
    private static final class ModelPrettyPrinter implements PrettyPrinter {

        private static final String INDENT = "  ";
        private static final int LINE_BREAKING_ARRAY_DEPTH = 2;

        private final Deque<Boolean> breaksLines = new ArrayDeque<>();

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < breaksLines.size(); i++) {
                g.writeRaw(INDENT);
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            breaksLines.push(true);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            breaksLines.pop();
            if (nrOfEntries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            breaksLines.push(breaksLines.size() + 1 <= LINE_BREAKING_ARRAY_DEPTH);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (breaksLines.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (breaksLines.peek()) {
                newline(g);
            } else {
                g.writeRaw(' ');
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            boolean broke = breaksLines.pop();
            if (broke && nrOfValues > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
