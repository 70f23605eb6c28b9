package org.hiddenneurons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, argument errors and exit codes; nothing here needs a trained network. */
class CliArgumentsTest {

    private static final String ERROR_PREFIX = Cli.NAME + ": error: ";

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate", "predict", "cost", "gradcheck", "export"})
    void everyCommandHasHelp(String command) {
        CliRunner.Result result = CliRunner.run(command, "--help");
        assertEquals(Cli.EXIT_OK, result.exitCode());
        assertTrue(result.out().startsWith("Usage: " + Cli.NAME + " " + command), result.out());
        assertEquals("", result.err());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRunner.Result result = CliRunner.run("--help");
        assertEquals(Cli.EXIT_OK, result.exitCode());
        for (String command : List.of("train", "evaluate", "predict", "cost", "gradcheck", "export")) {
            assertTrue(result.out().contains("  " + command + " "), command);
        }
    }

    @Test
    void trainHelpShowsTheConfigDefaults() {
        String help = CliRunner.run("train", "--help").out();
        assertTrue(help.contains("--hidden=N          Hidden units (default: "
                + org.hiddenneurons.train.TrainingConfig.DEFAULT_HIDDEN_SIZE + ")"), help);
        assertTrue(help.contains("(default: " + org.hiddenneurons.train.TrainingConfig.DEFAULT_OPTIMIZER.id() + ")"),
                help);
    }

    /** One line on stderr, starting with the program name, no stack trace, exit code 2. */
    private static String assertUsageError(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(Cli.EXIT_USAGE, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        String line = result.errLines().get(0);
        assertTrue(line.startsWith(ERROR_PREFIX), line);
        assertFalse(result.err().contains("\tat "), result.err());
        assertEquals("", result.out());
        return line;
    }

    @Test
    void missingCommandIsAUsageError() {
        assertTrue(assertUsageError("--debug=false").contains("missing command"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertTrue(assertUsageError("fly").contains("fly"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        String line = assertUsageError("train", "--out", folder.resolve("m.json").toString(), "--colour", "red");
        assertTrue(line.contains("--colour") && line.contains("hidden-neurons train --help"), line);
    }

    @Test
    void unknownChoicesNameTheValidOnes() {
        String out = folder.resolve("m.json").toString();
        assertTrue(assertUsageError("train", "--out", out, "--activation", "swish").contains("sigmoid, tanh or relu"));
        assertTrue(assertUsageError("train", "--out", out, "--optimizer", "rmsprop").contains("gd, sgd, adam or lbfgs"));
        assertTrue(assertUsageError("train", "--out", out, "--output", "linear").contains("sigmoid or softmax"));
        assertTrue(assertUsageError("train", "--out", out, "--init", "zeros").contains("uniform, glorot or blurred"));
        assertTrue(assertUsageError("evaluate", "--model", out, "--split", "valid").contains("train, test or all"));
        assertTrue(assertUsageError("export", "--model", out, "--png", out, "--scale", "log").contains("per-unit"));
    }

    @Test
    void badNumbersAndRangesAreUsageErrors() {
        String out = folder.resolve("m.json").toString();
        assertTrue(assertUsageError("train", "--out", out, "--lambda", "lots").contains("--lambda"));
        assertTrue(assertUsageError("train", "--out", out, "--hidden", "0").contains("hidden size must be at least 1"));
        assertTrue(assertUsageError("train", "--out", out, "--learning-rate", "-1").contains("learning rate"));
        assertTrue(assertUsageError("train", "--out", out, "--input-blur", "-0.5")
                .contains("input blur sigma must be a number of pixels >= 0, got -0.5"));
        assertTrue(assertUsageError("train", "--out", out, "--epochs", "3", "--iterations", "3")
                .contains("--iterations"));
        assertTrue(assertUsageError("cost", "--model", out, "--lambda", "-1").contains("--lambda"));
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        assertTrue(assertUsageError("train").contains("--out"));
        assertTrue(assertUsageError("evaluate").contains("--model"));
        assertTrue(assertUsageError("cost", "--model", "m.json").contains("--lambda"));
        assertTrue(assertUsageError("predict", "--model", "m.json").contains("IMAGE"));
        assertTrue(assertUsageError("export", "--model", "m.json").contains("--weights"));
    }

    @Test
    void trainRefusesAMissingOutputFolderBeforeTraining() {
        String line = assertUsageError("train", "--out", folder.resolve("nowhere/m.json").toString());
        assertTrue(line.contains("does not exist"), line);
    }

    @Test
    void exportTargetsAreExclusive() {
        assertTrue(assertUsageError("export", "--model", "m.json", "--weights", "w", "--png", "p.png")
                .contains("mutually exclusive"));
    }

    @Test
    void missingModelFileIsAUsageError() {
        Path missing = folder.resolve("absent.json");
        assertEquals(ERROR_PREFIX + missing + ": does not exist",
                assertUsageError("export", "--model", missing.toString(), "--weights", folder.toString()));
    }

    @Test
    void invalidModelFileNamesTheField() throws Exception {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 99}");
        String line = assertUsageError("export", "--model", broken.toString(), "--weights", folder.toString());
        assertTrue(line.contains(broken + ": formatVersion: unsupported version 99"), line);
    }

    @Test
    void modelThatDoesNotFitTheDataIsAUsageError() throws Exception {
        Path model = folder.resolve("small.json");
        NetworkSpec small = new NetworkSpec(3, 2, 4, 10, NetworkSpec.DEFAULT.hiddenActivation(),
                NetworkSpec.DEFAULT.outputLayer());
        ModelFile.save(model, new SavedModel(Initializer.UNIFORM.initialize(small, new Random(42)), null, "", "", 0));
        String line = assertUsageError("evaluate", "--model", model.toString());
        assertTrue(line.contains("expects 3x2 images"), line);
    }

    @Test
    void debugShowsTheStackTrace() {
        Path missing = folder.resolve("absent.json");
        CliRunner.Result result = CliRunner.run("export", "--debug", "--model", missing.toString(), "--weights", "w");
        assertEquals(Cli.EXIT_USAGE, result.exitCode());
        assertTrue(result.errLines().get(0).startsWith(ERROR_PREFIX));
        assertTrue(result.err().contains("\tat "), result.err());
    }
}
