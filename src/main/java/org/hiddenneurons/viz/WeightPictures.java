package org.hiddenneurons.viz;

import org.hiddenneurons.core.NetworkSpec;

/**
 * Hidden unit j's incoming weights as a picture: row j of Θ1 without its bias, laid out
 * inputHeight × inputWidth (x fastest). Pure functions over the Θ1 array.
 */
public final class WeightPictures {

    private WeightPictures() {
    }

    /** How pictures share a colour scale. */
    public enum Scale {
        /** One maxAbs over all units: compares strengths between units. */
        SHARED,
        /** Each unit scaled by its own maxAbs: shows each unit's pattern best. */
        PER_UNIT
    }

    /** max |w| over unit j's picture (bias excluded). */
    public static double maxAbs(double[] theta1, NetworkSpec spec, int unit) {
        int cols = spec.inputSize() + 1;
        double max = 0.0;
        for (int i = 1; i < cols; i++) {
            max = Math.max(max, Math.abs(theta1[unit * cols + i]));
        }
        return max;
    }

    /** max |w| over all units' pictures (biases excluded). */
    public static double maxAbs(double[] theta1, NetworkSpec spec) {
        double max = 0.0;
        for (int j = 0; j < spec.hiddenSize(); j++) {
            max = Math.max(max, maxAbs(theta1, spec, j));
        }
        return max;
    }

    /**
     * Writes unit j's picture as ARGB pixels.
     *
     * @param out inputWidth×inputHeight ARGB values. Modified.
     */
    public static void render(double[] theta1, NetworkSpec spec, int unit, double maxAbs,
                              DivergingPalette palette, int[] out) {
        int cols = spec.inputSize() + 1;
        int base = unit * cols + 1;
        for (int i = 0; i < spec.inputSize(); i++) {
            out[i] = palette.argb(theta1[base + i], maxAbs);
        }
    }

    /**
     * The change of Θ1 between two snapshots, for the Δ view: Δ = current − previous, elementwise
     * (hidden × (inputs + 1), the same layout as Θ1, so {@link #render} and {@link #maxAbs} apply).
     *
     * @throws IllegalArgumentException if the arrays differ in length (different networks)
     */
    public static double[] delta(double[] current, double[] previous) {
        if (current.length != previous.length) {
            throw new IllegalArgumentException("cannot compare weights of different networks: "
                    + current.length + " against " + previous.length + " values");
        }
        double[] out = new double[current.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = current[i] - previous[i];
        }
        return out;
    }

    /** Columns of a near-square grid for {@code count} tiles: ⌈√count⌉ (5 for 25). */
    public static int gridColumns(int count) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(count)));
    }

    /** Rows of that grid: ⌈count / columns⌉. */
    public static int gridRows(int count) {
        return (count + gridColumns(count) - 1) / gridColumns(count);
    }
}
