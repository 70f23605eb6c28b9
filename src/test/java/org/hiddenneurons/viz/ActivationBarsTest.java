package org.hiddenneurons.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hiddenneurons.core.Activation;
import org.junit.jupiter.api.Test;

/** Each activation's bar on its own range (issue 17 §2: no more clamping tanh and ReLU to 0…1). */
class ActivationBarsTest {

    private static final double EXACT = 1e-15;

    @Test
    void sigmoidFillsFromTheLeftOverZeroToOne() {
        assertBar(0, 0.25, ActivationBars.bar(Activation.SIGMOID, 0.25, 0));
        assertBar(0, 1, ActivationBars.bar(Activation.SIGMOID, 1, 0));
    }

    @Test
    void tanhIsCentredOnZeroAndNegativeValuesGrowToTheLeft() {
        assertBar(0.5, 0.75, ActivationBars.bar(Activation.TANH, 0.5, 0));
        assertBar(0.2, 0.5, ActivationBars.bar(Activation.TANH, -0.6, 0));
        assertBar(0, 0.5, ActivationBars.bar(Activation.TANH, -1, 0));
        assertEquals(0.6, ActivationBars.strength(Activation.TANH, ActivationBars.bar(Activation.TANH, -0.6, 0)), 1e-12);
    }

    @Test
    void reluIsScaledByTheLargestActivationNowNotClampedAtOne() {
        ActivationBars.Bar[] bars = ActivationBars.bars(Activation.RELU, new double[] {0, 1.5, 6, 3});
        assertBar(0, 0, bars[0]);
        assertBar(0, 0.25, bars[1]);
        assertBar(0, 1, bars[2]);
        assertBar(0, 0.5, bars[3]);
        ActivationBars.Bar[] silent = ActivationBars.bars(Activation.RELU, new double[] {0, 0});
        assertBar(0, 0, silent[1]);
    }

    @Test
    void noActivationShowsNoBar() {
        for (Activation g : Activation.values()) {
            assertEquals(ActivationBars.Bar.NONE, ActivationBars.bar(g, Double.NaN, 1));
        }
    }

    private static void assertBar(double from, double to, ActivationBars.Bar bar) {
        assertEquals(from, bar.from(), EXACT, "from");
        assertEquals(to, bar.to(), EXACT, "to");
    }
}
