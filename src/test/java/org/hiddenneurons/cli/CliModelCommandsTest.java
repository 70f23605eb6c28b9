package org.hiddenneurons.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.InputBlur;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.HiddenUnitsPng;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.io.WeightsCsv;
import org.hiddenneurons.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cost, evaluate and export on a model with known (random, seeded) weights and the bundled digits. */
class CliModelCommandsTest {

    private static final double LAMBDA = 1.5;

    private static Dataset digits;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadDigits() {
        digits = DigitsImage.loadBundled();
    }

    private Network network;
    private Path modelFile;

    private void saveRandomModel() throws Exception {
        network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42));
        modelFile = folder.resolve("model.json");
        ModelFile.save(modelFile, new SavedModel(network, null, "", "", 0));
    }

    @Test
    void costEqualsTheStandardCostFunctionOnTheTrainSplit() throws Exception {
        saveRandomModel();
        Dataset train = Split.standard(digits).train();
        double expected = CostFunction.standard().evaluate(network, train.pixels(), train.labels(), train.size(),
                LAMBDA, null);
        CliRunner.Result result = CliRunner.run("cost", "--model", modelFile.toString(), "--lambda",
                String.valueOf(LAMBDA));
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals("J = " + expected, result.out().strip());
    }

    @Test
    void costAndEvaluateApplyTheModelsDeskewStep() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
        network = config.initialNetwork(20, 20, 10);
        modelFile = folder.resolve("deskewing.json");
        ModelFile.save(modelFile, new SavedModel(network, config, "", "", 0));
        Split split = Split.standard(digits);
        Dataset train = Deskew.apply(split.train());
        double expected = CostFunction.standard().evaluate(network, train.pixels(), train.labels(), train.size(),
                LAMBDA, null);
        double raw = CostFunction.standard().evaluate(network, split.train().pixels(), split.train().labels(),
                split.train().size(), LAMBDA, null);
        assertNotEquals(raw, expected, "deskewing must change the inputs");
        CliRunner.Result cost = CliRunner.run("cost", "--model", modelFile.toString(), "--lambda",
                String.valueOf(LAMBDA));
        assertEquals(Cli.EXIT_OK, cost.exitCode(), cost.err());
        assertEquals("J = " + expected, cost.out().strip());
        Dataset test = Deskew.apply(split.test());
        double accuracy = Evaluation.evaluate(network, test.pixels(), test.labels(), test.size(), 0.0).accuracy();
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", modelFile.toString(), "--json");
        assertEquals(Cli.EXIT_OK, evaluate.exitCode(), evaluate.err());
        assertEquals(accuracy, new ObjectMapper().readTree(evaluate.out()).get("accuracy").asDouble());
    }

    @Test
    void trainWritesTheInputBlurStepAndCostAppliesItAfterDeskewing() throws Exception {
        modelFile = folder.resolve("blurring.json");
        CliRunner.Result trained = CliRunner.run("train", "--epochs", "1", "--no-augment", "--deskew",
                "--input-blur", "0.6", "--out", modelFile.toString());
        assertEquals(Cli.EXIT_OK, trained.exitCode(), trained.err());
        assertTrue(trained.err().contains("images deskewed, blurred (σ 0.6 px)"), trained.err());
        SavedModel saved = ModelFile.load(modelFile);
        assertEquals(0.6, saved.config().inputBlur());
        Dataset train = InputBlur.apply(Deskew.apply(Split.standard(digits).train()), 0.6);
        double expected = CostFunction.standard().evaluate(saved.network(), train.pixels(), train.labels(),
                train.size(), LAMBDA, null);
        CliRunner.Result cost = CliRunner.run("cost", "--model", modelFile.toString(), "--lambda",
                String.valueOf(LAMBDA));
        assertEquals(Cli.EXIT_OK, cost.exitCode(), cost.err());
        assertEquals("J = " + expected, cost.out().strip());
        assertTrue(cost.err().contains("deskewed, blurred (σ 0.6 px) (the model's preprocessing)"), cost.err());
    }

    /** Octave's J on the course-format fixtures (src/test/resources/data/mat/course-costs.txt), λ = 1. */
    private static final double OCTAVE_COURSE_COST_LAMBDA_1 = 11.275908853797469;
    private static final double COURSE_COST_TOLERANCE = 1e-9;

    @Test
    void costOfTheCourseWeightsMatFileMatchesOctave() throws Exception {
        Path mat = Path.of("src/test/resources/data/mat");
        CliRunner.Result result = CliRunner.run("cost", "--model", mat.resolve("course-weights.mat").toString(),
                "--data", mat.resolve("course-data.mat").toString(), "--split", "all", "--lambda", "1");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        double cost = Double.parseDouble(result.out().strip().substring("J = ".length()));
        assertEquals(OCTAVE_COURSE_COST_LAMBDA_1, cost, COURSE_COST_TOLERANCE * OCTAVE_COURSE_COST_LAMBDA_1);
    }

    @Test
    void costGradientsAreWrittenInTheThetaLayout() throws Exception {
        saveRandomModel();
        Dataset test = Split.standard(digits).test();
        Gradients expected = new Gradients(NetworkSpec.DEFAULT);
        double cost = CostFunction.standard().evaluate(network, test.pixels(), test.labels(), test.size(), LAMBDA,
                expected);
        Path gradients = folder.resolve("grads");
        CliRunner.Result result = CliRunner.run("cost", "--model", modelFile.toString(), "--split", "test",
                "--lambda", String.valueOf(LAMBDA), "--gradients", gradients.toString());
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals("J = " + cost, result.out().strip());
        WeightsCsv.Matrix theta1 = WeightsCsv.read(gradients.resolve(WeightsCsv.THETA1_GRADIENT_FILE));
        WeightsCsv.Matrix theta2 = WeightsCsv.read(gradients.resolve(WeightsCsv.THETA2_GRADIENT_FILE));
        assertEquals(25, theta1.rows());
        assertEquals(401, theta1.columns());
        assertEquals(10, theta2.rows());
        assertEquals(26, theta2.columns());
        assertArrayEquals(expected.theta1Gradient(), theta1.values());
        assertArrayEquals(expected.theta2Gradient(), theta2.values());
    }

    @Test
    void evaluateJsonCountsEveryTestSample() throws Exception {
        saveRandomModel();
        Dataset test = Split.standard(digits).test();
        double expectedAccuracy = Evaluation.evaluate(network, test.pixels(), test.labels(), test.size(), 0.0)
                .accuracy();
        CliRunner.Result result = CliRunner.run("evaluate", "--model", modelFile.toString(), "--json");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals(1, result.outLines().size());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("test", json.get("split").asText());
        assertEquals(test.size(), json.get("samples").asInt());
        assertEquals(expectedAccuracy, json.get("accuracy").asDouble());
        assertEquals(PictureSmoothness.of(network), json.get("pictureSmoothness").asDouble());
        JsonNode confusion = json.get("confusion");
        assertEquals(10, confusion.size());
        int total = 0;
        int diagonal = 0;
        for (int actual = 0; actual < 10; actual++) {
            int rowTotal = 0;
            for (int predicted = 0; predicted < 10; predicted++) {
                rowTotal += confusion.get(actual).get(predicted).asInt();
            }
            assertEquals(100, rowTotal, "the test split holds 100 samples per class");
            diagonal += confusion.get(actual).get(actual).asInt();
            total += rowTotal;
            assertEquals(confusion.get(actual).get(actual).asInt() / 100.0,
                    json.get("perClassAccuracy").get(actual).asDouble());
        }
        assertEquals(test.size(), total);
        assertEquals(json.get("correct").asInt(), diagonal);
    }

    @Test
    void evaluateTableHasAHeaderAndOneRowPerClass() throws Exception {
        saveRandomModel();
        CliRunner.Result result = CliRunner.run("evaluate", "--model", modelFile.toString(), "--split", "all");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        var lines = result.outLines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("actual \\ predicted")).findFirst()
                .orElseThrow());
        assertEquals(header + 11, lines.size());
        int width = lines.get(header).length();
        for (int row = 1; row <= 10; row++) {
            assertEquals(width, lines.get(header + row).length(), "columns align");
        }
        assertTrue(lines.get(1).contains("of 5000"), lines.get(1));
    }

    @Test
    void costAndEvaluateReadOtherDataThroughTheLoader() throws Exception {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("label,p0,p1,p2,p3\n");
        int samples = 30;
        for (int i = 0; i < samples; i++) {
            csv.append(i % 10);
            for (int p = 0; p < 4; p++) {
                csv.append(',').append(random.nextInt(256));
            }
            csv.append('\n');
        }
        Path data = folder.resolve("tiny.csv");
        java.nio.file.Files.writeString(data, csv);
        NetworkSpec spec = new NetworkSpec(2, 2, 3, 10, NetworkSpec.DEFAULT.hiddenActivation(),
                NetworkSpec.DEFAULT.outputLayer());
        Network small = Initializer.GLOROT.initialize(spec, random);
        Path smallModel = folder.resolve("small.json");
        ModelFile.save(smallModel, new SavedModel(small, null, "", "", 0));
        Dataset all = org.hiddenneurons.data.DatasetLoader.load(data);
        double expected = CostFunction.standard().evaluate(small, all.pixels(), all.labels(), all.size(), LAMBDA,
                null);

        CliRunner.Result cost = CliRunner.run("cost", "--model", smallModel.toString(), "--data", data.toString(),
                "--split", "all", "--lambda", String.valueOf(LAMBDA));
        assertEquals(Cli.EXIT_OK, cost.exitCode(), cost.err());
        assertEquals("J = " + expected, cost.out().strip());
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", smallModel.toString(), "--data",
                data.toString(), "--split", "train", "--json");
        assertEquals(Cli.EXIT_OK, evaluate.exitCode(), evaluate.err());
        assertEquals(Split.standard(all).train().size(),
                new ObjectMapper().readTree(evaluate.out()).get("samples").asInt());
    }

    /** A model saved with the data hash of {@code trainedOn}'s training samples, named "trained-on.csv". */
    private Path saveModelTrainedOn(Dataset trainedOn) throws Exception {
        network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42));
        Path file = folder.resolve("hashed-model.json");
        ModelFile.save(file, new SavedModel(network, null, "trained-on.csv",
                DatasetHash.sha256(Split.standard(trainedOn).train()), 0));
        return file;
    }

    @Test
    void evaluateAndCostWarnWhenTheModelsDataHashDiffers() throws Exception {
        // Other training samples: the digits with every label shifted by one class.
        int[] shifted = new int[digits.size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (digits.label(i) + 1) % digits.classCount();
        }
        Dataset other = new Dataset("other", digits.width(), digits.height(), digits.classCount(), digits.pixels(),
                shifted);
        Path hashed = saveModelTrainedOn(other);

        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", hashed.toString(), "--json");
        assertEquals(Cli.EXIT_OK, evaluate.exitCode(), evaluate.err());
        List<String> warnings = evaluate.errLines().stream().filter(l -> l.startsWith("Warning:")).toList();
        assertEquals(1, warnings.size(), evaluate.err());
        String warning = warnings.get(0);
        assertTrue(warning.contains(hashed.toString()) && warning.contains(DigitsImage.NAME)
                && warning.contains("trained-on.csv") && warning.contains("not trained on"), warning);
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertEquals("differs", json.get("dataMatch").asText());
        assertEquals(warning, json.get("dataWarning").asText());

        CliRunner.Result cost = CliRunner.run("cost", "--model", hashed.toString(), "--lambda", "0");
        assertEquals(Cli.EXIT_OK, cost.exitCode(), cost.err());
        assertTrue(cost.errLines().contains(warning), cost.err());
        assertTrue(cost.out().strip().startsWith("J = "), "the cost is still printed: " + cost.out());
    }

    @Test
    void evaluateAndCostStayQuietWhenTheModelsDataHashMatches() throws Exception {
        Path hashed = saveModelTrainedOn(digits);
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--model", hashed.toString(), "--json");
        assertEquals(Cli.EXIT_OK, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.errLines().stream().noneMatch(l -> l.startsWith("Warning:")), evaluate.err());
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertEquals("matches", json.get("dataMatch").asText());
        assertTrue(json.get("dataWarning") == null, json.toString());
        CliRunner.Result cost = CliRunner.run("cost", "--model", hashed.toString(), "--lambda", "0");
        assertTrue(cost.errLines().stream().noneMatch(l -> l.startsWith("Warning:")), cost.err());
    }

    @Test
    void exportWeightsWritesTheExactThetas() throws Exception {
        saveRandomModel();
        Path weights = folder.resolve("weights");
        CliRunner.Result result = CliRunner.run("export", "--model", modelFile.toString(), "--weights",
                weights.toString());
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertArrayEquals(network.theta1Copy(), WeightsCsv.read(weights.resolve(WeightsCsv.THETA1_FILE)).values());
        assertArrayEquals(network.theta2Copy(), WeightsCsv.read(weights.resolve(WeightsCsv.THETA2_FILE)).values());
    }

    @Test
    void exportPngWritesTheHiddenUnitGrid() throws Exception {
        saveRandomModel();
        Path png = folder.resolve("units.png");
        CliRunner.Result result = CliRunner.run("export", "--model", modelFile.toString(), "--png", png.toString(),
                "--scale", "per-unit");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(png.toFile());
        HiddenUnitsPng.Layout layout = HiddenUnitsPng.layout(NetworkSpec.DEFAULT);
        assertEquals(layout.imageWidth(), image.getWidth());
        assertEquals(layout.imageHeight(), image.getHeight());
    }
}
