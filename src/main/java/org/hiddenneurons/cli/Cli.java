package org.hiddenneurons.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.Callable;
import org.hiddenneurons.data.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The headless command line: {@code hidden-neurons <command> [options]}.
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_FAILURE} the work ran but failed
 * (training diverged, gradient check above its threshold, an internal error);
 * {@value #EXIT_USAGE} wrong arguments or unreadable/invalid files. Errors are ONE line on stderr,
 * "hidden-neurons: error: …"; {@code --debug} adds the stack trace.
 */
public final class Cli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    /** The program name in usage and error lines. */
    public static final String NAME = "hidden-neurons";
    static final String DEBUG_OPTION = "--debug";

    private Cli() {
    }

    /** The names of the commands ({@code train}, {@code evaluate}, …), for telling a command from a file name. */
    public static java.util.Set<String> commandNames() {
        return java.util.Set.copyOf(new CommandLine(new Root()).getSubcommands().keySet());
    }

    /** Runs the command in {@code args} on System.out / System.err; returns the process exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /**
     * Runs the command in {@code args}, printing results to {@code out} and progress and errors to
     * {@code err}; returns the process exit code.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        boolean debug = wantsDebug(args);
        CommandLine commandLine = new CommandLine(new Root());
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            return report(errWriter, debug, e, stripPicocliPrefix(e.getMessage()) + " (see '" + help + "')",
                    EXIT_USAGE);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> handle(errWriter, debug, e));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handlers. Usually a large data set (60 000 × 784 pixels
            // need ~0.8 GB while the split is made): say so in one line instead of a stack trace.
            long maxMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return report(errWriter, debug, e, "out of memory: this needs more than the JVM's maximum heap of "
                    + maxMegabytes + " MB; run java with a larger -Xmx (e.g. java -Xmx2g -jar hidden-neurons.jar …)",
                    EXIT_FAILURE);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Maps an exception to one error line and an exit code. */
    private static int handle(PrintWriter err, boolean debug, Exception e) {
        if (e instanceof UsageException || e instanceof DataFormatException || e instanceof IllegalArgumentException) {
            return report(err, debug, e, e.getMessage(), EXIT_USAGE);
        }
        if (e instanceof UncheckedIOException unchecked) {
            return handle(err, debug, unchecked.getCause());
        }
        if (e instanceof IOException io) {
            return report(err, debug, e, describe(io), EXIT_USAGE);
        }
        return report(err, debug, e, "internal error: " + e + (debug ? "" : " (run with --debug for details)"),
                EXIT_FAILURE);
    }

    /** A readable sentence for the file-system exceptions whose message is only a path. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + ": already exists";
        }
        if (e instanceof NotDirectoryException) {
            return e.getMessage() + ": not a folder";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static int report(PrintWriter err, boolean debug, Throwable e, String message, int exitCode) {
        err.println(NAME + ": error: " + oneLine(message));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String stripPicocliPrefix(String message) {
        return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    /** True if {@code --debug} appears before the end-of-options marker "--". */
    private static boolean wantsDebug(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    @Command(name = NAME, mixinStandardHelpOptions = false, sortOptions = false,
            description = "Hidden Neurons without the window: train, evaluate, predict, cost, gradcheck, export.",
            subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, CostCommand.class,
                GradcheckCommand.class, ExportCommand.class},
            footer = {"", "Run '" + NAME + " COMMAND --help' for a command's options.",
                "Exit codes: 0 success, 1 failed (diverged, check failed), 2 bad arguments or files."})
    static final class Root implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        HelpOption help;

        @Option(names = DEBUG_OPTION, scope = ScopeType.INHERIT,
                description = "Show the stack trace when something goes wrong.")
        boolean debug;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(),
                    "missing command (train, evaluate, predict, cost, gradcheck or export)");
        }
    }
}
