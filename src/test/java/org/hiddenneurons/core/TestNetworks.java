package org.hiddenneurons.core;

import java.util.Random;

/** Seeded random networks and batches for the core tests; {@link #gaussianNetwork} for other packages' tests too. */
public final class TestNetworks {

    static final long SEED = 42;

    private TestNetworks() {
    }

    /** A network with weights uniform in [−scale, scale]. */
    static Network randomNetwork(NetworkSpec spec, double scale, Random random) {
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        fill(theta1, scale, random);
        fill(theta2, scale, random);
        return new Network(spec, theta1, theta2);
    }

    /**
     * A network with Gaussian weights: Θ1 of standard deviation {@code scale}, Θ2 of standard deviation
     * {@code theta2Factor}·{@code scale} (a larger Θ2 spreads the outputs). Θ1 is drawn first, then Θ2.
     */
    public static Network gaussianNetwork(NetworkSpec spec, Random random, double scale, double theta2Factor) {
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < theta1.length; i++) {
            theta1[i] = random.nextGaussian() * scale;
        }
        for (int i = 0; i < theta2.length; i++) {
            theta2[i] = random.nextGaussian() * theta2Factor * scale;
        }
        return new Network(spec, theta1, theta2);
    }

    /** count×inputs values uniform in [0, 1) (like pixels). */
    static double[] randomInputs(int count, int inputs, Random random) {
        double[] values = new double[count * inputs];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    static int[] randomLabels(int count, int outputs, Random random) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(outputs);
        }
        return labels;
    }

    private static void fill(double[] values, double scale, Random random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextDouble() * 2 - 1) * scale;
        }
    }
}
