package org.hiddenneurons.train;

import org.hiddenneurons.core.Network;

/**
 * An immutable picture of a training run after an epoch — or, while the run is paced
 * ({@link Pacing}), after a mini-batch inside an epoch — safe to hand to any thread.
 *
 * @param epoch         completed epochs (full-batch optimizers: iterations)
 * @param totalEpochs   epochs the run was asked for
 * @param trainLoss     the data term of J on the training set (no regularisation term, so that it
 *                      compares with the test loss); NaN, like the other three scores, in a
 *                      CANCELLED snapshot whose weights were never scored because the cancel
 *                      interrupted their scoring (see {@link Trainer})
 * @param testLoss      the data term of J on the test set, NaN if there is no test set
 * @param trainAccuracy fraction in [0, 1]
 * @param testAccuracy  fraction in [0, 1], NaN if there is no test set
 * @param elapsedNanos  training wall time so far (pauses excluded)
 * @param network       a private copy of the weights; never modified by anyone
 * @param state         state after this epoch
 * @param message       human-readable explanation for DIVERGED (and other notable states), else ""
 * @param step          optimizer steps done since the trainer's start (mini-batches; full-batch
 *                      optimizers: iterations, = epoch); {@code step} &gt; {@code epoch · stepsPerEpoch}
 *                      for a snapshot inside an epoch
 * @param stepsPerEpoch optimizer steps per epoch, ⌈training size / batch size⌉ (full batch: 1)
 */
public record TrainingSnapshot(int epoch, int totalEpochs, double trainLoss, double testLoss,
                               double trainAccuracy, double testAccuracy, long elapsedNanos,
                               Network network, TrainingState state, String message,
                               int step, int stepsPerEpoch) {

    /** A snapshot at the end of an epoch, counting one step per epoch (step = epoch, stepsPerEpoch = 1). */
    public TrainingSnapshot(int epoch, int totalEpochs, double trainLoss, double testLoss, double trainAccuracy,
                            double testAccuracy, long elapsedNanos, Network network, TrainingState state,
                            String message) {
        this(epoch, totalEpochs, trainLoss, testLoss, trainAccuracy, testAccuracy, elapsedNanos, network, state,
                message, epoch, 1);
    }

    /** Whether this snapshot lies inside an epoch (after some, not all, of its mini-batches). */
    public boolean midEpoch() {
        return step > epoch * stepsPerEpoch;
    }

    /** The 1-based epoch shown: the one in progress inside an epoch, else the last completed (0 before any). */
    public int shownEpoch() {
        return midEpoch() ? epoch + 1 : epoch;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
