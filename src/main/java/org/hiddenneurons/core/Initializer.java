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
    GLOROT("glorot"),
    /**
     * Uniform as {@link #UNIFORM} (the same draws), then each hidden unit's initial picture (its
     * row of Θ1 without the bias, inputWidth×inputHeight) blurred by a Gaussian of σ =
     * {@link #PICTURE_BLUR_SIGMA} px ({@link GaussianBlur}) and rescaled to the RMS it had before:
     * w ← blur(w)·rms(w)/rms(blur(w)), rms(v) = sqrt(Σ v_i² / 400). Training starts from smooth
     * pictures of the same size as the uniform ones; Θ2 and the biases are as {@link #UNIFORM}'s.
     */
    BLURRED("blurred");

    /** The course's ε for uniform initialisation. */
    public static final double DEFAULT_EPSILON = 0.12;

    /** σ in pixels of the Gaussian that smooths {@link #BLURRED}'s initial pictures. */
    public static final double PICTURE_BLUR_SIGMA = 1.5;

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
        throw new IllegalArgumentException("unknown initializer '" + id + "' (expected uniform, glorot or blurred)");
    }

    /** Half-width ε of the uniform range for a layer with the given fan-in and fan-out (without bias). */
    public double epsilon(int fanIn, int fanOut) {
        return this == GLOROT ? Math.sqrt(6.0 / (fanIn + fanOut)) : DEFAULT_EPSILON;
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
        if (this == BLURRED) {
            double[] kernel = GaussianBlur.kernel(PICTURE_BLUR_SIGMA);
            int columns = spec.inputSize() + 1;
            for (int unit = 0; unit < spec.hiddenSize(); unit++) {
                int offset = unit * columns + 1;
                double before = rms(theta1, offset, spec.inputSize());
                GaussianBlur.apply(theta1, offset, spec.inputWidth(), spec.inputHeight(), kernel);
                double after = rms(theta1, offset, spec.inputSize());
                for (int i = 0; i < spec.inputSize(); i++) {
                    theta1[offset + i] *= before / after;
                }
            }
        }
        return new Network(spec, theta1, theta2);
    }

    /** sqrt(Σ values[offset + i]² / count), i = 0 … count − 1. */
    private static double rms(double[] values, int offset, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[offset + i] * values[offset + i];
        }
        return Math.sqrt(sum / count);
    }

    private static void fill(double[] weights, double epsilon, Random random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (random.nextDouble() * 2.0 - 1.0) * epsilon;
        }
    }
}
