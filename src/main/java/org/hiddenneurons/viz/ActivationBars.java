package org.hiddenneurons.viz;

import org.hiddenneurons.core.Activation;

/**
 * Where a hidden unit's activation bar starts and ends, as fractions of the bar's track, on the
 * activation's own range: sigmoid 0…1 (the bar grows from the left), tanh −1…1 (0 in the middle,
 * negative values grow to the left), ReLU 0…the largest activation among the units now (it has no
 * upper bound, so the most active unit fills the track; all silent: empty bars). A pure function.
 */
public final class ActivationBars {

    /**
     * One bar: the filled span [from, to] of the track, 0 ≤ from ≤ to ≤ 1.
     *
     * @param from start of the filled part
     * @param to   end of the filled part
     */
    public record Bar(double from, double to) {
        /** The empty bar (NaN activation: no drawing). */
        public static final Bar NONE = new Bar(0, 0);

        /** Length of the filled part relative to its largest possible length (1 for sigmoid and ReLU, 1/2 for tanh). */
        public double length() {
            return to - from;
        }
    }

    private ActivationBars() {
    }

    /** The bar of every value in {@code activations} (a², bias excluded) for activation {@code g}. */
    public static Bar[] bars(Activation g, double[] activations) {
        double reluMax = 0;
        if (g == Activation.RELU) {
            for (double a : activations) {
                if (a > reluMax) {
                    reluMax = a;
                }
            }
        }
        Bar[] bars = new Bar[activations.length];
        for (int j = 0; j < bars.length; j++) {
            bars[j] = bar(g, activations[j], reluMax);
        }
        return bars;
    }

    /**
     * The bar of one activation.
     *
     * @param reluMax the largest ReLU activation among the units now (ignored for the other activations)
     */
    public static Bar bar(Activation g, double a, double reluMax) {
        if (Double.isNaN(a)) {
            return Bar.NONE;
        }
        return switch (g) {
            case SIGMOID -> new Bar(0, clamp01(a));
            case TANH -> {
                double end = 0.5 + 0.5 * Math.max(-1, Math.min(1, a));
                yield new Bar(Math.min(0.5, end), Math.max(0.5, end));
            }
            case RELU -> new Bar(0, reluMax > 0 ? clamp01(a / reluMax) : 0);
        };
    }

    /** How strongly a unit glows, 0…1: the bar's length on its own scale (tanh counts both directions). */
    public static double strength(Activation g, Bar bar) {
        return g == Activation.TANH ? 2 * bar.length() : bar.length();
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
