package org.hiddenneurons.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the operating system's background priority, so that a window's
 * threads (event handling, rendering) always run before it when they share a core.
 *
 * <p>Why: on two cores a trainer at full speed keeps one core busy, and the FX thread, the
 * renderer and the JIT share the other; at equal priority the scheduler gives the trainer its fair
 * share of that core too, and frames wait. Measured on 2 cores with software rendering (ten
 * snapshots per second, 15 s after 30 s of training, medians of 6 runs): frame-interval p95
 * 17.6 ms at background priority against 23.1 ms at normal priority, but 45 against 50 epochs/s,
 * because the scheduler leaves the background thread waiting even when the other core is free
 * (BENCHMARKS.md). The window uses it only on request ({@code -Dhiddenneurons.trainerPriority=background}).
 *
 * <p>How: Java has no portable call for this and ignores {@link Thread#setPriority} on Linux, so
 * on Linux this runs {@code chrt --idle -p 0 TID} (the SCHED_IDLE policy; an unprivileged process
 * may move its own threads there), or else {@code renice -n 19 -p TID}, with the thread id read
 * from {@code /proc/thread-self}. Elsewhere, or when neither tool works, it does nothing and the
 * thread keeps the normal priority. A thread inherits the policy of the thread that creates it.
 *
 * <p>The cost: on a machine whose every core is busy with other programs, a background thread
 * gets almost no time (a run while Maven compiled trained at 6 epochs/s instead of ~50).
 */
public final class BackgroundPriority {

    /** How long the helper command may take before it is given up on. */
    static final long COMMAND_TIMEOUT_MILLIS = 2_000;

    /** The outcome, for logs and tests. */
    public enum Result {
        /** The thread now runs under SCHED_IDLE. */
        IDLE_POLICY,
        /** SCHED_IDLE was refused or unavailable; the thread's nice value is now 19. */
        NICE_19,
        /** The thread's nice value is now the one asked for ({@link #niceCurrentThread}). */
        NICED,
        /** Not Linux, or neither command worked: the thread's priority is unchanged. */
        UNCHANGED
    }

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's OS scheduling priority as far as it can (see the class comment). */
    public static Result lowerCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Result.UNCHANGED;
        }
        OptionalLong tid = currentThreadId();
        if (tid.isEmpty()) {
            return Result.UNCHANGED;
        }
        String id = Long.toString(tid.getAsLong());
        if (succeeds(List.of("chrt", "--idle", "-p", "0", id))) {
            return Result.IDLE_POLICY;
        }
        if (succeeds(List.of("renice", "-n", "19", "-p", id))) {
            return Result.NICE_19;
        }
        return Result.UNCHANGED;
    }

    /**
     * Gives the calling thread the nice value {@code niceness} (Linux {@code renice}), keeping the
     * normal scheduling policy: unlike {@link #lowerCurrentThread()} the thread still gets a share
     * of a busy machine (at nice 10 about a tenth of what a nice-0 thread gets), but a window's
     * threads at nice 0 run first whenever they wake up on its core.
     *
     * @param niceness 1 to 19
     */
    public static Result niceCurrentThread(int niceness) {
        if (niceness < 1 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be in 1..19, got " + niceness);
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Result.UNCHANGED;
        }
        OptionalLong tid = currentThreadId();
        if (tid.isEmpty()) {
            return Result.UNCHANGED;
        }
        return succeeds(List.of("renice", "-n", Integer.toString(niceness), "-p", Long.toString(tid.getAsLong())))
                ? Result.NICED : Result.UNCHANGED;
    }

    /** The kernel's id of the calling thread: /proc/thread-self links to /proc/PID/task/TID. */
    static OptionalLong currentThreadId() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalLong.of(Long.parseLong(target.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
