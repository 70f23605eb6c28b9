package org.hiddenneurons.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and captures what it prints. */
final class CliRunner {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {

        /** The non-empty lines of stdout. */
        java.util.List<String> outLines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        java.util.List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Cli.run(outStream, errStream, args);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
