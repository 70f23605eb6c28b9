package org.hiddenneurons.bench;

import java.util.Locale;
import org.hiddenneurons.analysis.LogisticRegression;
import org.hiddenneurons.data.Split;

/**
 * The measurement behind the compare page's logistic-regression λ (issue 17 §4, docs/design-notes.md):
 * for several λ, trains logistic regression on the bundled digits and prints the test and training
 * accuracy and the templates' roughness
 * R = Σ over horizontally and vertically adjacent pixels (w_p − w_q)² / Σ_p w_p², averaged over the 10
 * templates (0 for a constant picture, about 4 for white noise: lower reads as strokes rather than
 * speckle). A plain harness, not a test:
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hiddenneurons.bench.LogisticLambdaSweep</pre>
 */
public final class LogisticLambdaSweep {

    static final double[] LAMBDAS = {0.1, 1, 3, 10, 30, 100};

    private LogisticLambdaSweep() {
    }

    public static void main(String[] args) {
        Split split = BenchFixtures.bundledDigits();
        int width = split.train().width();
        int height = split.train().height();
        System.out.println("lambda  test_acc  train_acc  roughness");
        for (double lambda : LAMBDAS) {
            LogisticRegression.Model model = LogisticRegression.train(split, lambda,
                    LogisticRegression.DEFAULT_ITERATIONS, () -> false);
            double roughness = 0;
            for (int k = 0; k < model.classCount(); k++) {
                roughness += roughness(model.template(k), width, height);
            }
            System.out.printf(Locale.ROOT, "%6.1f  %8.4f  %9.4f  %9.4f%n", lambda, model.testAccuracy(),
                    model.trainAccuracy(), roughness / model.classCount());
        }
    }

    /** Σ (w_p − w_q)² over adjacent pixels / Σ w_p². */
    static double roughness(double[] w, int width, int height) {
        double differences = 0;
        double energy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = w[y * width + x];
                energy += v * v;
                if (x + 1 < width) {
                    differences += Math.pow(v - w[y * width + x + 1], 2);
                }
                if (y + 1 < height) {
                    differences += Math.pow(v - w[(y + 1) * width + x], 2);
                }
            }
        }
        return energy == 0 ? 0 : differences / energy;
    }
}
