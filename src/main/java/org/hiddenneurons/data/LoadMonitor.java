package org.hiddenneurons.data;

/**
 * A thread-safe {@link LoadProgress} to hand to a loader on one thread and watch (and cancel)
 * from another: {@link #fraction()} only ever grows, so a progress bar polling it never jumps back.
 */
public final class LoadMonitor implements LoadProgress {

    private volatile double fraction;
    private volatile boolean cancelled;

    @Override
    public synchronized void report(double value) {
        if (value > fraction) {
            fraction = Math.min(1, value);
        }
    }

    /** The largest fraction reported so far, in [0, 1]. */
    public double fraction() {
        return fraction;
    }

    /** Asks the load to stop at its next check; it then throws {@link java.util.concurrent.CancellationException}. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
