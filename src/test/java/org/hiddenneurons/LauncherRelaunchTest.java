package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.core.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without the Vector API module relaunches itself with it (same arguments, exit code
 * passed through), unless told not to; a JVM that has the module runs in place; a relaunched
 * child does not outlive its parent.
 */
class LauncherRelaunchTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final int EXIT_CODE = 3;

    private record Outcome(int exit, List<String> lines) {
    }

    @Test
    void jvmWithoutTheModuleRelaunchesWithTheVectorKernelAndPassesArgumentsAndExitCode() throws Exception {
        Outcome outcome = probe(List.of(), String.valueOf(EXIT_CODE), "two words", "");
        assertEquals(EXIT_CODE, outcome.exit());
        assertTrue(outcome.lines().get(0).startsWith("vector-"), outcome.lines().toString());
        assertEquals(List.of(String.valueOf(EXIT_CODE), "two words", ""), outcome.lines().subList(1, 4));
        assertTrue(compilers(outcome) >= Launcher.TRAINING_COMPILER_THREADS, outcome.lines().get(0));
    }

    @Test
    void aTrainingJvmGetsAtLeastThreeCompilerThreadsUnlessTheUserSaysOtherwise() {
        List<String> none = List.of();
        assertEquals(List.of("-XX:CICompilerCount=3"), Launcher.compilerThreadOptions(2, none));
        assertEquals(none, Launcher.compilerThreadOptions(3, none), "enough already");
        assertEquals(none, Launcher.compilerThreadOptions(12, none), "never fewer than the machine's count");
        assertEquals(none, Launcher.compilerThreadOptions(-1, none), "count unknown: leave the JVM's choice");
        assertEquals(none, Launcher.compilerThreadOptions(2, List.of("-Xmx1g", "-XX:CICompilerCount=2")),
                "the user's own count wins");
    }

    @Test
    void theUsersCompilerCountReachesTheChild() throws Exception {
        Outcome outcome = probe(List.of("-XX:CICompilerCount=2"), "0");
        assertEquals(0, outcome.exit());
        assertEquals(2, compilers(outcome), outcome.lines().get(0));
        assertEquals("", directives(outcome), "the user's own HotSpot options: no directives of ours");
    }

    @Test
    void aTrainingChildLeavesStartupCodeToC1QuietlyAndTheDirectivesFileIsRemovedAfterwards() throws Exception {
        Outcome outcome = probe(List.of(), "0");
        assertEquals(0, outcome.exit());
        // The first line is the child's own: HotSpot's "1 compiler directives added" is not on standard output.
        assertTrue(outcome.lines().get(0).startsWith("vector-"), outcome.lines().toString());
        String directives = directives(outcome);
        assertFalse(directives.isEmpty(), outcome.lines().get(0));
        assertFalse(Files.exists(Path.of(directives)), "the parent deletes the file once the child has ended");
    }

    @Test
    void startupCodeOptionsOnlyForHotSpotWithAFileAndNoHotSpotOptionsOfTheUsers() {
        Path file = Path.of("directives.json");
        List<String> options = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=" + file);
        assertEquals(options, Launcher.startupCodeOptions(true, List.of("-Xmx1g", "-Dx=y"), file));
        assertEquals(List.of(), Launcher.startupCodeOptions(false, List.of(), file), "not HotSpot");
        assertEquals(List.of(), Launcher.startupCodeOptions(true, List.of(), null), "no file could be written");
        assertEquals(List.of(), Launcher.startupCodeOptions(true, List.of("-XX:+PrintCompilation"), file),
                "output the user asks HotSpot for is not silenced");
        String json = Launcher.compilerDirectives();
        for (String pattern : Launcher.STARTUP_ONLY_CODE) {
            assertTrue(json.contains('"' + pattern + '"'), pattern);
        }
        assertFalse(json.contains("hiddenneurons/core") || json.contains("hiddenneurons/train"),
                "the training code itself stays with C2");
    }

    @Test
    void onlyTheWindowAndTheTrainCommandRelaunch() {
        assertTrue(Launcher.trains(new String[0]));
        assertTrue(Launcher.trains(new String[] {"train", "--seed", "1", "--out", "m.json"}));
        assertFalse(Launcher.trains(new String[] {"predict", "--model", "m.json"}));
        assertFalse(Launcher.trains(new String[] {"--help"}));
    }

    @Test
    void relaunchCanBeTurnedOff() throws Exception {
        Outcome outcome = probe(List.of("-D" + Launcher.RELAUNCH_PROPERTY + "=false"), "0");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.lines().get(0).startsWith("plain "), outcome.lines().toString());
    }

    @Test
    void jvmWithTheModuleRunsInPlace() throws Exception {
        Outcome outcome = probe(List.of("--add-modules=" + Kernels.VECTOR_MODULE), "0");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.lines().get(0).startsWith("vector-"), outcome.lines().toString());
        assertTrue(Launcher.relaunchCommand(RelaunchProbe.class.getName(), new String[0], null).isEmpty(),
                "this test JVM has the module, so it must not relaunch");
    }

    @Test
    void relaunchedChildEndsWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(javaCommand(List.of(), "0", RelaunchProbe.SLEEP))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            // The first line comes from the child: it is running (and sleeping) now.
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("vector-"), "child output: " + first);
            List<ProcessHandle> children = parent.toHandle().children().toList();
            assertEquals(1, children.size(), "one child JVM");
            parent.destroyForcibly(); // SIGKILL: the parent's shutdown hook does not run
            children.get(0).onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertFalse(children.get(0).isAlive());
            // Nor could it delete the child's directives file.
            Files.deleteIfExists(Path.of(directives(first)));
        } finally {
            parent.destroyForcibly();
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The child's compiler directives file from the probe's first line ("" if none). */
    private static String directives(Outcome outcome) {
        return directives(outcome.lines().get(0));
    }

    private static String directives(String first) {
        int from = first.indexOf("directives=") + "directives=".length();
        return first.substring(from, first.indexOf(" compilers="));
    }

    /** The child's compiler threads from the probe's first line ("vector-256 directives=… compilers=3"). */
    private static int compilers(Outcome outcome) {
        String first = outcome.lines().get(0);
        return Integer.parseInt(first.substring(first.indexOf("compilers=") + "compilers=".length()));
    }

    private static Outcome probe(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand(jvmOptions, args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "probe JVM did not finish");
        return new Outcome(process.exitValue(), output.lines().toList());
    }

    private static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RelaunchProbe.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
