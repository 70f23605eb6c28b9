package org.hiddenneurons.train;

/**
 * How fast a {@link Trainer} lets its first epochs go by, so that a class can watch the hidden
 * units form: during the first {@code pacedEpochs} epochs the trainer plays the first
 * {@link #pacedSteps(int) p = min(maxPacedSteps, n)} of an epoch's {@code n} mini-batches one by
 * one — after each it publishes a snapshot and waits {@link #stepDelayMillis(int, int)} — and
 * the rest of the epoch at full speed. The p waits add up to about {@code pacedEpochMillis}, so the
 * paced part lasts about that long (plus computing its p mini-batches and snapshots) on any data
 * set: p does not grow with the data. Later epochs run at full speed. Full-batch optimizers (GD, L-BFGS: one step per epoch) are not paced.
 *
 * <p>The waits are front-loaded, ∝ 1/√k after the k-th mini-batch: the pictures form in the first
 * few mini-batches (measured with the default settings: picture smoothness 0.07 after 1
 * mini-batch, 0.50 after 5, 0.67 after 10, 0.74 after 26 of 40; {@code LessonPaceHarness}), so
 * those get the most time — with 40 paced mini-batches, the first 10 get 45 % of the pace.
 *
 * <p>Scoring stays within the pace ({@link #scoresStep}): a paced snapshot is scored (loss and
 * accuracy on the full training and test sets, like an epoch's) when it is the first, or when the
 * fastest scoring measured so far takes no longer than the step's wait; otherwise it is published
 * with its metrics not measured (NaN), never with numbers of a subsample or of earlier weights. So
 * scoring at most doubles a paced step after the first, and the paced part lasts at most twice
 * the duration plus one scoring and the paced mini-batches' training, whatever the data's size.
 * On the course's 5000 digits (tens of ms per scoring) every paced snapshot is scored, as before
 * the cap; on 70 000 Fashion-MNIST images (about half a second per scoring on one thread under
 * load) the first one or two.
 *
 * <p>A plain policy: the window passes {@link #LESSON} for a run from random weights, the CLI
 * never sets one ({@link #FULL_SPEED}, the trainer's default).
 *
 * @param pacedEpochs      epochs whose first mini-batches are played one by one (≥ 0; 0 = full speed)
 * @param maxPacedSteps    at most this many mini-batches of a paced epoch are played one by one (≥ 1)
 * @param pacedEpochMillis the wanted duration of the paced part of one epoch in ms (≥ 0)
 */
public record Pacing(int pacedEpochs, int maxPacedSteps, long pacedEpochMillis) {

    /** The paced part of an epoch lasts about this long: long enough to follow noise turning into strokes. */
    public static final long LESSON_EPOCH_MILLIS = 8_000;
    /** Epochs paced by the lesson pace: the first, where the pictures form. */
    public static final int LESSON_PACED_EPOCHS = 1;
    /**
     * Mini-batches the lesson pace plays one by one: the course's 4000 training digits in batches
     * of 100 make 40, and the pictures have formed by then (smoothness 0.74 after 26 of them, see
     * above); on a larger data set (600 mini-batches of Fashion-MNIST) more would only repeat a
     * formed picture, and each paced step costs a snapshot.
     */
    public static final int LESSON_MAX_PACED_STEPS = 40;
    /** No pacing: every epoch at full speed. */
    public static final Pacing FULL_SPEED = new Pacing(0, 1, 0);
    /** The window's default for a run from random weights. */
    public static final Pacing LESSON = new Pacing(LESSON_PACED_EPOCHS, LESSON_MAX_PACED_STEPS, LESSON_EPOCH_MILLIS);

    public Pacing {
        if (pacedEpochs < 0 || pacedEpochMillis < 0) {
            throw new IllegalArgumentException("paced epochs and their duration must not be negative, got "
                    + pacedEpochs + " epochs of " + pacedEpochMillis + " ms");
        }
        if (maxPacedSteps < 1) {
            throw new IllegalArgumentException("at least one mini-batch must be paced, got " + maxPacedSteps);
        }
    }

    /** Whether epoch {@code epoch} (0-based: the one in progress) begins with paced mini-batches. */
    public boolean paces(int epoch) {
        return epoch < pacedEpochs;
    }

    /** The number p of mini-batches played one by one in a paced epoch of {@code stepsPerEpoch}: min(maxPacedSteps, n). */
    public int pacedSteps(int stepsPerEpoch) {
        return Math.min(maxPacedSteps, stepsPerEpoch);
    }

    /**
     * Whether mini-batch {@code k} (1-based) of epoch {@code epoch} (0-based) is played one by one:
     * the epoch is paced and k ≤ {@link #pacedSteps(int)}.
     */
    public boolean pacesStep(int epoch, int k, int stepsPerEpoch) {
        return paces(epoch) && k >= 1 && k <= pacedSteps(stepsPerEpoch);
    }

    /**
     * The wait after paced mini-batch {@code k} (1-based) of an epoch of n = {@code stepsPerEpoch}
     * mini-batches, p = {@link #pacedSteps(int) pacedSteps(n)} of them paced:
     * round(duration · k^(−½) / Σ_{i=1..p} i^(−½)) ms, so the p waits add up to about the duration.
     *
     * @throws IllegalArgumentException if k is not in [1, p]
     */
    public long stepDelayMillis(int k, int stepsPerEpoch) {
        int paced = pacedSteps(stepsPerEpoch);
        if (k < 1 || k > paced) {
            throw new IllegalArgumentException("mini-batch " + k + " is not in the paced 1.." + paced);
        }
        double total = 0;
        for (int i = 1; i <= paced; i++) {
            total += 1 / Math.sqrt(i);
        }
        return Math.round(pacedEpochMillis / Math.sqrt(k) / total);
    }

    /**
     * Whether paced snapshot {@code k} (1-based), whose wait is {@code delayMillis}, is scored: the
     * first always — it has the longest wait, and it measures the scoring afresh (a run's first
     * scoring, of its initial weights, includes the JIT's warm-up: 4.6 s for Fashion-MNIST here
     * against 0.5 s for the next ones) — and a later one when the fastest scoring of these data
     * measured so far ({@code fastestScoringNanos}) is at most the wait, so scoring it does not
     * lengthen the pace. The delays fall with k, so once a step is not scored, no later paced step
     * of the epoch is.
     */
    public static boolean scoresStep(int k, long delayMillis, long fastestScoringNanos) {
        return k == 1 || fastestScoringNanos <= delayMillis * 1_000_000L;
    }
}
