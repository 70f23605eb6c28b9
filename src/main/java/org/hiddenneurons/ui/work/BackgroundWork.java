package org.hiddenneurons.ui.work;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one place views run work off the FX thread, and the one hop back onto it.
 *
 * <p>Background work (dossier statistics, the logistic-regression comparison, the evaluation page,
 * the user's drawings) runs on one bounded pool of daemon threads named {@value #THREAD_PREFIX}N,
 * at most {@link #defaultThreads()} of them: one core fewer than the machine has, so the trainer
 * and the FX thread keep one (on 2 cores: one view thread). Tasks beyond that wait in order.
 *
 * <p>Results and failures come back on the FX thread through {@link #onFxThread(Runnable)}, which
 * is {@link Platform#runLater} in the app and any executor in a test. Views do not call
 * {@code Platform.runLater} themselves.
 *
 * <p>Lifecycle: create one per window (the training adapter owns it), hand it to each view in the
 * constructor, {@link #close()} it when the window closes.
 */
public final class BackgroundWork implements AutoCloseable {

    /** Thread names: this prefix and a number from 1. */
    public static final String THREAD_PREFIX = "hn-view-";
    /** Idle view threads end after this long (they are recreated when work comes). */
    static final long KEEP_ALIVE_SECONDS = 30;

    private final ThreadPoolExecutor pool;
    private final Executor fxThread;
    private final AtomicInteger threadNumber = new AtomicInteger();

    /** Up to {@link #defaultThreads()} threads, results on the JavaFX application thread. */
    public BackgroundWork() {
        this(defaultThreads(), Platform::runLater);
    }

    /**
     * @param threads  at most this many background threads (≥ 1)
     * @param fxThread runs what must run on the FX thread ({@code Platform::runLater} in the app)
     */
    public BackgroundWork(int threads, Executor fxThread) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, THREAD_PREFIX + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        // After close() the window is gone: work a view still asks for (say, during teardown) is dropped.
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    }

    /** max(1, available processors − 1): leaves a core to the trainer and the FX thread. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The most background threads this runs at once. */
    public int maxThreads() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Runs {@code work} on a background thread, then {@code onSuccess} with its result, or
     * {@code onFailure} with what it threw (any exception or error), on the FX thread.
     */
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pool.execute(task(work, onSuccess, onFailure));
    }

    /** {@code work}, then its result or failure handed to the FX thread. */
    private <T> Runnable task(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        return () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFxThread(() -> onFailure.accept(e));
                return;
            }
            onFxThread(() -> onSuccess.accept(result));
        };
    }

    /**
     * A lane: work submitted to it runs one task at a time, in submission order, on this pool's
     * threads (for a view whose tasks must not overlap, e.g. file changes then a listing).
     */
    public Lane lane() {
        return new Lane();
    }

    /** Tasks one at a time, in order, on the shared pool (see {@link #lane()}). */
    public final class Lane {
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private boolean running;

        private Lane() {
        }

        /** As {@link BackgroundWork#submit}, after every task submitted to this lane before it. */
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            enqueue(task(work, onSuccess, onFailure));
        }

        private synchronized void enqueue(Runnable task) {
            waiting.add(task);
            if (!running) {
                running = true;
                pool.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = waiting.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run();
            }
        }
    }

    /** Runs {@code action} on the FX thread (later, in order with the other hops). */
    public void onFxThread(Runnable action) {
        fxThread.execute(action);
    }

    /** Stops taking work (later submissions are dropped); running tasks finish, their results are still delivered. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
