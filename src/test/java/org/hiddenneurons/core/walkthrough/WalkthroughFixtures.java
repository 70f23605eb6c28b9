package org.hiddenneurons.core.walkthrough;

import java.util.Random;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;

/** Seeded networks and examples for the walkthrough tests. */
public final class WalkthroughFixtures {

    public static final long SEED = 42;

    private WalkthroughFixtures() {
    }

    /** A network with Gaussian weights of standard deviation {@code scale}. */
    public static Network randomNetwork(NetworkSpec spec, Random random, double scale) {
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < theta1.length; i++) {
            theta1[i] = random.nextGaussian() * scale;
        }
        for (int i = 0; i < theta2.length; i++) {
            theta2[i] = random.nextGaussian() * scale * 4;
        }
        return new Network(spec, theta1, theta2);
    }

    /** Pixels in [0, 1], about a third of them ink. */
    public static double[] randomInput(NetworkSpec spec, Random random) {
        double[] input = new double[spec.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextDouble() < 0.35 ? random.nextDouble() : 0.0;
        }
        return input;
    }
}
