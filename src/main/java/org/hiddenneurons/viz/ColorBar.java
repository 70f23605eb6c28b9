package org.hiddenneurons.viz;

import java.util.Locale;

/**
 * The legend of a {@link DivergingPalette}: a horizontal bar from −maxAbs (left) through 0 (centre)
 * to +maxAbs (right), and the labels of its ends and centre. Pure functions, no drawing toolkit.
 */
public final class ColorBar {

    /** Significant digits of the end labels. */
    public static final int LABEL_DIGITS = 3;
    /** The minus sign used in labels (U+2212, the typographic minus). */
    public static final String MINUS = "\u2212";

    private ColorBar() {
    }

    /**
     * The value column {@code x} of a bar {@code width} pixels wide shows, as a fraction of maxAbs:
     * −1 at x = 0, +1 at x = width − 1 (0 in the middle when width is odd).
     */
    public static double fractionAt(int x, int width) {
        return width <= 1 ? 0.0 : -1.0 + 2.0 * x / (width - 1);
    }

    /**
     * The bar's pixels.
     *
     * @return width×height opaque ARGB values, row-major; every row is the same
     */
    public static int[] horizontal(DivergingPalette palette, int width, int height) {
        int[] pixels = new int[width * height];
        for (int x = 0; x < width; x++) {
            int colour = palette.argb(fractionAt(x, width), 1.0);
            for (int y = 0; y < height; y++) {
                pixels[y * width + x] = colour;
            }
        }
        return pixels;
    }

    /** The labels of the left end, centre and right end: e.g. {"−0.823", "0", "+0.823"}. */
    public static String[] labels(double maxAbs) {
        String magnitude = String.format(Locale.ROOT, "%." + LABEL_DIGITS + "g", maxAbs);
        return new String[] {MINUS + magnitude, "0", "+" + magnitude};
    }

    /** The labels when each unit has its own scale: {"−max|w|", "0", "+max|w|"}. */
    public static String[] perUnitLabels() {
        return new String[] {MINUS + "max|w|", "0", "+max|w|"};
    }
}
