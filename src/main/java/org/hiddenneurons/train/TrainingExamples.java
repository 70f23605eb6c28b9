package org.hiddenneurons.train;

import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.data.Dataset;

/**
 * A data set's samples as the {@link Trainer} hands them to the kernels, in one of two forms:
 * <ul>
 *   <li>small (at most {@link #DENSE_LIMIT_BYTES} as doubles, e.g. the 4000 training digits, 12.8 MB):
 *       one array of doubles, built once on first use, with its {@link NonzeroIndex} when at most
 *       {@link #LISTED_NONZERO_SHARE} of the pixels are nonzero — the fastest, since every epoch's
 *       scoring and every mini-batch reuse the lists of nonzero pixels; denser images (the
 *       default's blurred digits: 65 % nonzero) get no lists, as the kernels run their dense
 *       loops on them anyway;</li>
 *   <li>large (e.g. 60 000 Fashion-MNIST images, 376 MB as doubles): the data set itself, which may
 *       hold one byte per pixel ({@link Dataset#isCompact()}); rows are decoded a block at a time
 *       by the cost function and one sample at a time into the mini-batch.</li>
 * </ul>
 * Both give the same doubles, so the same J, gradients and scores.
 *
 * <p>Thread-safe: the dense form is built under a lock; afterwards it is only read.
 */
final class TrainingExamples {

    /** Largest data set (size·inputs·8 bytes of doubles) kept as one array of doubles. */
    static final long DENSE_LIMIT_BYTES = 32L << 20;
    /**
     * Largest share of nonzero pixels for which the array gets its lists of nonzero pixels (the
     * kernels' sparse loops pay below about half, core.kernel.SparseInputLayer).
     */
    static final double LISTED_NONZERO_SHARE = 0.5;

    private final Dataset data;
    private final boolean dense;
    /** The dense form's pixels, once built; null before and for a large data set. */
    private double[] pixels;
    /** Their lists of nonzero pixels, or null (before, for a large data set, or for dense images). */
    private NonzeroIndex index;

    TrainingExamples(Dataset data) {
        this(data, (long) data.size() * data.inputSize() * Double.BYTES <= DENSE_LIMIT_BYTES);
    }

    /** @param dense whether to use the dense form (tests: both forms give the same numbers) */
    TrainingExamples(Dataset data, boolean dense) {
        this.data = data;
        this.dense = dense;
    }

    Dataset data() {
        return data;
    }

    /**
     * The dense form's pixels (all samples, row after row), built on first use (on the caller's
     * thread) with their index if they are sparse enough; null for a large data set. Do not modify.
     */
    synchronized double[] densePixels() {
        if (dense && pixels == null) {
            double[] all = data.pixels();
            int nonzero = 0;
            for (double value : all) {
                nonzero += value != 0.0 ? 1 : 0;
            }
            if (nonzero <= LISTED_NONZERO_SHARE * all.length) {
                index = NonzeroIndex.of(all, 0, data.size(), data.inputSize());
            }
            pixels = all;
        }
        return pixels;
    }

    /** The dense form's lists of nonzero pixels, or null (a large data set, or dense images). */
    private synchronized NonzeroIndex index() {
        densePixels();
        return index;
    }

    /** Whether the dense form has lists of nonzero pixels (see the class comment). */
    boolean listed() {
        return index() != null;
    }

    /**
     * Copies sample {@code sample}'s pixels into {@code out} from {@code offset} on.
     *
     * @param out Modified: inputSize values.
     */
    void copySample(int sample, double[] out, int offset) {
        double[] all = densePixels();
        if (all == null) {
            data.copyRows(sample, 1, out, offset);
        } else {
            int inputs = data.inputSize();
            System.arraycopy(all, sample * inputs, out, offset, inputs);
        }
    }

    /**
     * Points {@code batchIndex} at the batch gathered (by {@link #copySample}) into {@code batchPixels}
     * from samples order[from..from+count): the dense form with lists copies the samples' lists of
     * nonzero pixels, the large form lists them anew, the dense form without lists does nothing.
     *
     * @return whether batchIndex now lists the batch (else evaluate batchPixels)
     */
    boolean indexBatch(NonzeroIndex batchIndex, int[] order, int from, int count, double[] batchPixels) {
        NonzeroIndex listed = index();
        if (listed != null) {
            batchIndex.gather(listed, order, from, count, batchPixels);
            return true;
        }
        if (pixels == null) {
            batchIndex.build(batchPixels, 0, count, data.inputSize());
            return true;
        }
        return false;
    }

    /** J and (into {@code out}) the gradients over all samples, as {@link CostFunction#evaluate}. */
    double cost(CostFunction function, Network network, double lambda, Gradients out, BooleanSupplier cancelled) {
        NonzeroIndex listed = index();
        if (listed != null) {
            return function.evaluate(network, listed, data.labels(), data.size(), lambda, out, cancelled);
        }
        return pixels != null ? function.evaluate(network, pixels, data.labels(), data.size(), lambda, out, cancelled)
                : function.evaluate(network, data, data.labels(), data.size(), lambda, out, cancelled);
    }

    /** Loss (λ as given) and accuracy over all samples, as {@link Evaluation#evaluate}. */
    Evaluation.Metrics metrics(BatchedCostFunction scorer, Network network, double lambda, BooleanSupplier cancelled) {
        NonzeroIndex listed = index();
        if (listed != null) {
            return Evaluation.evaluate(scorer, network, listed, data.labels(), data.size(), lambda, cancelled);
        }
        return pixels != null ? Evaluation.evaluate(scorer, network, pixels, data.labels(), data.size(), lambda, cancelled)
                : Evaluation.evaluate(scorer, network, data, data.labels(), data.size(), lambda, cancelled);
    }
}
