package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A warm-up that fails (out of memory, or anything else) stops quietly: nothing reaches the uncaught-exception handler. */
class WarmUpThreadTest {

    private static final long JOIN_MILLIS = 10_000;

    @Test
    void aFailingWarmUpEndsQuietlyOnADaemonThread() throws InterruptedException {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            Thread outOfMemory = WarmUpThread.start("test-warm-up-oom", () -> {
                throw new OutOfMemoryError("the user's data filled the heap");
            });
            Thread failing = WarmUpThread.start("test-warm-up-failing", () -> {
                throw new IllegalStateException("warm-up failed");
            });
            assertTrue(outOfMemory.isDaemon());
            assertEquals("test-warm-up-oom", outOfMemory.getName());
            outOfMemory.join(JOIN_MILLIS);
            failing.join(JOIN_MILLIS);
            assertFalse(outOfMemory.isAlive());
            assertFalse(failing.isAlive());
            assertEquals(List.of(), uncaught);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
