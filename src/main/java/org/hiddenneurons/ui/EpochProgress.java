package org.hiddenneurons.ui;

import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Where training stands, as the status bar's epoch field says it: the epochs completed on this
 * network ("Epoch 3"), or, for a snapshot inside an epoch (the lesson-paced first epoch), the
 * mini-batch step and the epoch in progress out of the run's total ("Step 11 · epoch 1 of 40", the
 * same numbers as the pace status of {@link PaceStatus}). Immutable.
 *
 * @param completedEpochs epochs trained on this network
 * @param step            optimizer steps of the shown snapshot's trainer; 0 when not inside an epoch
 * @param epochInProgress the 1-based epoch being trained, counted on this network; 0 when not inside an epoch
 * @param totalEpochs     the epoch count the run ends at, counted on this network; 0 when not inside an epoch
 */
public record EpochProgress(int completedEpochs, int step, int epochInProgress, int totalEpochs) {

    /** Between epochs (or idle): {@code epochs} completed. */
    public static EpochProgress completed(int epochs) {
        return new EpochProgress(epochs, 0, 0, 0);
    }

    /**
     * For {@code snapshot}: inside an epoch, its step and epoch; else its completed epochs.
     *
     * @param epochOffset epochs done before this snapshot's trainer started (the trainer counts from 0)
     */
    public static EpochProgress of(TrainingSnapshot snapshot, int epochOffset) {
        if (!snapshot.midEpoch()) {
            return completed(epochOffset + snapshot.epoch());
        }
        return new EpochProgress(epochOffset + snapshot.epoch(), snapshot.step(),
                epochOffset + snapshot.shownEpoch(), epochOffset + snapshot.totalEpochs());
    }

    /** Whether a snapshot inside an epoch is shown (then step, epoch in progress and total are set). */
    public boolean insideEpoch() {
        return step > 0;
    }

    /** The field's text in the current language. */
    public String text() {
        return insideEpoch()
                ? I18n.t("workbench.status.epoch.inside", step, epochInProgress, totalEpochs)
                : I18n.t("workbench.status.epoch", String.valueOf(completedEpochs));
    }
}
