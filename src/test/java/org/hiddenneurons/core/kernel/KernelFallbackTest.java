package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        // The child writes to a file, so the timeout applies to the whole run (reading its pipe
        // first would block for as long as a hung child lives).
        Path outputFile = Files.createTempFile("kernel-probe", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(outputFile.toFile()).start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8).trim();
            assertTrue(finished, "probe JVM did not finish in " + TIMEOUT_SECONDS + " s; it wrote: " + output);
            assertEquals(0, process.exitValue(), "probe JVM failed: " + output);
            return output;
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }
}
