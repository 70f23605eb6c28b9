package org.hiddenneurons.train;

import java.util.Random;
import org.hiddenneurons.data.Dataset;

/** Seeded synthetic data sets that train in milliseconds, shared by the training and reliability tests. */
public final class PrototypeData {

    /** Seed of the class prototypes (the same prototypes for every sample seed). */
    private static final long PROTOTYPE_SEED = 42;

    private PrototypeData() {
    }

    /**
     * {@code count} noisy copies of {@code classes} random width×height prototype images, labels
     * cycling 0, 1, …; pixel = clamp(prototype + noise·N(0, 1), 0, 1), noise drawn from {@code seed}.
     */
    public static Dataset noisyPrototypes(String name, int width, int height, int classes, double noise,
                                          int count, long seed) {
        Random prototypes = new Random(PROTOTYPE_SEED);
        int inputs = width * height;
        double[][] prototype = new double[classes][inputs];
        for (double[] p : prototype) {
            for (int i = 0; i < inputs; i++) {
                p[i] = prototypes.nextDouble();
            }
        }
        Random random = new Random(seed);
        double[] pixels = new double[count * inputs];
        int[] labels = new int[count];
        for (int s = 0; s < count; s++) {
            labels[s] = s % classes;
            for (int i = 0; i < inputs; i++) {
                double value = prototype[labels[s]][i] + noise * random.nextGaussian();
                pixels[s * inputs + i] = Math.max(0.0, Math.min(1.0, value));
            }
        }
        return new Dataset(name, width, height, classes, pixels, labels);
    }
}
