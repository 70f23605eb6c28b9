package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;

/**
 * Runs one fuzz case: a reader on a (usually mutated) file must either return a value that keeps its
 * invariants or throw {@link DataFormatException} whose message names one of the case's files. Any
 * other throwable (including {@link OutOfMemoryError}), a case slower than {@link #CASE_TIMEOUT} or
 * one allocating more than its bound fails the test with the case's description. Outcomes are tallied
 * per format and mutation kind and written to {@link #TALLY_DIR} for RELIABILITY.md.
 */
final class FuzzHarness {

    /** Generous: a valid case takes milliseconds; this only catches hangs. */
    static final Duration CASE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Allocation allowed per case regardless of input size (decoder tables, buffers, the JDK's own
     * structures). A reader that allocates from a header's claim (an IDX header promising 10⁹
     * images) blows far past it.
     */
    static final long BASE_ALLOCATION_BYTES = 64L * 1024 * 1024;
    /** Plus this many bytes allocated per byte of input actually present (after decompression). */
    static final long ALLOCATION_BYTES_PER_INPUT_BYTE = 64;
    /** Where each fuzz class writes its tally (one TSV per format). */
    static final Path TALLY_DIR = Path.of("target", "reliability");
    /** Tries per property: enough to hit every mutation kind many times, small enough for CI (~30 s total). */
    static final int TRIES = 300;
    /** Fixed seed so a run is reproducible; jqwik re-runs failures with it too. */
    static final String SEED = "42";

    enum Outcome { VALID, REJECTED, OTHER }

    /** A reader under test. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws Exception;
    }

    /** Checks the invariants of a successfully read value; throws AssertionError if broken. */
    @FunctionalInterface
    interface Invariants<T> {
        void check(T value);
    }

    /** format → kind → counts[VALID, REJECTED, OTHER]. */
    private static final Map<String, Map<String, long[]>> TALLY = new TreeMap<>();

    private FuzzHarness() {
    }

    /**
     * @param inputBytes bytes the reader may legitimately look at (sets the allocation bound)
     * @param names      strings of which the error message must contain at least one (file names)
     */
    static <T> Outcome run(String format, String kind, String description, long inputBytes, Read<T> read,
                           Invariants<T> invariants, String... names) {
        long bound = BASE_ALLOCATION_BYTES + ALLOCATION_BYTES_PER_INPUT_BYTE * inputBytes;
        Outcome outcome = assertTimeoutPreemptively(CASE_TIMEOUT, () -> runCase(read, invariants, bound, names,
                format + " / " + description), () -> format + " / " + description + ": took longer than " + CASE_TIMEOUT);
        return outcome;
    }

    private static <T> Outcome runCase(Read<T> read, Invariants<T> invariants, long bound, String[] names,
                                       String description) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        T value;
        try {
            value = read.read();
        } catch (DataFormatException e) {
            checkAllocation(threads, before, bound, description, "rejected: " + e.getMessage());
            String message = e.getMessage();
            if (message == null || Stream.of(names).noneMatch(message::contains)) {
                fail(description + ": the error message does not name the file (" + String.join(" or ", names)
                        + "): " + message);
            }
            return Outcome.REJECTED;
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            fail(description + ": threw " + e.getClass().getName() + " instead of DataFormatException:\n" + trace);
            return Outcome.OTHER;
        }
        checkAllocation(threads, before, bound, description, "accepted");
        invariants.check(value);
        return Outcome.VALID;
    }

    private static void checkAllocation(com.sun.management.ThreadMXBean threads, long before, long bound,
                                        String description, String result) {
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        if (allocated > bound) {
            fail(description + ": allocated " + allocated + " bytes, more than the bound " + bound + " (" + result + ")");
        }
    }

    /** Counts one case; call with the outcome of {@link #run} (or OTHER when it failed). */
    static synchronized void tally(String format, String kind, Outcome outcome) {
        TALLY.computeIfAbsent(format, f -> new TreeMap<>()).computeIfAbsent(kind, k -> new long[Outcome.values().length])
                [outcome.ordinal()]++;
    }

    /** Runs and tallies; an exception other than DataFormatException is tallied as OTHER before failing. */
    static <T> Outcome check(String format, String kind, String description, long inputBytes, Read<T> read,
                             Invariants<T> invariants, String... names) {
        try {
            Outcome outcome = run(format, kind, description, inputBytes, read, invariants, names);
            tally(format, kind, outcome);
            return outcome;
        } catch (AssertionError e) {
            tally(format, kind, Outcome.OTHER);
            throw e;
        }
    }

    /** Writes format's tally as TSV: kind, valid, rejected, other. */
    static synchronized void writeTally(String format) throws IOException {
        Map<String, long[]> kinds = TALLY.getOrDefault(format, Map.of());
        StringBuilder out = new StringBuilder("format\tmutation\tcases\tvalid\tDataFormatException\tother\n");
        long[] total = new long[Outcome.values().length];
        for (Map.Entry<String, long[]> entry : kinds.entrySet()) {
            long[] counts = entry.getValue();
            out.append(row(format, entry.getKey(), counts));
            for (int i = 0; i < counts.length; i++) {
                total[i] += counts[i];
            }
        }
        out.append(row(format, "TOTAL", total));
        Files.createDirectories(TALLY_DIR);
        Files.writeString(TALLY_DIR.resolve(format.replaceAll("[^A-Za-z0-9.-]+", "_") + ".tsv"), out,
                StandardCharsets.UTF_8);
    }

    private static String row(String format, String kind, long[] counts) {
        long cases = counts[0] + counts[1] + counts[2];
        return format + "\t" + kind + "\t" + cases + "\t" + counts[0] + "\t" + counts[1] + "\t" + counts[2] + "\n";
    }

    /** The invariants every data set must keep: sizes consistent, pixels in [0, 1], labels in range. */
    static void checkDataset(Dataset data, String description) {
        if (data.width() < 1 || data.height() < 1 || data.size() < 1) {
            fail(description + ": empty data set " + data.width() + "x" + data.height() + " x " + data.size());
        }
        if (data.pixels().length != (long) data.size() * data.width() * data.height()) {
            fail(description + ": " + data.pixels().length + " pixel values for " + data.size() + " images of "
                    + data.width() + "x" + data.height());
        }
        for (double value : data.pixels()) {
            if (!(value >= 0 && value <= 1)) {
                fail(description + ": pixel value " + value + " outside [0, 1]");
            }
        }
        if (data.classCount() < 1 || data.classCount() > 1000) {
            fail(description + ": class count " + data.classCount());
        }
        for (int label : data.labels()) {
            if (label < 0 || label >= data.classCount()) {
                fail(description + ": label " + label + " outside 0.." + (data.classCount() - 1));
            }
        }
    }

    /** Deletes a directory tree (test temp folders). */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
