package org.hiddenneurons.train;

/**
 * How fast a {@link Trainer} lets its first epochs go by, so that a class can watch the hidden
 * units form: during the first {@code pacedEpochs} epochs the trainer publishes a snapshot after
 * EVERY mini-batch and then waits {@link #stepDelayMillis(int)}, so that one paced epoch of
 * {@code n} mini-batches lasts about {@code pacedEpochMillis} (plus the scoring of its {@code n}
 * snapshots). Later epochs run at full speed. Full-batch optimizers (GD, L-BFGS: one step per
 * epoch) are not paced.
 *
 * <p>A plain policy: the window passes {@link #LESSON} for a run from random weights, the CLI
 * never sets one ({@link #FULL_SPEED}, the trainer's default).
 *
 * @param pacedEpochs      epochs played mini-batch by mini-batch (≥ 0; 0 = full speed)
 * @param pacedEpochMillis the wanted duration of one paced epoch in ms (≥ 0)
 */
public record Pacing(int pacedEpochs, long pacedEpochMillis) {

    /** A paced epoch lasts about this long: long enough to follow noise turning into strokes. */
    public static final long LESSON_EPOCH_MILLIS = 8_000;
    /** Epochs paced by the lesson pace: the first, where the pictures form. */
    public static final int LESSON_PACED_EPOCHS = 1;
    /** No pacing: every epoch at full speed. */
    public static final Pacing FULL_SPEED = new Pacing(0, 0);
    /** The window's default for a run from random weights. */
    public static final Pacing LESSON = new Pacing(LESSON_PACED_EPOCHS, LESSON_EPOCH_MILLIS);

    public Pacing {
        if (pacedEpochs < 0 || pacedEpochMillis < 0) {
            throw new IllegalArgumentException("paced epochs and their duration must not be negative, got "
                    + pacedEpochs + " epochs of " + pacedEpochMillis + " ms");
        }
    }

    /** Whether epoch {@code epoch} (0-based: the one in progress) is played step by step. */
    public boolean paces(int epoch) {
        return epoch < pacedEpochs;
    }

    /** The wait after each mini-batch of a paced epoch of {@code stepsPerEpoch} mini-batches: ⌊duration / steps⌋ ms. */
    public long stepDelayMillis(int stepsPerEpoch) {
        return pacedEpochMillis / Math.max(1, stepsPerEpoch);
    }
}
