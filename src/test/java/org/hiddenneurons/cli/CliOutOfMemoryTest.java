package org.hiddenneurons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set larger than the heap ends in one error line and exit code 1, not a stack trace. */
class CliOutOfMemoryTest {

    private static final long TIMEOUT_SECONDS = 120;
    /** 20 000 blank 28×28 images: 15.7 MB of bytes, 125 MB as doubles — far beyond the child's heap. */
    private static final int IMAGES = 20_000;
    private static final int SIDE = 28;
    private static final String SMALL_HEAP = "-Xmx48m";

    @TempDir
    Path folder;

    @Test
    void aDataSetLargerThanTheHeapGivesOneErrorLine() throws IOException, InterruptedException {
        Path images = folder.resolve("big-images-idx3-ubyte");
        Path labels = folder.resolve("big-labels-idx1-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x00000803);
            out.writeInt(IMAGES);
            out.writeInt(SIDE);
            out.writeInt(SIDE);
            writeZeros(out, IMAGES * SIDE * SIDE);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(IMAGES);
            for (int i = 0; i < IMAGES; i++) {
                out.writeByte(i % 10);
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SMALL_HEAP, "-Dhiddenneurons.relaunch=false", "-cp", System.getProperty("java.class.path"),
                "org.hiddenneurons.Launcher", "train", "--epochs", "1", "--data", images.toString(),
                "--out", folder.resolve("m.json").toString());
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(Cli.EXIT_FAILURE, process.exitValue(), err);
        assertTrue(err.contains("hidden-neurons: error: out of memory"), err);
        assertTrue(err.contains("-Xmx"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(folder.resolve("m.json")), "nothing saved");
    }

    private static void writeZeros(OutputStream out, int count) throws IOException {
        byte[] zeros = new byte[64 * 1024];
        for (int left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, Math.min(left, zeros.length));
        }
    }
}
