package org.hiddenneurons.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;

/**
 * One hidden unit across the whole activation range: a histogram of a_j over the training set on
 * the activation's own range, example digits at several points of the range (not only the
 * extremes), and whether the unit is saturated (always on or always off).
 *
 * @param unit       j, 0-based
 * @param low        left edge of the first bin (sigmoid 0, tanh −1, ReLU 0)
 * @param high       right edge of the last bin (sigmoid 1, tanh 1, ReLU the largest a_j seen, or 1 if all 0)
 * @param counts     examples per bin; bin b holds low + b·w ≤ a < low + (b+1)·w, w = (high − low)/bins,
 *                   the last bin also holds a = high
 * @param quantiles  the points of the range examples are shown at, as shares of the sorted examples
 * @param examples   per quantile q, the training indices of the {@code perPoint} examples nearest rank
 *                   q·(m − 1) in activation order
 * @param saturation always on, always off, or neither
 */
public record ActivationRange(int unit, double low, double high, int[] counts, double[] quantiles,
                              int[][] examples, Saturation saturation) {

    /** Bins of the histogram. */
    public static final int BINS = 20;
    /** Where examples are shown: the minimum, 10 %, 25 %, median, 75 %, 90 %, maximum. */
    private static final double[] QUANTILES = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};

    /** The points of the range at which example digits are shown (fractions of the sorted training set). */
    public static double[] quantilePoints() {
        return QUANTILES.clone();
    }

    /** Examples per point of the range. */
    public static final int PER_POINT = 3;
    /** Share of examples beyond a threshold that makes a unit "always" on or off. */
    public static final double SATURATED_SHARE = 0.95;
    /** Sigmoid/tanh: on above this fraction of the range from the bottom, off below 1 − it. */
    public static final double SATURATED_LEVEL = 0.9;

    /** A unit's saturation over the training set. */
    public enum Saturation {
        /** Neither: its activation varies with the input. */
        NONE,
        /** At least {@link #SATURATED_SHARE} of the examples near the top of the range. */
        ALWAYS_ON,
        /** At least {@link #SATURATED_SHARE} of the examples near the bottom (ReLU: exactly 0). */
        ALWAYS_OFF
    }

    /** Histogram, examples and saturation of unit {@code unit} from the training activations. */
    public static ActivationRange compute(HiddenActivations train, Activation g, int unit) {
        int m = train.count();
        double[] a = new double[m];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            a[i] = train.get(i, unit);
            max = Math.max(max, a[i]);
        }
        double low = g == Activation.TANH ? -1 : 0;
        double high = g == Activation.RELU ? (max > 0 ? max : 1) : 1;
        int[] counts = new int[BINS];
        for (double v : a) {
            counts[bin(v, low, high)]++;
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> a[i]).thenComparingInt(i -> i));
        int[][] examples = new int[QUANTILES.length][];
        for (int q = 0; q < QUANTILES.length; q++) {
            examples[q] = m == 0 ? new int[0] : near(order, (int) Math.round(QUANTILES[q] * (m - 1)));
        }
        return new ActivationRange(unit, low, high, counts, QUANTILES.clone(), examples, saturation(a, g));
    }

    /** The bin of value {@code v}: clamped into [0, BINS − 1]. */
    static int bin(double v, double low, double high) {
        int b = (int) Math.floor((v - low) / (high - low) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    /** {@link #PER_POINT} indices of {@code order} around position {@code rank}, kept inside the array. */
    private static int[] near(Integer[] order, int rank) {
        int count = Math.min(PER_POINT, order.length);
        int start = Math.max(0, Math.min(order.length - count, rank - count / 2));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = order[start + i];
        }
        return out;
    }

    /** Saturation of the activations {@code a} of one unit. */
    static Saturation saturation(double[] a, Activation g) {
        if (a.length == 0) {
            return Saturation.NONE;
        }
        int on = 0;
        int off = 0;
        for (double v : a) {
            switch (g) {
                case SIGMOID -> {
                    on += v > SATURATED_LEVEL ? 1 : 0;
                    off += v < 1 - SATURATED_LEVEL ? 1 : 0;
                }
                case TANH -> {
                    on += v > SATURATED_LEVEL ? 1 : 0;
                    off += v < -SATURATED_LEVEL ? 1 : 0;
                }
                case RELU -> off += v <= 0 ? 1 : 0; // ReLU has no top: only "dead" units saturate
            }
        }
        if (on >= SATURATED_SHARE * a.length) {
            return Saturation.ALWAYS_ON;
        }
        return off >= SATURATED_SHARE * a.length ? Saturation.ALWAYS_OFF : Saturation.NONE;
    }

    /** Saturation of every unit. */
    public static Saturation[] saturations(HiddenActivations train, Activation g) {
        Saturation[] out = new Saturation[train.hiddenSize()];
        double[] a = new double[train.count()];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = train.get(i, j);
            }
            out[j] = saturation(a, g);
        }
        return out;
    }

    /**
     * Saturation of every hidden unit of {@code network} over {@code data}: the hidden activations
     * a_j = g(Θ1[j,:]·[1; x]) of all m examples (m × hidden × (inputs + 1) products), then
     * {@link #saturations(HiddenActivations, Activation)}.
     */
    public static Saturation[] saturations(Network network, Dataset data) {
        return saturations(network, data, data.size());
    }

    /**
     * As {@link #saturations(Network, Dataset)} over at most {@code maxExamples} examples: all of
     * them when the set is no larger, else the evenly spaced examples ⌊i·m/n⌋, i = 0…n−1 (a 60 000
     * digit set is then counted on n of them, an estimate; the course's 4000 are counted whole).
     */
    public static Saturation[] saturations(Network network, Dataset data, int maxExamples) {
        int m = data.size();
        if (m <= maxExamples) {
            return saturations(HiddenActivations.compute(network, data.pixels(), m), network.spec().hiddenActivation());
        }
        int inputs = data.inputSize();
        double[] sample = new double[maxExamples * inputs];
        for (int i = 0; i < maxExamples; i++) {
            System.arraycopy(data.pixels(), (int) ((long) i * m / maxExamples) * inputs, sample, i * inputs, inputs);
        }
        return saturations(HiddenActivations.compute(network, sample, maxExamples), network.spec().hiddenActivation());
    }

    /** Width of one bin. */
    public double binWidth() {
        return (high - low) / BINS;
    }
}
