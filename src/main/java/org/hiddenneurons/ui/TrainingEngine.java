package org.hiddenneurons.ui;

import java.util.List;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * What the workbench view model asks of the training machinery. {@link FxTrainingAdapter} is the
 * real one (a daemon thread running {@link org.hiddenneurons.train.Trainer}, snapshots coalesced
 * per frame); tests use a synchronous fake.
 *
 * <p>Each job reports under a trainer id: a new id means a fresh trainer whose epochs and time
 * start from zero again. All {@link Listener} calls arrive on the FX thread.
 */
public interface TrainingEngine {

    /** Receives progress on the FX thread. */
    interface Listener {
        /** Snapshots published since the last call, oldest first (never empty). */
        void snapshots(long trainerId, List<TrainingSnapshot> snapshots);

        /** A run or step ended normally (finished, cancelled, diverged or stepped); {@code last} is its final snapshot. */
        void finished(long trainerId, TrainingSnapshot last);

        /** A run or step threw. */
        void failed(long trainerId, Throwable error);
    }

    void setListener(Listener listener);

    /**
     * Starts training a copy of {@code start} in the background for {@code config.epochs()} epochs.
     *
     * @param start not modified (the trainer gets a copy)
     * @return the id the job's snapshots will carry
     */
    long run(TrainingConfig config, Network start, Split data);

    /**
     * Trains one epoch in the background, after any job already queued. Continues the previous
     * step's trainer (optimizer state included) when {@code start} is that step's resulting network
     * and the config is the same; otherwise starts a fresh trainer.
     *
     * @param start not modified
     * @return the id the job's snapshots will carry
     */
    long step(TrainingConfig config, Network start, Split data);

    /** Pauses the running job (it waits between mini-batches). */
    void pause();

    /** Resumes a paused job. */
    void resume();

    /** Cancels the running or paused job; its later reports may still arrive and carry its old id. */
    void cancel();

    /** Slow motion: sleep this long after each epoch (0 = full speed); applies to the running job too. */
    void setEpochDelayMillis(long millis);

    /**
     * Lesson pace for jobs started from now on, and for the running job at its next mini-batch
     * (e.g. {@link Pacing#FULL_SPEED} ends its paced epoch at once).
     */
    void setPacing(Pacing pacing);
}
