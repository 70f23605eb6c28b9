package org.hiddenneurons.viz;

/**
 * A diverging colour scale symmetric around 0 (warm positive, blue negative, as EJML's
 * DMatrixComponent draws weights): value v maps to the entry for v / maxAbs in [−1, 1].
 * A pure lookup table of {@value #LEVELS} ARGB colours, built once by linear interpolation (in
 * sRGB) between evenly spaced colour stops from −maxAbs through 0 to +maxAbs.
 *
 * <p>Two families, each with a light-background and a dark-background variant: the classic
 * red–blue ({@link #BLUE_WHITE_RED}, {@link #BLUE_BLACK_RED}) and a colour-blind-safe blue–orange
 * ({@link #BLUE_WHITE_ORANGE}, {@link #BLUE_BLACK_ORANGE}) whose two signs stay apart under
 * protanopia, deuteranopia and tritanopia (DivergingPaletteColourVisionTest simulates all three).
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

    /**
     * Colour-blind safe, light backgrounds: dark blue – light blue – near-white – light orange –
     * burnt orange (in the spirit of ColorBrewer's PuOr/BrBG). The two ends differ in hue along the
     * blue–yellow axis that protan and deutan viewers keep, and in red–green that tritan viewers keep;
     * lightness falls evenly from the middle out on both sides.
     */
    public static final DivergingPalette BLUE_WHITE_ORANGE =
            through(0x2c5aa0, 0x8fb3de, 0xf7f7f7, 0xf0a860, 0xa8500a);
    /** Colour-blind safe, dark backgrounds: light blue – near-black – light orange (in the spirit of Crameri's "berlin"). */
    public static final DivergingPalette BLUE_BLACK_ORANGE =
            through(0x6aa8ff, 0x2a4a78, 0x1a1a1a, 0x70461c, 0xf0a040);

    private final int[] table = new int[LEVELS];

    /**
     * @param negative RGB of −maxAbs
     * @param zero     RGB of 0
     * @param positive RGB of +maxAbs
     */
    public DivergingPalette(int negative, int zero, int positive) {
        this(new int[] {negative, zero, positive});
    }

    private DivergingPalette(int[] stops) {
        int middle = LEVELS / 2;
        int segments = stops.length - 1;
        for (int i = 0; i < LEVELS; i++) {
            double position = i / (double) (LEVELS - 1) * segments; // 0 … segments
            int segment = Math.min((int) position, segments - 1);
            table[i] = blend(stops[segment], stops[segment + 1], position - segment);
        }
        table[middle] = 0xff000000 | stops[segments / 2]; // exactly the neutral colour, whatever the rounding
    }

    /**
     * A palette through evenly spaced RGB stops, from −maxAbs to +maxAbs; the middle stop is 0.
     *
     * @param stops an odd number (at least 3) of RGB colours, negative end first
     * @throws IllegalArgumentException if the number of stops is even or below 3
     */
    public static DivergingPalette through(int... stops) {
        if (stops.length < 3 || stops.length % 2 == 0) {
            throw new IllegalArgumentException("a diverging palette needs an odd number (≥ 3) of stops, got "
                    + stops.length);
        }
        return new DivergingPalette(stops.clone());
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
