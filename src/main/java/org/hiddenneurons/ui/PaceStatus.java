package org.hiddenneurons.ui;

import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The status line of a paced run: which step and epoch the window shows ("Lesson pace: step 37 ·
 * epoch 1 of 22"), and once the paced epoch is over, that the run goes on at full speed. Plain
 * state, no nodes; the FX thread only.
 *
 * <p>Call order: {@link #runStarted} per Train → {@link #statusFor} per applied snapshot.
 */
public final class PaceStatus {

    /** True while the current run has shown a snapshot inside an epoch and not yet said it sped up. */
    private boolean pacedRunShowing;

    /** A new trainer starts; forget the previous run's pacing. */
    public void runStarted() {
        pacedRunShowing = false;
    }

    /**
     * The status text for {@code snapshot}, or null when the status should stay as it is (a run
     * that is not paced, or a paced run already at full speed).
     *
     * @param epochOffset epochs done before this snapshot's trainer started (the run's count)
     */
    public String statusFor(TrainingSnapshot snapshot, int epochOffset) {
        if (snapshot.state() != TrainingState.RUNNING) {
            return null;
        }
        if (snapshot.midEpoch()) {
            pacedRunShowing = true;
            EpochProgress shown = EpochProgress.of(snapshot, epochOffset);
            return I18n.t("workbench.watch.status.paced", shown.step(), shown.epochInProgress(), shown.totalEpochs());
        }
        if (pacedRunShowing && snapshot.epoch() > 0) {
            pacedRunShowing = false;
            return I18n.t("workbench.watch.status.fullSpeed", snapshot.step(), epochOffset + snapshot.epoch(),
                    epochOffset + snapshot.totalEpochs());
        }
        return null;
    }
}
