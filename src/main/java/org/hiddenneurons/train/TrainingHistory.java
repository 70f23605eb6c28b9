package org.hiddenneurons.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The record of one training run for replay: the metrics of EVERY published epoch (a few numbers
 * each) and at most {@link #maxWeightSnapshots()} snapshots with weights, thinned evenly so that
 * memory stays bounded however long the run is (a 400-25-10 network is 10 285 doubles ≈ 80 kB per
 * snapshot, so the default {@value #DEFAULT_MAX_WEIGHT_SNAPSHOTS} cost ≈ 16 MB).
 *
 * <p>Thinning: a snapshot is kept when it lies at least {@link #stride()} epochs after the last kept
 * one. When the kept list is full, every second one is dropped (the first stays) and the stride
 * doubles, so the kept snapshots stay evenly spread over the whole run. A snapshot of the first
 * epoch and the most recent snapshot are always kept.
 *
 * <p>Feed it as a {@link Trainer} listener ({@code trainer.addListener(history)}); it then records
 * every published snapshot (every epoch when the publish interval is 0). A snapshot for the same
 * epoch as the previous one (e.g. CANCELLED after RUNNING) replaces it. Thread-safe: one thread
 * records while any thread reads; readers get immutable copies that never change afterwards.
 */
public final class TrainingHistory implements Consumer<TrainingSnapshot> {

    /** Weight snapshots kept by default. */
    public static final int DEFAULT_MAX_WEIGHT_SNAPSHOTS = 200;
    /** The smallest bound that can hold the first and the latest snapshot. */
    public static final int MIN_WEIGHT_SNAPSHOTS = 2;

    /**
     * The numbers of one published epoch.
     *
     * @param epoch          completed epochs
     * @param trainLoss      data term of J on the training set
     * @param testLoss       data term of J on the test set, NaN without a test set
     * @param trainAccuracy  fraction in [0, 1]
     * @param testAccuracy   fraction in [0, 1], NaN without a test set
     * @param elapsedSeconds training wall time so far
     */
    public record EpochMetrics(int epoch, double trainLoss, double testLoss, double trainAccuracy,
                               double testAccuracy, double elapsedSeconds) {

        public static EpochMetrics of(TrainingSnapshot snapshot) {
            return new EpochMetrics(snapshot.epoch(), snapshot.trainLoss(), snapshot.testLoss(),
                    snapshot.trainAccuracy(), snapshot.testAccuracy(), snapshot.elapsedSeconds());
        }
    }

    private final int maxWeightSnapshots;
    // Guarded by this.
    private final List<EpochMetrics> metrics = new ArrayList<>();
    /** Snapshots on the thinning grid, ascending epochs; at most maxWeightSnapshots − 1. */
    private final List<TrainingSnapshot> kept = new ArrayList<>();
    /** The most recent snapshot when it is not the last of {@link #kept}, else null. */
    private TrainingSnapshot tail;
    private int stride = 1;

    /** A history keeping at most {@value #DEFAULT_MAX_WEIGHT_SNAPSHOTS} weight snapshots. */
    public TrainingHistory() {
        this(DEFAULT_MAX_WEIGHT_SNAPSHOTS);
    }

    /** @throws IllegalArgumentException if {@code maxWeightSnapshots} &lt; {@value #MIN_WEIGHT_SNAPSHOTS} */
    public TrainingHistory(int maxWeightSnapshots) {
        if (maxWeightSnapshots < MIN_WEIGHT_SNAPSHOTS) {
            throw new IllegalArgumentException("a history must keep at least " + MIN_WEIGHT_SNAPSHOTS
                    + " weight snapshots, got " + maxWeightSnapshots);
        }
        this.maxWeightSnapshots = maxWeightSnapshots;
    }

    /**
     * A history holding already recorded data (e.g. read from a run file): all {@code metrics} and
     * the weight {@code snapshots} recorded in order with the thinning {@code stride} they were
     * kept with (so that a saved history comes back as it was), thinned further if needed.
     *
     * @throws IllegalArgumentException if epochs go backwards or {@code stride} &lt; 1
     */
    public static TrainingHistory of(int maxWeightSnapshots, int stride, List<EpochMetrics> metrics,
                                     List<TrainingSnapshot> snapshots) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        TrainingHistory history = new TrainingHistory(maxWeightSnapshots);
        history.stride = stride;
        for (TrainingSnapshot snapshot : snapshots) {
            history.recordWeights(snapshot);
        }
        for (EpochMetrics m : metrics) {
            history.recordMetrics(m);
        }
        return history;
    }

    /** Records a published snapshot (the {@link Trainer} listener). */
    @Override
    public void accept(TrainingSnapshot snapshot) {
        record(snapshot);
    }

    /**
     * Records the metrics of {@code snapshot} and maybe its weights.
     *
     * @throws IllegalArgumentException if its epoch is lower than the last recorded one (a new
     *                                  run needs a new history or {@link #clear()})
     */
    public synchronized void record(TrainingSnapshot snapshot) {
        recordWeights(snapshot);
        recordMetrics(EpochMetrics.of(snapshot));
    }

    /**
     * Records one epoch's numbers only (e.g. a published snapshot without weights); the same epoch
     * as the last recorded one replaces it.
     *
     * @throws IllegalArgumentException if its epoch is lower than the last recorded one
     */
    public synchronized void recordMetrics(EpochMetrics m) {
        int last = metrics.size() - 1;
        if (last >= 0 && m.epoch() < metrics.get(last).epoch()) {
            throw new IllegalArgumentException("epoch " + m.epoch() + " comes after epoch "
                    + metrics.get(last).epoch() + "; a new run needs a new history");
        }
        if (last >= 0 && m.epoch() == metrics.get(last).epoch()) {
            metrics.set(last, m);
        } else {
            metrics.add(m);
        }
    }

    /**
     * Records {@code snapshot}'s weights only (thinned as the class comment says); its numbers are
     * the caller's to record with {@link #recordMetrics}.
     *
     * @throws IllegalArgumentException if its epoch is lower than the newest recorded weights'
     */
    public synchronized void recordWeights(TrainingSnapshot snapshot) {
        TrainingSnapshot newest = newestLocked();
        if (newest != null && snapshot.epoch() < newest.epoch()) {
            throw new IllegalArgumentException("epoch " + snapshot.epoch() + " comes after epoch "
                    + newest.epoch() + "; a new run needs a new history");
        }
        if (kept.isEmpty()) {
            kept.add(snapshot);
            return;
        }
        if (snapshot.epoch() == newest.epoch()) {
            // The same epoch again (e.g. CANCELLED after RUNNING): the newer snapshot replaces it.
            if (tail != null) {
                tail = snapshot;
            } else {
                kept.set(kept.size() - 1, snapshot);
            }
            return;
        }
        TrainingSnapshot lastKept = kept.get(kept.size() - 1);
        if (snapshot.epoch() - lastKept.epoch() >= stride) {
            kept.add(snapshot);
            tail = null;
            if (kept.size() > maxWeightSnapshots - 1) {
                thin();
            }
        } else {
            // Between grid points: the latest, kept until a newer one comes.
            tail = snapshot;
        }
    }

    /** Drops every second kept snapshot (the first stays) and doubles the stride. */
    private void thin() {
        TrainingSnapshot newest = kept.get(kept.size() - 1);
        int write = 0;
        for (int read = 0; read < kept.size(); read += 2) {
            kept.set(write++, kept.get(read));
        }
        kept.subList(write, kept.size()).clear();
        if (kept.get(kept.size() - 1) != newest) {
            tail = newest;
        }
        stride *= 2;
    }

    private TrainingSnapshot newestLocked() {
        return tail != null ? tail : kept.isEmpty() ? null : kept.get(kept.size() - 1);
    }

    /** Forgets everything (for a new run). */
    public synchronized void clear() {
        metrics.clear();
        kept.clear();
        tail = null;
        stride = 1;
    }

    /** The most weight snapshots this history holds. */
    public int maxWeightSnapshots() {
        return maxWeightSnapshots;
    }

    /** Epochs between kept snapshots now (1 until the first thinning, then 2, 4, …). */
    public synchronized int stride() {
        return stride;
    }

    /** The metrics of the last recorded epoch, null when none. */
    public synchronized EpochMetrics lastMetrics() {
        return metrics.isEmpty() ? null : metrics.get(metrics.size() - 1);
    }

    /** The metrics of every recorded epoch, ascending; an immutable copy. */
    public synchronized List<EpochMetrics> metrics() {
        return List.copyOf(metrics);
    }

    /**
     * The metrics recorded from index {@code fromIndex} on (for readers that append what is new);
     * an immutable copy, empty if there is nothing new.
     */
    public synchronized List<EpochMetrics> metricsFrom(int fromIndex) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + fromIndex);
        }
        return fromIndex >= metrics.size() ? List.of() : List.copyOf(metrics.subList(fromIndex, metrics.size()));
    }

    /** Number of recorded epochs. */
    public synchronized int metricsCount() {
        return metrics.size();
    }

    /** The kept weight snapshots, ascending epochs, first and latest included; an immutable copy. */
    public synchronized List<TrainingSnapshot> snapshots() {
        List<TrainingSnapshot> all = new ArrayList<>(kept.size() + 1);
        all.addAll(kept);
        if (tail != null) {
            all.add(tail);
        }
        return List.copyOf(all);
    }

    /** The latest kept snapshot at or before {@code epoch} (the first one for earlier epochs), or null if empty. */
    public synchronized TrainingSnapshot snapshotAt(int epoch) {
        if (tail != null && tail.epoch() <= epoch) {
            return tail;
        }
        TrainingSnapshot found = kept.isEmpty() ? null : kept.get(0);
        for (TrainingSnapshot snapshot : kept) {
            if (snapshot.epoch() > epoch) {
                break;
            }
            found = snapshot;
        }
        return found;
    }

    /** The most recent snapshot, or null if nothing was recorded. */
    public synchronized TrainingSnapshot latest() {
        return newestLocked();
    }
}
