package org.hiddenneurons.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.core.kernel.WarmUpThread;
import org.hiddenneurons.data.Dataset;

/**
 * Lets the JIT compile the training code on a background thread while the program starts and
 * loads its data, so that a short run (the default {@code train} is over in about a second) does
 * not spend its first epochs in interpreted code: the cost function's warm-up
 * ({@link BatchedCostFunction#startWarmUp}) and a daemon thread (once per JVM) that takes
 * {@link #OPTIMIZER_STEPS} steps of the config's optimizer on parameters of the network's shape
 * and, when the config augments, distorts {@link #AUGMENTED_IMAGES} synthetic images with the
 * config's limits, as the trainer's second thread does every mini-batch (without it, that thread
 * ran its first epochs several times slower while the compiler was busy with the cost function);
 * last, it trains a real {@link Trainer} of the config on synthetic images for two short epochs
 * ({@link #train}). Its data, random numbers and buffers are its own, so no result of any run
 * changes.
 */
public final class TrainingWarmUp {

    /**
     * Optimizer steps the warm-up takes: Adam's update reached optimised code only ~200 mini-batches
     * (5 epochs) into a cold run; HotSpot compiles a method with a long loop after ~600 calls.
     */
    static final int OPTIMIZER_STEPS = 800;
    /** Where the warm-up's synthetic gradient θ − c vanishes. */
    private static final double SYNTHETIC_OPTIMUM = 0.01;
    /** Images the warm-up distorts: enough calls of each step that the JIT queues their optimised compile. */
    static final int AUGMENTED_IMAGES = 1500;
    /** Images of the large index the warm-up lists (a data set's worth of entries, not a batch's). */
    private static final int LARGE_INDEX_IMAGES = 1000;
    /** How often it lists them. */
    private static final int LARGE_INDEXES = 4;
    /** Distinct synthetic images it distorts in turn. */
    private static final int SOURCE_IMAGES = 16;
    /** Share of zero pixels in the warm-up's synthetic images for a config without input blur (the digits sheet: 75 %). */
    static final double SHARP_ZERO_SHARE = 0.75;
    /**
     * The same with an input blur: the default's deskewed, σ 0.6 blurred training digits are 35 %
     * zeros, its distorted mini-batches 25 %, so the cost function runs its dense loops.
     */
    static final double BLURRED_ZERO_SHARE = 0.3;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Synthetic images of {@link #train}'s run. */
    static final int TRAINER_IMAGES = 1200;
    /** Epochs of {@link #train}'s run. */
    static final int TRAINER_EPOCHS = 2;

    private TrainingWarmUp() {
    }

    /**
     * Starts the warm-up thread for runs of this config on images of this size (once per JVM;
     * later calls return at once).
     *
     * @param classes the network's outputs
     */
    public static void start(TrainingConfig config, int width, int height, int classes) {
        int batchSize = Math.max(1, config.batchSize());
        NetworkSpec spec = config.spec(width, height, classes);
        BatchedCostFunction.startWarmUp(spec, batchSize, zeroShare(config));
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        WarmUpThread.start("training-warm-up", () -> {
            step(config, spec, OPTIMIZER_STEPS);
            if (config.augment()) {
                augment(config.augmentation(), width, height, batchSize, AUGMENTED_IMAGES, zeroShare(config));
            }
            train(config, width, height, classes);
        });
    }

    /**
     * Runs a real {@link Trainer} of the config on {@value #TRAINER_IMAGES} synthetic images
     * (sparse like the sheet's digits before the config's own preprocessing; a quarter of them
     * again as the test set) for {@value #TRAINER_EPOCHS} epochs, scoring only at the end, as the
     * CLI does: the trainer's own calls (its objective, its rendering threads, its reading of the
     * examples, the final scoring) reach the JIT with the profiles the real run will give them.
     *
     * @return the final training loss (so the work cannot be optimised away)
     */
    static double train(TrainingConfig config, int width, int height, int classes) {
        SplittableRandom random = new SplittableRandom(0);
        int pixels = width * height;
        double[] images = new double[TRAINER_IMAGES * pixels];
        int[] labels = new int[TRAINER_IMAGES];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextDouble() < SHARP_ZERO_SHARE ? 0.0 : random.nextDouble();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        int testImages = TRAINER_IMAGES / 4;
        Dataset train = new Dataset("warm-up", width, height, classes, images, labels);
        Dataset test = new Dataset("warm-up test", width, height, classes, Arrays.copyOf(images, testImages * pixels),
                Arrays.copyOf(labels, testImages));
        Trainer trainer = new Trainer(config.withEpochs(TRAINER_EPOCHS), config.initialNetwork(width, height, classes),
                train, test);
        trainer.setInitialScoring(InitialScoring.NONE);
        return trainer.run().trainLoss();
    }

    /** The share of zero inputs the config's training images will have, roughly (see the constants). */
    static double zeroShare(TrainingConfig config) {
        return config.inputBlur() > 0 ? BLURRED_ZERO_SHARE : SHARP_ZERO_SHARE;
    }

    /**
     * Takes {@code steps} steps of the config's optimizer on parameters of the network's shape
     * (Θ1: hidden×(inputs+1), Θ2: outputs×(hidden+1)) with a synthetic gradient g = θ − 0.01, and
     * the learning-rate scale set before each step, as the trainer does; nothing for a full-batch
     * optimizer. Its arrays are its own.
     *
     * @return the sum of the parameters afterwards (so the work cannot be optimised away); 0 for a full-batch optimizer
     */
    static double step(TrainingConfig config, NetworkSpec spec, int steps) {
        double[][] parameters = {new double[spec.hiddenSize() * (spec.inputSize() + 1)],
            new double[spec.outputSize() * (spec.hiddenSize() + 1)]};
        double[][] gradient = {new double[parameters[0].length], new double[parameters[1].length]};
        Optimizer optimizer = Optimizer.create(config);
        if (optimizer.isFullBatch()) {
            return 0.0; // one step per epoch: its time is the cost function's
        }
        optimizer.initialize(parameters, gradient);
        // Three objective classes in turn: the optimizer's call of evaluate() is then compiled as
        // a plain virtual call, which the trainer's own objective (another class) does not
        // invalidate; with one class, the compiled step was thrown away when training began.
        Objective[] objectives = {
            () -> syntheticGradient(parameters, gradient),
            () -> syntheticGradient(parameters, gradient),
            () -> syntheticGradient(parameters, gradient)};
        for (int step = 0; step < steps; step++) {
            optimizer.setLearningRateScale(1.0 - step / (double) steps);
            optimizer.step(objectives[step % objectives.length]);
        }
        double sum = 0.0;
        for (double[] segment : parameters) {
            for (double value : segment) {
                sum += value;
            }
        }
        return sum;
    }

    /** g = θ − {@link #SYNTHETIC_OPTIMUM} into {@code gradient}; J = 0. */
    private static double syntheticGradient(double[][] parameters, double[][] gradient) {
        for (int s = 0; s < parameters.length; s++) {
            for (int i = 0; i < parameters[s].length; i++) {
                gradient[s][i] = parameters[s][i] - SYNTHETIC_OPTIMUM;
            }
        }
        return 0.0;
    }

    /**
     * Distorts {@code images} synthetic images (a share {@code zeroShare} of their pixels 0) into
     * mini-batches of {@code batchSize}, as the trainer does; then, if they are sparse enough for
     * the trainer to list a training set of them ({@link TrainingExamples}), lists the nonzero pixels of
     * {@value #LARGE_INDEX_IMAGES} images at once, {@value #LARGE_INDEXES} times, as the trainer does
     * once for its training set.
     *
     * @return the sum of the last batch's pixels plus the entries listed (so the work cannot be optimised away)
     */
    static double augment(Augmentation limits, int width, int height, int batchSize, int images, double zeroShare) {
        int pixels = width * height;
        SplittableRandom random = new SplittableRandom(0);
        double[] sources = new double[SOURCE_IMAGES * pixels];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = random.nextDouble() < zeroShare ? 0.0 : random.nextDouble();
        }
        Augmenter augmenter = new Augmenter(limits, width, height, 0);
        Augmenter.Scratch scratch = augmenter.newScratch();
        double[] batch = new double[batchSize * pixels];
        double[] draws = new double[batchSize * Augmenter.DRAWN];
        boolean thickens = limits.maxThickness() > 0;
        NeighbourExtremes extremes = null;
        for (int image = 0; image < images; image++) {
            if (thickens && image % (2 * SOURCE_IMAGES) == 0) {
                // Each image's extremes made once and used once more, as the trainer makes them
                // in its first epoch and uses them afterwards.
                extremes = new NeighbourExtremes(SOURCE_IMAGES, width, height);
            }
            // As the trainer's BatchPrefetch does for a small training set: draw into the batch's
            // draws, copy the source image into the thread's buffer, render from there with the
            // image's extremes (the same calls with the same kinds of arguments, so the compiled
            // code the trainer meets is not thrown away).
            int slot = image % batchSize;
            int source = image % SOURCE_IMAGES;
            augmenter.draw(random, draws, slot * Augmenter.DRAWN);
            System.arraycopy(sources, source * pixels, scratch.source(), 0, pixels);
            augmenter.render(scratch.source(), 0, extremes, source, batch, slot * pixels, draws, slot * Augmenter.DRAWN,
                    scratch);
        }
        // The trainer also lists a sparse training set's nonzero pixels once (on first use,
        // TrainingExamples): a matrix large enough for build's counting pass, which batches never
        // take (a cold run left its compiled code there, and listed the 4000 digits in slow code
        // inside epoch 1).
        int listed = 0;
        if (BatchedCostFunction.worthListing(1 - zeroShare)) {
            double[] large = new double[LARGE_INDEX_IMAGES * pixels];
            for (int image = 0; image < LARGE_INDEX_IMAGES; image++) {
                System.arraycopy(sources, (image % SOURCE_IMAGES) * pixels, large, image * pixels, pixels);
            }
            for (int i = 0; i < LARGE_INDEXES; i++) {
                listed += NonzeroIndex.of(large, 0, LARGE_INDEX_IMAGES, pixels).nonzeros(0, LARGE_INDEX_IMAGES);
            }
        }
        double sum = listed;
        for (double value : batch) {
            sum += value;
        }
        return sum;
    }
}
