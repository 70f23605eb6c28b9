package org.hiddenneurons.core.kernel;

/**
 * Starts the daemon threads that give the JIT a head start (the vector tiles', the cost
 * function's, the trainer's warm-ups). A warm-up is only that: if it fails — most likely an
 * {@link OutOfMemoryError} while the user's data fill a small heap — it stops quietly, its
 * buffers become garbage, and nothing else changes (the real work compiles the same code later).
 * Without this, the JVM printed the warm-up's stack trace beside the CLI's one-line error.
 */
public final class WarmUpThread {

    private WarmUpThread() {
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (OutOfMemoryError | RuntimeException e) {
                // Given up: see the class comment.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
