package org.hiddenneurons.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hiddenneurons.core.kernel.ThreadFailure;

/**
 * Prepares the mini-batches of one epoch on a second thread, in order, while the trainer's thread
 * steps on the ones before: the trainer augments (distorts) images on one core and trains on the
 * other. Each batch is made in two parts: its draws (which samples, their labels and every random
 * number of their distortions), made by that single thread one batch after another in the order
 * the trainer consumes them; then its images, rendered from the draws by whichever thread is free:
 * the second thread renders each batch's images right after drawing them, and the trainer's
 * thread, when it needs a batch whose images are not all rendered yet, renders the rest with it
 * instead of waiting. Every draw of the trainer's random comes in the same order as when the
 * trainer's own thread makes the batches, and rendering uses no random, so the weights are
 * bit-identical with or without prefetching, whoever renders which image.
 *
 * <p>Use: {@link #start} at the beginning of an epoch (after the shuffle), then per mini-batch
 * {@link #next()} … step … {@link #release}, and {@link #finish()} when the epoch ends or is
 * abandoned (always: it waits for the thread, so that the trainer may use its random again). At
 * most {@value #SLOTS} batches are made ahead.
 */
final class BatchPrefetch {

    /** Batches made ahead of the trainer (buffers in flight). */
    static final int SLOTS = 3;
    /** The prefetch thread's number in {@link Renderer#render}. */
    static final int PREFETCH_THREAD = 0;
    /** The consuming (trainer's) thread's number in {@link Renderer#render}. */
    static final int CONSUMER_THREAD = 1;
    /** How often a waiting consumer checks whether the prefetch thread has failed. */
    private static final long FAILURE_CHECK_MILLIS = 10;

    /**
     * Makes the draws of batch number {@code batch} of the epoch into {@code slot} (its labels,
     * samples and draws) and returns how many images it holds. Called on the prefetch thread, one
     * batch after another.
     */
    @FunctionalInterface
    interface Drawer {
        int draw(int batch, Slot slot);
    }

    /**
     * Renders image {@code image} of {@code slot} from its draws into the slot's pixels. Called on
     * either thread ({@code thread}: {@link #PREFETCH_THREAD} or {@link #CONSUMER_THREAD}, so that
     * each may use its own buffers), for different images of a slot at the same time.
     */
    @FunctionalInterface
    interface Renderer {
        void render(Slot slot, int image, int thread);
    }

    /** One mini-batch's buffers. */
    static final class Slot {
        final double[] pixels;
        final int[] labels;
        /** Which training sample each image is (the drawer's to fill). */
        final int[] samples;
        /** drawSize values per image (the drawer's to fill). */
        final double[] draws;
        /** Images of this batch (set from the drawer's answer). */
        private int count;
        /** Images claimed for rendering (may run past count). */
        private final AtomicInteger claimed = new AtomicInteger();
        /** Images rendered (written after their pixels: a reader that sees count has all pixels). */
        private final AtomicInteger rendered = new AtomicInteger();

        Slot(int capacity, int inputs, int drawSize) {
            pixels = new double[capacity * inputs];
            labels = new int[capacity];
            samples = new int[capacity];
            draws = new double[capacity * drawSize];
        }

        /** Renders unclaimed images until none is left (the other thread may still be rendering its last). */
        private void renderUnclaimed(Renderer renderer, int thread) {
            for (int image = claimed.getAndIncrement(); image < count; image = claimed.getAndIncrement()) {
                renderer.render(this, image, thread);
                if (rendered.incrementAndGet() == count) {
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
        }
    }

    private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Slot> ready = new ArrayBlockingQueue<>(SLOTS);
    private volatile boolean stopping;
    /** What the prefetch thread threw (a RuntimeException or an Error such as OutOfMemoryError), or null. */
    private volatile Throwable failure;
    private Thread thread;
    private Renderer renderer;

    /** @param capacity examples per batch; @param inputs pixels per example; @param drawSize draws per example */
    BatchPrefetch(int capacity, int inputs, int drawSize) {
        for (int i = 0; i < SLOTS; i++) {
            free.add(new Slot(capacity, inputs, drawSize));
        }
    }

    /**
     * Starts making batches 0…batches−1 of an epoch on a new daemon thread: {@code drawer} makes
     * each batch's draws, {@code renderer} its images.
     */
    void start(Drawer drawer, Renderer renderer, int batches, String threadName) {
        stopping = false;
        failure = null;
        this.renderer = renderer;
        thread = new Thread(() -> {
            Slot slot = null;
            try {
                for (int batch = 0; batch < batches && !stopping; batch++) {
                    slot = free.take();
                    slot.count = drawer.draw(batch, slot);
                    slot.claimed.set(0);
                    slot.rendered.set(0);
                    Slot drawn = slot;
                    slot = null;
                    ready.put(drawn); // from here the consumer may render some of its images too
                    drawn.renderUnclaimed(renderer, PREFETCH_THREAD);
                }
            } catch (InterruptedException e) {
                // finish(): the epoch ended early
            } catch (RuntimeException | Error e) {
                // For the consumer to throw (an uncaught Error would leave it waiting for ever).
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

    /**
     * The next batch, complete: renders its images that the prefetch thread has not started yet,
     * then waits for those it is rendering.
     *
     * @throws RuntimeException what the drawer or renderer threw, if either failed (or the Error it threw)
     */
    Slot next() {
        Slot slot = take();
        try {
            slot.renderUnclaimed(renderer, CONSUMER_THREAD);
            // The prefetch thread may still be rendering its last image: wait for it (blocking, not
            // spinning: on a busy machine a spinning thread would keep the renderer from its core).
            synchronized (slot) {
                while (slot.rendered.get() < slot.count) {
                    throwIfFailed();
                    slot.wait(FAILURE_CHECK_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            free.add(slot);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a mini-batch", e);
        } catch (RuntimeException | Error e) {
            free.add(slot);
            throw e;
        }
        return slot;
    }

    /** Throws the prefetch thread's failure, if it had one, on this thread, as it was. */
    private void throwIfFailed() {
        ThreadFailure.rethrow(failure);
    }

    private Slot take() {
        try {
            while (true) {
                Slot slot = ready.poll(FAILURE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (slot != null) {
                    return slot;
                }
                throwIfFailed();
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
