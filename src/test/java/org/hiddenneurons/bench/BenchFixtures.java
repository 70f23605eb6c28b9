package org.hiddenneurons.bench;

import java.util.Random;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;

/** The setup the benchmarks share: the bundled digits, a seeded random course network, random data. */
final class BenchFixtures {

    /** Seed of every benchmark's random network and data. */
    static final long SEED = 42;

    private BenchFixtures() {
    }

    /** The bundled digits.png in the standard split (4000 train / 1000 test). */
    static Split bundledDigits() {
        return Split.standard(DigitsImage.loadBundled());
    }

    /** The 400-25-10 network ({@link NetworkSpec#DEFAULT}), uniformly initialised from {@code random}. */
    static Network randomNetwork(Random random) {
        return Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, random);
    }

    /**
     * A random network and {@code count} random examples for it, all drawn from one {@code new Random(SEED)}
     * in this order: the network, the inputs (uniform in [0, 1)), the labels.
     */
    static RandomProblem randomProblem(int count) {
        Random random = new Random(SEED);
        Network network = randomNetwork(random);
        NetworkSpec spec = network.spec();
        double[] inputs = new double[count * spec.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextDouble();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(spec.outputSize());
        }
        return new RandomProblem(network, inputs, labels);
    }

    /** @param inputs count × inputSize, row-major */
    record RandomProblem(Network network, double[] inputs, int[] labels) {
    }
}
