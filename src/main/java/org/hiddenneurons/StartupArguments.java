package org.hiddenneurons;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * What the program's arguments ask for: the window (no argument), the window opening a file
 * ({@code hidden-neurons FILE}: one argument that is neither a CLI command nor an option — what a
 * desktop entry's {@code %f} passes), or the headless CLI (anything else). Plain Java, no JavaFX.
 *
 * @param mode what to start
 * @param file the file to open (mode {@link Mode#WINDOW_WITH_FILE}), else null
 */
public record StartupArguments(Mode mode, Path file) {

    /** What to start. */
    public enum Mode { WINDOW, WINDOW_WITH_FILE, CLI }

    /**
     * Reads {@code args}.
     *
     * @param commands the CLI's command names ({@code train}, {@code evaluate}, …)
     * @throws IllegalArgumentException if the single argument names a file that does not exist or
     *                                  is not a regular file; the message names it and the commands
     */
    public static StartupArguments of(String[] args, Set<String> commands) {
        if (args.length == 0) {
            return new StartupArguments(Mode.WINDOW, null);
        }
        String only = args[0];
        if (args.length > 1 || only.startsWith("-") || commands.contains(only)) {
            return new StartupArguments(Mode.CLI, null);
        }
        Path path;
        try {
            path = Path.of(only);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(notAFile(only, "is not a valid file name", commands));
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(notAFile(only, "does not exist", commands));
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(notAFile(only, "cannot be read", commands));
        }
        // Folders are allowed: an image folder is a data set.
        return new StartupArguments(Mode.WINDOW_WITH_FILE, path.toAbsolutePath().normalize());
    }

    private static String notAFile(String argument, String problem, Set<String> commands) {
        return "cannot open '" + argument + "': the file " + problem + " (to run a command, use one of: "
                + String.join(", ", commands.stream().sorted().toList()) + ")";
    }
}
