package org.hiddenneurons.core;

import java.util.Locale;
import java.util.Random;

/** How weights are drawn before training. Biases are drawn the same way (as in the course). */
public enum Initializer {
    /** Uniform in [−ε, ε] with ε = {@link #DEFAULT_EPSILON} (ex4 "randInitializeWeights"). */
    UNIFORM("uniform"),
    /**
     * Glorot/Xavier uniform: ε = sqrt(6 / (fanIn + fanOut)) per layer
     * (Glorot &amp; Bengio 2010, "Understanding the difficulty of training deep feedforward networks").
     */
    GLOROT("glorot");

    /** The course's ε for uniform initialisation. */
    public static final double DEFAULT_EPSILON = 0.12;

    private final String id;

    Initializer(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the unknown value */
    public static Initializer fromId(String id) {
        for (Initializer i : values()) {
            if (i.id.equals(id.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + id + "' (expected uniform or glorot)");
    }

    /** Half-width ε of the uniform range for a layer with the given fan-in and fan-out (without bias). */
    public double epsilon(int fanIn, int fanOut) {
        return this == UNIFORM ? DEFAULT_EPSILON : Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /**
     * A new network with weights drawn from {@code random}: Θ1 first (row-major), then Θ2.
     * Same seed ⇒ identical weights.
     */
    public Network initialize(NetworkSpec spec, Random random) {
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        fill(theta1, epsilon(spec.inputSize(), spec.hiddenSize()), random);
        fill(theta2, epsilon(spec.hiddenSize(), spec.outputSize()), random);
        return new Network(spec, theta1, theta2);
    }

    private static void fill(double[] weights, double epsilon, Random random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (random.nextDouble() * 2.0 - 1.0) * epsilon;
        }
    }
}
