package org.hiddenneurons.train;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.kernel.NonzeroIndex;

/**
 * Lets the JIT compile the training code on a background thread while the program starts and
 * loads its data, so that a short run (the default {@code train} is over in about a second) does
 * not spend its first epochs in interpreted code: the cost function's warm-up
 * ({@link BatchedCostFunction#startWarmUp}) and, when the config augments, a daemon thread (once
 * per JVM) that distorts {@link #AUGMENTED_IMAGES} synthetic images with the config's limits and
 * lists their nonzero pixels, as the trainer's second thread does every mini-batch (without it,
 * that thread ran its first epochs several times slower while the compiler was busy with the
 * cost function). Its data, random numbers and buffers are its own, so no result of any run changes.
 */
public final class TrainingWarmUp {

    /** Images the warm-up distorts: enough calls of each step that the JIT queues their optimised compile. */
    static final int AUGMENTED_IMAGES = 1500;
    /** Distinct synthetic images it distorts in turn. */
    private static final int SOURCE_IMAGES = 16;
    /** Share of zero pixels in the synthetic images (the digits sheet: 75 %). */
    private static final double ZERO_SHARE = 0.75;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

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
        BatchedCostFunction.startWarmUp(config.spec(width, height, classes), batchSize);
        if (!config.augment() || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> augment(config.augmentation(), width, height, batchSize, AUGMENTED_IMAGES),
                "augmentation-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Distorts {@code images} synthetic images into mini-batches of {@code batchSize} and lists
     * each batch's nonzero pixels, as the trainer does.
     *
     * @return the sum of the last batch's pixels (so the work cannot be optimised away)
     */
    static double augment(Augmentation limits, int width, int height, int batchSize, int images) {
        int pixels = width * height;
        SplittableRandom random = new SplittableRandom(0);
        double[] sources = new double[SOURCE_IMAGES * pixels];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = random.nextDouble() < ZERO_SHARE ? 0.0 : random.nextDouble();
        }
        Augmenter augmenter = new Augmenter(limits, width, height, 0);
        double[] batch = new double[batchSize * pixels];
        NonzeroIndex index = new NonzeroIndex();
        for (int image = 0; image < images; image++) {
            int slot = image % batchSize;
            augmenter.apply(sources, (image % SOURCE_IMAGES) * pixels, batch, slot * pixels, random);
            if (slot == batchSize - 1 || image == images - 1) {
                index.build(batch, 0, slot + 1, pixels);
            }
        }
        double sum = 0.0;
        for (double value : batch) {
            sum += value;
        }
        return sum;
    }
}
