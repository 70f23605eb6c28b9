package org.hiddenneurons.core.walkthrough;

/**
 * The ten steps of one example's forward pass, cost, backward pass and update, in the order a
 * class walks them (course notation: a1 = input with bias, z2/a2 hidden, z3/a3 output).
 */
public enum WalkthroughStep {
    /** a1 = [1; x]. */
    INPUT("a1"),
    /** z2 = Θ1·a1. */
    HIDDEN_SUM("z2"),
    /** a2 = [1; g(z2)]. */
    HIDDEN_ACTIVATION("a2"),
    /** z3 = Θ2·a2. */
    OUTPUT_SUM("z3"),
    /** a3 = sigmoid(z3) or softmax(z3), beside the one-hot y. */
    OUTPUT_ACTIVATION("a3"),
    /** J of this example, with and without regularisation. */
    COST("J"),
    /** δ3 = a3 − y. */
    OUTPUT_ERROR("delta3"),
    /** δ2 = (Θ2ᵀ·δ3) without the bias row ⊙ g′(z2). */
    HIDDEN_ERROR("delta2"),
    /** Δ2 = δ3·a2ᵀ, Δ1 = δ2·a1ᵀ. */
    GRADIENTS("Delta"),
    /** Θ ← Θ − α(Δ + λΘ), m = 1. */
    UPDATE("update");

    private final String id;

    WalkthroughStep(String id) {
        this.id = id;
    }

    /** 1-based position, as shown to people ("Step 3 of 10"). */
    public int number() {
        return ordinal() + 1;
    }

    /** A stable ASCII id for files (CSV, HTML anchors). */
    public String id() {
        return id;
    }

    /** The step {@code number} (1-based). */
    public static WalkthroughStep ofNumber(int number) {
        if (number < 1 || number > values().length) {
            throw new IllegalArgumentException("step must be 1.." + values().length + ", got " + number);
        }
        return values()[number - 1];
    }

    public static WalkthroughStep first() {
        return values()[0];
    }

    public static WalkthroughStep last() {
        return values()[values().length - 1];
    }

    /** The next step, or this one at the end. */
    public WalkthroughStep next() {
        return this == last() ? this : values()[ordinal() + 1];
    }

    /** The previous step, or this one at the start. */
    public WalkthroughStep previous() {
        return this == first() ? this : values()[ordinal() - 1];
    }
}
