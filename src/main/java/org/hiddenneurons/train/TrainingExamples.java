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
 * A data set's samples as the {@link Trainer} hands them to the kernels, in one of three forms:
 * <ul>
 *   <li>listed: a small data set (at most {@link #DENSE_LIMIT_BYTES} as doubles, e.g. the 4000
 *       training digits, 12.8 MB) of sparse images (at most {@link BatchedCostFunction#LISTED_NONZERO_SHARE} of the
 *       pixels nonzero, e.g. the sheet's digits, 25 %) is copied into one array of doubles with
 *       its {@link NonzeroIndex}, built once on first use — the fastest for such images, since
 *       every epoch's scoring and every mini-batch reuse the lists of nonzero pixels;</li>
 *   <li>rows: a small data set of denser images (the default's deskewed, blurred digits: 65 %
 *       nonzero) is read as it is, a block of rows at a time by the cost function and one sample
 *       at a time into the mini-batch: the kernels run their dense loops on such images, so lists
 *       would go unused, and a copy would only cost memory;</li>
 *   <li>large (e.g. 60 000 Fashion-MNIST images, 376 MB as doubles): read as rows too; the data
 *       set may hold one byte per pixel ({@link Dataset#isCompact()}), and gathered mini-batches
 *       are listed anew.</li>
 * </ul>
 * All give the same doubles, so the same J, gradients and scores.
 *
 * <p>Thread-safe: the listed form is built under a lock; afterwards it is only read.
 */
final class TrainingExamples {

    /** Largest data set (size·inputs·8 bytes of doubles) that may be copied and listed. */
    static final long DENSE_LIMIT_BYTES = 32L << 20;
    /** Rows read at a time while counting nonzero pixels. */
    private static final int COUNT_ROWS = 64;

    private final Dataset data;
    private final boolean small;
    /** Whether the form of a small data set has been chosen. */
    private boolean chosen;
    /** The listed form's pixels and their index; null before, and for the other forms. */
    private double[] pixels;
    private NonzeroIndex index;

    TrainingExamples(Dataset data) {
        this(data, (long) data.size() * data.inputSize() * Double.BYTES <= DENSE_LIMIT_BYTES);
    }

    /** @param small whether the data set may be listed (tests: every form gives the same numbers) */
    TrainingExamples(Dataset data, boolean small) {
        this.data = data;
        this.small = small;
    }

    Dataset data() {
        return data;
    }

    /** The listed form's index, built on first use (on the caller's thread); null for the other forms. */
    private synchronized NonzeroIndex index() {
        if (small && !chosen) {
            chosen = true;
            if (BatchedCostFunction.worthListing(nonzeroShare(data))) {
                pixels = data.pixels();
                index = NonzeroIndex.of(pixels, 0, data.size(), data.inputSize());
            }
        }
        return index;
    }

    /** Whether the data set is small (may be listed, see the class comment). */
    boolean small() {
        return small;
    }

    /** Whether the samples are in the listed form (see the class comment). */
    boolean listed() {
        return index() != null;
    }

    /** The share of nonzero pixels over the whole data set (read a block of rows at a time). */
    private static double nonzeroShare(Dataset data) {
        int inputs = data.inputSize();
        double[] rows = new double[COUNT_ROWS * inputs];
        long nonzero = 0;
        for (int first = 0; first < data.size(); first += COUNT_ROWS) {
            int count = Math.min(COUNT_ROWS, data.size() - first);
            data.copyRows(first, count, rows, 0);
            for (int i = 0; i < count * inputs; i++) {
                nonzero += rows[i] != 0.0 ? 1 : 0;
            }
        }
        return nonzero / Math.max(1.0, (double) data.size() * inputs);
    }

    /**
     * Copies sample {@code sample}'s pixels into {@code out} from {@code offset} on.
     *
     * @param out Modified: inputSize values.
     */
    void copySample(int sample, double[] out, int offset) {
        if (index() == null) {
            data.copyRows(sample, 1, out, offset);
        } else {
            int inputs = data.inputSize();
            System.arraycopy(pixels, sample * inputs, out, offset, inputs);
        }
    }

    /**
     * Points {@code batchIndex} at the batch gathered (by {@link #copySample}) into {@code batchPixels}
     * from samples order[from..from+count): the listed form copies the samples' lists of nonzero
     * pixels, the large form lists them anew, the rows form of a small data set does nothing.
     *
     * @return whether batchIndex now lists the batch (else evaluate batchPixels)
     */
    boolean indexBatch(NonzeroIndex batchIndex, int[] order, int from, int count, double[] batchPixels) {
        NonzeroIndex listed = index();
        if (listed != null) {
            batchIndex.gather(listed, order, from, count, batchPixels);
            return true;
        }
        if (!small) {
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
        return function.evaluate(network, data, data.labels(), data.size(), lambda, out, cancelled);
    }

    /** Loss (λ as given) and accuracy over all samples, as {@link Evaluation#evaluate}. */
    Evaluation.Metrics metrics(BatchedCostFunction scorer, Network network, double lambda, BooleanSupplier cancelled) {
        NonzeroIndex listed = index();
        if (listed != null) {
            return Evaluation.evaluate(scorer, network, listed, data.labels(), data.size(), lambda, cancelled);
        }
        return Evaluation.evaluate(scorer, network, data, data.labels(), data.size(), lambda, cancelled);
    }
}
