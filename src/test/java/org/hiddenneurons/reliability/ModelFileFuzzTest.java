package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Saved model files ({@link ModelFile#load}): a small valid model saved by {@link ModelFile#save},
 * then byte mutations and JSON-aware ones (a value replaced by NaN, ±Infinity, 1e308, huge or
 * negative integers, a string, null, an array or an object; a field removed or added; a weight row
 * shortened or lengthened; size fields set to hostile values; deep nesting; a 10⁵-digit number).
 * A plain JUnit test with a seeded {@link Random}, so it can be skipped cleanly while ModelFile is
 * still a stub on this branch.
 */
class ModelFileFuzzTest {

    static final String FORMAT = "model file (JSON)";
    static final long SEED = 42;
    /** Each case saves and loads a model: half the usual tries keep the suite fast. */
    static final int TRIES = FuzzHarness.TRIES / 2;
    /** Hostile JSON values a field may be set to (as JSON text). */
    static final List<String> HOSTILE_VALUES = List.of("NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309",
            "-0", "-0.0", "4.9e-324", "1000000000", "2147483648", "-2147483649", "9223372036854775808", "-1", "0",
            "1.5", "\"abc\"", "\"../../etc/passwd\"", "\"\"", "null", "true", "[]", "[[]]", "{}", "[1e308]",
            "1" + "0".repeat(100_000));
    /** Deep enough to trip any recursive parser without a depth limit. */
    static final int NESTING_DEPTH = 100_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
    }

    @AfterAll
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.deleteTree(dir);
    }

    /** A valid saved model of random small shape, or skips the test while ModelFile is a stub. */
    static byte[] validModel(Random random, Path file) throws IOException {
        int width = 1 + random.nextInt(4);
        int height = 1 + random.nextInt(4);
        int outputs = 2 + random.nextInt(4);
        // With training settings the architecture must agree with them (hidden size, activation, output layer).
        TrainingConfig config = random.nextBoolean() ? null : TrainingConfig.defaults();
        int hidden = config == null ? 1 + random.nextInt(5) : config.hiddenSize();
        Activation activation = config == null ? Activation.values()[random.nextInt(Activation.values().length)]
                : config.activation();
        OutputLayer outputLayer = config == null ? OutputLayer.values()[random.nextInt(OutputLayer.values().length)]
                : config.outputLayer();
        NetworkSpec spec = new NetworkSpec(width, height, hidden, outputs, activation, outputLayer);
        double[] theta1 = random.doubles((long) hidden * (width * height + 1), -1, 1).toArray();
        double[] theta2 = random.doubles((long) outputs * (hidden + 1), -1, 1).toArray();
        SavedModel model = new SavedModel(new Network(spec, theta1, theta2), config, "digits.png", "",
                random.nextInt(100));
        ModelFile.save(file, model);
        return Files.readAllBytes(file);
    }

    @Test
    void modelFileIsReadOrRejectedNamingTheFile() throws IOException {
        Random random = new Random(SEED);
        Path file = dir.resolve("fuzz-model.json");
        for (int i = 0; i < TRIES; i++) {
            long caseSeed = random.nextLong();
            Random caseRandom = new Random(caseSeed);
            byte[] valid = validModel(caseRandom, file);
            Mutation mutation = mutation(caseRandom, valid);
            byte[] bytes = mutation.apply(valid);
            Files.write(file, bytes);
            String description = "case seed " + caseSeed + ", " + mutation;
            FuzzHarness.check(FORMAT, mutation.kind(), description, bytes.length, () -> ModelFile.load(file),
                    model -> checkModel(model, description), file.toString());
        }
    }

    @Test
    void pathInADatasetNameIsNeverOpened() throws IOException {
        Path file = dir.resolve("path-model.json");
        byte[] valid = validModel(new Random(SEED), file);
        ObjectNode root = (ObjectNode) JSON.readTree(valid);
        String text = new String(valid, StandardCharsets.UTF_8);
        // Whatever the field is called, every string value that names the data set now names a missing file.
        String poisoned = text.replace("\"digits.png\"", "\"" + dir.resolve("missing-dataset.csv") + "\"");
        assertNotEquals(text, poisoned, "the model file does not store the data set name: " + root.fieldNames());
        Files.writeString(file, poisoned);
        SavedModel model = assertTimeoutPreemptively(FuzzHarness.CASE_TIMEOUT, () -> ModelFile.load(file));
        assertEquals(dir.resolve("missing-dataset.csv").toString(), model.datasetName(),
                "the name is kept as text, not resolved or opened");
    }

    static void checkModel(SavedModel model, String description) {
        Network network = model.network();
        NetworkSpec spec = network.spec();
        long inputs = (long) spec.inputWidth() * spec.inputHeight();
        if (network.theta1Copy().length != spec.hiddenSize() * (inputs + 1)
                || network.theta2Copy().length != (long) spec.outputSize() * (spec.hiddenSize() + 1)) {
            fail(description + ": weights do not match the spec " + spec);
        }
        for (double[] weights : new double[][] {network.theta1Copy(), network.theta2Copy()}) {
            for (double weight : weights) {
                if (!Double.isFinite(weight)) {
                    fail(description + ": loaded a non-finite weight " + weight);
                }
            }
        }
        if (model.epochs() < 0) {
            fail(description + ": epochs " + model.epochs());
        }
    }

    /** One mutation drawn from the byte-level and JSON-level kinds. */
    static Mutation mutation(Random random, byte[] valid) {
        return switch (random.nextInt(8)) {
            case 0 -> Mutation.truncate(random.nextDouble());
            case 1 -> Mutation.flip(1 + random.nextInt(Mutation.MAX_FLIPS), random.nextLong());
            case 2 -> switch (random.nextInt(4)) {
                case 0 -> Mutation.empty();
                case 1 -> Mutation.garbage(1 + random.nextInt(Mutation.MAX_GARBAGE_BYTES), random.nextLong());
                case 2 -> Mutation.insert(random.nextDouble(), 1 + random.nextInt(Mutation.MAX_INSERTED), random.nextLong());
                default -> Mutation.none();
            };
            case 3, 4 -> setValue(random, valid);
            case 5 -> removeOrAddField(random, valid);
            case 6 -> reshapeRow(random, valid);
            default -> random.nextBoolean() ? deepNesting() : Mutation.repeat(2 + random.nextInt(4));
        };
    }

    /** Every node of the tree with the JSON pointer that reaches it. */
    private static List<Map.Entry<String, JsonNode>> nodes(JsonNode root) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String pointer, JsonNode node, List<Map.Entry<String, JsonNode>> out) {
        out.add(Map.entry(pointer, node));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(pointer + "/" + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), out);
            }
        }
    }

    /** Replaces the value at a random pointer by a hostile JSON value (edited as text: NaN is not JSON). */
    static Mutation setValue(Random random, byte[] valid) {
        List<Map.Entry<String, JsonNode>> nodes = nodes(readTree(valid));
        String pointer = nodes.get(1 + random.nextInt(nodes.size() - 1)).getKey();
        String value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        String shown = value.length() > 20 ? value.substring(0, 20) + "… (" + value.length() + " chars)" : value;
        return new Mutation(pointer.matches("/[a-zA-Z]+") ? "field := hostile value" : "nested value := hostile value",
                pointer + " := " + shown, bytes -> {
                    String marker = "\"__hostile_marker__\"";
                    JsonNode root = readTree(bytes);
                    replaceAt(root, pointer, JsonNodeFactory.instance.textNode("__hostile_marker__"));
                    return writeTree(root).replace(marker, value).getBytes(StandardCharsets.UTF_8);
                });
    }

    static Mutation removeOrAddField(Random random, byte[] valid) {
        List<Map.Entry<String, JsonNode>> objects = nodes(readTree(valid)).stream()
                .filter(e -> e.getValue().isObject()).toList();
        String pointer = objects.get(random.nextInt(objects.size())).getKey();
        boolean remove = random.nextBoolean();
        int pick = random.nextInt(1000);
        return new Mutation("field removed or added", (remove ? "remove a field of " : "add a field to ") + pointer + "/",
                bytes -> {
                    JsonNode root = readTree(bytes);
                    ObjectNode object = (ObjectNode) root.at(pointer);
                    if (remove && object.size() > 0) {
                        List<String> names = new ArrayList<>();
                        object.fieldNames().forEachRemaining(names::add);
                        object.remove(names.get(pick % names.size()));
                    } else {
                        object.put("extra", 1);
                    }
                    return writeTree(root).getBytes(StandardCharsets.UTF_8);
                });
    }

    /** Shortens or lengthens one array (a weight row, a matrix): a shape the header does not match. */
    static Mutation reshapeRow(Random random, byte[] valid) {
        List<Map.Entry<String, JsonNode>> arrays = nodes(readTree(valid)).stream()
                .filter(e -> e.getValue().isArray()).toList();
        if (arrays.isEmpty()) {
            return Mutation.none();
        }
        String pointer = arrays.get(random.nextInt(arrays.size())).getKey();
        boolean shorten = random.nextBoolean();
        return new Mutation("shape changed", (shorten ? "remove the last element of " : "append an element to ") + pointer,
                bytes -> {
                    JsonNode root = readTree(bytes);
                    ArrayNode array = (ArrayNode) root.at(pointer);
                    if (shorten && array.size() > 0) {
                        array.remove(array.size() - 1);
                    } else {
                        array.add(array.size() > 0 ? array.get(0).deepCopy() : JsonNodeFactory.instance.numberNode(0));
                    }
                    return writeTree(root).getBytes(StandardCharsets.UTF_8);
                });
    }

    static Mutation deepNesting() {
        return new Mutation("deep nesting", NESTING_DEPTH + " nested arrays", bytes ->
                ("[".repeat(NESTING_DEPTH) + "]".repeat(NESTING_DEPTH)).getBytes(StandardCharsets.UTF_8));
    }

    private static void replaceAt(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("the valid model file is not JSON", e);
        }
    }

    private static String writeTree(JsonNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
