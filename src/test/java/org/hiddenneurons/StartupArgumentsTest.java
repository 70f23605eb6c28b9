package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hiddenneurons.StartupArguments.Mode;
import org.hiddenneurons.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hidden-neurons FILE} opens the window on the file; commands and options still reach the CLI. */
class StartupArgumentsTest {

    @TempDir
    Path folder;

    private static StartupArguments read(String... args) {
        return StartupArguments.of(args, Cli.commandNames());
    }

    @Test
    void noArgumentStartsTheWindow() {
        StartupArguments startup = read();
        assertEquals(Mode.WINDOW, startup.mode());
        assertNull(startup.file());
    }

    @Test
    void anExistingFileOpensTheWindowOnIt() throws IOException {
        Path run = Files.writeString(folder.resolve("lesson.run.json"), "{}");
        StartupArguments startup = read(run.toString());
        assertEquals(Mode.WINDOW_WITH_FILE, startup.mode());
        assertEquals(run.toAbsolutePath(), startup.file());
    }

    @Test
    void commandsAndOptionsStillRunTheCli() throws IOException {
        assertTrue(Cli.commandNames().containsAll(java.util.Set.of("train", "evaluate", "predict", "export")));
        assertEquals(Mode.CLI, read("train").mode());
        assertEquals(Mode.CLI, read("--help").mode());
        assertEquals(Mode.CLI, read("train", "--epochs", "3").mode());
        // A file in the working directory named like a command is still the command.
        Files.writeString(folder.resolve("export"), "x");
        assertEquals(Mode.CLI, read("export").mode());
    }

    @Test
    void aMissingFileIsAClearError() {
        String missing = folder.resolve("nowhere.run.json").toString();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(missing));
        assertTrue(error.getMessage().contains(missing), error.getMessage());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("train"), "names the commands: " + error.getMessage());
    }
}
