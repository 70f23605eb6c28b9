package org.hiddenneurons.cli;

/** The headless command line (stub; implementation pending). */
public final class Cli {

    private Cli() {
    }

    /** Runs the command in {@code args}; returns the process exit code. */
    public static int run(String... args) {
        System.err.println("hidden-neurons: the CLI is not implemented yet");
        return 2;
    }
}
