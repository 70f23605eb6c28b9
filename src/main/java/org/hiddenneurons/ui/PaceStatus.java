package org.hiddenneurons.ui;

import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The status line of a paced run: which step and epoch the window shows ("Lesson pace: step 37 ·
 * epoch 1 of 22"; that loss and accuracy were not measured at that step, when scoring the data
 * set did not fit the pace, see {@link Pacing#scoresStep}), and once the paced part is over — at
 * the epoch's end, or on a large data set after its last paced mini-batch
 * ({@link Pacing#pacedSteps}; the window paces with {@link Pacing#LESSON} only) — that the run
 * goes on at full speed. Plain state, no nodes; the FX thread only.
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
            EpochProgress shown = EpochProgress.of(snapshot, epochOffset);
            int stepInEpoch = snapshot.step() - snapshot.epoch() * snapshot.stepsPerEpoch();
            if (stepInEpoch >= Pacing.LESSON.pacedSteps(snapshot.stepsPerEpoch())) {
                // The last paced mini-batch of an epoch longer than the pace: the rest runs at full speed now.
                pacedRunShowing = false;
                return I18n.t("workbench.watch.status.pacedPartOver", shown.step(), shown.epochInProgress(),
                        shown.totalEpochs(), stepInEpoch, snapshot.stepsPerEpoch() - stepInEpoch);
            }
            pacedRunShowing = true;
            return I18n.t(Double.isNaN(snapshot.trainLoss()) ? "workbench.watch.status.pacedNotMeasured"
                    : "workbench.watch.status.paced", shown.step(), shown.epochInProgress(), shown.totalEpochs());
        }
        if (pacedRunShowing && snapshot.epoch() > 0) {
            pacedRunShowing = false;
            return I18n.t("workbench.watch.status.fullSpeed", snapshot.step(), epochOffset + snapshot.epoch(),
                    epochOffset + snapshot.totalEpochs());
        }
        return null;
    }
}
