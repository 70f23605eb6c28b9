package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchPrefetchTest {

    private static final int IMAGES = 10;
    private static final int INPUTS = 3;
    private static final int BATCHES = 6;
    /** How long the prefetch thread waits for the consumer to render (only a hang would reach it). */
    private static final long LATCH_SECONDS = 30;

    /** Draws of batch b, image i: one value, 100·b + i (and sample 7·i, label b). */
    private static int draw(int batch, BatchPrefetch.Slot slot) {
        for (int i = 0; i < IMAGES; i++) {
            slot.samples[i] = 7 * i;
            slot.labels[i] = batch;
            slot.draws[i] = 100 * batch + i;
        }
        return IMAGES;
    }

    /** Renders an image as its draw, its sample and the rendering thread's number. */
    private static void render(BatchPrefetch.Slot slot, int image, int thread) {
        slot.pixels[image * INPUTS] = slot.draws[image];
        slot.pixels[image * INPUTS + 1] = slot.samples[image];
        slot.pixels[image * INPUTS + 2] = thread;
    }

    private static void assertComplete(BatchPrefetch.Slot slot, int batch) {
        for (int i = 0; i < IMAGES; i++) {
            assertEquals(100 * batch + i, slot.pixels[i * INPUTS], "batch " + batch + ", image " + i);
            assertEquals(7 * i, slot.pixels[i * INPUTS + 1]);
            assertEquals(batch, slot.labels[i]);
        }
    }

    @Test
    void bothThreadsRenderImagesOfABatchAndTheConsumerGetsCompleteBatchesInOrder() {
        BatchPrefetch prefetch = new BatchPrefetch(IMAGES, INPUTS, 1);
        CountDownLatch prefetchStarted = new CountDownLatch(1);
        CountDownLatch consumerRendered = new CountDownLatch(1);
        prefetch.start(BatchPrefetchTest::draw, (slot, image, thread) -> {
            if (slot.labels[image] == 0) {
                // Batch 0: each thread holds its first image until the other has one in hand, so both render.
                if (thread == BatchPrefetch.PREFETCH_THREAD) {
                    prefetchStarted.countDown();
                    await(consumerRendered);
                } else {
                    await(prefetchStarted);
                }
            }
            render(slot, image, thread);
            if (thread == BatchPrefetch.CONSUMER_THREAD) {
                consumerRendered.countDown();
            }
        }, BATCHES, "test-prefetch");
        try {
            for (int batch = 0; batch < BATCHES; batch++) {
                BatchPrefetch.Slot slot = prefetch.next();
                assertComplete(slot, batch);
                if (batch == 0) {
                    int byConsumer = 0;
                    for (int i = 0; i < IMAGES; i++) {
                        byConsumer += (int) slot.pixels[i * INPUTS + 2];
                    }
                    assertTrue(byConsumer > 0 && byConsumer < IMAGES, "images the consumer rendered: " + byConsumer);
                }
                prefetch.release(slot);
            }
        } finally {
            prefetch.finish();
        }
    }

    @Test
    void anErrorOnThePrefetchThreadReachesTheConsumerInsteadOfLeavingItWaiting() {
        BatchPrefetch prefetch = new BatchPrefetch(IMAGES, INPUTS, 1);
        prefetch.start((batch, slot) -> {
            if (batch == 1) {
                throw new OutOfMemoryError("no heap left for batch 1");
            }
            return draw(batch, slot);
        }, BatchPrefetchTest::render, BATCHES, "test-prefetch");
        try {
            prefetch.release(prefetch.next());
            OutOfMemoryError error = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(OutOfMemoryError.class, prefetch::next));
            assertEquals("no heap left for batch 1", error.getMessage());
        } finally {
            prefetch.finish();
        }
    }

    @Test
    void aRenderingFailureReachesTheConsumerAndLosesNoBuffer() {
        BatchPrefetch prefetch = new BatchPrefetch(IMAGES, INPUTS, 1);
        prefetch.start(BatchPrefetchTest::draw, (slot, image, thread) -> {
            if (slot.draws[image] == 105) {
                throw new IllegalStateException("image 5 of batch 1 cannot be rendered");
            }
            render(slot, image, thread);
        }, BATCHES, "test-prefetch");
        try {
            prefetch.release(prefetch.next());
            IllegalStateException failure = assertThrows(IllegalStateException.class, prefetch::next);
            assertEquals("image 5 of batch 1 cannot be rendered", failure.getMessage());
        } finally {
            prefetch.finish();
        }
        // The next epoch gets every batch: all slots came back.
        AtomicInteger drawn = new AtomicInteger();
        prefetch.start((batch, slot) -> {
            drawn.incrementAndGet();
            return draw(batch, slot);
        }, BatchPrefetchTest::render, BATCHES, "test-prefetch");
        try {
            for (int batch = 0; batch < BATCHES; batch++) {
                BatchPrefetch.Slot slot = prefetch.next();
                assertComplete(slot, batch);
                prefetch.release(slot);
            }
        } finally {
            prefetch.finish();
        }
        assertEquals(BATCHES, drawn.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(LATCH_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread never rendered"); // reaches next() as a failure
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
