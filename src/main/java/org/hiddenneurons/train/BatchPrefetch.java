package org.hiddenneurons.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hiddenneurons.core.kernel.NonzeroIndex;

/**
 * Prepares the mini-batches of one epoch on a second thread, in order, while the trainer's thread
 * steps on the ones before: the trainer augments (distorts) images on one core and trains on the
 * other. The batches are made one after another by that single thread, in the order the trainer
 * consumes them, so every draw of the trainer's random comes in the same order as when the
 * trainer's own thread makes them: the weights are bit-identical with or without prefetching.
 *
 * <p>Use: {@link #start} at the beginning of an epoch (after the shuffle), then per mini-batch
 * {@link #next()} … step … {@link #release}, and {@link #finish()} when the epoch ends or is
 * abandoned (always: it waits for the thread, so that the trainer may use its random again). At
 * most {@value #SLOTS} batches are made ahead.
 */
final class BatchPrefetch {

    /** Batches made ahead of the trainer (buffers in flight). */
    static final int SLOTS = 3;

    /** Fills batch number {@code batch} of the epoch into {@code slot}. Called on the prefetch thread. */
    @FunctionalInterface
    interface Filler {
        void fill(int batch, Slot slot);
    }

    /** One mini-batch's buffers. */
    static final class Slot {
        final double[] pixels;
        final int[] labels;
        final NonzeroIndex index = new NonzeroIndex();

        Slot(int capacity, int inputs) {
            pixels = new double[capacity * inputs];
            labels = new int[capacity];
        }
    }

    private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Slot> ready = new ArrayBlockingQueue<>(SLOTS);
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private Thread thread;

    /** @param capacity examples per batch; @param inputs pixels per example */
    BatchPrefetch(int capacity, int inputs) {
        for (int i = 0; i < SLOTS; i++) {
            free.add(new Slot(capacity, inputs));
        }
    }

    /** Starts making batches 0…batches−1 of an epoch with {@code filler} on a new daemon thread. */
    void start(Filler filler, int batches, String threadName) {
        stopping = false;
        failure = null;
        thread = new Thread(() -> {
            Slot slot = null;
            try {
                for (int batch = 0; batch < batches && !stopping; batch++) {
                    slot = free.take();
                    filler.fill(batch, slot);
                    ready.put(slot);
                    slot = null;
                }
            } catch (InterruptedException e) {
                // finish(): the epoch ended early
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                if (slot != null) {
                    free.add(slot);
                }
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, waiting for it. @throws RuntimeException what the filler threw, if it failed */
    Slot next() {
        try {
            while (true) {
                Slot slot = ready.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (slot != null) {
                    return slot;
                }
                RuntimeException failed = failure;
                if (failed != null) {
                    throw failed;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a mini-batch", e);
        }
    }

    /** Gives a consumed batch's buffers back for a later batch. */
    void release(Slot slot) {
        free.add(slot);
    }

    /** Stops the thread (if the epoch ended early) and waits for it; every buffer is free afterwards. */
    void finish() {
        if (thread == null) {
            return;
        }
        stopping = true;
        thread.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        thread = null;
        ready.drainTo(free);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
