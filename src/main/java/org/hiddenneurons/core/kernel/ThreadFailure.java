package org.hiddenneurons.core.kernel;

/**
 * Hands another thread's failure to the thread that waits for its work (the trainer waiting for a
 * prefetched batch, the cost function waiting for its workers): the failure is thrown there as it
 * was, so an {@link OutOfMemoryError} still reads as one and a bug keeps its own stack trace.
 */
public final class ThreadFailure {

    private ThreadFailure() {
    }

    /**
     * Throws {@code failure} on the calling thread if it is a {@link RuntimeException} or an
     * {@link Error}; does nothing for null (no failure). Callers wrap checked exceptions themselves.
     */
    public static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
