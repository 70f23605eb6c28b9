package org.hiddenneurons.train;

import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;

/**
 * How many images the initial weights (step 0, the first point of the loss and accuracy curves)
 * are scored on before the first mini-batch. All of them cost 8.6 s on Fashion-MNIST's 70 000 in
 * the window (at load 12), with nothing moving; the untrained network's cost and accuracy are
 * nearly the same on every image (J ≈ ln 10 with softmax, accuracy near chance), so a sample of
 * {@link #WINDOW_LIMIT} gives the curves the same starting point at a small fraction of the cost.
 *
 * <p>The sample: of a training set of n and a test set of m images with n + m &gt; limit,
 * k = round(limit·n/(n+m)) training and limit − k test images, each evenly spaced: rows
 * ⌊i·n/k⌋ for i = 0 … k−1 (likewise for the test set), so NumPy picks the same rows with
 * {@code (np.arange(k) * n) // k}. A split of at most {@code limit} images is scored whole.
 * Plain Java; immutable.
 */
public final class InitialScoring {

    /**
     * The window's limit: the bundled digits' 5 000 (4 000 train + 1 000 test), so their step 0 is
     * scored on every image as before; larger data sets are sampled.
     */
    public static final int WINDOW_LIMIT = 5_000;

    /**
     * Step 0's scores on the sample, the snapshot's message saying so, and the sample's scoring time
     * scaled to the whole split (images scored in all / in the sample): an estimate of scoring
     * everything, pessimistic since the sample's scoring also paid for the JIT's warm-up.
     */
    record Sampled(Evaluation.Metrics train, Evaluation.Metrics test, String message, long estimatedFullNanos) {
    }

    private InitialScoring() {
    }

    /**
     * Loss (λ 0) and accuracy of {@code network} on the sample of {@code train} and {@code test}
     * (null or empty: not measured), as {@link Evaluation#evaluate}.
     *
     * @param cancelled polled between blocks of examples
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    static Sampled score(Dataset train, Dataset test, int limit, BatchedCostFunction scorer, Network network,
                         BooleanSupplier cancelled) {
        long started = System.nanoTime();
        int testSize = test == null ? 0 : test.size();
        int trainShare = trainShare(train.size(), testSize, limit);
        Dataset trainSample = sample(train, trainShare);
        Evaluation.Metrics trainMetrics = new TrainingExamples(trainSample, false).metrics(scorer, network, 0.0, cancelled);
        Dataset testSample = testSize == 0 ? null : sample(test, limit - trainShare);
        Evaluation.Metrics testMetrics = testSample == null ? Evaluation.NOT_MEASURED
                : new TrainingExamples(testSample, false).metrics(scorer, network, 0.0, cancelled);
        int sampled = trainSample.size() + (testSample == null ? 0 : testSample.size());
        long estimate = Math.round((System.nanoTime() - started) * ((double) train.size() + testSize) / sampled);
        return new Sampled(trainMetrics, testMetrics, "Step 0 scored on a sample of " + trainSample.size() + " of "
                + train.size() + " training and " + (testSample == null ? 0 : testSample.size()) + " of " + testSize
                + " test images.", estimate);
    }

    /** Whether step 0 of a split with {@code trainSize} and {@code testSize} images is scored on a sample. */
    public static boolean samples(int trainSize, int testSize, int limit) {
        return (long) trainSize + testSize > limit;
    }

    /** k: the training images of the sample ({@code limit} − k are test images); see the class comment. */
    static int trainShare(int trainSize, int testSize, int limit) {
        return Math.toIntExact(Math.round((double) limit * trainSize / ((double) trainSize + testSize)));
    }

    /** The rows ⌊i·size/count⌋, i = 0 … count−1 (ascending, distinct when count ≤ size). */
    static int[] evenlySpaced(int size, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = Math.toIntExact((long) i * size / count);
        }
        return rows;
    }

    /** {@code data}'s evenly spaced sample of {@code count} images (a copy), or {@code data} itself if it has no more. */
    static Dataset sample(Dataset data, int count) {
        return data.size() <= count ? data : data.subset(data.name() + " (step-0 sample)", evenlySpaced(data.size(), count));
    }
}
