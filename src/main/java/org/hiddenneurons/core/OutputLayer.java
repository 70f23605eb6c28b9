package org.hiddenneurons.core;

import java.util.Locale;

/**
 * The output non-linearity together with the cost it is paired with. Both pairings have the
 * same output error δ3 = a3 − y, which is why they are one concept here.
 */
public enum OutputLayer {
    /**
     * a3 = sigmoid(z3) per class; J = −(1/m) Σ_i Σ_k [y_ik log a3_ik + (1 − y_ik) log(1 − a3_ik)]
     * (the course's cost, ex4 "nnCostFunction").
     */
    SIGMOID_CROSS_ENTROPY("sigmoid"),
    /** a3 = softmax(z3); J = −(1/m) Σ_i log a3_i,y_i. */
    SOFTMAX_CROSS_ENTROPY("softmax");

    private final String id;

    OutputLayer(String id) {
        this.id = id;
    }

    /** Stable name used in files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The output layer named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown value and the valid ones
     */
    public static OutputLayer fromId(String id) {
        for (OutputLayer o : values()) {
            if (o.id.equals(id.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output '" + id + "' (expected sigmoid or softmax)");
    }
}
