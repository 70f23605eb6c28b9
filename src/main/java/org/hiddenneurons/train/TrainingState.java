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
    /** Loss or a weight became NaN/Inf; the last finite weights were kept. */
    DIVERGED
}
