package org.hiddenneurons.train;

import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.InputRows;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;

/**
 * What the initial weights (step 0, the first point of the loss and accuracy curves) are scored on
 * before the first mini-batch: a split of at most {@code wholeUpTo} images on all of them, a larger
 * one on an evenly spaced sample of {@code sampleSize}; or nothing ({@link #NONE}: the snapshot's
 * losses and accuracies are NaN, not measured). The trainer's one step-0 setting
 * ({@link Trainer#setInitialScoring}); the weights, and every later snapshot, do not depend on it. The first scoring of a run is the slow one —
 * it runs while the JIT compiles the scoring code, so in the window it took about as long on 10 000
 * Fashion-MNIST images as on all 70 000 (0.7–1.9 s at load 6–11), against 0.4 s on 2 000 — and on
 * a large data set the student waits through it with nothing moving. The untrained network's cost
 * is nearly the same on every image (J ≈ ln 10 with softmax, accuracy near chance), so the sample
 * gives the curves the same starting point (2.324 against 2.329 on all of Fashion-MNIST).
 *
 * <p>The sample: of a training set of n and a test set of m images, k = round(s·n/(n+m)) training
 * and s − k test images (s = {@code sampleSize}), each evenly spaced: rows ⌊i·n/k⌋ for
 * i = 0 … k−1 (likewise for the test set), so NumPy picks the same rows with
 * {@code (np.arange(k) * n) // k}. The rows are read in place, not copied.
 *
 * @param wholeUpTo  splits (train + test) of at most this many images are scored whole
 * @param sampleSize images scored of a larger split (1 … {@code wholeUpTo}; both 0: {@link #NONE})
 */
public record InitialScoring(int wholeUpTo, int sampleSize) {

    /** Every split scored whole (the trainer's default). */
    public static final InitialScoring WHOLE = new InitialScoring(Integer.MAX_VALUE, Integer.MAX_VALUE);
    /**
     * The window's: twice the bundled digits' 5 000 (4 000 train + 1 000 test) scored whole, so their
     * step 0 is as before with the student's drawings added too; MNIST-sized data on 2 000 images.
     */
    public static final InitialScoring WINDOW = new InitialScoring(10_000, 2_000);
    /**
     * Step 0 not scored: for a caller that never shows its numbers — the CLI's {@code train}, which
     * prints no line for epoch 0 (in a fresh JVM, scoring 5000 examples with code the JIT has not
     * compiled yet cost a tenth of the default run).
     */
    public static final InitialScoring NONE = new InitialScoring(0, 0);

    public InitialScoring {
        boolean none = wholeUpTo == 0 && sampleSize == 0;
        if (!none && (sampleSize < 1 || sampleSize > wholeUpTo)) {
            throw new IllegalArgumentException("sample size " + sampleSize + " must be in 1.." + wholeUpTo
                    + " (or both 0: step 0 not scored)");
        }
    }

    /** Whether step 0 is scored at all (false only for {@link #NONE}). */
    public boolean scores() {
        return sampleSize > 0;
    }

    /** Step 0's scores on the sample, the snapshot's message saying so, and an estimate of scoring everything. */
    record Sampled(Evaluation.Metrics train, Evaluation.Metrics test, String message, long estimatedFullNanos) {
    }

    /** Whether step 0 of a split with {@code trainSize} and {@code testSize} images is scored on a sample. */
    public boolean samples(int trainSize, int testSize) {
        return scores() && (long) trainSize + testSize > wholeUpTo;
    }

    /**
     * Loss (λ 0) and accuracy of {@code network} on the sample of {@code train} and {@code test}
     * (null or empty: not measured), as {@link Evaluation#evaluate}; the estimate of scoring the whole
     * split is the sample's time scaled by images in all / in the sample (pessimistic: the sample's
     * scoring also paid for the JIT's warm-up).
     *
     * @param cancelled polled between blocks of examples
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    Sampled score(Dataset train, Dataset test, BatchedCostFunction scorer, Network network, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        int testSize = test == null ? 0 : test.size();
        int trainShare = Math.min(train.size(), trainShare(train.size(), testSize, sampleSize));
        int testShare = Math.min(testSize, sampleSize - trainShare);
        Evaluation.Metrics trainMetrics = metrics(train, trainShare, scorer, network, cancelled);
        Evaluation.Metrics testMetrics = testShare == 0 ? Evaluation.NOT_MEASURED
                : metrics(test, testShare, scorer, network, cancelled);
        long estimate = Math.round((System.nanoTime() - started) * ((double) train.size() + testSize)
                / (trainShare + testShare));
        return new Sampled(trainMetrics, testMetrics, "Step 0 scored on a sample of " + trainShare + " of "
                + train.size() + " training and " + testShare + " of " + testSize + " test images.", estimate);
    }

    /** k: the training images of a sample of {@code size} ({@code size} − k are test images). */
    static int trainShare(int trainSize, int testSize, int size) {
        return Math.toIntExact(Math.round((double) size * trainSize / ((double) trainSize + testSize)));
    }

    /** The rows ⌊i·size/count⌋, i = 0 … count−1 (ascending, distinct when count ≤ size). */
    static int[] evenlySpaced(int size, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = Math.toIntExact((long) i * size / count);
        }
        return rows;
    }

    private static Evaluation.Metrics metrics(Dataset data, int count, BatchedCostFunction scorer, Network network,
                                              BooleanSupplier cancelled) {
        int[] rows = evenlySpaced(data.size(), count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(rows[i]);
        }
        return Evaluation.evaluate(scorer, network, evenRows(data, rows), labels, count, 0.0, cancelled);
    }

    /** {@code data}'s rows {@code rows[0]}, {@code rows[1]}, … as rows 0, 1, … of a view (read when asked). */
    private static InputRows evenRows(Dataset data, int[] rows) {
        int inputs = data.inputSize();
        return new InputRows() {
            @Override
            public int size() {
                return rows.length;
            }

            @Override
            public int inputSize() {
                return inputs;
            }

            @Override
            public void copyRows(int first, int count, double[] out, int offset) {
                for (int i = 0; i < count; i++) {
                    data.copyRows(rows[first + i], 1, out, offset + i * inputs);
                }
            }
        };
    }
}
