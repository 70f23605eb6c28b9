package org.hiddenneurons.core;

import java.util.Random;

/** Seeded random networks and batches for the core tests. */
final class TestNetworks {

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
