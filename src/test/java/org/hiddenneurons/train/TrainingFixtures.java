package org.hiddenneurons.train;

import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;

/** Small seeded problems that train in milliseconds. */
final class TrainingFixtures {

    static final int WIDTH = 6;
    static final int HEIGHT = 6;
    static final int CLASSES = 3;
    static final int HIDDEN = 5;
    /** Noise added to each class prototype. */
    private static final double NOISE = 0.35;

    private TrainingFixtures() {
    }

    /** {@code count} noisy copies of {@value #CLASSES} random prototype images, labels cycling 0,1,2,…. */
    static Dataset dataset(String name, int count, long seed) {
        return PrototypeData.noisyPrototypes(name, WIDTH, HEIGHT, CLASSES, NOISE, count, seed);
    }

    static Dataset train() {
        return dataset("synthetic (train)", 120, 7);
    }

    static Dataset test() {
        return dataset("synthetic (test)", 60, 8);
    }

    static TrainingConfig config(OptimizerKind optimizer, double learningRate, int epochs) {
        return new TrainingConfig(HIDDEN, Activation.SIGMOID, OutputLayer.SIGMOID_CROSS_ENTROPY, Initializer.UNIFORM,
                optimizer, learningRate, 0.9, 10, epochs, 1.0, 1, false);
    }

    static Network network(TrainingConfig config) {
        return config.initialNetwork(WIDTH, HEIGHT, CLASSES);
    }

    static Trainer trainer(TrainingConfig config) {
        return new Trainer(config, network(config), train(), test());
    }
}
