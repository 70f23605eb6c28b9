package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final double STEP = 1e-6;
    /** Relative difference allowed between the analytic and the central-difference gradient. */
    private static final double GRADIENT_TOLERANCE = 1e-6;

    @Test
    void gradientEqualsFiniteDifferences() {
        Random random = new Random(AnalysisFixtures.SEED);
        int classes = 3;
        int inputs = 6;
        int count = 20;
        double[] x = random.doubles(count * inputs).toArray();
        int[] labels = random.ints(count, 0, classes).toArray();
        double[] theta = random.doubles(classes * (inputs + 1), -1, 1).toArray();
        double lambda = 0.7;
        double[] gradient = new double[theta.length];
        LogisticRegression.cost(theta, classes, x, labels, count, lambda, gradient);
        double[] scratch = new double[theta.length];
        for (int t = 0; t < theta.length; t++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[t] += STEP;
            minus[t] -= STEP;
            double numeric = (LogisticRegression.cost(plus, classes, x, labels, count, lambda, scratch)
                    - LogisticRegression.cost(minus, classes, x, labels, count, lambda, scratch)) / (2 * STEP);
            assertEquals(numeric, gradient[t], GRADIENT_TOLERANCE * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void learnsTemplatesThatSeparateClassesOfDifferentPixels() {
        Random random = new Random(AnalysisFixtures.SEED);
        // class k lights pixel k (plus noise): the template of class k must be brightest at pixel k
        int classes = 4;
        Split split = new Split(blobs(classes, 200, random), blobs(classes, 100, random));
        LogisticRegression.Model model = LogisticRegression.train(split, LogisticRegression.DEFAULT_LAMBDA, 50, () -> false);
        assertTrue(model.testAccuracy() > 0.95, "test accuracy " + model.testAccuracy());
        for (int k = 0; k < classes; k++) {
            double[] template = model.template(k);
            int brightest = 0;
            for (int i = 1; i < template.length; i++) {
                if (template[i] > template[brightest]) {
                    brightest = i;
                }
            }
            assertEquals(k, brightest);
        }
    }

    @Test
    void stopsWhenCancelled() {
        Random random = new Random(AnalysisFixtures.SEED);
        Split split = new Split(blobs(3, 30, random), blobs(3, 30, random));
        assertNull(LogisticRegression.train(split, 0.1, 10, () -> true));
    }

    @Test
    void accuracyCountsExamplesWhoseHighestScoreIsTheLabel() {
        // 2 classes, 2 inputs: Θ = [[0, 1, 0], [0.5, 0, 1]], so score_0 = x0 and score_1 = 0.5 + x1.
        double[] theta = {0, 1, 0, 0.5, 0, 1};
        double[] pixels = {
            2, 0, // scores 2 vs 0.5 → class 0 (label 0: right)
            0, 1, // scores 0 vs 1.5 → class 1 (label 1: right)
            1, 1, // scores 1 vs 1.5 → class 1 (label 0: wrong)
            1, 0, // scores 1 vs 0.5 → class 0 (label 1: wrong)
        };
        Dataset data = new Dataset("hand-worked", 2, 1, 2, pixels, new int[] {0, 1, 0, 1});
        assertEquals(0.5, LogisticRegression.accuracy(theta, 2, data));
        Dataset empty = new Dataset("empty", 2, 1, 2, new double[0], new int[0]);
        assertTrue(Double.isNaN(LogisticRegression.accuracy(theta, 2, empty)));
    }

    private static Dataset blobs(int classes, int count, Random random) {
        int inputs = 9;
        double[] pixels = new double[count * inputs];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < inputs; p++) {
                pixels[i * inputs + p] = 0.3 * random.nextDouble();
            }
            pixels[i * inputs + labels[i]] = 0.7 + 0.3 * random.nextDouble();
        }
        return new Dataset("blobs", 3, 3, classes, pixels, labels);
    }
}
