package org.hiddenneurons.core;

import java.util.Locale;

/**
 * Hidden-unit activation functions g(z) and their derivatives g'(z).
 *
 * <p>Each constant has a stable lower-case {@link #id()} used by model files and the CLI.
 */
public enum Activation {
    /** g(z) = 1 / (1 + e^-z); g'(z) = g(z)(1 - g(z)). The course's choice. */
    SIGMOID("sigmoid") {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        public double derivative(double z) {
            double g = sigmoid(z);
            return g * (1.0 - g);
        }

        @Override
        public double derivative(double z, double gz) {
            return gz * (1.0 - gz);
        }
    },
    /** g(z) = tanh(z); g'(z) = 1 - tanh²(z). */
    TANH("tanh") {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }

        @Override
        public double derivative(double z, double gz) {
            return 1.0 - gz * gz;
        }
    },
    /** g(z) = max(0, z); g'(z) = 1 for z &gt; 0, else 0. */
    RELU("relu") {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public double derivative(double z, double gz) {
            return derivative(z);
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** g(z). */
    public abstract double apply(double z);

    /** g'(z), the derivative evaluated at the pre-activation z. */
    public abstract double derivative(double z);

    /**
     * g'(z) when g(z) is already known, without recomputing it: the same value as
     * {@link #derivative(double)}, bit for bit.
     *
     * @param z  the pre-activation
     * @param gz g(z), as returned by {@link #apply(double)}
     */
    public abstract double derivative(double z, double gz);

    /** Stable name used in files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The activation named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown value and the valid ones
     */
    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "' (expected sigmoid, tanh or relu)");
    }

    /** The logistic function 1 / (1 + e^-z), computed without overflow for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
