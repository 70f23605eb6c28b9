package org.hiddenneurons.ui.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.viz.FormulaRenderer;
import org.junit.jupiter.api.Test;

/** The dossier's formulas: the numbers land where they belong, and every one typesets. */
class DossierFormulasTest {

    private static final float SIZE = 16;
    private static final int INK = 0xFF000000;
    /** A typeset formula of a few symbols is wider than this many pixels at 16 px. */
    private static final int MIN_WIDTH = 40;

    @Test
    void formulasCarryTheirNumbersAndTypeset() {
        assertEquals("z = \\mathbf{w}\\cdot\\mathbf{x} + b = -1.25\\;\\rightarrow\\; \\mathrm{tanh}(z) = -0.85",
                DossierFormulas.summary(-1.25, "tanh", -0.848));
        assertEquals("z = 12.3,\\quad a = g(z) = 1.00", DossierFormulas.exciting(12.34, 0.99999));
        assertEquals("\\Theta^{2}_{k,7}\\, a^{2}_{7},\\qquad a^{2}_{7} = 0.50", DossierFormulas.outputShare(7, 0.5));
        assertEquals("z^{3}_{4} = \\sum_{j=1}^{25} \\Theta^{2}_{4,j}\\, a^{2}_{j} + \\Theta^{2}_{4,0} = 3.21",
                DossierFormulas.predictedScore(4, 25, 3.2109));
        FormulaRenderer renderer = new FormulaRenderer();
        for (String latex : List.of(DossierFormulas.summary(1, "sigmoid", 0.73), DossierFormulas.exciting(5, 0.99),
                DossierFormulas.outputShare(1, 0.2), DossierFormulas.predictedScore(0, 25, -1),
                DossierFormulas.drawing(1.5, -0.25, 1.25, 0.78))) {
            FormulaRenderer.check(latex);
            assertTrue(renderer.render(latex, SIZE, INK).getWidth() > MIN_WIDTH, latex);
        }
    }
}
