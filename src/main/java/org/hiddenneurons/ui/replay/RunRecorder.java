package org.hiddenneurons.ui.replay;

import java.util.List;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.io.TrainingRunFile.SplitInfo;
import org.hiddenneurons.io.TrainingRunFile.SplitRule;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;

/**
 * The record of the app's current training run: everything since the last New network, opened
 * model or opened run, across the trainers that Train, Pause/resume with new settings and Step
 * create (their epochs counted on from each other, as the status bar counts them).
 *
 * <p>One {@link TrainingHistory} holds both parts: the metrics of EVERY snapshot the app accepted
 * (also those published without weights), and a bounded set of weight snapshots (at most
 * {@link TrainingHistory#DEFAULT_MAX_WEIGHT_SNAPSHOTS}, kept at log-spaced steps: every
 * mini-batch of a lesson-paced first epoch, sparser later).
 *
 * <p>Steps: the recorder counts the run's training steps across its trainers. A trainer's
 * snapshots count steps from its own start ({@link TrainingSnapshot#step()}); the recorder adds
 * the run's step when that trainer started — recognised by the epoch the caller's run epoch
 * counts from ({@code runEpoch − snapshot.epoch()}), which changes with each new trainer — at
 * least that epoch × the trainer's steps per epoch, so that a run step lies inside an epoch
 * exactly when the trainer's does. (A network opened from a model file is step 0; its first
 * trainer then starts at its epochs × steps per epoch.) The app's adapter hands
 * over weights at most once per frame (see {@code FxTrainingAdapter}), so while training outruns
 * the screen the snapshots are the frames' (the first snapshot is always the run's starting
 * weights); with slow motion or Step every epoch has its weights. Recording costs the FX thread O(1) per epoch and never touches the training thread.
 *
 * <p>Call order: {@link #reset} (new run) → {@link #trainingStarted} per trainer → {@link #record}
 * per accepted snapshot → {@link #toRun} to save. Not thread-safe: the FX thread only.
 */
public final class RunRecorder {

    private final int maxWeightSnapshots;
    /** Every epoch's numbers and the bounded weight snapshots (the one store of both). */
    private TrainingHistory history;
    private TrainingConfig config;
    private SplitInfo split;
    private String datasetName = "";
    /** The run epoch the current trainer counts from ({@code runEpoch − snapshot.epoch()}); MIN_VALUE: none yet. */
    private int trainerEpochBase = Integer.MIN_VALUE;
    /** The run step the current trainer counts from. */
    private int trainerStepBase;

    public RunRecorder() {
        this(TrainingHistory.DEFAULT_MAX_WEIGHT_SNAPSHOTS);
    }

    public RunRecorder(int maxWeightSnapshots) {
        this.maxWeightSnapshots = maxWeightSnapshots;
        this.history = new TrainingHistory(maxWeightSnapshots);
    }

    /** Starts a new run whose first snapshot is {@code start} at {@code epoch} (its metrics unknown yet). */
    public void reset(Network start, int epoch) {
        history = new TrainingHistory(maxWeightSnapshots);
        config = null;
        split = null;
        datasetName = "";
        trainerEpochBase = Integer.MIN_VALUE;
        trainerStepBase = 0;
        if (start != null) {
            record(new TrainingSnapshot(epoch, epoch, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, start,
                    TrainingState.READY, "", 0, 1), epoch, 0);
        }
    }

    /** Continues with a recorded run (e.g. one read from a file): its metrics, weights, settings and split. */
    public void restore(TrainingRunFile.Run run) {
        List<TrainingSnapshot> kept = run.history().snapshots();
        history = TrainingHistory.of(maxWeightSnapshots, run.history().metrics(), kept);
        trainerEpochBase = Integer.MIN_VALUE;
        trainerStepBase = 0;
        config = run.config();
        split = run.split();
        datasetName = run.datasetName();
    }

    /**
     * A trainer starts on {@code data} with {@code trainingConfig} (the settings the run file will
     * name are the last trainer's).
     *
     * @param plain the loaded data set's split (to tell the standard split), {@code data} with the
     *              user's drawings added when they train along
     */
    public void trainingStarted(TrainingConfig trainingConfig, Split data, Split plain) {
        config = trainingConfig;
        if (data != null) {
            split = splitInfo(data, plain);
            datasetName = data.train().name();
        }
    }

    /**
     * Records an accepted snapshot as epoch {@code runEpoch} of the run (its own epoch counts from its
     * trainer's start). Snapshots without weights add their metrics only; an epoch below the last
     * recorded one is ignored, the same epoch again replaces it.
     *
     * @param runElapsedSeconds training time of the run so far
     * @return true if the kept weight snapshots changed
     */
    public boolean record(TrainingSnapshot snapshot, int runEpoch, double runElapsedSeconds) {
        int base = runEpoch - snapshot.epoch();
        if (base != trainerEpochBase) {
            trainerEpochBase = base;
            // The run's earlier epochs count as this trainer's steps per epoch, so that a run step
            // lies inside an epoch exactly when the trainer's does (TrainingSnapshot.midEpoch).
            trainerStepBase = Math.max(Math.max(0, latestStep()), base * snapshot.stepsPerEpoch());
        }
        int runStep = trainerStepBase + snapshot.step();
        EpochMetrics previous = history.lastMetrics();
        int last = previous == null ? -1 : previous.step();
        if (runStep < last || (previous != null && runEpoch < previous.epoch())) {
            return false;
        }
        EpochMetrics row = sanitized(new EpochMetrics(runEpoch, snapshot.trainLoss(), snapshot.testLoss(),
                snapshot.trainAccuracy(), snapshot.testAccuracy(), runElapsedSeconds, runStep));
        if (runStep > last || Double.isFinite(row.trainLoss()) || !Double.isFinite(previous.trainLoss())) {
            history.recordMetrics(row); // a new step, or this step again (never known numbers replaced by unknown)
        }
        if (snapshot.network() == null) {
            return false;
        }
        TrainingSnapshot latest = history.latest();
        if (latest != null && (runStep < latest.step() || runEpoch < latest.epoch())) {
            return false;
        }
        history.recordWeights(new TrainingSnapshot(runEpoch, Math.max(runEpoch, snapshot.totalEpochs()), row.trainLoss(),
                row.testLoss(), row.trainAccuracy(), row.testAccuracy(),
                Math.round(runElapsedSeconds * 1e9), snapshot.network(), snapshot.state(), snapshot.message(),
                runStep, snapshot.stepsPerEpoch()));
        return true;
    }

    /** Step of the latest record, −1 when empty. */
    public int latestStep() {
        EpochMetrics last = history.lastMetrics();
        return last == null ? -1 : last.step();
    }

    /** The kept weight snapshots, ascending epochs (first = the run's start, last = the latest kept). */
    public List<TrainingSnapshot> snapshots() {
        return history.snapshots();
    }

    /** The metrics of every recorded epoch, ascending. */
    public List<EpochMetrics> metrics() {
        return history.metrics();
    }

    /** Epoch of the latest record, −1 when empty. */
    public int latestEpoch() {
        EpochMetrics last = history.lastMetrics();
        return last == null ? -1 : last.epoch();
    }

    /** The latest kept weight snapshot at or before {@code epoch} (the first for earlier epochs), null if none. */
    public TrainingSnapshot snapshotAt(int epoch) {
        return history.snapshotAt(epoch);
    }

    /** The settings of the last trainer, null before any training in this run. */
    public TrainingConfig config() {
        return config;
    }

    /** The split of the last trainer, null before any training in this run. */
    public SplitInfo split() {
        return split;
    }

    public String datasetName() {
        return datasetName;
    }

    /**
     * The run as a run file holds it: the metrics of every epoch and the kept weights, with
     * {@code settings} when no trainer ran in this run and {@code fallbackSplit} likewise.
     *
     * @throws IllegalArgumentException if there are no settings or no split to name
     */
    public TrainingRunFile.Run toRun(TrainingConfig settings, SplitInfo fallbackSplit, String datasetSha256) {
        TrainingConfig runConfig = config != null ? config : settings;
        SplitInfo runSplit = split != null ? split : fallbackSplit;
        if (runConfig == null || runSplit == null) {
            throw new IllegalArgumentException("the run has no settings or data to save yet");
        }
        TrainingHistory copy = TrainingHistory.of(maxWeightSnapshots, history.metrics(),
                history.snapshots());
        return new TrainingRunFile.Run(runConfig, datasetName, datasetSha256, runSplit, copy);
    }

    /** How {@code data} was divided: standard when the loaded set has the i % 5 == 4 test share. */
    public static SplitInfo splitInfo(Split data, Split plain) {
        int trainSize = Math.max(1, data.train().size());
        if (data.test() == null || data.test().size() == 0) {
            return new SplitInfo(SplitRule.NONE, trainSize, 0);
        }
        Split reference = plain != null ? plain : data;
        int total = reference.train().size() + (reference.test() == null ? 0 : reference.test().size());
        // Split.standard puts sample i in the test set when i % 5 == 4: ⌊total / 5⌋ samples.
        int standardTest = (total + Split.TEST_EVERY - 1 - Split.TEST_REMAINDER) / Split.TEST_EVERY;
        SplitRule rule = reference.test() != null && reference.test().size() == standardTest
                ? SplitRule.STANDARD : SplitRule.SEPARATE;
        return new SplitInfo(rule, trainSize, data.test().size());
    }

    /** Infinite numbers (a diverging step) are stored as unknown: a run file holds finite numbers or none. */
    private static EpochMetrics sanitized(EpochMetrics m) {
        return new EpochMetrics(m.epoch(), orNaN(m.trainLoss()), orNaN(m.testLoss()), orNaN(m.trainAccuracy()),
                orNaN(m.testAccuracy()), orNaN(m.elapsedSeconds()), m.step());
    }

    private static double orNaN(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }
}
