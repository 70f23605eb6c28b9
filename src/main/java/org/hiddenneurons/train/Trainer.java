package org.hiddenneurons.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.data.Dataset;

/**
 * Trains a network on one thread (the caller's), publishing immutable snapshots. An augmenting
 * mini-batch run also distorts the next mini-batches on a second thread ({@link #setAugmentAhead}).
 *
 * <p>Lifecycle: construct → addListener… → {@link #run()} (blocking; call from a background daemon
 * thread) or {@link #step()} repeatedly. {@link #cancel()}, {@link #pause()}, {@link #resume()},
 * {@link #setEpochDelayMillis(long)} and {@link #setPublishIntervalMillis(long)} may be called from
 * any thread at any time; the run checks them before every mini-batch (full-batch optimizers: every
 * iteration).
 *
 * <p>Pacing ({@link #setPacing}, default {@link Pacing#FULL_SPEED}): during a paced epoch of a
 * mini-batch optimizer the trainer publishes a RUNNING snapshot after each of the epoch's first
 * {@link Pacing#pacedSteps} mini-batches but the epoch's last (which the epoch's own snapshot
 * covers) and then waits the pacing's step delay (clock stopped); the rest of the epoch runs at
 * full speed. A paced snapshot is scored like an epoch's when it is the first or the fastest
 * scoring so far fits in its delay, else published with metrics not measured
 * ({@link Pacing#scoresStep}). A cancel or a change of pacing ends the wait at once; a cancel then
 * abandons the epoch as below. Snapshots count optimizer steps ({@link TrainingSnapshot#step()})
 * as well as epochs.
 *
 * <p>Cancel: the cost evaluations (training and scoring) check the cancel between blocks of a few
 * dozen examples, so a cancel is seen within one block wherever the run is — in a mini-batch, in a
 * full-batch step (an L-BFGS line search), while scoring a snapshot, paused or in the epoch delay.
 * The epoch in progress is abandoned and the weights of the last completed epoch restored (for the
 * mini-batch optimizers their state — momenta — keeps the abandoned mini-batches' updates). The
 * CANCELLED snapshot reuses the scores of those weights when they were already scored (with a
 * publish interval of 0, every completed epoch is); otherwise they are scored then, unless the
 * cancel interrupted their scoring: then its losses and accuracies are NaN (not measured). A
 * trainer may be run again after a cancel: it continues from the last completed epoch (a
 * full-batch run repeats the abandoned step bit for bit). After FINISHED, {@code run()} returns at
 * once and {@code step()} trains one more epoch; after DIVERGED the trainer stays diverged.
 *
 * <p>Per epoch: the training samples are shuffled (a {@link SplittableRandom} seeded with the
 * config's seed), gathered into a reused mini-batch buffer (each image distorted by a fresh random
 * transform within the config's {@link Augmentation} limits when {@code augment} is on, see
 * {@link Augmenter}) and handed to the optimizer.
 * The mini-batch cost uses λ·(batch size / training size) so that the mini-batch objective has the
 * same regularisation per sample as the full-batch J. Augmentation applies to the mini-batch
 * optimizers only: the full-batch ones (GD, L-BFGS) need a fixed objective. Same config, network
 * and data ⇒ bit-identical weights.
 *
 * <p>Divergence — checked after every optimizer step (the mini-batch cost, or the full-batch J at
 * the new weights) and at the end of every epoch (the weights), so it is caught in the epoch it
 * happens. The run has diverged when
 * <ol>
 *   <li>the objective J (regularised; for a mini-batch with λ scaled to the batch) is NaN or ±∞, or
 *       rises above {@value #DIVERGENCE_LOSS_FACTOR} × max(the lowest J seen so far by this
 *       trainer, {@value #DIVERGENCE_LOSS_FLOOR}) — the lowest J starts as J of the initial weights
 *       (the first evaluation). A legitimate run never multiplies its objective by a thousand: J
 *       only falls on average (early epochs and mini-batch noise move it by a few times at most),
 *       and a large λ makes J large from the start, which raises the reference with it. The floor
 *       keeps a nearly perfect fit (J → 0) from turning noise into an alarm; or</li>
 *   <li>a weight is NaN or ±∞, or its magnitude exceeds {@value #DIVERGENCE_MAX_WEIGHT}: with inputs
 *       in [0, 1] such a weight saturates every unit it feeds — no working network has one — and
 *       with λ = 0 (where J cannot grow without bound: the data term saturates) it is the sign of
 *       weights running away.</li>
 * </ol>
 * The weights of the last completed epoch are then restored, the optimizer is reset and the run
 * ends DIVERGED with a message that names the epoch, the rule that fired with its numbers, and
 * advice ({@link #divergenceMessage}).
 */
public final class Trainer {

    /**
     * Mini-batch optimizers (SGD, Adam) anneal the learning rate over the planned epochs with a
     * cosine schedule (Loshchilov &amp; Hutter 2017, "SGDR", without restarts):
     * α(p) = α·(f + (1 − f)·½(1 + cos πp)), p = fraction of the planned mini-batches done (capped
     * at 1), f = this constant. Full-batch GD keeps α fixed (the course's behaviour).
     */
    public static final double LEARNING_RATE_FINAL_FRACTION = 0.1;
    /** Divergence: J above this × max(lowest J so far, {@link #DIVERGENCE_LOSS_FLOOR}). */
    public static final double DIVERGENCE_LOSS_FACTOR = 1e3;
    /** Divergence: the reference J is at least this (a near-perfect fit has J close to 0). */
    public static final double DIVERGENCE_LOSS_FLOOR = 1.0;
    /** Divergence: a weight's magnitude above this. */
    public static final double DIVERGENCE_MAX_WEIGHT = 1e6;
    /** Suggested learning rate after a divergence = current one / this. */
    private static final double DIVERGENCE_LEARNING_RATE_DIVISOR = 10.0;

    private final TrainingConfig config;
    /** The parameters being trained: the optimizer steps these arrays in place. */
    private final WeightBuffers weights;
    /** {@link #weights} seen as a read-only network, for the cost function and scoring (no copy). */
    private final Network network;
    private final Dataset train;
    private final Dataset test;
    private final CostFunction costFunction;
    /** Scores the snapshots (train and test loss and accuracy); see {@link #setScoringThreads}. */
    private volatile BatchedCostFunction scoring = BatchedCostFunction.fastest();
    private final Gradients gradients;
    private final Optimizer optimizer;
    private final SplittableRandom random;
    private final int[] order;
    private final double[] batchPixels;
    /** The nonzero inputs of the gathered mini-batch, see {@link TrainingExamples#indexBatch}. */
    private final NonzeroIndex batchIndex = new NonzeroIndex();
    /** The training and test samples as the kernels read them (test: null when there is none). */
    private final TrainingExamples trainExamples;
    private final TrainingExamples testExamples;
    /** One image's draws when the trainer's thread augments alone ({@link #gather}). */
    private final double[] gatherDraws = new double[Augmenter.DRAWN];
    /**
     * The thickness step's extremes of the training images (each made when it is first rendered),
     * or null: not augmenting, no thickness step, or a large data set ({@link TrainingExamples#small()});
     * then each render computes them.
     */
    private final NeighbourExtremes extremes;
    private final int[] batchLabels;
    private int batchCount;
    /**
     * The mini-batch the objective evaluates: the buffers above, or a prefetched batch's; either
     * its lists of nonzero inputs ({@link #stepIndex}) or, for augmented images, its pixels
     * ({@link #stepPixels}, index null).
     */
    private NonzeroIndex stepIndex;
    private double[] stepPixels;
    private int[] stepLabels;
    /** Makes augmented mini-batches on a second thread (see {@link #setAugmentAhead}), or null. */
    private final BatchPrefetch prefetch;
    /**
     * The augmenter's buffers of each thread that renders (by BatchPrefetch's thread number; the
     * trainer's thread uses {@link BatchPrefetch#CONSUMER_THREAD}'s also when it augments alone), or null.
     */
    private final Augmenter.Scratch[] renderScratch;
    private volatile boolean augmentAhead = true;
    /** What step 0 is scored on, if anything ({@link InitialScoring}); default: everything. */
    private volatile InitialScoring initialScoring = InitialScoring.WHOLE;
    /** Step 0 was scored on a sample: no scoring of the whole data has been timed (see {@link #pacedStep}). */
    private boolean initialSampled;
    /** Distorts the gathered training images when the config's augment is on, else null. */
    private final Augmenter augmenter;
    /** f of the cosine schedule; 1 disables annealing (tuning only). */
    private double finalLearningRateFraction = LEARNING_RATE_FINAL_FRACTION;
    /** False: the learning rate stays α (see {@link #setAnnealing}). */
    private volatile boolean annealing = true;
    private final WeightBuffers lastGood;
    private final Objective fullBatchObjective;
    private final Objective miniBatchObjective;
    /** True once a cancel was requested: polled by the cost evaluations between blocks. */
    private final BooleanSupplier cancelCheck = this::isCancelRequested;

    private final List<Consumer<TrainingSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile boolean cancelRequested;
    private volatile boolean pauseRequested;
    private volatile long epochDelayMillis;
    private volatile long publishIntervalMillis;
    /** Also publish once this many epochs have passed since the last snapshot (0: time only). */
    private volatile int publishEveryEpochs;
    private volatile Pacing pacing = Pacing.FULL_SPEED;
    /** Waits a paced step's delay; replaced by tests (see {@link Sleeper}). */
    private Sleeper sleeper = this::waitUnlessWoken;
    private volatile TrainingSnapshot latest;
    private volatile TrainingState state = TrainingState.READY;

    // Owned by the training thread.
    private int epoch;
    /** Mini-batches done in the epoch in progress (0 between epochs). */
    private int batchInEpoch;
    /** Optimizer steps per epoch: ⌈training size / batch size⌉, 1 for full-batch optimizers. */
    private final int stepsPerEpoch;
    /** True during {@link #step()}, which ignores pause. */
    private boolean stepping;
    private boolean initialPublished;
    private long elapsedNanos;
    private long clockStartedAt = -1;
    private long lastPublishedAt;
    private int lastPublishedEpoch = -1;
    /** The lowest finite objective J any evaluation returned (divergence reference). */
    private double lowestObjective = Double.POSITIVE_INFINITY;
    /** The step whose weights {@link #scoredTrain}/{@link #scoredTest} measure; −1 none. */
    private long scoredStep = -1;
    private Evaluation.Metrics scoredTrain;
    private Evaluation.Metrics scoredTest;
    /** Wall time of the fastest completed {@link #score} (train and test sets); Long.MAX_VALUE before the first. */
    private long fastestScoringNanos = Long.MAX_VALUE;

    /**
     * @param config  settings (seed included)
     * @param network the starting weights. Not modified: the trainer trains its own copy and
     *                publishes copies of that in its snapshots.
     * @param train   training samples as stored (the trainer applies {@link TrainingConfig#prepare})
     * @param test    test samples as stored, may be null
     * @throws IllegalArgumentException if the network does not fit the data (input size, class count)
     */
    public Trainer(TrainingConfig config, Network network, Dataset train, Dataset test) {
        this(config, network, train, test, CostFunction.standard());
    }

    /** As the public constructor, with another cost kernel (tests and tuning). */
    Trainer(TrainingConfig config, Network start, Dataset train, Dataset test, CostFunction costFunction) {
        this.costFunction = costFunction;
        checkFits(start, train, "training");
        if (test != null) {
            checkFits(start, test, "test");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        this.config = config;
        this.weights = start.mutableCopy();
        this.network = weights.view();
        // The config's preprocessing (deskew) applies to every image the network sees: from here on
        // the constructor reads the prepared splits (this.train, this.test), never the arguments.
        this.train = config.prepare(train);
        this.test = test == null ? null : config.prepare(test);
        this.gradients = new Gradients(start.spec());
        this.optimizer = Optimizer.create(config);
        optimizer.initialize(new double[][] {weights.theta1(), weights.theta2()},
                new double[][] {gradients.theta1Gradient(), gradients.theta2Gradient()});
        this.random = new SplittableRandom(config.seed());
        this.order = new int[this.train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batchCapacity = optimizer.isFullBatch() ? 0 : Math.min(config.batchSize(), this.train.size());
        this.batchPixels = new double[batchCapacity * this.train.inputSize()];
        this.batchLabels = new int[batchCapacity];
        this.stepIndex = batchIndex;
        this.stepLabels = batchLabels;
        this.stepsPerEpoch = optimizer.isFullBatch() ? 1 : (this.train.size() + batchCapacity - 1) / batchCapacity;
        this.lastGood = start.mutableCopy();
        this.augmenter = config.augment() && !optimizer.isFullBatch()
                ? new Augmenter(config.augmentation(), this.train.width(), this.train.height(), config.seed()) : null;
        this.prefetch = augmenter != null && Runtime.getRuntime().availableProcessors() > 1
                ? new BatchPrefetch(batchCapacity, this.train.inputSize(), Augmenter.DRAWN) : null;
        this.renderScratch = augmenter == null ? null
                : new Augmenter.Scratch[] {augmenter.newScratch(), augmenter.newScratch()};
        int trainSize = this.train.size();
        double lambda = config.lambda();
        // Both objectives give up with a CancellationException once a cancel arrives (between
        // blocks of examples); runEpoch abandons the epoch.
        this.trainExamples = new TrainingExamples(this.train);
        this.testExamples = this.test == null ? null : new TrainingExamples(this.test);
        this.extremes = augmenter != null && config.augmentation().maxThickness() > 0 && trainExamples.small()
                ? new NeighbourExtremes(this.train.size(), this.train.width(), this.train.height()) : null;
        this.fullBatchObjective = () -> observe(trainExamples.cost(costFunction, network, lambda, gradients,
                cancelCheck));
        // Gathered batches reuse the training set's lists of nonzero inputs, if it has them.
        // Augmented ones are passed as pixels: the cost function lists a block's nonzero inputs
        // only when its first image looks sparse (the default's blurred, distorted digits are ~75 %
        // nonzero, so listing them was wasted) — the same bits either way (core.kernel.SparseInputLayer).
        this.miniBatchObjective = () -> observe(stepIndex != null
                ? costFunction.evaluate(network, stepIndex, stepLabels, batchCount, lambda * batchCount / trainSize,
                        gradients, cancelCheck)
                : costFunction.evaluate(network, stepPixels, stepLabels, batchCount, lambda * batchCount / trainSize,
                        gradients, cancelCheck));
        this.latest = new TrainingSnapshot(0, config.epochs(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                network.copy(), TrainingState.READY, "");
    }

    private static void checkFits(Network network, Dataset data, String role) {
        if (data.inputSize() != network.spec().inputSize()) {
            throw new IllegalArgumentException("the " + role + " images have " + data.inputSize()
                    + " pixels but the network has " + network.spec().inputSize() + " inputs");
        }
        if (data.classCount() != network.spec().outputSize()) {
            throw new IllegalArgumentException("the " + role + " set has " + data.classCount()
                    + " classes but the network has " + network.spec().outputSize() + " outputs");
        }
    }

    /**
     * Also publish whenever this many epochs have passed since the last snapshot, however little
     * time that took (0, the default: the time interval alone decides). A window uses it so that a
     * short run still draws a curve of several points.
     */
    public void setPublishEveryEpochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs between snapshots must not be negative, got " + epochs);
        }
        publishEveryEpochs = epochs;
    }

    /** Listeners are called on the training thread with each published snapshot. */
    public void addListener(Consumer<TrainingSnapshot> listener) {
        listeners.add(listener);
    }

    /** Publish at most one snapshot per this many ms (0: every epoch). The last epoch is always published. */
    public void setPublishIntervalMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("publish interval must not be negative, got " + millis);
        }
        publishIntervalMillis = millis;
    }

    /**
     * At most this many threads score a snapshot (default: one per core). A window passes 1, so
     * that scoring never takes the core the FX thread renders on; the weights do not depend on it.
     */
    public void setScoringThreads(int threads) {
        scoring = threads >= BatchedCostFunction.fastest().threads() ? BatchedCostFunction.fastest()
                : new BatchedCostFunction(BatchedCostFunction.fastest().kernel(), threads);
    }

    /**
     * Whether mini-batch optimizers anneal α with the cosine schedule over the planned epochs
     * (default true; see {@link #LEARNING_RATE_FINAL_FRACTION}). Past the planned epochs the
     * schedule's rate is f·α (0 by default), so a caller that steps by hand, epoch after epoch
     * with no planned end, turns annealing off: every step then uses α and moves the weights.
     * Takes effect at the next mini-batch.
     */
    public void setAnnealing(boolean on) {
        annealing = on;
    }

    /**
     * Whether an augmenting mini-batch run distorts the next mini-batches on a second thread while
     * this one trains (default true; used only on a machine with more than one core). The weights
     * are bit-identical either way (see {@link BatchPrefetch}). A window passes false, so that the
     * FX thread keeps a core. Takes effect at the next epoch.
     */
    public void setAugmentAhead(boolean on) {
        augmentAhead = on;
    }

    /**
     * What the snapshot of the initial weights (published before the first epoch) is scored on
     * ({@link InitialScoring}): everything (default {@link InitialScoring#WHOLE}), a sample of a
     * large split so that the first mini-batch starts at once ({@link InitialScoring#WINDOW}), or
     * nothing ({@link InitialScoring#NONE}, the CLI: its losses and accuracies are NaN, not
     * measured). Later snapshots are scored on everything; the weights do not depend on it.
     */
    public void setInitialScoring(InitialScoring scoring) {
        initialScoring = java.util.Objects.requireNonNull(scoring, "scoring");
    }

    /**
     * Plays the first epochs mini-batch by mini-batch (see the class comment); takes effect at the
     * next mini-batch, and ends a paced wait in progress.
     */
    public void setPacing(Pacing newPacing) {
        pacing = java.util.Objects.requireNonNull(newPacing, "pacing");
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits a paced step's delay. Package-private for tests, which replace the wall clock. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * Waits about {@code millis} ms, returning early once {@code stillWanted} turns false.
         *
         * @throws InterruptedException if the thread is interrupted (the trainer then cancels)
         */
        void sleep(long millis, BooleanSupplier stillWanted) throws InterruptedException;
    }

    /** Tests: wait with {@code replacement} instead of the wall clock (set before {@link #run()}). */
    void setSleeper(Sleeper replacement) {
        sleeper = java.util.Objects.requireNonNull(replacement, "sleeper");
    }

    /** Optimizer steps per epoch (mini-batches; 1 for full-batch optimizers). */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Sleep this long after each epoch (a teacher's slow motion); 0 = full speed. Not counted as elapsed time. */
    public void setEpochDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("epoch delay must not be negative, got " + millis);
        }
        epochDelayMillis = millis;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Trains until all epochs are done, cancelled or diverged. Returns the final snapshot.
     * Publishes a snapshot of the initial weights first (once per trainer).
     *
     * @throws IllegalStateException if a run or step is already in progress
     */
    public TrainingSnapshot run() {
        begin();
        try {
            if (state == TrainingState.DIVERGED) {
                return latest;
            }
            if (epoch >= config.epochs() && lastPublishedEpoch == epoch) {
                state = TrainingState.FINISHED;
                return latest;
            }
            state = TrainingState.RUNNING;
            startClock();
            try {
                publishInitialIfNeeded(TrainingState.RUNNING);
            } catch (CancellationException e) {
                return finishCancelled(true);
            }
            while (epoch < config.epochs()) {
                if (cancelRequested) {
                    return finishCancelled(false);
                }
                EpochOutcome outcome = runEpoch();
                if (outcome == EpochOutcome.CANCELLED) {
                    return finishCancelled(false);
                }
                if (outcome == EpochOutcome.DIVERGED) {
                    return latest;
                }
                boolean last = epoch >= config.epochs();
                if (last) {
                    state = TrainingState.FINISHED;
                    return publish(TrainingState.FINISHED, "");
                }
                if (isPublishDue() || pacing.paces(epoch - 1)) {
                    try {
                        publishCancellable(TrainingState.RUNNING);
                    } catch (CancellationException e) {
                        return finishCancelled(true);
                    }
                }
                delayAfterEpoch();
            }
            state = TrainingState.FINISHED;
            return publish(TrainingState.FINISHED, "");
        } finally {
            end();
        }
    }

    /**
     * Runs exactly one epoch (one iteration for full-batch optimizers) and returns its snapshot
     * (always published). Before the first epoch the initial weights are published. Pause and
     * epoch delay do not apply; a pending cancel is discarded.
     *
     * @throws IllegalStateException if a run is in progress
     */
    public TrainingSnapshot step() {
        begin();
        try {
            if (state == TrainingState.DIVERGED) {
                return latest;
            }
            cancelRequested = false;
            stepping = true;
            startClock();
            try {
                publishInitialIfNeeded(TrainingState.READY);
            } catch (CancellationException e) {
                return finishCancelled(true);
            }
            EpochOutcome outcome = runEpoch();
            if (outcome == EpochOutcome.DIVERGED) {
                return latest;
            }
            if (outcome == EpochOutcome.CANCELLED) {
                return finishCancelled(false);
            }
            state = epoch >= config.epochs() ? TrainingState.FINISHED : TrainingState.READY;
            return publish(state, "");
        } finally {
            end();
        }
    }

    /**
     * Asks the run to stop; it returns after the block of examples being evaluated (see the class
     * comment: the epoch in progress is abandoned, the last completed epoch's weights restored). A
     * cancel before {@link #run()} makes it return at once.
     */
    public void cancel() {
        cancelRequested = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Blocks the training thread before its next mini-batch until {@link #resume()} or {@link #cancel()}. */
    public void pause() {
        pauseRequested = true;
    }

    /** Whether a pause is requested (the trainer blocks, or will block before its next mini-batch). */
    public boolean isPaused() {
        return pauseRequested;
    }

    public void resume() {
        pauseRequested = false;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** The most recent snapshot (initial weights, without metrics, before the first epoch). */
    public TrainingSnapshot latest() {
        return latest;
    }

    /** Where the trainer is now (may be newer than {@link #latest()}'s state, e.g. PAUSED). */
    public TrainingState state() {
        return state;
    }

    /**
     * The network being trained: a read-only view of the trainer's buffers that follows every
     * step. Read it only from the training thread; keep {@link Network#copy()} of it, as the
     * snapshots do.
     */
    public Network network() {
        return network;
    }

    /** The config this trainer was made with. */
    public TrainingConfig config() {
        return config;
    }

    private void begin() {
        if (!active.compareAndSet(false, true)) {
            throw new IllegalStateException("this trainer is already running");
        }
    }

    private void end() {
        stepping = false;
        stopClock();
        cancelRequested = false;
        active.set(false);
    }

    private enum EpochOutcome { DONE, CANCELLED, DIVERGED }

    /** One pass over the training set; on DONE, {@link #epoch} has been advanced and {@link #lastGood} updated. */
    private EpochOutcome runEpoch() {
        double cost;
        if (optimizer.isFullBatch()) {
            if (!waitWhilePaused()) {
                return EpochOutcome.CANCELLED;
            }
            try {
                cost = optimizer.step(fullBatchObjective);
            } catch (CancellationException e) {
                // The step is abandoned: back to the weights of the last completed epoch, which are
                // also the optimizer's current point, so a later run repeats this step exactly.
                return abandonEpoch();
            }
            String problem = lossProblem(cost);
            if (problem != null) {
                return diverge(problem);
            }
        } else {
            shuffle();
            int trainSize = train.size();
            int batchSize = batchLabels.length;
            int inputs = train.inputSize();
            BatchPrefetch ahead = augmentAhead ? prefetch : null;
            if (ahead != null) {
                // The second thread draws and distorts; this one distorts too when it would wait.
                ahead.start((batch, slot) -> drawBatch(batch * batchSize, Math.min(batchSize, trainSize - batch * batchSize),
                        slot), this::renderImage, stepsPerEpoch, "hn-augment");
            }
            try {
                for (int start = 0; start < trainSize; start += batchSize) {
                    if (!waitWhilePaused()) {
                        return abandonEpoch();
                    }
                    double progress = (epoch + start / (double) trainSize) / Math.max(1, config.epochs());
                    optimizer.setLearningRateScale(annealing ? learningRateScale(progress, finalLearningRateFraction) : 1.0);
                    batchCount = Math.min(batchSize, trainSize - start);
                    BatchPrefetch.Slot slot = null;
                    if (ahead != null) {
                        slot = ahead.next();
                        stepIndex = null;
                        stepPixels = slot.pixels;
                        stepLabels = slot.labels;
                    } else {
                        stepIndex = gather(start, batchCount, inputs, batchPixels, batchLabels, batchIndex)
                                ? batchIndex : null;
                        stepPixels = batchPixels;
                        stepLabels = batchLabels;
                    }
                    try {
                        cost = optimizer.step(miniBatchObjective);
                    } catch (CancellationException e) {
                        return abandonEpoch();
                    } finally {
                        if (slot != null) {
                            ahead.release(slot);
                        }
                    }
                    String problem = lossProblem(cost);
                    if (problem != null) {
                        return diverge(problem);
                    }
                    batchInEpoch++;
                    if (start + batchSize < trainSize && !pacedStep()) {
                        return abandonEpoch();
                    }
                }
            } finally {
                if (ahead != null) {
                    ahead.finish();
                }
            }
        }
        String problem = weightProblem();
        if (problem != null) {
            return diverge(problem);
        }
        lastGood.copyFrom(network);
        epoch++;
        batchInEpoch = 0;
        return EpochOutcome.DONE;
    }

    private boolean isCancelRequested() {
        return cancelRequested;
    }

    /** A cancelled epoch: back to the weights of the last completed one. */
    private EpochOutcome abandonEpoch() {
        weights.copyFrom(lastGood.view());
        batchInEpoch = 0;
        if (scoredStep > currentStep()) {
            scoredStep = -1; // weights inside the abandoned epoch: a rerun reaches that step with others
        }
        return EpochOutcome.CANCELLED;
    }

    /** Optimizer steps done since this trainer started: epoch · stepsPerEpoch + mini-batches of the epoch in progress. */
    private long currentStep() {
        return (long) epoch * stepsPerEpoch + batchInEpoch;
    }

    /**
     * After a mini-batch inside an epoch: when it is a paced one ({@link Pacing#pacesStep}, and not
     * a hand-driven step), publishes the weights — scored if the scoring fits in the step's delay,
     * else with metrics not measured — and waits the step's delay.
     *
     * @return false if a cancel came (the caller abandons the epoch)
     */
    private boolean pacedStep() {
        Pacing now = pacing;
        if (stepping || !now.pacesStep(epoch, batchInEpoch, stepsPerEpoch)) {
            return true;
        }
        long delay = now.stepDelayMillis(batchInEpoch, stepsPerEpoch);
        try {
            // After a sampled step 0 the first paced step is not scored regardless (Pacing.scoresStep):
            // that is the wait the sample avoided; the sample's estimate of the whole scoring decides.
            boolean scores = initialSampled ? fastestScoringNanos <= delay * 1_000_000L
                    : Pacing.scoresStep(batchInEpoch, delay, fastestScoringNanos);
            if (scores) {
                publishCancellable(TrainingState.RUNNING);
            } else {
                publish(TrainingState.RUNNING, "", Evaluation.NOT_MEASURED, Evaluation.NOT_MEASURED);
            }
        } catch (CancellationException e) {
            return false;
        }
        if (delay > 0) {
            stopClock();
            try {
                sleeper.sleep(delay, () -> !cancelRequested && pacing == now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelRequested = true;
            } finally {
                startClock();
            }
        }
        return !cancelRequested;
    }

    /** The default {@link Sleeper}: waits on the lock that cancel, resume and setPacing notify. */
    private void waitUnlessWoken(long millis, BooleanSupplier stillWanted) throws InterruptedException {
        long started = System.nanoTime();
        synchronized (lock) {
            while (stillWanted.getAsBoolean()) {
                long remainingMillis = millis - (System.nanoTime() - started) / 1_000_000L;
                if (remainingMillis <= 0) {
                    break;
                }
                lock.wait(remainingMillis);
            }
        }
    }

    /** Records a finite J as the divergence reference if it is the lowest yet. @return cost */
    private double observe(double cost) {
        if (cost < lowestObjective) { // false for NaN
            lowestObjective = cost;
        }
        return cost;
    }

    /** Why the objective value {@code cost} of a step means divergence (rule 1 of the class comment), or null. */
    private String lossProblem(double cost) {
        if (Double.isNaN(cost)) {
            return "the loss became NaN";
        }
        if (Double.isInfinite(cost)) {
            return "the loss became infinite";
        }
        double reference = Math.max(lowestObjective, DIVERGENCE_LOSS_FLOOR);
        if (cost > DIVERGENCE_LOSS_FACTOR * reference) {
            return "the loss J rose to " + scientific(cost) + ", more than " + (long) DIVERGENCE_LOSS_FACTOR
                    + " × its lowest value " + scientific(reference) + (lowestObjective < DIVERGENCE_LOSS_FLOOR
                    ? " (the floor; the lowest was " + scientific(lowestObjective) + ")" : "");
        }
        return null;
    }

    /** Why the current weights mean divergence (rule 2 of the class comment), or null. */
    private String weightProblem() {
        double largest = 0.0;
        for (double[] layer : new double[][] {weights.theta1(), weights.theta2()}) {
            for (double w : layer) {
                double magnitude = Math.abs(w);
                if (!(magnitude <= largest)) { // also true for NaN
                    if (!Double.isFinite(magnitude)) {
                        return "a weight became NaN or infinite";
                    }
                    largest = magnitude;
                }
            }
        }
        if (largest > DIVERGENCE_MAX_WEIGHT) {
            return "a weight reached " + scientific(largest) + " (the limit is " + scientific(DIVERGENCE_MAX_WEIGHT) + ")";
        }
        return null;
    }

    /** The value to 3 significant digits ("1.23e+07"; plain between 0.001 and 10⁶). */
    static String scientific(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return format(new BigDecimal(value).round(new MathContext(3)).doubleValue());
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** The cosine schedule's factor at {@code progress} (see {@link #LEARNING_RATE_FINAL_FRACTION}). */
    static double learningRateScale(double progress, double finalFraction) {
        double p = Math.min(1.0, Math.max(0.0, progress));
        return finalFraction + (1.0 - finalFraction) * 0.5 * (1.0 + Math.cos(Math.PI * p));
    }

    /** Tuning only: the schedule's final fraction f (1 = constant learning rate). */
    void setFinalLearningRateFraction(double fraction) {
        finalLearningRateFraction = fraction;
    }

    /** Fisher–Yates shuffle of {@link #order}. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /**
     * Copies samples order[start..start+count) into the given batch buffers (pixels, labels and,
     * unless augmenting, their nonzero inputs if the training set has lists,
     * {@link TrainingExamples#indexBatch}), distorted if augmenting. Augmenting draws from {@link #random} and renders
     * ({@link #renderSample}): on the trainer's thread, in batch order, when no {@link BatchPrefetch}
     * runs (it then draws in the same order, see {@link #drawBatch}).
     *
     * @return whether batchIndex lists the batch (else the objective evaluates batchPixels)
     */
    private boolean gather(int start, int count, int inputs, double[] batchPixels, int[] batchLabels,
                           NonzeroIndex batchIndex) {
        int[] labels = train.labels();
        for (int b = 0; b < count; b++) {
            int sample = order[start + b];
            batchLabels[b] = labels[sample];
            if (augmenter != null) {
                augmenter.draw(random, gatherDraws, 0);
                Augmenter.Scratch scratch = renderScratch[BatchPrefetch.CONSUMER_THREAD];
                renderSample(sample, batchPixels, b * inputs, gatherDraws, 0, scratch);
            } else {
                trainExamples.copySample(sample, batchPixels, b * inputs);
            }
        }
        return augmenter == null && trainExamples.indexBatch(batchIndex, order, start, count, batchPixels);
    }

    /**
     * A prefetched batch's draws: samples order[start..start+count), their labels and their
     * distortions, drawn from {@link #random} in the same order as {@link #gather} draws them.
     *
     * @return count
     */
    private int drawBatch(int start, int count, BatchPrefetch.Slot slot) {
        int[] labels = train.labels();
        for (int b = 0; b < count; b++) {
            int sample = order[start + b];
            slot.samples[b] = sample;
            slot.labels[b] = labels[sample];
            augmenter.draw(random, slot.draws, b * Augmenter.DRAWN);
        }
        return count;
    }

    /** Renders image {@code image} of a prefetched batch from its draws (on BatchPrefetch's thread number {@code thread}). */
    private void renderImage(BatchPrefetch.Slot slot, int image, int thread) {
        Augmenter.Scratch scratch = renderScratch[thread];
        renderSample(slot.samples[image], slot.pixels, image * train.inputSize(), slot.draws, image * Augmenter.DRAWN,
                scratch);
    }

    /**
     * Renders training sample {@code sample} distorted as drawn at {@code draws[drawOffset]} into
     * {@code target}, from a copy in the scratch's source buffer (with its {@link #extremes}, if any).
     *
     * @param scratch the rendering thread's buffers. Modified.
     * @param target  Modified at targetOffset.
     */
    private void renderSample(int sample, double[] target, int targetOffset, double[] draws, int drawOffset,
                              Augmenter.Scratch scratch) {
        double[] source = scratch.source();
        trainExamples.copySample(sample, source, 0);
        augmenter.render(source, 0, extremes, sample, target, targetOffset, draws, drawOffset, scratch);
    }

    /** Restores the last good weights, ends the run DIVERGED and publishes why. */
    private EpochOutcome diverge(String what) {
        weights.copyFrom(lastGood.view());
        optimizer.reset();
        state = TrainingState.DIVERGED;
        publish(TrainingState.DIVERGED, divergenceMessage(epoch + 1, what));
        return EpochOutcome.DIVERGED;
    }

    /**
     * "Training diverged at epoch k: &lt;what happened, with the rule's numbers&gt;. &lt;advice&gt;
     * The last good weights were kept."
     */
    private String divergenceMessage(int failedEpoch, String what) {
        String advice;
        if (config.optimizer() == OptimizerKind.LBFGS) {
            advice = "L-BFGS has no learning rate; try a larger lambda (" + format(config.lambda()) + ") or another optimizer.";
        } else {
            double rate = config.learningRate();
            advice = "The learning rate (" + format(rate) + ") is probably too high — try "
                    + format(rate / DIVERGENCE_LEARNING_RATE_DIVISOR) + ".";
        }
        return "Training diverged at epoch " + failedEpoch + ": " + what + ". " + advice
                + " The last good weights were kept.";
    }

    /** The value to 6 significant digits, plain notation, at least one decimal ("3.0", "0.003"). */
    static String format(double value) {
        String text = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    /**
     * Publishes the CANCELLED snapshot of the current weights (the last completed epoch's).
     *
     * @param scoringInterrupted the cancel came while these weights were being scored: publish NaN
     *                           metrics rather than score them again
     */
    private TrainingSnapshot finishCancelled(boolean scoringInterrupted) {
        state = TrainingState.CANCELLED;
        String message = "Training was stopped after epoch " + epoch + ".";
        if (scoringInterrupted && scoredStep != currentStep()) {
            return publish(TrainingState.CANCELLED, message, Evaluation.NOT_MEASURED, Evaluation.NOT_MEASURED);
        }
        return publish(TrainingState.CANCELLED, message);
    }

    /** @throws CancellationException if a cancel interrupts the scoring (nothing is published) */
    private void publishInitialIfNeeded(TrainingState initialState) {
        if (!initialPublished) {
            initialPublished = true;
            InitialScoring initial = initialScoring;
            if (!initial.scores()) {
                publish(initialState, "", Evaluation.NOT_MEASURED, Evaluation.NOT_MEASURED);
            } else if (initial.samples(train.size(), test == null ? 0 : test.size())) {
                InitialScoring.Sampled sampled = initial.score(train, test, scoring, network, cancelCheck);
                initialSampled = true;
                fastestScoringNanos = Math.min(fastestScoringNanos, sampled.estimatedFullNanos());
                publish(initialState, sampled.message(), sampled.train(), sampled.test());
            } else {
                publishCancellable(initialState);
            }
        }
    }

    private boolean isPublishDue() {
        long interval = publishIntervalMillis;
        int everyEpochs = publishEveryEpochs;
        return interval == 0 || System.nanoTime() - lastPublishedAt >= interval * 1_000_000L
                || (everyEpochs > 0 && epoch - lastPublishedEpoch >= everyEpochs);
    }

    /**
     * Computes the metrics of the current weights, makes a snapshot, stores it as latest and tells the listeners.
     * Losses are the data term only (λ = 0), so train and test loss are comparable on one chart
     * (the course's learning-curve convention); the regularised objective is what the optimizer sees.
     */
    private TrainingSnapshot publish(TrainingState snapshotState, String message) {
        score(null);
        return publish(snapshotState, message, scoredTrain, scoredTest);
    }

    /**
     * {@link #publish(TrainingState, String)} with an empty message, scoring cancel-aware.
     *
     * @throws CancellationException if a cancel arrives while scoring; nothing is published
     */
    private void publishCancellable(TrainingState snapshotState) {
        score(cancelCheck);
        publish(snapshotState, "", scoredTrain, scoredTest);
    }

    /**
     * Scores the current weights (those of step {@link #currentStep()}) on the training and test sets,
     * unless they were already scored.
     *
     * @param cancelled null, or polled between blocks of examples
     * @throws CancellationException if cancelled (the scores stay those of an earlier epoch)
     */
    private void score(BooleanSupplier cancelled) {
        long step = currentStep();
        if (scoredStep == step) {
            return;
        }
        BatchedCostFunction scorer = scoring;
        long started = System.nanoTime();
        Evaluation.Metrics trainMetrics = trainExamples.metrics(scorer, network, 0.0, cancelled);
        Evaluation.Metrics testMetrics = test == null || test.size() == 0 ? Evaluation.NOT_MEASURED
                : testExamples.metrics(scorer, network, 0.0, cancelled);
        scoredTrain = trainMetrics;
        scoredTest = testMetrics;
        scoredStep = step;
        fastestScoringNanos = Math.min(fastestScoringNanos, System.nanoTime() - started);
    }

    private TrainingSnapshot publish(TrainingState snapshotState, String message, Evaluation.Metrics trainMetrics,
                                     Evaluation.Metrics testMetrics) {
        TrainingSnapshot snapshot = new TrainingSnapshot(epoch, Math.max(config.epochs(), epoch),
                trainMetrics.loss(), testMetrics.loss(), trainMetrics.accuracy(), testMetrics.accuracy(),
                elapsed(), network.copy(), snapshotState, message, Math.toIntExact(currentStep()), stepsPerEpoch);
        latest = snapshot;
        lastPublishedAt = System.nanoTime();
        lastPublishedEpoch = epoch;
        for (Consumer<TrainingSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
        return snapshot;
    }

    /** Blocks while paused (clock stopped). @return false if cancelled */
    private boolean waitWhilePaused() {
        if (cancelRequested) {
            return false;
        }
        if (!pauseRequested || stepping) {
            return true;
        }
        TrainingState before = state;
        stopClock();
        state = TrainingState.PAUSED;
        try {
            synchronized (lock) {
                while (pauseRequested && !cancelRequested) {
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelRequested = true;
        } finally {
            state = before;
            startClock();
        }
        return !cancelRequested;
    }

    /** Sleeps the epoch delay (clock stopped), waking early on cancel. */
    private void delayAfterEpoch() {
        if (epochDelayMillis <= 0) {
            return;
        }
        stopClock();
        try {
            long started = System.nanoTime();
            synchronized (lock) {
                while (!cancelRequested) {
                    long remainingMillis = epochDelayMillis - (System.nanoTime() - started) / 1_000_000L;
                    if (remainingMillis <= 0) {
                        break;
                    }
                    lock.wait(remainingMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelRequested = true;
        } finally {
            startClock();
        }
    }

    private void startClock() {
        if (clockStartedAt < 0) {
            clockStartedAt = System.nanoTime();
        }
    }

    private void stopClock() {
        if (clockStartedAt >= 0) {
            elapsedNanos += System.nanoTime() - clockStartedAt;
            clockStartedAt = -1;
        }
    }

    private long elapsed() {
        return elapsedNanos + (clockStartedAt >= 0 ? System.nanoTime() - clockStartedAt : 0);
    }
}
