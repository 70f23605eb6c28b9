package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link VectorKernel.WarmUp}: which calls it lets through, and when. */
class VectorKernelWarmUpTest {

    private static final int QUIET = 1;
    private static final int ALLOCATING = 2;
    private static final int ALLOCATING_ONLY_WHEN_COMPILED = 4;
    private static final int QUIET_ONLY_WHEN_COMPILED = 8;
    private static final long LIMIT_MILLIS = 1500;

    /** Where the allocating calls put their garbage, so that the JIT cannot drop the allocation. */
    private static volatile byte[] sink;

    @Test
    void letsCallsThroughOnceTheyAllocateNothingOrHaveHadTheirCalls() throws InterruptedException {
        AtomicInteger through = new AtomicInteger();
        AtomicInteger allocatingCalls = new AtomicInteger();
        Runnable quiet = () -> { };
        Runnable allocating = () -> {
            sink = new byte[1024];
            allocatingCalls.incrementAndGet();
        };
        Runnable alsoAllocating = () -> sink = new byte[1024];
        VectorKernel.WarmUp warmUp = new VectorKernel.WarmUp(
                new Runnable[] {quiet, allocating, alsoAllocating, quiet},
                new int[] {0, 0, 1, 1},
                new int[] {QUIET, ALLOCATING, ALLOCATING_ONLY_WHEN_COMPILED, QUIET_ONLY_WHEN_COMPILED},
                ALLOCATING_ONLY_WHEN_COMPILED | QUIET_ONLY_WHEN_COMPILED, 0, LIMIT_MILLIS,
                tag -> through.getAndUpdate(bits -> bits | tag));

        warmUp.run();
        // The first stage on this thread: the quiet call at once, the allocating one after its calls.
        assertEquals(QUIET | ALLOCATING, through.get());
        assertEquals(VectorKernel.WARM_UP_CALLS, allocatingCalls.get());

        // The last stage on a daemon thread: only the quiet call, as the other never stops allocating.
        Thread.sleep(LIMIT_MILLIS + 500);
        assertEquals(QUIET | ALLOCATING | QUIET_ONLY_WHEN_COMPILED, through.get());
    }
}
