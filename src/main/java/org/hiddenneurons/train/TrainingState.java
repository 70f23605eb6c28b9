package org.hiddenneurons.train;

/** Where a training run is. */
public enum TrainingState {
    /** Not started yet (or between single steps). */
    READY,
    RUNNING,
    PAUSED,
    /** All epochs done. */
    FINISHED,
    CANCELLED,
    /**
     * The run diverged (the loss or a weight became NaN/±∞, the loss rose 1000-fold or a weight
     * passed 10⁶: see {@link Trainer}); the last completed epoch's weights were kept.
     */
    DIVERGED
}
