package org.hiddenneurons;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hiddenneurons.cli.Cli;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingWarmUp;

/**
 * The jar's entry point: no argument starts the window, one file name opens the window on that
 * file (a saved run, model or data set; {@link StartupArguments}), anything else runs the
 * headless CLI. A file name that does not exist is an error (exit {@value Cli#EXIT_USAGE}).
 * A plain class (not an Application) so that JavaFX can live on the classpath of a fat jar.
 *
 * <p>Mini-batches train over twice as fast with the Vector API kernel (BENCHMARKS.md), whose incubator module
 * {@value Kernels#VECTOR_MODULE} a jar's manifest cannot enable. So when the program is about to
 * train (the window, or the {@code train} command) and this JVM lacks the module but its runtime
 * has it, {@link #main} runs the program once more in a child JVM started with
 * {@code --add-modules=}{@value Kernels#VECTOR_MODULE}: the same {@code java}, JVM options, class
 * path and arguments, the same standard streams, and this process exits with the child's code.
 * The child is started with {@code -D}{@value #RELAUNCH_PROPERTY}{@code =false}, which is also how a
 * user opts out ({@code java -Dhiddenneurons.relaunch=false -jar …}: plain kernel, one JVM). If the
 * child cannot be started, the program runs in this JVM with the plain kernel.
 *
 * <p>The child also gets at least {@value #TRAINING_COMPILER_THREADS} JIT compiler threads
 * ({@link #compilerThreadOptions}): on a 2-core machine HotSpot starts one C1 and one C2 thread, and
 * a short training run spent its first epochs in slow code while that one C2 thread worked
 * through the warm-ups' queue (BENCHMARKS.md, "train").
 *
 * <p>The {@code train} command's child also leaves code that only runs while a JVM starts to C1
 * ({@link #startupCodeOptions}): class loading from the jar, lambda spinning, reflection, argument
 * parsing and the PNG decoder otherwise take C2 compile time, on the same two cores, from the
 * training code the warm-ups queue (BENCHMARKS.md, "train").
 */
public final class Launcher {

    /** System property: {@code false} turns the relaunch with the Vector API module off. */
    public static final String RELAUNCH_PROPERTY = "hiddenneurons.relaunch";
    /** System property the parent gives its child: the parent's pid, so the child ends when the parent does. */
    static final String PARENT_PROPERTY = "hiddenneurons.relaunch.parent";
    /** Exit code of a child whose parent has gone (as if stopped by SIGTERM). */
    static final int ORPHAN_EXIT = 143;
    /**
     * JIT compiler threads (HotSpot's {@code CICompilerCount}: one C1, the rest C2) the child JVM
     * gets at least. With HotSpot's two on a 2-core machine, the default {@code train} spent
     * 1.6–1.8 s training, with three 1.1–1.4 s (the training methods reach optimised code sooner;
     * the threads are started on demand and idle afterwards).
     */
    static final int TRAINING_COMPILER_THREADS = 3;
    private static final String COMPILER_COUNT_FLAG = "CICompilerCount";
    /**
     * Code that only runs while a JVM starts and loads the digits (HotSpot method patterns): class
     * loading from the jar, module resolution, the lambda classes spun by the JDK's ASM, reflection,
     * picocli's parsing and its patterns, our CLI classes and the PNG decoder. In the default
     * {@code train} HotSpot spent ~0.6 s of C2 compile time on them in the second before training
     * started (the training code waited in the queue); none of it runs inside the training loop.
     */
    static final List<String> STARTUP_ONLY_CODE = List.of("java/util/jar/*.*", "java/util/zip/*.*",
            "jdk/internal/loader/*.*", "jdk/internal/module/*.*", "java/lang/module/*.*", "sun/net/www/*.*",
            "jdk/internal/org/objectweb/asm/*.*", "java/lang/reflect/*.*", "jdk/internal/reflect/*.*",
            "java/util/regex/*.*", "picocli/*.*", "org/hiddenneurons/cli/*.*", "com/sun/imageio/*.*");
    /** The CLI command that trains (see {@link #trains}). */
    static final String TRAIN_COMMAND = "train";

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupArguments startup;
        try {
            startup = StartupArguments.of(args, Cli.commandNames());
        } catch (IllegalArgumentException e) {
            System.err.println(Cli.NAME + ": error: " + e.getMessage());
            System.exit(Cli.EXIT_USAGE);
            return;
        }
        if (startup.mode() != StartupArguments.Mode.CLI || trains(args)) {
            OptionalInt childExit = relaunchWithVectorModule(Launcher.class.getName(), args,
                    startup.mode() == StartupArguments.Mode.CLI);
            if (childExit.isPresent()) {
                System.exit(childExit.getAsInt());
            }
        }
        exitWhenParentEnds();
        // Both the window and the CLI train the default network: let the JIT compile the training
        // code on a background thread while the rest starts up and loads data.
        TrainingConfig defaults = TrainingConfig.defaults();
        TrainingWarmUp.start(defaults, DigitsImage.CELL, DigitsImage.CELL, DigitsImage.CLASS_COUNT);
        if (startup.mode() != StartupArguments.Mode.CLI) {
            org.hiddenneurons.ui.HiddenNeuronsApp.main(startup.file() == null ? new String[0]
                    : new String[] {startup.file().toString()});
        } else {
            System.exit(Cli.run(args));
        }
    }

    /**
     * Whether these arguments start something that trains — the window (no arguments) or the
     * {@code train} command — and so is worth a second JVM start; the other commands run in place.
     */
    static boolean trains(String[] args) {
        return args.length == 0 || args[0].equals(TRAIN_COMMAND);
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM that has the Vector API module, and
     * waits for it — if this JVM lacks the module, the runtime has it, and the relaunch is not
     * turned off (see the class comment).
     *
     * @param startupCodeToC1 whether the child leaves the code of {@link #STARTUP_ONLY_CODE} to C1
     *                        ({@link #startupCodeOptions}; a short-lived command that trains)
     * @return the child's exit code, or empty if no child ran (the caller then carries on itself)
     */
    static OptionalInt relaunchWithVectorModule(String mainClass, String[] args, boolean startupCodeToC1) {
        if (!relaunchWanted()) {
            return OptionalInt.empty();
        }
        Path directives = startupCodeToC1 ? writeDirectives() : null;
        try {
            return runChild(mainClass, args, directives);
        } finally {
            if (directives != null) {
                try {
                    Files.deleteIfExists(directives);
                } catch (IOException e) {
                    directives.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Runs the child of {@link #relaunchCommand} and waits for it; empty if it cannot run. */
    private static OptionalInt runChild(String mainClass, String[] args, Path directives) {
        Optional<List<String>> command = relaunchCommand(mainClass, args, directives);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
            // Their options are already among this JVM's options, which the command repeats.
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // If this JVM is stopped (e.g. SIGTERM), the child goes too.
        Thread killChild = new Thread(child::destroy, "relaunch-child-stopper");
        Runtime.getRuntime().addShutdownHook(killChild);
        boolean interrupted = false;
        int exit;
        while (true) {
            try {
                exit = child.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killChild);
        } catch (IllegalStateException e) {
            // Already shutting down.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.of(exit);
    }

    /**
     * The child JVM's command line, or empty when no relaunch should (or can) happen.
     *
     * @param directives null, or a file holding {@link #compilerDirectives} for the child ({@link #startupCodeOptions})
     */
    static Optional<List<String>> relaunchCommand(String mainClass, String[] args, Path directives) {
        if (!relaunchWanted()) {
            return Optional.empty();
        }
        String classPath = System.getProperty("java.class.path", "");
        Optional<Path> java = javaExecutable();
        if (classPath.isEmpty() || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> jvmOptions;
        try {
            jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no java.management: cannot repeat the JVM options faithfully
        }
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        // Before the user's options, so that a count the user gives wins (the last one counts).
        int compilerThreads = currentCompilerThreads();
        command.addAll(compilerThreadOptions(compilerThreads, jvmOptions));
        command.addAll(startupCodeOptions(compilerThreads >= 0, jvmOptions, directives));
        for (String option : jvmOptions) {
            // A debugger or profiling agent is attached to this JVM: do not start a second one.
            if (option.startsWith("-agentlib:") || option.startsWith("-agentpath:") || option.startsWith("-javaagent:")
                    || option.startsWith("-Xrunjdwp") || option.startsWith("-XX:StartFlightRecording")) {
                return Optional.empty();
            }
            command.add(option);
        }
        command.add("--add-modules=" + Kernels.VECTOR_MODULE);
        command.add("-D" + RELAUNCH_PROPERTY + "=false");
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Whether a relaunch is wanted and possible: not turned off, this JVM lacks the module, its
     * runtime has it, and the program does not run as a module.
     */
    private static boolean relaunchWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(RELAUNCH_PROPERTY))
                && ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(Kernels.VECTOR_MODULE).isPresent()
                && System.getProperty("jdk.module.main") == null;
    }

    /**
     * The options that give a JVM at least {@value #TRAINING_COMPILER_THREADS} compiler threads:
     * none if it has that many already ({@code currentThreads}, the count HotSpot chose for this
     * machine, or −1 if unknown) or if the user's options set the count themselves.
     */
    static List<String> compilerThreadOptions(int currentThreads, List<String> jvmOptions) {
        boolean userSetsCount = jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:" + COMPILER_COUNT_FLAG + "="));
        if (currentThreads < 0 || currentThreads >= TRAINING_COMPILER_THREADS || userSetsCount) {
            return List.of();
        }
        return List.of("-XX:" + COMPILER_COUNT_FLAG + "=" + TRAINING_COMPILER_THREADS);
    }

    /**
     * The options that make a HotSpot JVM ({@code hotSpot}) compile the methods of
     * {@link #STARTUP_ONLY_CODE} with C1 only, from the directives in {@code directives}
     * ({@link #compilerDirectives}): none if there is no such file, or if the user's options hold a
     * HotSpot option ({@code -XX:}) of their own — the flags are diagnostic ones, and one of them,
     * {@code -DisplayVMOutput}, silences HotSpot's own messages on the console (else HotSpot prints
     * "1 compiler directives added" on standard output, which carries the CLI's JSON), which would
     * also silence any output the user asked HotSpot for.
     */
    static List<String> startupCodeOptions(boolean hotSpot, List<String> jvmOptions, Path directives) {
        if (!hotSpot || directives == null || jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:"))) {
            return List.of();
        }
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=" + directives);
    }

    /** HotSpot compiler directives (JSON) that exclude the methods of {@link #STARTUP_ONLY_CODE} from C2, so C1 compiles them. */
    static String compilerDirectives() {
        StringBuilder patterns = new StringBuilder();
        for (String pattern : STARTUP_ONLY_CODE) {
            patterns.append(patterns.length() == 0 ? "" : ", ").append('"').append(pattern).append('"');
        }
        return "[{match: [" + patterns + "], c2: {Exclude: true}}]\n";
    }

    /** A new temporary file holding {@link #compilerDirectives}, or null if none can be written. */
    private static Path writeDirectives() {
        try {
            Path file = Files.createTempFile("hidden-neurons-compiler-directives-", ".json");
            Files.writeString(file, compilerDirectives());
            return file;
        } catch (IOException | RuntimeException e) {
            return null; // the child then compiles everything as usual
        }
    }

    /** This JVM's {@code CICompilerCount}, or −1 if it cannot be read. */
    static int currentCompilerThreads() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? -1 : Integer.parseInt(hotSpot.getVMOption(COMPILER_COUNT_FLAG).getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1; // not HotSpot, or no such flag
        }
    }

    /**
     * In a relaunched child: exits when the parent process ends, e.g. killed with SIGKILL (which
     * runs no shutdown hook to stop the child), so no orphan keeps training or holds the window.
     */
    static void exitWhenParentEnds() {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().exit(ORPHAN_EXIT)),
                    () -> Runtime.getRuntime().exit(ORPHAN_EXIT));
        } catch (NumberFormatException | UnsupportedOperationException e) {
            // Not a pid or no process API: nothing to watch.
        }
    }

    /** The {@code java} launcher of this JVM. */
    private static Optional<Path> javaExecutable() {
        Optional<Path> running = ProcessHandle.current().info().command().map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith("java"));
        Path candidate = running.orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
