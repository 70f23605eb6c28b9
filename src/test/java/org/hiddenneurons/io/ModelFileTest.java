package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.train.Augmentation;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static final String V1_RESOURCE = "/io/model-v1.json";
    private static final String SOURCE = "test.json";
    private static final String SHA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path folder;

    private static SavedModel randomModel(Random random, NetworkSpec spec, TrainingConfig config) {
        WeightBuffers weights = Initializer.GLOROT.initialize(spec, random).mutableCopy();
        double[] awkward = {-0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0 / 3.0, 1e-310,
            0.1 + 0.2, Math.PI * 1e200, Math.ulp(1.0)};
        System.arraycopy(awkward, 0, weights.theta1(), 0, Math.min(awkward.length, weights.theta1().length));
        for (int i = 0; i < weights.theta2().length; i++) {
            weights.theta2()[i] = Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                    * (random.nextBoolean() ? 1 : -1);
        }
        return new SavedModel(weights.toNetwork(), config, "some data", SHA, 17);
    }

    private static SavedModel roundTrip(SavedModel model) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, model);
        return ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), SOURCE);
    }

    private static void assertSameModel(SavedModel expected, SavedModel actual) {
        assertEquals(expected.network().spec(), actual.network().spec());
        assertArrayEquals(expected.network().theta1Copy(), actual.network().theta1Copy()); // compares the bits
        assertArrayEquals(expected.network().theta2Copy(), actual.network().theta2Copy());
        assertEquals(expected.config(), actual.config());
        assertEquals(expected.datasetName(), actual.datasetName());
        assertEquals(expected.datasetSha256(), actual.datasetSha256());
        assertEquals(expected.epochs(), actual.epochs());
    }

    @Test
    void roundTripKeepsEveryFieldAndBitExactWeights() throws Exception {
        Random random = new Random(42);
        TrainingConfig config = new TrainingConfig(7, Activation.RELU, OutputLayer.SOFTMAX_CROSS_ENTROPY,
                Initializer.GLOROT, OptimizerKind.LBFGS, 0.123456789012345, 0.5, 33, 12, 3.0e-4, Long.MIN_VALUE,
                true, new Augmentation(1.25, 7.5, 0.0625, 0.3, 12.5, 2.75, 0.33));
        NetworkSpec spec = new NetworkSpec(4, 3, 7, 5, Activation.RELU, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        for (int trial = 0; trial < 20; trial++) {
            SavedModel model = randomModel(random, spec, config.withSeed(random.nextLong()));
            assertSameModel(model, roundTrip(model));
        }
    }

    @Test
    void roundTripOfTheDefaultsThroughAFile() throws Exception {
        TrainingConfig config = TrainingConfig.defaults();
        SavedModel model = randomModel(new Random(42), config.spec(20, 20, 10), config);
        Path file = folder.resolve("model.json");
        ModelFile.save(file, model);
        assertSameModel(model, ModelFile.load(file));
    }

    @Test
    void theDeskewStepRoundTripsAndIsWrittenOnlyByModelsThatNameIt() throws Exception {
        TrainingConfig plain = TrainingConfig.defaults().withDeskew(false);
        SavedModel withStep = randomModel(new Random(7), plain.spec(20, 20, 10), plain.withDeskew(true));
        SavedModel loaded = roundTrip(withStep);
        assertTrue(loaded.config().deskew());
        assertSameModel(withStep, loaded);
        SavedModel without = randomModel(new Random(7), plain.spec(20, 20, 10), plain);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, without);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("deskew"), "a model without the step keeps the format it had before");
        assertFalse(ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), SOURCE).config().deskew());
    }

    @Test
    void theInputBlurStepRoundTripsAndIsWrittenOnlyByModelsThatNameIt() throws Exception {
        TrainingConfig plain = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
        SavedModel withStep = randomModel(new Random(7), plain.spec(20, 20, 10), plain.withInputBlur(0.6));
        SavedModel loaded = roundTrip(withStep);
        assertEquals(0.6, loaded.config().inputBlur());
        assertTrue(loaded.config().deskew());
        assertSameModel(withStep, loaded);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, randomModel(new Random(7), plain.spec(20, 20, 10), plain));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("inputBlur"),
                "a model without the step keeps the format it had before");
        assertEquals(0.0, ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), SOURCE).config().inputBlur());
    }

    @Test
    void randomErasingRoundTripsAndIsWrittenOnlyByModelsThatUseIt() throws Exception {
        TrainingConfig plain = TrainingConfig.defaults().withAugmentation(Augmentation.SHIFTS); // the defaults erase
        TrainingConfig erasing = plain.withAugmentation(
                plain.augmentation().withErasing(0.25, 4.0, 8.5, Augmentation.EraseShape.DISC, 0.75));
        SavedModel withStep = randomModel(new Random(7), plain.spec(20, 20, 10), erasing);
        SavedModel loaded = roundTrip(withStep);
        assertEquals(erasing.augmentation(), loaded.config().augmentation());
        assertSameModel(withStep, loaded);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, randomModel(new Random(7), plain.spec(20, 20, 10), plain));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("erase"),
                "a model without erasing keeps the format it had before");
        assertFalse(ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), SOURCE).config().augmentation().erases());
    }

    @Test
    void anUnknownEraseShapeIsNamed() throws Exception {
        TrainingConfig plain = TrainingConfig.defaults();
        SavedModel model = randomModel(new Random(7), plain.spec(20, 20, 10), plain.withAugmentation(
                plain.augmentation().withErasing(0.5, 4.0, 8.0, Augmentation.EraseShape.SQUARE, 0.0)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, model);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertContains(failure(replaceOnce(text, "\"square\"", "\"star\"")),
                "training.augmentation.eraseShape", "unknown erase shape 'star'");
    }

    @Test
    void anInputBlurThatIsNotAPositiveNumberIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"augment\": true", "\"augment\": true, \"inputBlur\": 0")),
                "training.inputBlur", "expected a blur sigma > 0 pixels");
        assertContains(failure(replaceOnce(v1Text(), "\"augment\": true", "\"augment\": true, \"inputBlur\": \"0.6\"")),
                "training.inputBlur", "expected a number");
    }

    @Test
    void aDeskewThatIsNotABooleanIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"augment\": true", "\"augment\": true, \"deskew\": \"yes\"")),
                "training.deskew", "expected true or false");
    }

    @Test
    void unknownTrainingSettingsAndDatasetRoundTrip() throws Exception {
        Network network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42));
        SavedModel model = new SavedModel(network, null, "", "", 0);
        SavedModel loaded = roundTrip(model);
        assertNull(loaded.config());
        assertSameModel(model, loaded);
    }

    @Test
    void versionOneFileLoadsWithExpectedValues() throws Exception {
        SavedModel model;
        try (InputStream in = ModelFileTest.class.getResourceAsStream(V1_RESOURCE)) {
            model = ModelFile.read(in, V1_RESOURCE);
        }
        assertEquals(new NetworkSpec(3, 2, 4, 3, Activation.TANH, OutputLayer.SOFTMAX_CROSS_ENTROPY),
                model.network().spec());
        double[] theta1 = model.network().theta1Copy();
        assertEquals(4 * 7, theta1.length);
        assertEquals(0.1, theta1[0]);
        assertEquals(-1.0 / 3.0, theta1[1]);
        assertEquals(1e-300, theta1[2]);
        assertEquals(123456.789, theta1[3]);
        assertEquals(-0.12751790424456894, theta1[3 * 7 + 6]);
        double[] theta2 = model.network().theta2Copy();
        assertEquals(3 * 5, theta2.length);
        assertEquals(0.8777435238765326, theta2[0]);
        assertEquals(-0.6461640020073144, theta2[2 * 5 + 4]);
        assertEquals(new TrainingConfig(4, Activation.TANH, OutputLayer.SOFTMAX_CROSS_ENTROPY, Initializer.GLOROT,
                OptimizerKind.SGD, 0.05, 0.8, 16, 7, 0.25, 1234567890123L, true, Augmentation.SHIFTS), model.config(),
                "a version-1 file without augmentation limits was written when augmentation meant ±1 px shifts");
        assertEquals("tiny \"test\" set", model.datasetName());
        assertEquals("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", model.datasetSha256());
        assertEquals(7, model.epochs());
    }

    private static String v1Text() throws IOException {
        try (InputStream in = ModelFileTest.class.getResourceAsStream(V1_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Loads {@code text}, expects a failure and returns its message. */
    private static String failure(String text) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE));
        assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should contain '" + part + "'");
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        assertTrue(text.contains(from), from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        String text = replaceOnce(v1Text(), "\"inputs\": 6,", "\"inputs\": 6,,");
        assertContains(failure(text), "line 5, column", "malformed JSON");
    }

    @Test
    void truncatedFileIsMalformedJson() throws Exception {
        String text = v1Text();
        assertContains(failure(text.substring(0, text.length() / 2)), "malformed JSON", "line ");
    }

    @Test
    void emptyFileIsRejected() {
        assertContains(failure(""), "empty");
    }

    @Test
    void unsupportedVersionIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"formatVersion\": 1", "\"formatVersion\": 99")),
                "formatVersion: unsupported version 99", "reads version 1");
    }

    @Test
    void missingVersionIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"formatVersion\": 1,", "")), "formatVersion: missing");
    }

    @Test
    void missingThetaTwoIsNamed() throws Exception {
        String text = v1Text();
        int start = text.indexOf("  \"theta2\"");
        int end = text.indexOf("  \"training\"");
        assertContains(failure(text.substring(0, start) + text.substring(end)), "theta2: missing");
    }

    @Test
    void shortRowIsNamedWithItsLength() throws Exception {
        String text = replaceOnce(v1Text(), "0.11005523452782122, ", "");
        assertContains(failure(text), "theta1: row 3 has 6 values, expected 7");
    }

    @Test
    void missingRowIsNamed() throws Exception {
        String text = replaceOnce(v1Text(),
                "    [-0.07903338375945193, -0.050571217819323, -0.05735914610879288, 0.6060833585187123,"
                        + " -0.6461640020073144]\n", "");
        text = replaceOnce(text, "-0.12098416134830083],", "-0.12098416134830083]");
        assertContains(failure(text), "theta2: has 2 rows, expected 3");
    }

    @Test
    void notANumberIsNamedByPosition() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "0.5934355438076687", "NaN")),
                "theta2: row 1, column 0: NaN is not a finite number");
    }

    @Test
    void overflowingNumberIsNotFinite() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "123456.789", "1e999")),
                "theta1: row 0, column 3", "not a finite number");
    }

    @Test
    void textInsteadOfNumberIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "123456.789", "\"big\"")),
                "theta1: row 0, column 3: expected a number, got \"big\"");
    }

    @Test
    void unknownActivationIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"hiddenActivation\": \"tanh\"", "\"hiddenActivation\": \"swish\"")),
                "hiddenActivation: unknown activation 'swish'");
    }

    @Test
    void inconsistentSizesAreNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"inputs\": 6", "\"inputs\": 7")), "inputs: 7 is not");
        assertContains(failure(replaceOnce(v1Text(), "\"hidden\": 4", "\"hidden\": 5")), "theta1: has 4 rows, expected 5");
        assertContains(failure(replaceOnce(v1Text(), "\"hiddenSize\": 4", "\"hiddenSize\": 5")),
                "training.hiddenSize: 5 does not match hidden = 4");
    }

    @Test
    void badTrainingSettingsAreNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"optimizer\": \"sgd\"", "\"optimizer\": \"rmsprop\"")),
                "training.optimizer: unknown optimizer 'rmsprop'");
        assertContains(failure(replaceOnce(v1Text(), "\"learningRate\": 0.05", "\"learningRate\": -1")),
                "training: learning rate must be a positive number");
        assertContains(failure(replaceOnce(v1Text(), "\"seed\": 1234567890123", "\"seed\": 1.5")),
                "training.seed: expected a 64-bit integer");
        assertContains(failure(replaceOnce(v1Text(), "\"augment\": true", "\"augment\": \"yes\"")),
                "training.augment: expected true or false");
    }

    @Test
    void unknownAndDuplicateFieldsAreRejected() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "\"epochs\": 7\n}", "\"epochs\": 7,\n  \"colour\": 1\n}")),
                "colour: unknown field");
        assertContains(failure(replaceOnce(v1Text(), "\"epochs\": 7\n}", "\"epochs\": 7,\n  \"epochs\": 8\n}")),
                "malformed JSON", "Duplicate field 'epochs'");
    }

    @Test
    void badDatasetHashIsNamed() throws Exception {
        assertContains(failure(replaceOnce(v1Text(), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "xyz")), "dataset.sha256: expected 64 lower-case hex digits");
    }

    @Test
    void missingFileSaysSo() {
        Path missing = folder.resolve("absent.json");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ModelFile.load(missing));
        assertEquals(missing + ": does not exist", e.getMessage());
    }

    private List<Path> folderContents() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void saveReplacesTheOldFileAndLeavesNoTempFile() throws Exception {
        Path file = folder.resolve("model.json");
        Random random = new Random(42);
        TrainingConfig config = TrainingConfig.defaults();
        SavedModel first = randomModel(random, config.spec(20, 20, 10), config);
        SavedModel second = randomModel(random, config.spec(20, 20, 10), config);
        ModelFile.save(file, first);
        ModelFile.save(file, second);
        assertSameModel(second, ModelFile.load(file));
        assertEquals(List.of(file), folderContents());
    }

    @Test
    void failedSaveKeepsTheOldFileAndRemovesTheTempFile() throws Exception {
        Path file = folder.resolve("model.json");
        Random random = new Random(42);
        TrainingConfig config = TrainingConfig.defaults();
        SavedModel old = randomModel(random, config.spec(20, 20, 10), config);
        ModelFile.save(file, old);
        byte[] oldBytes = Files.readAllBytes(file);
        SavedModel replacement = randomModel(random, config.spec(20, 20, 10), config);
        Path[] seenTemp = new Path[1];
        IOException e = assertThrows(IOException.class, () -> ModelFile.save(file, replacement, temp -> {
            seenTemp[0] = temp;
            assertTrue(Files.size(temp) > 0);
            throw new IOException("disk full (injected)");
        }));
        assertEquals("disk full (injected)", e.getMessage());
        assertEquals(folder, seenTemp[0].getParent(), "the temp file lives beside the target");
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertEquals(List.of(file), folderContents());
    }

    @Test
    void nonFiniteWeightsAreNeverWritten() throws Exception {
        Path file = folder.resolve("model.json");
        TrainingConfig config = TrainingConfig.defaults();
        SavedModel old = randomModel(new Random(42), config.spec(20, 20, 10), config);
        ModelFile.save(file, old);
        byte[] oldBytes = Files.readAllBytes(file);
        WeightBuffers brokenWeights = old.network().mutableCopy();
        brokenWeights.theta2()[5] = Double.NaN;
        Network broken = brokenWeights.toNetwork();
        assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(file, new SavedModel(broken, config, "", "", 1)));
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertEquals(List.of(file), folderContents());
    }

    @Test
    void saveIntoMissingFolderFailsWithoutLeftovers() {
        Path file = folder.resolve("no/such/folder/model.json");
        SavedModel model = new SavedModel(Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42)), null,
                "", "", 0);
        assertThrows(IOException.class, () -> ModelFile.save(file, model));
    }

    @Test
    void thetaRowsAreOneLineEach() throws Exception {
        NetworkSpec spec = NetworkSpec.DEFAULT;
        SavedModel model = new SavedModel(Initializer.UNIFORM.initialize(spec, new Random(42)), null, "", "", 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, model);
        long rowLines = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("    [")).count();
        assertEquals(spec.hiddenSize() + spec.outputSize(), rowLines);
    }
}
