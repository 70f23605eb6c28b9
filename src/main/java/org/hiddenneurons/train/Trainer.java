package org.hiddenneurons.train;

import java.util.function.Consumer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;

/**
 * Trains a network on one thread (the caller's), publishing immutable snapshots.
 *
 * <p>API CONTRACT (stub; implementation pending). Lifecycle: construct → addListener… →
 * {@link #run()} (blocking; call from a background daemon thread) or {@link #step()} repeatedly.
 * {@link #cancel()}, {@link #pause()}, {@link #resume()} and {@link #setEpochDelayMillis(long)}
 * may be called from any thread at any time; the run checks them every mini-batch.
 */
public final class Trainer {

    /**
     * @param config  settings (seed included)
     * @param network the network to train. Modified in place by the trainer's thread only.
     * @param train   training samples
     * @param test    test samples, may be null
     */
    public Trainer(TrainingConfig config, Network network, Dataset train, Dataset test) {
        throw new UnsupportedOperationException("pending");
    }

    /** Listeners are called on the training thread with each published snapshot. */
    public void addListener(Consumer<TrainingSnapshot> listener) {
        throw new UnsupportedOperationException("pending");
    }

    /** Publish at most one snapshot per this many ms (0: every epoch). The last epoch is always published. */
    public void setPublishIntervalMillis(long millis) {
        throw new UnsupportedOperationException("pending");
    }

    /** Sleep this long after each epoch (a teacher's slow motion); 0 = full speed. */
    public void setEpochDelayMillis(long millis) {
        throw new UnsupportedOperationException("pending");
    }

    /** Trains until all epochs are done, cancelled or diverged. Returns the final snapshot. */
    public TrainingSnapshot run() {
        throw new UnsupportedOperationException("pending");
    }

    /** Runs exactly one epoch (one iteration for full-batch optimizers) and returns its snapshot. */
    public TrainingSnapshot step() {
        throw new UnsupportedOperationException("pending");
    }

    public void cancel() {
        throw new UnsupportedOperationException("pending");
    }

    public void pause() {
        throw new UnsupportedOperationException("pending");
    }

    public void resume() {
        throw new UnsupportedOperationException("pending");
    }

    /** The most recent snapshot (initial weights before the first epoch). */
    public TrainingSnapshot latest() {
        throw new UnsupportedOperationException("pending");
    }

    /** The network being trained (live; read it only from the training thread). */
    public Network network() {
        throw new UnsupportedOperationException("pending");
    }
}
