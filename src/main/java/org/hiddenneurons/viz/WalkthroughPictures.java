package org.hiddenneurons.viz;


/**
 * The walkthrough's images as ARGB pixels (pure, shared by the view and the handout): inputs in
 * gray, signed values (weights, products, Δ rows) on a diverging palette symmetric around 0.
 */
public final class WalkthroughPictures {

    /** Gray of an input value 0 (background) and 1 (full ink): dark ink on a light ground. */
    static final int BACKGROUND_GRAY = 0xff;
    static final int INK_GRAY = 0x10;

    private WalkthroughPictures() {
    }

    /**
     * An input image: 0 → light, 1 → dark.
     *
     * @param values read from {@code offset}, {@code count} values in [0, 1], not modified
     */
    public static int[] gray(double[] values, int offset, int count) {
        int[] argb = new int[count];
        for (int i = 0; i < count; i++) {
            double v = Math.max(0, Math.min(1, values[offset + i]));
            int level = (int) Math.round(BACKGROUND_GRAY + (INK_GRAY - BACKGROUND_GRAY) * v);
            argb[i] = 0xff000000 | level << 16 | level << 8 | level;
        }
        return argb;
    }

    /**
     * Signed values on {@code palette} from −maxAbs to +maxAbs.
     *
     * @param values read from {@code offset}, not modified
     */
    public static int[] diverging(double[] values, int offset, int count, double maxAbs, DivergingPalette palette) {
        int[] argb = new int[count];
        for (int i = 0; i < count; i++) {
            argb[i] = palette.argb(values[offset + i], maxAbs);
        }
        return argb;
    }

    /** max |v| over values[offset .. offset+count−1]. */
    public static double maxAbs(double[] values, int offset, int count) {
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, Math.abs(values[offset + i]));
        }
        return max;
    }

    /** −values (a new array): −Δ1 is the direction the weights move. */
    public static double[] negated(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    /** after − before, element-wise (a new array). */
    public static double[] difference(double[] after, double[] before) {
        double[] out = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            out[i] = after[i] - before[i];
        }
        return out;
    }
}
