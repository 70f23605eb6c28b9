package org.hiddenneurons.eval;

import java.util.Arrays;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;

/**
 * Where a network fails on a data set: count[t][p] = number of samples of true class t that the
 * network predicts as p (argmax of a3), the samples in each cell, and each sample's outputs a3.
 * Rows are true classes, columns predictions; the diagonal holds the correct answers.
 *
 * <p>Immutable and thread-safe: build it off the UI thread with {@link #of(Network, Dataset)}.
 */
public final class ConfusionMatrix {

    private final int classCount;
    private final int[] labels;
    private final int[] predicted;
    /** size×classCount row-major: a3 of each sample. */
    private final double[] outputs;
    private final int[] counts;
    /** cellIndices[t·classCount + p]: sample indices of that cell, ascending. */
    private final int[][] cellIndices;

    private ConfusionMatrix(int classCount, int[] labels, int[] predicted, double[] outputs) {
        this.classCount = classCount;
        this.labels = labels;
        this.predicted = predicted;
        this.outputs = outputs;
        counts = new int[classCount * classCount];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i] * classCount + predicted[i]]++;
        }
        cellIndices = new int[classCount * classCount][];
        int[] fill = new int[classCount * classCount];
        for (int cell = 0; cell < cellIndices.length; cell++) {
            cellIndices[cell] = new int[counts[cell]];
        }
        for (int i = 0; i < labels.length; i++) {
            int cell = labels[i] * classCount + predicted[i];
            cellIndices[cell][fill[cell]++] = i;
        }
    }

    /**
     * Runs the network on every sample of {@code data} (forward passes only).
     *
     * @param network not modified; must not be modified by another thread meanwhile
     * @param data    its images must have the network's input size and labels below its output count
     * @throws IllegalArgumentException if they do not fit together
     */
    public static ConfusionMatrix of(Network network, Dataset data) {
        int inputs = network.spec().inputSize();
        int classes = network.spec().outputSize();
        if (data.inputSize() != inputs) {
            throw new IllegalArgumentException(data.name() + " has " + data.width() + "x" + data.height()
                    + " images, the network expects " + network.spec().inputWidth() + "x" + network.spec().inputHeight());
        }
        int size = data.size();
        int[] predicted = new int[size];
        double[] outputs = new double[size * classes];
        double[] example = new double[inputs];
        for (int i = 0; i < size; i++) {
            data.copyRows(i, 1, example, 0);
            double[] a3 = network.predict(example);
            System.arraycopy(a3, 0, outputs, i * classes, classes);
            predicted[i] = Network.argMax(a3);
        }
        return of(classes, data.labels(), predicted, outputs);
    }

    /**
     * From predictions already made.
     *
     * @param labels    true class per sample, 0..classCount−1. Copied
     * @param predicted predicted class per sample. Copied
     * @param outputs   labels.length×classCount network outputs (row-major), or null. Copied
     */
    public static ConfusionMatrix of(int classCount, int[] labels, int[] predicted, double[] outputs) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be positive, got " + classCount);
        }
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        if (outputs != null && outputs.length != labels.length * classCount) {
            throw new IllegalArgumentException("outputs hold " + outputs.length + " values, expected "
                    + labels.length + "x" + classCount);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount || predicted[i] < 0 || predicted[i] >= classCount) {
                throw new IllegalArgumentException("sample " + i + ": label " + labels[i] + " / prediction "
                        + predicted[i] + " outside 0.." + (classCount - 1));
            }
        }
        return new ConfusionMatrix(classCount, labels.clone(), predicted.clone(),
                outputs == null ? null : outputs.clone());
    }

    public int classCount() {
        return classCount;
    }

    /** The number of samples (the sum of all counts). */
    public int total() {
        return labels.length;
    }

    /** Samples of true class {@code trueClass} predicted as {@code predictedClass}. */
    public int count(int trueClass, int predictedClass) {
        return counts[cell(trueClass, predictedClass)];
    }

    /** The indices (into the data set) of the samples in that cell, ascending. A copy. */
    public int[] indices(int trueClass, int predictedClass) {
        return cellIndices[cell(trueClass, predictedClass)].clone();
    }

    /** Samples whose true class is {@code trueClass} (the row sum). */
    public int classTotal(int trueClass) {
        int sum = 0;
        for (int p = 0; p < classCount; p++) {
            sum += counts[cell(trueClass, p)];
        }
        return sum;
    }

    /** count(t, t) / classTotal(t): the fraction of class t recognised (recall); NaN without samples. */
    public double classAccuracy(int trueClass) {
        int total = classTotal(trueClass);
        return total == 0 ? Double.NaN : count(trueClass, trueClass) / (double) total;
    }

    /** The fraction of all samples on the diagonal; NaN for an empty data set. */
    public double accuracy() {
        return total() == 0 ? Double.NaN : correct() / (double) total();
    }

    /** The number of samples on the diagonal. */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < classCount; c++) {
            sum += count(c, c);
        }
        return sum;
    }

    /** The largest count of any cell (0 for an empty data set). */
    public int maxCount() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** {trueClass, predictedClass} of the off-diagonal cell with the most samples, or null if none is wrong. */
    public int[] mostConfused() {
        int[] best = null;
        int bestCount = 0;
        for (int t = 0; t < classCount; t++) {
            for (int p = 0; p < classCount; p++) {
                if (t != p && count(t, p) > bestCount) {
                    bestCount = count(t, p);
                    best = new int[] {t, p};
                }
            }
        }
        return best;
    }

    public int label(int sample) {
        return labels[sample];
    }

    public int predicted(int sample) {
        return predicted[sample];
    }

    /** True if the network outputs of each sample were kept ({@link #of(Network, Dataset)} keeps them). */
    public boolean hasOutputs() {
        return outputs != null;
    }

    /** The network's outputs a3 for one sample (a copy). */
    public double[] outputs(int sample) {
        if (outputs == null) {
            throw new IllegalStateException("built without outputs");
        }
        return Arrays.copyOfRange(outputs, sample * classCount, (sample + 1) * classCount);
    }

    /** The {@code k} classes with the largest outputs for one sample, largest first. */
    public int[] topClasses(int sample, int k) {
        double[] a3 = outputs(sample);
        Integer[] order = new Integer[classCount];
        for (int c = 0; c < classCount; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(a3[b], a3[a]));
        int[] top = new int[Math.min(k, classCount)];
        for (int i = 0; i < top.length; i++) {
            top[i] = order[i];
        }
        return top;
    }

    private int cell(int trueClass, int predictedClass) {
        if (trueClass < 0 || trueClass >= classCount || predictedClass < 0 || predictedClass >= classCount) {
            throw new IndexOutOfBoundsException("cell (" + trueClass + ", " + predictedClass + ") outside "
                    + classCount + "x" + classCount);
        }
        return trueClass * classCount + predictedClass;
    }
}
