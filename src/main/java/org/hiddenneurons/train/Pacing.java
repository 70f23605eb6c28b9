package org.hiddenneurons.train;

/**
 * How fast a {@link Trainer} lets its first epochs go by, so that a class can watch the hidden
 * units form: during the first {@code pacedEpochs} epochs the trainer publishes a snapshot after
 * EVERY mini-batch and then waits {@link #stepDelayMillis(int, int)}, so that one paced epoch of
 * {@code n} mini-batches lasts about {@code pacedEpochMillis} (plus the scoring of its {@code n}
 * snapshots). Later epochs run at full speed. Full-batch optimizers (GD, L-BFGS: one step per
 * epoch) are not paced.
 *
 * <p>The waits are front-loaded, ∝ 1/√k after the k-th mini-batch: the pictures form in the first
 * few mini-batches (measured with the default settings: picture smoothness 0.07 after 1
 * mini-batch, 0.50 after 5, 0.67 after 10, 0.74 after 26 of 40; {@code LessonPaceHarness}), so
 * those get the most time — with 40 mini-batches, the first 10 get 45 % of the epoch.
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

    /**
     * The wait after mini-batch {@code k} (1-based) of a paced epoch of {@code n} = {@code stepsPerEpoch}
     * mini-batches: round(duration · k^(−½) / Σ_{i=1..n} i^(−½)) ms, so the n waits add up to about
     * the duration.
     *
     * @throws IllegalArgumentException if k is not in [1, n]
     */
    public long stepDelayMillis(int k, int stepsPerEpoch) {
        if (k < 1 || k > stepsPerEpoch) {
            throw new IllegalArgumentException("mini-batch " + k + " is not in 1.." + stepsPerEpoch);
        }
        double total = 0;
        for (int i = 1; i <= stepsPerEpoch; i++) {
            total += 1 / Math.sqrt(i);
        }
        return Math.round(pacedEpochMillis / Math.sqrt(k) / total);
    }
}
