package org.hiddenneurons.core.walkthrough;

import java.util.Locale;

/** How the walkthrough writes numbers for people (tables, handout); files use full precision. */
public final class WalkthroughFormat {

    /** Significant digits shown in tables. */
    public static final int SIGNIFICANT_DIGITS = 6;
    /** Magnitudes below this (and not 0) or at least {@link #LARGE} are written in scientific notation. */
    static final double SMALL = 1e-4;
    static final double LARGE = 1e6;
    /** The minus sign (U+2212), as the rest of the app writes it. */
    public static final char MINUS = '\u2212';

    private WalkthroughFormat() {
    }

    /**
     * {@value #SIGNIFICANT_DIGITS} significant digits, true minus sign, scientific notation for
     * very small or large magnitudes ("0.0123457", "−1.50000", "3.21000×10⁻⁶" is written
     * "3.21000e−06"); "" for NaN.
     */
    public static String display(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : MINUS + "\u221e";
        }
        double magnitude = Math.abs(value);
        String text;
        if (value == 0) {
            text = "0";
        } else if (magnitude < SMALL || magnitude >= LARGE) {
            text = String.format(Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", value);
        } else {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            int decimals = Math.max(0, SIGNIFICANT_DIGITS - 1 - exponent);
            text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        return text.replace('-', MINUS);
    }
}
