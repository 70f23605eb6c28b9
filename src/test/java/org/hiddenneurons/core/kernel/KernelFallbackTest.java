package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider picks the plain kernel in a JVM started without the Vector API module, and the vector one with it. */
class KernelFallbackTest {

    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void plainKernelIsChosenWithoutTheVectorModule() throws Exception {
        assertEquals("plain", probe(false));
    }

    @Test
    void vectorKernelIsChosenWithTheVectorModule() throws Exception {
        assertTrue(probe(true).startsWith("vector-"));
    }

    private static String probe(boolean withModule) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withModule) {
            command.add("--add-modules=" + Kernels.VECTOR_MODULE);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KernelProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, process.exitValue(), "probe JVM failed: " + output);
        return output;
    }
}
