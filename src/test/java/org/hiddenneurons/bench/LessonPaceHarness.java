package org.hiddenneurons.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * How long the formation of the hidden-unit pictures stays visible on the window's default first
 * run: the default settings from random weights (the window's New network, seed 1) under
 * {@link Pacing#LESSON}, on the wall clock, as the window's trainer runs it (scoring on one thread,
 * every paced snapshot scored). For each snapshot: wall time since Train, step, epoch, test
 * accuracy and picture smoothness — for each hidden unit the Pearson correlation between the
 * weights of horizontally and vertically adjacent pixels of its picture (all adjacent pairs
 * pooled), the mean over units (the measure of issue 15; computed here, independently of any
 * app code). Prints the table, the paced epoch's duration and when smoothness first reaches 90 %
 * of its final value.
 *
 * <p>Run (after {@code mvn -o test-compile}):
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.hiddenneurons.bench.LessonPaceHarness}
 * with the class path from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}.
 * Timings depend on the machine's load; the paced part is dominated by the pacing's waits.
 */
public final class LessonPaceHarness {

    /** "Visual plateau": smoothness within this fraction of the run's final smoothness. */
    static final double PLATEAU_FRACTION = 0.9;

    private LessonPaceHarness() {
    }

    public static void main(String[] args) {
        Split data = BenchFixtures.bundledDigits();
        TrainingConfig config = TrainingConfig.defaults();
        NetworkSpec spec = config.spec(data.train().width(), data.train().height(), data.train().classCount());
        Network start = config.initialNetwork(data.train().width(), data.train().height(), data.train().classCount());
        Trainer trainer = new Trainer(config, start, data.train(), data.test());
        trainer.setScoringThreads(1);
        trainer.setPacing(Pacing.LESSON);
        trainer.setPublishEveryEpochs(1);
        List<double[]> rows = new ArrayList<>(); // wall ms, step, epoch, test accuracy, smoothness
        long started = System.nanoTime();
        trainer.addListener(s -> rows.add(new double[] {(System.nanoTime() - started) / 1e6, s.step(),
                s.epoch(), s.testAccuracy(), smoothness(s.network(), spec)}));
        TrainingSnapshot last = trainer.run();
        double finalSmoothness = rows.get(rows.size() - 1)[4];
        double pacedEpochEnd = Double.NaN;
        double plateau = Double.NaN;
        System.out.println("wallMs,step,epoch,testAccuracy,smoothness");
        for (double[] r : rows) {
            System.out.printf(Locale.ROOT, "%.0f,%d,%d,%.4f,%.3f%n", r[0], (int) r[1], (int) r[2], r[3], r[4]);
            if (Double.isNaN(pacedEpochEnd) && r[2] == 1) {
                pacedEpochEnd = r[0];
            }
            if (Double.isNaN(plateau) && r[4] >= PLATEAU_FRACTION * finalSmoothness) {
                plateau = r[0];
            }
        }
        System.out.printf(Locale.ROOT, "steps per epoch %d; paced epoch ends at %.1f s; smoothness reaches %.0f %% of "
                + "its final %.3f at %.1f s; run (%d epochs) done at %.1f s, test accuracy %.4f%n",
                trainer.stepsPerEpoch(), pacedEpochEnd / 1e3, 100 * PLATEAU_FRACTION, finalSmoothness, plateau / 1e3,
                last.epoch(), rows.get(rows.size() - 1)[0] / 1e3, last.testAccuracy());
    }

    /** Mean over hidden units of the pooled Pearson correlation of adjacent pixel weights (issue 15's measure). */
    static double smoothness(Network network, NetworkSpec spec) {
        int width = spec.inputWidth();
        int height = spec.inputHeight();
        int columns = spec.inputSize() + 1;
        double[] theta1 = network.theta1Copy();
        double total = 0;
        for (int unit = 0; unit < spec.hiddenSize(); unit++) {
            int base = unit * columns + 1;
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            int n = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double w = theta1[base + y * width + x];
                    for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
                        int nx = x + d[0];
                        int ny = y + d[1];
                        if (nx < width && ny < height) {
                            double v = theta1[base + ny * width + nx];
                            sa += w;
                            sb += v;
                            saa += w * w;
                            sbb += v * v;
                            sab += w * v;
                            n++;
                        }
                    }
                }
            }
            double cov = sab / n - (sa / n) * (sb / n);
            double va = saa / n - (sa / n) * (sa / n);
            double vb = sbb / n - (sb / n) * (sb / n);
            total += cov / Math.sqrt(va * vb);
        }
        return total / spec.hiddenSize();
    }
}
