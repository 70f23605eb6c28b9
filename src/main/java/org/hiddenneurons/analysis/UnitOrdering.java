package org.hiddenneurons.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders hidden units by a score (importance, activation on the current drawing) for a grid that
 * sorts or colours its tiles.
 */
public final class UnitOrdering {

    /** What to order or colour the units by. */
    public enum Key {
        /** Unit number: the network's own order. */
        NUMBER,
        /** Test accuracy lost when the unit is switched off (largest first). */
        IMPORTANCE,
        /** Activation on the current drawing (largest first). */
        ACTIVATION
    }

    private UnitOrdering() {
    }

    /**
     * The unit indices sorted by score, largest first; ties and NaN scores keep the unit order
     * (NaN last).
     *
     * @param scores one per unit, not modified; null: the identity order
     */
    public static int[] descending(double[] scores, int hiddenSize) {
        Integer[] order = new Integer[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) {
            order[j] = j;
        }
        if (scores != null) {
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> Double.isNaN(scores[j])
                    ? Double.POSITIVE_INFINITY : -scores[j]).thenComparingInt(j -> j));
        }
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Scores scaled to [0, 1] for colouring tiles: (s − min)/(max − min); all 0 when every score is
     * equal; NaN stays NaN.
     *
     * @param scores not modified
     */
    public static double[] normalised(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        double[] out = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            out[j] = Double.isNaN(scores[j]) ? Double.NaN : max > min ? (scores[j] - min) / (max - min) : 0.0;
        }
        return out;
    }

    /** True if {@code order} holds each of 0..count−1 exactly once (a display order of count units). */
    public static boolean isPermutation(int[] order, int count) {
        if (order == null || order.length != count) {
            return false;
        }
        boolean[] seen = new boolean[count];
        for (int unit : order) {
            if (unit < 0 || unit >= count || seen[unit]) {
                return false;
            }
            seen[unit] = true;
        }
        return true;
    }
}
