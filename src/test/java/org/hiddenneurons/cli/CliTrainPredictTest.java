package org.hiddenneurons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train end to end, then predict with the model it saved. */
class CliTrainPredictTest {

    private static final Set<String> TRAIN_KEYS = // the numeric keys; "split" names the split in words
            Set.of("trainAccuracy", "testAccuracy", "trainLoss", "testLoss", "epochs", "seconds", "pictureSmoothness");
    private static final int TRAIN_EPOCHS = 4;
    /** Enlarge test digits so that predict really has to scale them back down. */
    private static final int IMAGE_SCALE = 6;
    /** A trained model must read at least this many of the ten drawn test digits right. */
    private static final int MIN_CORRECT_DIGITS = 9;

    @TempDir
    static Path folder;

    private static Dataset digits;
    private static Path model;
    private static CliRunner.Result training;

    @BeforeAll
    static void train() {
        digits = DigitsImage.loadBundled();
        model = folder.resolve("model.json");
        // Undistorted images: four epochs of the default augmentation learn too little for the
        // predict checks below (the default run's accuracy is DefaultTrainingIntegrationTest's).
        training = CliRunner.run("train", "--epochs", String.valueOf(TRAIN_EPOCHS), "--no-augment", "--out",
                model.toString());
    }

    @Test
    void trainPrintsExactlyOneJsonLineWithTheSevenNumbersAndTheSplit() throws Exception {
        assertEquals(Cli.EXIT_OK, training.exitCode(), training.err());
        assertEquals(1, training.outLines().size(), training.out());
        JsonNode json = new ObjectMapper().readTree(training.outLines().get(0));
        Set<String> keys = new TreeSet<>();
        json.fieldNames().forEachRemaining(keys::add);
        Set<String> expectedKeys = new TreeSet<>(TRAIN_KEYS);
        expectedKeys.add("split");
        assertEquals(expectedKeys, keys);
        assertTrue(json.get("split").asText().startsWith(Split.STANDARD_RULE), json.get("split").asText());
        assertEquals(TRAIN_EPOCHS, json.get("epochs").asInt());
        for (String key : TRAIN_KEYS) {
            assertTrue(json.get(key).isNumber(), key);
        }
        double testAccuracy = json.get("testAccuracy").asDouble();
        assertTrue(testAccuracy > 0.5 && testAccuracy <= 1.0, "two epochs already learn something: " + testAccuracy);
        assertTrue(json.get("seconds").asDouble() > 0);
        assertEquals(PictureSmoothness.of(ModelFile.load(model).network()), json.get("pictureSmoothness").asDouble());
    }

    @Test
    void trainReportsProgressOnStandardError() {
        assertFalse(training.errLines().isEmpty());
        assertTrue(training.err().contains("epoch " + TRAIN_EPOCHS + "/" + TRAIN_EPOCHS), training.err());
        assertFalse(training.err().contains("error"), training.err());
    }

    @Test
    void trainSavesTheModelWithItsSettingsAndData() throws Exception {
        SavedModel saved = ModelFile.load(model);
        assertEquals(TrainingConfig.defaults().withEpochs(TRAIN_EPOCHS).withAugment(false), saved.config());
        assertEquals(TRAIN_EPOCHS, saved.epochs());
        assertEquals(DigitsImage.NAME, saved.datasetName());
        // The hash names the samples trained on (the train split), as the window's Save does.
        assertEquals(DatasetHash.sha256(digits.standardSplit().train()), saved.datasetSha256());
    }

    /** The digit as the data set shows it (white ink on black), enlarged with nearest neighbour. */
    private static Path writeDigit(Dataset data, int index) throws Exception {
        int width = data.width() * IMAGE_SCALE;
        int height = data.height() * IMAGE_SCALE;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double[] pixels = data.sample(index);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int gray = (int) Math.round(255 * pixels[(y / IMAGE_SCALE) * data.width() + x / IMAGE_SCALE]);
                image.setRGB(x, y, gray << 16 | gray << 8 | gray);
            }
        }
        Path file = folder.resolve("digit-" + index + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void predictReadsDigitsOfTheDataSet() throws Exception {
        Dataset test = Split.standard(digits).test();
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--json"));
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            int index = digit * (test.size() / 10); // the first test sample of each class
            labels.add(test.label(index));
            args.add(writeDigit(test, index).toString());
        }
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals(10, result.outLines().size(), result.out());
        int correct = 0;
        ObjectMapper mapper = new ObjectMapper();
        Iterator<Integer> expected = labels.iterator();
        for (String line : result.outLines()) {
            JsonNode json = mapper.readTree(line);
            assertFalse(json.get("blank").asBoolean());
            assertEquals(10, json.get("probabilities").size());
            if (json.get("digit").asInt() == expected.next()) {
                correct++;
            }
        }
        assertTrue(correct >= MIN_CORRECT_DIGITS, correct + " of 10 digits read right");
    }

    @Test
    void predictSaysNothingDrawnForABlankImage() throws Exception {
        Path blank = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        CliRunner.Result result = CliRunner.run("predict", "--model", model.toString(), blank.toString());
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals(blank + ": nothing drawn", result.out().strip());
    }

    @Test
    void predictRejectsAFileThatIsNotAnImage() throws Exception {
        Path text = folder.resolve("notes.png");
        Files.writeString(text, "not an image");
        CliRunner.Result result = CliRunner.run("predict", "--model", model.toString(), text.toString());
        assertEquals(Cli.EXIT_USAGE, result.exitCode());
        assertEquals(1, result.errLines().size());
        assertTrue(result.err().contains(text + ": byte 0: not a PNG"), result.err());
    }
}
