package org.hiddenneurons.core.walkthrough;

import java.util.Random;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.TestNetworks;

/** Seeded networks and examples for the walkthrough tests. */
public final class WalkthroughFixtures {

    public static final long SEED = 42;

    private WalkthroughFixtures() {
    }

    /** A network with Gaussian weights: Θ1 of standard deviation {@code scale}, Θ2 of 4·{@code scale}. */
    public static Network randomNetwork(NetworkSpec spec, Random random, double scale) {
        return TestNetworks.gaussianNetwork(spec, random, scale, 4);
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
