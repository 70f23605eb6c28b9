package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hiddenneurons.data.AtomicFiles;

/**
 * Nothing is lost: a save that fails part-way leaves the old file intact and no debris; a process
 * killed with SIGKILL while saving models and adding drawings leaves every file it had finished
 * loadable, and at most the write in flight missing.
 */
class CrashSafetyTest {

    /** Byte offsets at which the injected failure strikes, spread over the whole new file. */
    private static final int FAILURE_OFFSETS = 60;
    private static final int KILL_ROUNDS = 4;
    /** The kill lands uniformly in [0, this) ms after the child's first completed iteration. */
    private static final int MAX_KILL_DELAY_MILLIS = 400;
    private static final long CHILD_START_TIMEOUT_SECONDS = 60;

    @TempDir
    Path folder;

    /** Passes bytes through until {@code limit} were written, then fails like a full disk. */
    private static final class FailingAfter extends FilterOutputStream {
        private long remaining;

        FailingAfter(OutputStream out, long limit) {
            super(out);
            remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining-- <= 0) {
                throw new IOException("No space left on device (injected)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int passed = (int) Math.max(0, Math.min(len, remaining));
            out.write(b, off, passed);
            remaining -= passed;
            if (passed < len) {
                throw new IOException("No space left on device (injected)");
            }
        }
    }

    @Test
    void aSaveFailingAtAnyByteLeavesTheOldModelIntactAndNoTempFile() throws Exception {
        Path file = folder.resolve("model.json");
        SavedModel old = model(1);
        SavedModel replacement = model(2);
        ModelFile.save(file, old);
        byte[] oldBytes = Files.readAllBytes(file);
        ByteArrayOutputStream newBytes = new ByteArrayOutputStream();
        ModelFile.write(newBytes, replacement);
        int length = newBytes.size();
        Random random = new Random(42);
        for (int k = 0; k <= FAILURE_OFFSETS; k++) {
            long offset = k == 0 ? 0 : k == FAILURE_OFFSETS ? length - 1 : random.nextInt(length);
            IOException failure = assertThrows(IOException.class, () ->
                    AtomicFiles.write(file, out -> ModelFile.write(new FailingAfter(out, offset), replacement)),
                    "offset " + offset);
            assertTrue(failure.getMessage().contains("injected"), failure.getMessage());
            assertArrayEquals(oldBytes, Files.readAllBytes(file), "old file changed by a failure at byte " + offset);
            assertOnlyFile(file);
        }
        assertEquals(1, ModelFile.load(file).epochs());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(oldBytes, 0, oldBytes.length / 2);
            throw new IllegalStateException("a bug in the writer");
        }));
        assertThrows(OutOfMemoryError.class, () -> AtomicFiles.write(file, out -> {
            out.write(oldBytes, 0, oldBytes.length / 3);
            throw new OutOfMemoryError("injected");
        }));
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertOnlyFile(file);
        ModelFile.save(file, replacement);
        assertArrayEquals(newBytes.toByteArray(), Files.readAllBytes(file), "a later save still works");
    }

    @Test
    void modelsAndDrawingsSurviveKillMinusNine() throws Exception {
        Random random = new Random(42);
        Path runs = folder.resolve(CrashSafetyChild.RUNS);
        int acknowledgedDrawings = 0;
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            String name = Integer.toString(round);
            int done = runAndKill(name, random.nextInt(MAX_KILL_DELAY_MILLIS));
            rounds.add(done + " iterations");
            acknowledgedDrawings += done;

            // The model overwritten in every iteration: the last finished save or the one in flight.
            int modelEpochs = ModelFile.load(folder.resolve(CrashSafetyChild.MODEL)).epochs();
            assertTrue(modelEpochs == done || modelEpochs == done + 1,
                    "round " + round + ": model.json has epochs " + modelEpochs + " after " + done + " finished saves");
            // Run files: every finished one is there and loads; only the one in flight may be missing.
            for (int i = 1; i <= done + 1; i++) {
                Path run = runs.resolve(CrashSafetyChild.runName(name, i));
                if (i <= done) {
                    assertTrue(Files.exists(run), "round " + round + ": finished save " + run + " is missing");
                }
                if (Files.exists(run)) {
                    assertEquals(i, ModelFile.load(run).epochs());
                }
            }
            assertFalse(Files.exists(runs.resolve(CrashSafetyChild.runName(name, done + 2))));
            // Drawings: none torn, none lost.
            UserDrawings.Listing listing = new UserDrawings(folder.resolve(CrashSafetyChild.DRAWINGS)).list();
            assertEquals(List.of(), listing.problems(), "round " + round + ": unreadable drawings");
            int count = listing.drawings().size();
            assertTrue(count >= acknowledgedDrawings && count <= acknowledgedDrawings + round,
                    "round " + round + ": " + count + " drawings after " + acknowledgedDrawings + " finished adds");
        }
        assertTrue(rounds.stream().anyMatch(r -> !r.startsWith("0 ")), "the child never finished an iteration: " + rounds);
        try (Stream<Path> files = Files.list(runs)) {
            // Everything in the runs folder is either a loadable run or a temp file from a killed write.
            for (Path file : files.toList()) {
                if (!AtomicFiles.isTempFile(file.getFileName().toString())) {
                    ModelFile.load(file);
                }
            }
        }
    }

    /** Starts the child, kills it {@code delayMillis} after its first finished iteration; returns the iterations it finished. */
    private int runAndKill(String round, int delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashSafetyChild.class.getName(), folder.toString(), round);
        builder.redirectErrorStream(true);
        Process child = builder.start();
        AtomicInteger done = new AtomicInteger();
        StringBuilder output = new StringBuilder();
        Object firstDone = new Object();
        Thread reader = new Thread(() -> {
            Pattern line = Pattern.compile(Pattern.quote(CrashSafetyChild.DONE) + "(\\d+)");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    Matcher matcher = line.matcher(text);
                    if (matcher.matches()) {
                        done.set(Integer.parseInt(matcher.group(1)));
                        synchronized (firstDone) {
                            firstDone.notifyAll();
                        }
                    } else if (output.length() < 10_000) {
                        output.append(text).append('\n');
                    }
                }
            } catch (IOException e) {
                // The pipe breaks when the child is killed.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_START_TIMEOUT_SECONDS);
        synchronized (firstDone) {
            while (done.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
                firstDone.wait(100);
            }
        }
        assertTrue(child.isAlive(), "the child ended by itself: " + output);
        Thread.sleep(delayMillis);
        child.destroyForcibly(); // SIGKILL on Unix
        assertTrue(child.waitFor(CHILD_START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        reader.join(TimeUnit.SECONDS.toMillis(CHILD_START_TIMEOUT_SECONDS));
        return done.get();
    }

    private static SavedModel model(int epochs) {
        TrainingConfig config = TrainingConfig.defaults();
        WeightBuffers weights = config.initialNetwork(CrashSafetyChild.SIDE, CrashSafetyChild.SIDE, 10).mutableCopy();
        weights.theta1()[0] = epochs;
        return new SavedModel(weights.toNetwork(), config, "crash test", "", epochs);
    }

    private static void assertOnlyFile(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList(), "debris after a failed save");
        }
    }
}
