package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    /** Fields of /proc/PID/task/TID/stat after the command name: nice is field 19, policy field 41 (1-based). */
    private static final int NICE_FIELD = 19;
    private static final int POLICY_FIELD = 41;
    private static final int SCHED_IDLE = 5;

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    @Test
    void theThreadIdIsThisThreadsEntryUnderProc() throws Exception {
        assumeTrue(linux());
        AtomicReference<String> comm = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            long tid = BackgroundPriority.currentThreadId().orElseThrow();
            try {
                comm.set(Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).trim());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "tid-test-thread");
        thread.start();
        thread.join();
        assertEquals("tid-test-thread", comm.get()); // JVM threads carry their Java name in the kernel
    }

    @Test
    void aLoweredThreadRunsUnderTheIdlePolicyOrNiceNineteenAndOthersKeepTheirs() throws Exception {
        assumeTrue(linux());
        AtomicReference<BackgroundPriority.Result> result = new AtomicReference<>();
        AtomicReference<String[]> statAfter = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            result.set(BackgroundPriority.lowerCurrentThread());
            statAfter.set(stat(BackgroundPriority.currentThreadId().orElseThrow()));
        }, "priority-test");
        thread.start();
        thread.join();
        assumeTrue(result.get() != BackgroundPriority.Result.UNCHANGED, "neither chrt nor renice works here");
        String[] fields = statAfter.get();
        if (result.get() == BackgroundPriority.Result.IDLE_POLICY) {
            assertEquals(SCHED_IDLE, Integer.parseInt(fields[POLICY_FIELD - 1]));
        } else {
            assertEquals(19, Integer.parseInt(fields[NICE_FIELD - 1]));
        }
        String[] mine = stat(BackgroundPriority.currentThreadId().orElseThrow());
        assertTrue(Integer.parseInt(mine[POLICY_FIELD - 1]) != SCHED_IDLE, "the calling thread was not touched");
    }

    @Test
    void aNicedThreadHasTheAskedNiceValueAndTheNormalPolicy() throws Exception {
        assumeTrue(linux());
        int niceness = 10;
        String mineBefore = stat(BackgroundPriority.currentThreadId().orElseThrow())[NICE_FIELD - 1];
        AtomicReference<BackgroundPriority.Result> result = new AtomicReference<>();
        AtomicReference<String[]> statAfter = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            result.set(BackgroundPriority.niceCurrentThread(niceness));
            statAfter.set(stat(BackgroundPriority.currentThreadId().orElseThrow()));
        }, "nice-test");
        thread.start();
        thread.join();
        assumeTrue(result.get() == BackgroundPriority.Result.NICED, "renice does not work here");
        assertEquals(niceness, Integer.parseInt(statAfter.get()[NICE_FIELD - 1]));
        assertEquals(0, Integer.parseInt(statAfter.get()[POLICY_FIELD - 1])); // SCHED_OTHER
        assertEquals(mineBefore, stat(BackgroundPriority.currentThreadId().orElseThrow())[NICE_FIELD - 1],
                "the calling thread was not touched");
    }

    /** The stat fields, with the command name (which may hold spaces) as one field. */
    private static String[] stat(long tid) {
        try {
            String line = Files.readString(Path.of("/proc/self/task/" + tid + "/stat")).trim();
            int close = line.lastIndexOf(')');
            String head = line.substring(0, line.indexOf(' ')) + " comm";
            return (head + line.substring(close + 1)).split(" ");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
