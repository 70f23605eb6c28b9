package org.hiddenneurons.analysis;

import java.util.Random;

/**
 * A random direction in hidden space: s(x) = Σⱼ vⱼ·aⱼ(x) for a unit vector v with Gaussian entries,
 * and the training examples with the largest and smallest s. Szegedy et al. (2013, "Intriguing
 * properties of neural networks", §3) found such directions' top examples as coherent as a single
 * unit's: the representation is distributed, not one concept per unit.
 *
 * @param direction v, length hidden, ‖v‖ = 1
 * @param top       training indices with the largest s, largest first
 * @param bottom    training indices with the smallest s, smallest first
 */
public record RandomDirection(double[] direction, int[] top, int[] bottom) {

    /** The direction drawn from {@code seed} and its {@code k} top and bottom examples. */
    public static RandomDirection compute(HiddenActivations train, long seed, int k) {
        double[] v = unitVector(train.hiddenSize(), new Random(seed));
        HiddenActivations projected = new HiddenActivations(train.count(), 1, project(train, v));
        return new RandomDirection(v, UnitAnalysis.topExamples(projected, 0, k, true),
                UnitAnalysis.topExamples(projected, 0, k, false));
    }

    /** A Gaussian vector scaled to length 1. */
    static double[] unitVector(int length, Random random) {
        double[] v = new double[length];
        double norm = 0;
        for (int j = 0; j < length; j++) {
            v[j] = random.nextGaussian();
            norm += v[j] * v[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < length; j++) {
            v[j] /= norm;
        }
        return v;
    }

    /** s_i = Σⱼ vⱼ·a_ij for every example i. */
    public static double[] project(HiddenActivations train, double[] v) {
        double[] s = new double[train.count()];
        for (int i = 0; i < s.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += v[j] * train.get(i, j);
            }
            s[i] = sum;
        }
        return s;
    }
}
