package org.hiddenneurons.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The record of one training run for replay: the metrics of EVERY published snapshot (a few
 * numbers each) and at most {@link #maxWeightSnapshots()} snapshots with weights, kept at
 * log-spaced training steps so that memory stays bounded however long the run is (a 400-25-10
 * network is 10 285 doubles ≈ 80 kB per snapshot, so the default
 * {@value #DEFAULT_MAX_WEIGHT_SNAPSHOTS} cost ≈ 16 MB).
 *
 * <p>Everything is ordered by training step ({@link TrainingSnapshot#step()}: mini-batches, so a
 * paced first epoch has a snapshot per mini-batch). Eviction: when a new snapshot would exceed
 * the bound, the interior snapshot whose removal leaves the smallest gap on a log scale is dropped
 * — snapshot i of steps s₀ &lt; … &lt; sₙ goes when ln(s₍ᵢ₊₁₎ + 1) − ln(s₍ᵢ₋₁₎ + 1) is the smallest
 * (ties: the earliest). So the start (step 0, the random initialisation, and the first
 * mini-batches, where the pictures form) stays dense and later training gets sparser, each kept
 * snapshot a roughly constant factor of steps after the one before. The first and the most
 * recent snapshot are always kept.
 *
 * <p>Feed it as a {@link Trainer} listener ({@code trainer.addListener(history)}); it then records
 * every published snapshot. A snapshot for the same step as the previous one (e.g. CANCELLED
 * after RUNNING) replaces it. Thread-safe: one thread records while any thread reads; readers get
 * immutable copies that never change afterwards.
 */
public final class TrainingHistory implements Consumer<TrainingSnapshot> {

    /** Weight snapshots kept by default. */
    public static final int DEFAULT_MAX_WEIGHT_SNAPSHOTS = 200;
    /** The smallest bound that can hold the first and the latest snapshot. */
    public static final int MIN_WEIGHT_SNAPSHOTS = 2;

    /**
     * The numbers of one published snapshot.
     *
     * @param epoch          completed epochs
     * @param trainLoss      data term of J on the training set
     * @param testLoss       data term of J on the test set, NaN without a test set
     * @param trainAccuracy  fraction in [0, 1]
     * @param testAccuracy   fraction in [0, 1], NaN without a test set
     * @param elapsedSeconds training wall time so far
     * @param step           training steps (mini-batches) done; ≥ epoch · steps per epoch
     */
    public record EpochMetrics(int epoch, double trainLoss, double testLoss, double trainAccuracy,
                               double testAccuracy, double elapsedSeconds, int step) {

        /** Numbers at the end of an epoch, counting one step per epoch (step = epoch; e.g. a version-1 run file). */
        public EpochMetrics(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                            double elapsedSeconds) {
            this(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, elapsedSeconds, epoch);
        }

        public static EpochMetrics of(TrainingSnapshot snapshot) {
            return new EpochMetrics(snapshot.epoch(), snapshot.trainLoss(), snapshot.testLoss(),
                    snapshot.trainAccuracy(), snapshot.testAccuracy(), snapshot.elapsedSeconds(), snapshot.step());
        }
    }

    private final int maxWeightSnapshots;
    // Guarded by this.
    private final List<EpochMetrics> metrics = new ArrayList<>();
    /** The kept snapshots, ascending steps, first and latest included; at most maxWeightSnapshots. */
    private final List<TrainingSnapshot> kept = new ArrayList<>();

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
     * the weight {@code snapshots} recorded in order (evicted further if there are more than the bound).
     *
     * @throws IllegalArgumentException if steps go backwards
     */
    public static TrainingHistory of(int maxWeightSnapshots, List<EpochMetrics> metrics,
                                     List<TrainingSnapshot> snapshots) {
        TrainingHistory history = new TrainingHistory(maxWeightSnapshots);
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
     * Records the metrics of {@code snapshot} and its weights (maybe evicting older weights).
     *
     * @throws IllegalArgumentException if its step is lower than the last recorded one (a new
     *                                  run needs a new history or {@link #clear()})
     */
    public synchronized void record(TrainingSnapshot snapshot) {
        recordWeights(snapshot);
        recordMetrics(EpochMetrics.of(snapshot));
    }

    /**
     * Records one snapshot's numbers only (e.g. a published snapshot without weights); the same
     * step as the last recorded one replaces it.
     *
     * @throws IllegalArgumentException if its step is lower than the last recorded one
     */
    public synchronized void recordMetrics(EpochMetrics m) {
        int last = metrics.size() - 1;
        if (last >= 0 && m.step() < metrics.get(last).step()) {
            throw new IllegalArgumentException("step " + m.step() + " comes after step "
                    + metrics.get(last).step() + "; a new run needs a new history");
        }
        if (last >= 0 && m.step() == metrics.get(last).step()) {
            metrics.set(last, m);
        } else {
            metrics.add(m);
        }
    }

    /**
     * Records {@code snapshot}'s weights only (evicting as the class comment says); its numbers
     * are the caller's to record with {@link #recordMetrics}.
     *
     * @throws IllegalArgumentException if its step is lower than the newest recorded weights'
     */
    public synchronized void recordWeights(TrainingSnapshot snapshot) {
        TrainingSnapshot newest = newestLocked();
        if (newest != null && snapshot.step() < newest.step()) {
            throw new IllegalArgumentException("step " + snapshot.step() + " comes after step "
                    + newest.step() + "; a new run needs a new history");
        }
        if (newest != null && snapshot.step() == newest.step()) {
            kept.set(kept.size() - 1, snapshot); // the same step again (e.g. CANCELLED after RUNNING)
            return;
        }
        kept.add(snapshot);
        if (kept.size() > maxWeightSnapshots) {
            kept.remove(evictionIndex(kept));
        }
    }

    /**
     * The interior snapshot to drop: the one whose neighbours are closest on a log scale,
     * argmin over 0 &lt; i &lt; n−1 of ln(s₍ᵢ₊₁₎ + 1) − ln(s₍ᵢ₋₁₎ + 1), the earliest on ties.
     * Needs at least three snapshots (the bound is at least two, and eviction runs one above it).
     */
    static int evictionIndex(List<TrainingSnapshot> snapshots) {
        int best = 1;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < snapshots.size() - 1; i++) {
            double gap = Math.log1p(snapshots.get(i + 1).step()) - Math.log1p(snapshots.get(i - 1).step());
            if (gap < smallest) {
                smallest = gap;
                best = i;
            }
        }
        return best;
    }

    private TrainingSnapshot newestLocked() {
        return kept.isEmpty() ? null : kept.get(kept.size() - 1);
    }

    /** Forgets everything (for a new run). */
    public synchronized void clear() {
        metrics.clear();
        kept.clear();
    }

    /** The most weight snapshots this history holds. */
    public int maxWeightSnapshots() {
        return maxWeightSnapshots;
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

    /** The kept weight snapshots, ascending steps, first and latest included; an immutable copy. */
    public synchronized List<TrainingSnapshot> snapshots() {
        return List.copyOf(kept);
    }

    /**
     * The latest kept snapshot whose completed epochs are at most {@code epoch} (the first one for
     * earlier epochs), or null if empty.
     */
    public synchronized TrainingSnapshot snapshotAt(int epoch) {
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
