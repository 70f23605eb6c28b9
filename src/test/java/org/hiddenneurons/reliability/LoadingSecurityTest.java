package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.hiddenneurons.data.CsvReader;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a file never executes code and never follows a path written inside it.
 */
class LoadingSecurityTest {

    /** Where the production code lives (tests run from the project root). */
    static final Path MAIN_SOURCES = Path.of("src", "main", "java");
    /**
     * APIs through which loading a file could run code: Java deserialization, script engines,
     * XML bean decoding, Jackson's polymorphic typing (class names from the file), reflection by
     * a name that is not a compile-time constant ({@code Class.forName(SOME_CONSTANT)} loads a
     * class the code names, never one a file names), class loaders and process launching.
     */
    static final Pattern CODE_EXECUTING_API = Pattern.compile("ObjectInputStream|readObject\\s*\\(|readUnshared\\s*\\("
            + "|ScriptEngine|javax\\.script|XMLDecoder|enableDefaultTyping|activateDefaultTyping|JsonTypeInfo\\.Id\\.CLASS"
            + "|Class\\.forName\\((?![A-Z][A-Z0-9_]*\\))|URLClassLoader|defineClass|Runtime\\.getRuntime\\(\\)\\.exec|ProcessBuilder"
            + "|implements\\s+[\\w\\s,.]*Serializable");

    /**
     * The sources allowed to start a process, with commands built from nothing read from a file:
     * {@code org.hiddenneurons.Launcher} relaunches the program in a child JVM with the Vector API
     * module (this JVM's own launcher, options, class path and arguments), and
     * {@code train.BackgroundPriority} runs {@code chrt} or {@code renice} on a thread id read from
     * {@code /proc/thread-self}. Only {@code ProcessBuilder} is exempt there; every other pattern
     * still applies.
     */
    static final Set<Path> PROCESS_STARTERS = Set.of(
            MAIN_SOURCES.resolve(Path.of("org", "hiddenneurons", "Launcher.java")),
            MAIN_SOURCES.resolve(Path.of("org", "hiddenneurons", "train", "BackgroundPriority.java")));

    @TempDir
    Path dir;

    @Test
    void mainSourcesUseNoApiThatRunsCodeFromData() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES), "run from the project root: " + MAIN_SOURCES.toAbsolutePath());
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                scanned++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = PROCESS_STARTERS.contains(file) ? lines.get(i).replace("ProcessBuilder", "") : lines.get(i);
                    if (CODE_EXECUTING_API.matcher(line).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(scanned > 0, "no sources found under " + MAIN_SOURCES);
        assertEquals(List.of(), found, "APIs that can run code from a loaded file");
    }

    @Test
    void scanRecognisesEachForbiddenApi() {
        for (String line : List.of("new ObjectInputStream(in)", "in.readObject()", "new ScriptEngineManager()",
                "mapper.activateDefaultTyping(v)", "@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)",
                "Class.forName(name)", "new ProcessBuilder(cmd)", "class A implements Cloneable, Serializable {")) {
            assertTrue(CODE_EXECUTING_API.matcher(line).find(), line);
        }
        assertTrue(!CODE_EXECUTING_API.matcher("Class.forName(VECTOR_KERNEL_CLASS)").find(),
                "a class named by a constant in the code is not loaded from data");
    }

    /**
     * A named pipe: opening it for reading blocks until a writer comes, so a reader that followed a
     * path to it would hang and fail the timeout.
     */
    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("trap");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return null;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        return fifo;
    }

    @Test
    void pathsInCsvFieldsAreNeverOpened() throws Exception {
        Path trap = fifo();
        String relative = "../" + dir.getFileName() + "/trap";
        Path csv = dir.resolve("paths.csv");
        Files.writeString(csv, "label," + trap + "\n" + trap + ",0\n0," + relative + "\n0,../../etc/passwd\n");
        Path csvHeaderOnly = dir.resolve("header.csv");
        Files.writeString(csvHeaderOnly, trap + ",x\n1,0\n");
        for (Path file : List.of(csv, csvHeaderOnly)) {
            assertTimeoutPreemptively(FuzzHarness.CASE_TIMEOUT, () -> {
                try {
                    CsvReader.read(file);
                } catch (DataFormatException e) {
                    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                }
            }, () -> file + ": reading blocked: a path inside it was opened");
        }
    }

    @Test
    void pathsInPngTextChunksAreNeverOpened() throws Exception {
        Path trap = fifo();
        Path png = dir.resolve("text.png");
        Files.write(png, withTextChunk(ImageFuzzTest.encode(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png"),
                "Source", trap.toString()));
        var image = assertTimeoutPreemptively(FuzzHarness.CASE_TIMEOUT, () -> ImageFiles.read(png),
                () -> png + ": reading blocked: a path inside it was opened");
        assertEquals(3, image.width(), "the image still reads");
    }

    /** Inserts a PNG tEXt chunk (keyword, 0, text) right after IHDR. */
    static byte[] withTextChunk(byte[] png, String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length)
                .put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = ImageFuzzTest.PNG_IHDR_TYPE_OFFSET + 4 + ImageFuzzTest.PNG_IHDR_DATA_BYTES + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
