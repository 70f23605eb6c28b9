package org.hiddenneurons.train;

import org.hiddenneurons.core.Network;

/**
 * An immutable picture of a training run after an epoch, safe to hand to any thread.
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
 */
public record TrainingSnapshot(int epoch, int totalEpochs, double trainLoss, double testLoss,
                               double trainAccuracy, double testAccuracy, long elapsedNanos,
                               Network network, TrainingState state, String message) {

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
