package org.hiddenneurons.reliability;

import java.util.Locale;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * Prints how training ends for every optimizer × learning rate × λ of the extreme grid, on the
 * bundled digits with the default 400-25-10 network (or, with the argument "tiny", on the tiny
 * 8×8 problem): final state, epochs, wall time, largest |weight|, test accuracy.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) --add-modules=jdk.incubator.vector \
 *     org.hiddenneurons.reliability.TrainingGridHarness [digits|tiny] [epochs, default 5]
 * </pre>
 */
public final class TrainingGridHarness {

    private static final double[] LEARNING_RATES = {1e-6, 1e-3, 1.0, 10.0, 1e3};
    private static final double[] LAMBDAS = {0.0, 1.0, 1e3};

    private TrainingGridHarness() {
    }

    public static void main(String[] args) {
        boolean tiny = args.length > 0 && args[0].equals("tiny");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Split data = tiny ? TrainingRuns.tinySplit(50, 20) : TrainingRuns.digits();
        System.out.println("optimizer\talpha\tlambda\tstate\tepochs\tseconds\tmax|w|\ttest acc\tmessage");
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (double learningRate : LEARNING_RATES) {
                if (kind == OptimizerKind.LBFGS && learningRate != LEARNING_RATES[0]) {
                    continue; // L-BFGS ignores the learning rate
                }
                for (double lambda : LAMBDAS) {
                    TrainingConfig base = tiny ? TrainingRuns.tinyConfig(kind, learningRate, lambda, epochs)
                            : TrainingConfig.defaults().withEpochs(epochs).withLambda(lambda);
                    TrainingConfig config = new TrainingConfig(base.hiddenSize(), base.activation(), base.outputLayer(),
                            base.initializer(), kind, learningRate, base.momentum(), base.batchSize(), epochs, lambda,
                            base.seed(), false);
                    Trainer trainer = TrainingRuns.trainer(config, data);
                    long start = System.nanoTime();
                    TrainingSnapshot last = trainer.run();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%d\t%.2f\t%.3g\t%.3f\t%s%n", kind,
                            kind == OptimizerKind.LBFGS ? "-" : learningRate, lambda, last.state(), last.epoch(),
                            seconds, maxAbs(last.network()), last.testAccuracy(), last.message());
                }
            }
        }
    }

    private static double maxAbs(Network network) {
        double max = 0;
        for (double w : network.theta1Copy()) {
            max = Math.max(max, Math.abs(w));
        }
        for (double w : network.theta2Copy()) {
            max = Math.max(max, Math.abs(w));
        }
        return max;
    }
}
