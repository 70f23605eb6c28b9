package org.hiddenneurons.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The views' one background pool: bounded, named, results handed over by one FX hop. */
class BackgroundWorkTest {

    private static final long TIMEOUT_SECONDS = 10;

    /** Stands in for the FX thread: hops queue here and the test runs them. */
    private final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();

    private void runNextHop() throws InterruptedException {
        Runnable hop = fxQueue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertTrue(hop != null, "no hop onto the FX thread arrived");
        hop.run();
    }

    @Test
    void leavesOneCoreToTheTrainerAndTheFxThread() {
        int cores = Runtime.getRuntime().availableProcessors();
        int expected = cores <= 2 ? 1 : cores - 1;
        try (BackgroundWork work = new BackgroundWork()) {
            assertEquals(expected, work.maxThreads());
        }
    }

    @Test
    void runsWorkOnANamedThreadAndHandsTheResultOverByTheHop() throws Exception {
        try (BackgroundWork work = new BackgroundWork(1, fxQueue::add)) {
            List<String> seen = new ArrayList<>();
            work.submit(() -> Thread.currentThread().getName(), seen::add, error -> seen.add("failed"));
            runNextHop();
            assertEquals(List.of(BackgroundWork.THREAD_PREFIX + "1"), seen);
        }
    }

    @Test
    void handsAFailureOverInsteadOfSwallowingIt() throws Exception {
        IllegalStateException thrown = new IllegalStateException("out of paper");
        try (BackgroundWork work = new BackgroundWork(1, fxQueue::add)) {
            List<Throwable> failures = new ArrayList<>();
            work.submit(() -> {
                throw thrown;
            }, result -> { }, failures::add);
            runNextHop();
            assertEquals(1, failures.size());
            assertSame(thrown, failures.get(0));
        }
    }

    @Test
    void neverRunsMoreTasksAtOnceThanItsBound() throws Exception {
        int bound = 2;
        int tasks = 8;
        try (BackgroundWork work = new BackgroundWork(bound, fxQueue::add)) {
            Object lock = new Object();
            int[] running = {0, 0}; // now, most
            CountDownLatch done = new CountDownLatch(tasks);
            for (int i = 0; i < tasks; i++) {
                work.submit(() -> {
                    synchronized (lock) {
                        running[0]++;
                        running[1] = Math.max(running[1], running[0]);
                    }
                    Thread.sleep(20);
                    synchronized (lock) {
                        running[0]--;
                    }
                    return null;
                }, result -> done.countDown(), error -> { });
            }
            for (int i = 0; i < tasks; i++) {
                runNextHop();
            }
            assertTrue(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertTrue(running[1] <= bound, "ran " + running[1] + " at once");
        }
    }

    @Test
    void aLaneRunsItsTasksOneAtATimeInOrder() throws Exception {
        int tasks = 20;
        try (BackgroundWork work = new BackgroundWork(4, fxQueue::add)) {
            BackgroundWork.Lane lane = work.lane();
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < tasks; i++) {
                int n = i;
                lane.submit(() -> {
                    order.add(n);
                    Thread.sleep(1);
                    return n;
                }, result -> { }, error -> { });
            }
            for (int i = 0; i < tasks; i++) {
                runNextHop();
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                expected.add(i);
            }
            assertEquals(expected, order);
        }
    }

    @Test
    void workAskedForAfterCloseIsDroppedNotThrown() {
        BackgroundWork work = new BackgroundWork(1, fxQueue::add);
        work.close();
        work.submit(() -> 1, result -> { }, error -> { });
        work.lane().submit(() -> 1, result -> { }, error -> { });
        assertTrue(fxQueue.isEmpty());
    }
}
