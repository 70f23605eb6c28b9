package org.hiddenneurons.ui.dossier;

import java.util.Locale;

/**
 * The LaTeX of the dossier's formulas, with the numbers of the moment filled in (two decimals
 * unless said otherwise; a {@link org.hiddenneurons.ui.formula.FormulaLabel} typesets them). One
 * indexing convention, the Backprop page's: a¹ᵢ = xᵢ (i = 1…400), z² = Θ¹a¹, a² = g(z²),
 * z³ = Θ²a², with Θ's column 0 the bias and units numbered from 1 as in the window.
 */
final class DossierFormulas {

    private DossierFormulas() {
    }

    /** z = Σᵢ wᵢxᵢ + b = sum ± |b| = z,  a = g(z) = a: the drawing through one unit. */
    static String drawing(double sum, double bias, double z, double a) {
        return "z = \\sum_{i} w_{i} x_{i} + b = " + number(sum) + (bias < 0 ? " - " : " + ")
                + number(Math.abs(bias)) + " = " + number(z) + ",\\qquad a = g(z) = " + number(a);
    }

    /** z = w·x + b = z → g(z) = a, with g named (sigmoid, tanh, relu): the dossier's summary line. */
    static String summary(double z, String activation, double a) {
        return "z = \\mathbf{w}\\cdot\\mathbf{x} + b = " + number(z) + "\\;\\rightarrow\\; \\mathrm{" + activation
                + "}(z) = " + number(a);
    }

    /** z (one decimal) and a = g(z) of the most exciting valid image. */
    static String exciting(double z, double a) {
        return "z = " + String.format(Locale.ROOT, "%.1f", z) + ",\\quad a = g(z) = " + number(a);
    }

    /** Θ²ₖⱼ a²ⱼ, each output k's share from hidden unit j (1-based), with a²ⱼ now. */
    static String outputShare(int unit, double a) {
        String j = Integer.toString(unit);
        return "\\Theta^{2}_{k," + j + "}\\, a^{2}_{" + j + "},\\qquad a^{2}_{" + j + "} = " + number(a);
    }

    /** z³ₖ = Σⱼ Θ²ₖⱼ a²ⱼ + Θ²ₖ₀ = total: the predicted digit k's score over {@code hidden} units. */
    static String predictedScore(int digit, int hidden, double total) {
        String k = Integer.toString(digit);
        return "z^{3}_{" + k + "} = \\sum_{j=1}^{" + hidden + "} \\Theta^{2}_{" + k + ",j}\\, a^{2}_{j} + \\Theta^{2}_{"
                + k + ",0} = " + number(total);
    }

    /** Two decimals, ASCII minus (LaTeX). */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
