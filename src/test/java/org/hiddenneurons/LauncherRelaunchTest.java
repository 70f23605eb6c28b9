package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.core.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without the Vector API module relaunches itself with it (same arguments, exit code
 * passed through), unless told not to, and a JVM that has the module runs in place.
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
    }

    @Test
    void relaunchCanBeTurnedOff() throws Exception {
        Outcome outcome = probe(List.of("-D" + Launcher.RELAUNCH_PROPERTY + "=false"), "0");
        assertEquals(0, outcome.exit());
        assertEquals("plain", outcome.lines().get(0));
    }

    @Test
    void jvmWithTheModuleRunsInPlace() throws Exception {
        Outcome outcome = probe(List.of("--add-modules=" + Kernels.VECTOR_MODULE), "0");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.lines().get(0).startsWith("vector-"), outcome.lines().toString());
        assertTrue(Launcher.relaunchCommand(RelaunchProbe.class.getName(), new String[0]).isEmpty(),
                "this test JVM has the module, so it must not relaunch");
    }

    private static Outcome probe(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RelaunchProbe.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "probe JVM did not finish");
        return new Outcome(process.exitValue(), output.lines().toList());
    }
}
