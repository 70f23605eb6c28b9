package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunFileTest {

    private static final int EPOCHS = 40;
    private static final int MAX_SNAPSHOTS = 6;
    private static final String SHA = "ab".repeat(32);
    private static final TrainingConfig CONFIG = new TrainingConfig(3, Activation.SIGMOID,
            OutputLayer.SOFTMAX_CROSS_ENTROPY, Initializer.UNIFORM, OptimizerKind.ADAM, 0.03, 0.9, 100, EPOCHS, 2.0, 7,
            false);

    @TempDir
    Path folder;

    /** A recorded run of a small network with random weights per epoch and no test values on even epochs. */
    private static TrainingHistory history() {
        NetworkSpec spec = new NetworkSpec(4, 3, 3, 4, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        Random random = new Random(42);
        TrainingHistory history = new TrainingHistory(MAX_SNAPSHOTS);
        for (int epoch = 0; epoch <= EPOCHS; epoch++) {
            double[] theta1 = random.doubles(spec.hiddenSize() * (spec.inputSize() + 1), -1, 1).toArray();
            double[] theta2 = random.doubles(spec.outputSize() * (spec.hiddenSize() + 1), -1, 1).toArray();
            boolean noTest = epoch % 2 == 0;
            history.record(new TrainingSnapshot(epoch, EPOCHS, random.nextDouble(),
                    noTest ? Double.NaN : random.nextDouble(), random.nextDouble(),
                    noTest ? Double.NaN : random.nextDouble(), epoch * 123_456_789L,
                    new Network(spec, theta1, theta2),
                    epoch == EPOCHS ? TrainingState.FINISHED : TrainingState.RUNNING, epoch == EPOCHS ? "done" : ""));
        }
        return history;
    }

    private static TrainingRunFile.Run run() {
        return new TrainingRunFile.Run(CONFIG, "digits.png", SHA,
                new TrainingRunFile.SplitInfo(TrainingRunFile.SplitRule.STANDARD, 4000, 1000), history());
    }

    @Test
    void aVersionOneRunFileStillOpensWithOneStepPerEpoch() throws Exception {
        Path fixture = Path.of(TrainingRunFileTest.class.getResource("/io/run-v1.run.json").toURI());
        TrainingRunFile.Run run = TrainingRunFile.load(fixture);

        assertEquals(12, run.config().epochs());
        assertEquals("tiny", run.datasetName());
        List<EpochMetrics> metrics = run.history().metrics();
        assertEquals(13, metrics.size());
        for (EpochMetrics m : metrics) {
            assertEquals(m.epoch(), m.step(), "version 1 counts one step per epoch");
        }
        assertEquals(1.0 / 8, metrics.get(7).trainLoss());
        // The weights were drawn by MakeRunV1.java (beside the fixture) from Random(16), epoch after epoch.
        Random random = new Random(16);
        java.util.Map<Integer, double[]> theta1ByEpoch = new java.util.HashMap<>();
        for (int epoch = 0; epoch <= 12; epoch++) {
            theta1ByEpoch.put(epoch, random.doubles(4 * 7, -1, 1).toArray());
            random.doubles(3 * 5, -1, 1).toArray();
        }
        List<TrainingSnapshot> snapshots = run.history().snapshots();
        assertEquals(0, snapshots.get(0).epoch());
        assertEquals(12, snapshots.get(snapshots.size() - 1).epoch());
        assertEquals(TrainingState.FINISHED, snapshots.get(snapshots.size() - 1).state());
        for (TrainingSnapshot s : snapshots) {
            assertEquals(s.epoch(), s.step());
            assertEquals(1, s.stepsPerEpoch());
            assertArrayEquals(theta1ByEpoch.get(s.epoch()), s.network().theta1Copy(), "epoch " + s.epoch());
        }
    }

    @Test
    void stepsOfAPacedRunSurviveTheRoundTrip() throws Exception {
        NetworkSpec spec = new NetworkSpec(4, 3, 3, 4, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        Random random = new Random(7);
        TrainingHistory history = new TrainingHistory(MAX_SNAPSHOTS);
        int stepsPerEpoch = 5;
        for (int step = 0; step <= 3 * stepsPerEpoch; step++) {
            int epoch = step / stepsPerEpoch;
            if (epoch > 0 && step % stepsPerEpoch != 0) {
                continue; // paced: every step of the first epoch, then epoch ends only
            }
            double[] theta1 = random.doubles(spec.hiddenSize() * (spec.inputSize() + 1), -1, 1).toArray();
            double[] theta2 = random.doubles(spec.outputSize() * (spec.hiddenSize() + 1), -1, 1).toArray();
            history.record(new TrainingSnapshot(epoch, 3, 1.0 / (step + 1), Double.NaN, 0.5, Double.NaN, step,
                    new Network(spec, theta1, theta2), TrainingState.RUNNING, "", step, stepsPerEpoch));
        }
        TrainingRunFile.Run original = new TrainingRunFile.Run(CONFIG, "digits.png", SHA,
                new TrainingRunFile.SplitInfo(TrainingRunFile.SplitRule.STANDARD, 4000, 1000), history);
        Path file = folder.resolve("paced.run.json");

        TrainingRunFile.save(file, original);
        TrainingRunFile.Run loaded = TrainingRunFile.load(file);

        assertEquals(List.of(0, 1, 2, 3, 4, 5, 10, 15),
                loaded.history().metrics().stream().map(EpochMetrics::step).toList());
        assertEquals(original.history().snapshots().stream().map(TrainingSnapshot::step).toList(),
                loaded.history().snapshots().stream().map(TrainingSnapshot::step).toList());
        assertTrue(loaded.history().snapshots().get(1).midEpoch());
        assertEquals(stepsPerEpoch, loaded.history().snapshots().get(1).stepsPerEpoch());
    }

    @Test
    void roundTripRestoresSettingsSplitMetricsAndWeightsBitExact() throws Exception {
        TrainingRunFile.Run original = run();
        Path file = folder.resolve("run.json");

        TrainingRunFile.save(file, original);
        TrainingRunFile.Run loaded = TrainingRunFile.load(file);

        assertEquals(original.config(), loaded.config());
        assertEquals("digits.png", loaded.datasetName());
        assertEquals(SHA, loaded.datasetSha256());
        assertEquals(original.split(), loaded.split());
        assertEquals(original.history().metrics(), loaded.history().metrics());
        assertEquals(original.history().maxWeightSnapshots(), loaded.history().maxWeightSnapshots());
        List<TrainingSnapshot> expected = original.history().snapshots();
        List<TrainingSnapshot> actual = loaded.history().snapshots();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            TrainingSnapshot e = expected.get(i);
            TrainingSnapshot a = actual.get(i);
            assertEquals(e.epoch(), a.epoch());
            assertEquals(e.step(), a.step());
            assertEquals(e.stepsPerEpoch(), a.stepsPerEpoch());
            assertEquals(e.state(), a.state());
            assertEquals(e.message(), a.message());
            assertEquals(e.trainLoss(), a.trainLoss());
            assertEquals(e.testLoss(), a.testLoss());
            assertEquals(e.elapsedNanos(), a.elapsedNanos());
            assertEquals(e.network().spec(), a.network().spec());
            assertArrayEquals(e.network().theta1Copy(), a.network().theta1Copy());
            assertArrayEquals(e.network().theta2Copy(), a.network().theta2Copy());
        }
    }

    @Test
    void savingOverAnExistingRunReplacesItWhole() throws Exception {
        Path file = folder.resolve("run.json");
        Files.writeString(file, "old content that is much longer than nothing at all");

        TrainingRunFile.save(file, run());

        assertEquals(EPOCHS + 1, TrainingRunFile.load(file).history().metricsCount());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList(), "no temp file left behind");
        }
    }

    @Test
    void malformedRunFilesNameFileAndField() throws Exception {
        assertRejects("{\"formatVersion\": 1", "line", "malformed JSON");
        assertRejects(mutate(root -> root.put("formatVersion", 3)), "formatVersion", "not supported");
        assertRejects(mutate(root -> root.put("extra", 1)), "extra", "unknown field");
        assertRejects(mutate(root -> root.put("stride", 1)), "stride", "unknown field"); // version 1 only
        assertRejects(mutate(root -> snapshot(root, 0).remove("step")), "snapshots[0].step", "missing");
        assertRejects(mutate(root -> split(root).put("rule", "random")), "split.rule", "not one of");
        assertRejects(mutate(root -> split(root).put("trainSize", 0)), "split.trainSize", "≥ 1");
        assertRejects(mutate(root -> metrics(root, "step").set(1, IntNode.valueOf(0))), "metrics.step[1]", "does not follow");
        assertRejects(mutate(root -> metrics(root, "epoch").set(2, IntNode.valueOf(0))), "metrics.epoch[2]", "comes after");
        assertRejects(mutate(root -> metrics(root, "trainLoss").set(3, TextNode.valueOf("x"))), "metrics.trainLoss[3]",
                "expected a finite number or null");
        assertRejects(mutate(root -> metrics(root, "seconds").remove(0)), "metrics.seconds",
                "entries but metrics.epoch has");
        assertRejects(mutate(root -> snapshot(root, 0).put("state", "SLEEPING")), "snapshots[0].state",
                "not a training state");
        assertRejects(mutate(root -> ((ArrayNode) snapshot(root, 1).path("model").path("theta1").get(0)).set(2, TextNode.valueOf("w"))),
                "snapshots[1].model: theta1", "");
        assertRejects(mutate(root -> ((ObjectNode) snapshot(root, 1).path("model").path("training")).put("seed", 8)),
                "snapshots[1].model.training", "settings differ");
        assertRejects(mutate(root -> ((ObjectNode) snapshot(root, 1).get("model")).put("epochs", 0)),
                "snapshots[1].model.epochs", "differs from metrics' epoch");
        assertRejects(mutate(root -> snapshot(root, 1).put("step", 0)), "snapshots[1].step", "does not follow");
        assertRejects(mutate(root -> root.put("maxWeightSnapshots", 2)), "snapshots", "1 to 2 snapshots");
        assertRejects(mutate(root -> {
            for (String column : new String[] {"step", "epoch", "trainLoss", "testLoss", "trainAccuracy",
                    "testAccuracy", "seconds"}) {
                metrics(root, column).remove(0);
            }
        }), "snapshots[0].step", "step 0 has no row in metrics");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode split(ObjectNode root) {
        return (ObjectNode) root.get("split");
    }

    private static ArrayNode metrics(ObjectNode root, String column) {
        return (ArrayNode) root.get("metrics").get(column);
    }

    private static ObjectNode snapshot(ObjectNode root, int index) {
        return (ObjectNode) root.get("snapshots").get(index);
    }

    /** The JSON of a good run after {@code change}. */
    private static String mutate(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(text(run()));
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    @Test
    void missingFileIsAFormatErrorNamingIt() {
        Path file = folder.resolve("absent.json");
        DataFormatException e = assertThrows(DataFormatException.class, () -> TrainingRunFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }

    private static String text(TrainingRunFile.Run run) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        TrainingRunFile.write(out, run);
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(folder, "run", ".json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void assertRejects(String text, String place, String problem) throws IOException {
        Path file = write(text);
        DataFormatException e = assertThrows(DataFormatException.class, () -> TrainingRunFile.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": " + place), () -> "names the file and " + place + ": " + message);
        assertTrue(message.contains(problem), () -> "says \"" + problem + "\": " + message);
    }
}
