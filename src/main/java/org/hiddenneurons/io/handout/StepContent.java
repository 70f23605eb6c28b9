package org.hiddenneurons.io.handout;

import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import java.util.List;

/**
 * What a step shows: its formula in readable notation, the shapes, a plain-language caption and
 * every number it computes.
 *
 * @param step       which step
 * @param formula    e.g. "z² = Θ¹·a¹"
 * @param shapes     e.g. "Θ¹: 25×401 · a¹: 401×1 → z²: 25×1"
 * @param caption    one or two sentences for the class
 * @param quantities every array the step computes (full precision, for the CSV)
 */
public record StepContent(WalkthroughStep step, String formula, String shapes, String caption,
                          List<Quantity> quantities) {

    public StepContent {
        quantities = List.copyOf(quantities);
    }
}
