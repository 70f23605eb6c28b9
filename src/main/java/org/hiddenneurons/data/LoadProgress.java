package org.hiddenneurons.data;

import java.util.concurrent.CancellationException;

/**
 * How a long load reports its progress and learns that it should stop. The readers call
 * {@link #report} with the fraction done (bytes or records read, in [0, 1], never decreasing
 * within one load, 1.0 when the data set is complete) and poll {@link #checkCancelled} between
 * chunks (every few hundred kilobytes, lines or images). A cancelled load throws
 * {@link CancellationException} and returns nothing: there is never a half-loaded data set.
 *
 * <p>Implementations must be thread-safe: the loading thread reports, another thread (the UI)
 * reads the fraction and cancels. {@link LoadMonitor} is the ready-made one.
 */
public interface LoadProgress {

    /** Reports nothing and is never cancelled: what the overloads without a progress use. */
    LoadProgress NONE = new LoadProgress() {
        @Override
        public void report(double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** The fraction done, in [0, 1]. Called on the loading thread. */
    void report(double fraction);

    /** True once the load should stop. */
    boolean isCancelled();

    /**
     * @throws CancellationException if {@link #isCancelled()}: the caller abandons the load and
     *         everything it allocated
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("loading was cancelled");
        }
    }

    /**
     * This progress seen as one phase of a longer load: the phase's fraction f is reported as
     * {@code from + f·(to − from)}; cancellation is shared.
     */
    default LoadProgress range(double from, double to) {
        LoadProgress whole = this;
        return new LoadProgress() {
            @Override
            public void report(double fraction) {
                whole.report(from + Math.max(0, Math.min(1, fraction)) * (to - from));
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
