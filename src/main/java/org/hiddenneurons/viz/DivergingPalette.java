package org.hiddenneurons.viz;

/**
 * A diverging colour scale symmetric around 0 (red positive, blue negative, as EJML's
 * DMatrixComponent draws weights): value v maps to the entry for v / maxAbs in [−1, 1].
 * A pure lookup table of {@value #LEVELS} ARGB colours, built once.
 */
public final class DivergingPalette {

    /** Number of entries in the table (odd, so that 0 has its own neutral colour). */
    public static final int LEVELS = 255;

    /** Blue – near-white – red, for light backgrounds. */
    public static final DivergingPalette BLUE_WHITE_RED =
            new DivergingPalette(0x2166ac, 0xf7f7f7, 0xb2182b);
    /** Blue – near-black – red, for dark backgrounds. */
    public static final DivergingPalette BLUE_BLACK_RED =
            new DivergingPalette(0x4393c3, 0x1a1a1a, 0xd6604d);

    private final int[] table = new int[LEVELS];

    /**
     * @param negative RGB of −maxAbs
     * @param zero     RGB of 0
     * @param positive RGB of +maxAbs
     */
    public DivergingPalette(int negative, int zero, int positive) {
        int middle = LEVELS / 2;
        for (int i = 0; i < LEVELS; i++) {
            double t = (i - middle) / (double) middle; // −1 … 1
            table[i] = t < 0 ? blend(zero, negative, -t) : blend(zero, positive, t);
        }
    }

    /** The ARGB colour (opaque) of {@code value} on a scale from −maxAbs to +maxAbs; NaN maps to 0. */
    public int argb(double value, double maxAbs) {
        return table[index(value, maxAbs)];
    }

    /** The table index of {@code value}: 0 for ≤ −maxAbs, LEVELS−1 for ≥ +maxAbs, the middle for 0. */
    public static int index(double value, double maxAbs) {
        int middle = LEVELS / 2;
        if (!(maxAbs > 0) || Double.isNaN(value)) {
            return middle;
        }
        double t = Math.max(-1.0, Math.min(1.0, value / maxAbs));
        return middle + (int) Math.round(t * middle);
    }

    /** The colour of table entry {@code i}. */
    public int entry(int i) {
        return table[i];
    }

    private static int blend(int from, int to, double t) {
        int r = mix((from >> 16) & 0xff, (to >> 16) & 0xff, t);
        int g = mix((from >> 8) & 0xff, (to >> 8) & 0xff, t);
        int b = mix(from & 0xff, to & 0xff, t);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
