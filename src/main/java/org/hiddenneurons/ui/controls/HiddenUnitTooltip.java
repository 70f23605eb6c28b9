package org.hiddenneurons.ui.controls;

import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.HiddenUnitGrid.Texts;

/** The hover texts of the hidden-unit tiles (and the pattern filling the grid's texts share). */
public final class HiddenUnitTooltip {

    private HiddenUnitTooltip() {
    }

    /**
     * The hover text of a unit, e.g. "Unit 7 · activation 0.83 · z 1.61 · bias −0.42 · weight at
     * (x 12, y 5): +0.137". Parts without data are left out.
     *
     * @param pass  may be null (no drawing)
     * @param pixel {x, y} of the weight under the pointer, or null
     */
    public static String text(Network network, ForwardPass pass, int unit, int[] pixel) {
        return text(network, pass, unit, pixel, Texts.current());
    }

    /** {@link #text(Network, ForwardPass, int, int[])} in the given texts. */
    public static String text(Network network, ForwardPass pass, int unit, int[] pixel, Texts texts) {
        NetworkSpec spec = network.spec();
        int cols = spec.inputSize() + 1;
        StringBuilder text = new StringBuilder(fill(texts.unit(), HiddenUnitGrid.displayNumber(unit)));
        if (pass != null) {
            text.append(texts.separator()).append(fill(texts.activation(), ColorBar.format(pass.a2()[unit + 1], 2)));
            text.append(texts.separator()).append(fill(texts.z(), ColorBar.format(pass.z2()[unit], 2)));
        }
        text.append(texts.separator()).append(fill(texts.bias(), ColorBar.format(network.theta1(unit * cols), 2)));
        if (pixel != null) {
            double weight = network.theta1(unit * cols + 1 + pixel[1] * spec.inputWidth() + pixel[0]);
            text.append(texts.separator())
                    .append(fill(texts.weightAt(), pixel[0], pixel[1], ColorBar.formatSigned(weight, 3)));
        }
        return text.toString();
    }

    /** {@code pattern} with "{i}" replaced by {@code values[i]}. */
    public static String fill(String pattern, Object... values) {
        String out = pattern;
        for (int i = 0; i < values.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return out;
    }
}
