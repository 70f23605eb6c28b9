package org.hiddenneurons.train;

import java.util.Locale;

/** The optimizers a trainer can use. */
public enum OptimizerKind {
    /** Full-batch gradient descent: Θ ← Θ − α∇J. */
    GD("gd"),
    /** Mini-batch stochastic gradient descent with (classical) momentum. */
    SGD("sgd"),
    /** Mini-batch Adam (Kingma &amp; Ba 2015). */
    ADAM("adam"),
    /** Full-batch L-BFGS with a line search satisfying the strong Wolfe conditions. */
    LBFGS("lbfgs");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True if one epoch is one full-batch iteration. */
    public boolean isFullBatch() {
        return this == GD || this == LBFGS;
    }

    /** @throws IllegalArgumentException naming the unknown value and the valid ones */
    public static OptimizerKind fromId(String id) {
        for (OptimizerKind o : values()) {
            if (o.id.equals(id.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + id + "' (expected gd, sgd, adam or lbfgs)");
    }
}
