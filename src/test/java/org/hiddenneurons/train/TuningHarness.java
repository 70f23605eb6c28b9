package org.hiddenneurons.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;

/**
 * Tuning harness (a main class, not a unit test): trains the bundled digits on the standard split
 * for each seed and prints test accuracy and training seconds.
 *
 * <p>Usage: {@code TuningHarness [key=value…]} with keys optimizer, lr, momentum, batch, epochs,
 * lambda, init, output, augment, seeds (comma-separated), warmup (epochs of a JIT warm-up run),
 * final (cosine schedule's final fraction; 1 = constant rate), shift, rotate (augmentation limits).
 * Unset keys keep {@link TrainingConfig#defaults()}. {@code -Dfast=true} uses the test-scope
 * {@link TuningCostFunction}. Example, after {@code mvn -o -q test-compile}:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:EJML_JARS \
 *     org.hiddenneurons.train.TuningHarness epochs=50 augment=true
 * </pre>
 * Reported seconds are the snapshot's elapsed time (training plus the initial and final evaluation).
 */
public final class TuningHarness {

    /** -Dfast=true: use the test-scope {@link TuningCostFunction} instead of CostFunction.standard(). */
    private static final boolean FAST = Boolean.getBoolean("fast");

    private TuningHarness() {
    }

    public static void main(String[] args) {
        TrainingConfig config = TrainingConfig.defaults();
        List<Long> seeds = new ArrayList<>(List.of(1L, 2L, 3L));
        int warmupEpochs = 3;
        double finalFraction = Trainer.LEARNING_RATE_FINAL_FRACTION;
        int shift = Trainer.AUGMENT_MAX_SHIFT;
        double rotation = Trainer.AUGMENT_MAX_ROTATION_DEGREES;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String v = kv[1];
            TrainingConfig c = config;
            switch (kv[0]) {
                case "optimizer" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        OptimizerKind.fromId(v), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "lr" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), Double.parseDouble(v), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "momentum" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), Double.parseDouble(v), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "batch" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), Integer.parseInt(v), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "epochs" -> config = c.withEpochs(Integer.parseInt(v));
                case "lambda" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), Double.parseDouble(v), c.seed(), c.augment());
                case "init" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), Initializer.fromId(v),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "output" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), OutputLayer.fromId(v), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
                case "augment" -> config = c.withAugment(Boolean.parseBoolean(v));
                case "seeds" -> {
                    seeds.clear();
                    for (String s : v.split(",")) {
                        seeds.add(Long.parseLong(s));
                    }
                }
                case "shift" -> shift = Integer.parseInt(v);
                case "rotate" -> rotation = Double.parseDouble(v);
                case "final" -> finalFraction = Double.parseDouble(v);
                case "warmup" -> warmupEpochs = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown key " + kv[0]);
            }
        }
        Split split = DigitsImage.loadBundled().standardSplit();
        if (warmupEpochs > 0) {
            train(config.withEpochs(warmupEpochs).withSeed(99), split, finalFraction, shift, rotation);
        }
        List<Double> accuracies = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (long seed : seeds) {
            TrainingSnapshot s = train(config.withSeed(seed), split, finalFraction, shift, rotation);
            accuracies.add(s.testAccuracy());
            line.append(String.format(Locale.ROOT, " seed%d=%.1f%%/%.2fs", seed, 100 * s.testAccuracy(), s.elapsedSeconds()));
        }
        List<Double> sorted = new ArrayList<>(accuracies);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%s lr=%s mom=%s batch=%d epochs=%d lambda=%s init=%s out=%s aug=%s shift=%d rot=%s final=%s | median=%.1f%% |%s%n",
                config.optimizer().id(), config.learningRate(), config.momentum(), config.batchSize(), config.epochs(),
                config.lambda(), config.initializer().id(), config.outputLayer().id(), config.augment(), shift, rotation, finalFraction,
                100 * sorted.get(sorted.size() / 2), line);
    }

    private static TrainingSnapshot train(TrainingConfig config, Split split, double finalFraction, int shift, double rotation) {
        Network network = config.initialNetwork(split.train().width(), split.train().height(), split.train().classCount());
        Trainer trainer = FAST ? new Trainer(config, network, split.train(), split.test(), new TuningCostFunction())
                : new Trainer(config, network, split.train(), split.test());
        trainer.setFinalLearningRateFraction(finalFraction);
        trainer.setAugmentMaxShift(shift);
        trainer.setAugmentMaxRotationDegrees(rotation);
        trainer.setPublishIntervalMillis(Long.MAX_VALUE / 2_000_000L);
        return trainer.run();
    }
}
