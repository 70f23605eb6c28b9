package org.hiddenneurons.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.GaussianBlur;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.PadDrawings;
import org.hiddenneurons.data.Split;

/**
 * Tuning harness (a main class, not a unit test): trains the bundled digits on the standard split
 * for each seed and prints test accuracy and training seconds.
 *
 * <p>Usage: {@code TuningHarness [key=value…]} with keys optimizer, lr, momentum, batch, epochs,
 * lambda, init, output, augment, seeds (comma-separated), warmup (epochs of a JIT warm-up run),
 * final (cosine schedule's final fraction; 1 = constant rate), shift, rotate, scale, shear, elastic,
 * sigma, thickness, erase (probability), eraseSize (min-max or one size, pixels), eraseShape (square
 * or disc) and eraseEdge (σ of its soft edge, pixels) (the {@link Augmentation} limits), deskew and inputBlur ({@link TrainingConfig#deskew()},
 * {@link TrainingConfig#inputBlur()}: the trainer applies them to both splits; set after the other keys),
 * drawings (N: also score N {@link PadDrawings} of each drawing seed through the same steps; blurDrawings=false
 * leaves the blur out for them, a diagnosis only), drawingSeeds (comma-separated PadDrawings seeds, default 1;
 * e.g. 1,2,3 scores 3·N drawings), initScale and
 * initBlur (scale Θ1's initial weights, blur each unit's initial picture by a Gaussian of that σ keeping its
 * RMS), misreads (true: also print how many drawings of each style were read as which digit, summed
 * over the seeds), ahead (false: augment on the training thread, {@link Trainer#setAugmentAhead}), contrast (true: apply {@link #srgbContrast} to every
 * pixel of both splits first, the brightening Java's colour conversion once applied by accident).
 * Unset keys keep {@link TrainingConfig#defaults()}. {@code -Dfast=true} uses the test-scope
 * {@link TuningCostFunction}. Example, after {@code mvn -o -q test-compile}:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:EJML_JARS \
 *     org.hiddenneurons.train.TuningHarness epochs=50 augment=true
 * </pre>
 * Reported seconds are the snapshot's elapsed time (training plus the initial and final evaluation);
 * "cpu" the process's CPU time for the run (all threads); "smooth" is {@link PictureSmoothness} of the trained network (median over the seeds).
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
        boolean contrast = false;
        boolean deskew = TrainingConfig.DEFAULT_DESKEW;
        boolean deskewDrawings = false;
        int drawingCount = 0;
        double initScale = 1.0;
        double initBlur = 0.0;
        double inputBlur = TrainingConfig.DEFAULT_INPUT_BLUR;
        boolean blurDrawings = true;
        boolean ahead = true;
        boolean misreads = false;
        List<Long> drawingSeeds = new ArrayList<>(List.of(1L));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String v = kv[1];
            TrainingConfig c = config;
            switch (kv[0]) {
                case "optimizer" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        OptimizerKind.fromId(v), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "lr" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), Double.parseDouble(v), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "momentum" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), Double.parseDouble(v), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "batch" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), Integer.parseInt(v), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "epochs" -> config = c.withEpochs(Integer.parseInt(v));
                case "lambda" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), Double.parseDouble(v), c.seed(), c.augment(), c.augmentation());
                case "init" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), c.outputLayer(), Initializer.fromId(v),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "output" -> config = new TrainingConfig(c.hiddenSize(), c.activation(), OutputLayer.fromId(v), c.initializer(),
                        c.optimizer(), c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(), c.augmentation());
                case "augment" -> config = c.withAugment(Boolean.parseBoolean(v));
                case "seeds" -> {
                    seeds.clear();
                    for (String s : v.split(",")) {
                        seeds.add(Long.parseLong(s));
                    }
                }
                case "shift", "rotate", "scale", "shear", "elastic", "sigma", "thickness" -> config = c.withAugmentation(
                        withLimit(c.augmentation(), kv[0], Double.parseDouble(v)));
                case "erase", "eraseSize", "eraseShape", "eraseEdge" -> config = c.withAugmentation(
                        withErasing(c.augmentation(), kv[0], v));
                case "contrast" -> contrast = Boolean.parseBoolean(v);
                case "deskew" -> deskew = Boolean.parseBoolean(v);
                case "deskewDrawings" -> deskewDrawings = Boolean.parseBoolean(v);
                case "drawings" -> drawingCount = Integer.parseInt(v);
                case "drawingSeeds" -> {
                    drawingSeeds.clear();
                    for (String s : v.split(",")) {
                        drawingSeeds.add(Long.parseLong(s));
                    }
                }
                case "initScale" -> initScale = Double.parseDouble(v);
                case "initBlur" -> initBlur = Double.parseDouble(v);
                case "inputBlur" -> inputBlur = Double.parseDouble(v);
                case "blurDrawings" -> blurDrawings = Boolean.parseBoolean(v);
                case "ahead" -> ahead = Boolean.parseBoolean(v);
                case "misreads" -> misreads = Boolean.parseBoolean(v);
                case "final" -> finalFraction = Double.parseDouble(v);
                case "warmup" -> warmupEpochs = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown key " + kv[0]);
            }
        }
        // The keys that rebuild the config drop its preprocessing steps: set them last. The trainer
        // applies them to both splits (TrainingConfig.prepare), as in the app.
        config = config.withDeskew(deskew).withInputBlur(inputBlur);
        TrainingConfig drawingSteps = config.withDeskew(deskew || deskewDrawings).withInputBlur(blurDrawings ? inputBlur : 0);
        Split split = DigitsImage.loadBundled().standardSplit();
        if (contrast) {
            split = new Split(srgbContrast(split.train()), srgbContrast(split.test()));
        }
        List<PadDrawings.Drawing> drawings = new ArrayList<>();
        for (long drawingSeed : drawingSeeds) {
            drawings.addAll(new PadDrawings(drawingSeed).generate(drawingCount));
        }
        if (warmupEpochs > 0) {
            train(config.withEpochs(warmupEpochs).withSeed(99), split, finalFraction, initScale, initBlur, ahead);
        }
        List<Double> accuracies = new ArrayList<>();
        List<Double> smoothness = new ArrayList<>();
        List<Double> drawingScores = new ArrayList<>();
        java.util.Map<String, Integer> misread = new java.util.TreeMap<>();
        StringBuilder line = new StringBuilder();
        for (long seed : seeds) {
            long cpuBefore = processCpuNanos();
            TrainingSnapshot s = train(config.withSeed(seed), split, finalFraction, initScale, initBlur, ahead);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            accuracies.add(s.testAccuracy());
            double smooth = PictureSmoothness.of(s.network());
            smoothness.add(smooth);
            line.append(String.format(Locale.ROOT, " seed%d=%.1f%%/%.3f/%.2fs/cpu%.2fs", seed, 100 * s.testAccuracy(),
                    smooth, s.elapsedSeconds(), cpuSeconds));
            if (!drawings.isEmpty()) {
                double read = drawingAccuracy(s.network(), drawings, drawingSteps, misread);
                drawingScores.add(read);
                line.append(String.format(Locale.ROOT, "/drawings%.1f%%", 100 * read));
            }
        }
        Augmentation a = config.augmentation();
        System.out.printf(Locale.ROOT, "%s deskew=" + deskew + " inputBlur=" + inputBlur + " initScale=" + initScale + " initBlur=" + initBlur + " lr=%s batch=%d epochs=%d lambda=%s init=%s aug=%s shift=%s rot=%s"
                        + " scale=%s shear=%s elastic=%s/%s thick=%s erase=%s/%s-%s/%s/edge%s contrast=%s final=%s | median=%.2f%% smooth=%.3f drawings=%s |%s%n",
                config.optimizer().id(), config.learningRate(), config.batchSize(), config.epochs(),
                config.lambda(), config.initializer().id(), config.augment(), a.maxShift(), a.maxRotationDegrees(),
                a.maxScale(), a.maxShear(), a.elasticAlpha(), a.elasticSigma(), a.maxThickness(),
                a.eraseProbability(), a.eraseMinSize(), a.eraseMaxSize(), a.eraseShape().id(), a.eraseEdge(), contrast, finalFraction,
                100 * median(accuracies), median(smoothness),
                drawingScores.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * median(drawingScores)), line);
        if (misreads) {
            misread.forEach((what, n) -> System.out.printf(Locale.ROOT, "  %4d × %s%n", n, what));
        }
    }

    /**
     * The fraction of {@code drawings} (their exact network inputs through {@code steps}' preprocessing,
     * {@link TrainingConfig#prepare(double[], int, int)}) the network reads right.
     *
     * @param misread counts of "digit style as predicted", added to. Modified.
     */
    private static double drawingAccuracy(Network network, List<PadDrawings.Drawing> drawings, TrainingConfig steps,
                                          java.util.Map<String, Integer> misread) {
        int correct = 0;
        for (PadDrawings.Drawing d : drawings) {
            double[] input = steps.prepare(d.networkInput(), 20, 20);
            int predicted = Network.argMax(network.predict(input));
            if (predicted == d.digit()) {
                correct++;
            } else {
                misread.merge(d.digit() + " " + d.style() + " as " + predicted, 1, Integer::sum);
            }
        }
        return correct / (double) drawings.size();
    }

    private static double rms(double[] values, int offset, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[offset + i] * values[offset + i];
        }
        return Math.sqrt(sum / count);
    }

    /** CPU time of the whole process (all threads): steadier than wall time on a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static Augmentation withLimit(Augmentation a, String key, double value) {
        double[] v = {a.maxShift(), a.maxRotationDegrees(), a.maxScale(), a.maxShear(), a.elasticAlpha(),
            a.elasticSigma(), a.maxThickness()};
        v[List.of("shift", "rotate", "scale", "shear", "elastic", "sigma", "thickness").indexOf(key)] = value;
        return new Augmentation(v[0], v[1], v[2], v[3], v[4], v[5], v[6], a.eraseProbability(), a.eraseMinSize(),
                a.eraseMaxSize(), a.eraseShape(), a.eraseEdge());
    }

    /** {@code a} with one of its erasing limits set from a key (eraseSize: "min-max" or one size). */
    private static Augmentation withErasing(Augmentation a, String key, String value) {
        double p = a.eraseProbability();
        double min = a.eraseMinSize();
        double max = a.eraseMaxSize();
        Augmentation.EraseShape shape = a.eraseShape();
        double edge = a.eraseEdge();
        switch (key) {
            case "erase" -> p = Double.parseDouble(value);
            case "eraseSize" -> {
                String[] range = value.split("-", 2);
                min = Double.parseDouble(range[0]);
                max = range.length > 1 ? Double.parseDouble(range[1]) : min;
            }
            case "eraseShape" -> shape = Augmentation.EraseShape.fromId(value);
            case "eraseEdge" -> edge = Double.parseDouble(value);
            default -> throw new IllegalArgumentException("unknown key " + key);
        }
        return a.withErasing(p, min, max, shape, edge);
    }

    /**
     * The sRGB encoding curve v ↦ 12.92·v (v ≤ 0.0031308), 1.055·v^(1/2.4) − 0.055 (above): what
     * Java's linear-gray → sRGB conversion did to the digits sheet (0.5 → 0.735).
     */
    static Dataset srgbContrast(Dataset data) {
        double[] pixels = data.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            double v = pixels[i];
            pixels[i] = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        }
        return new Dataset(data.name(), data.width(), data.height(), data.classCount(), pixels, data.labels());
    }

    private static TrainingSnapshot train(TrainingConfig config, Split split, double finalFraction, double initScale,
                                          double initBlur, boolean ahead) {
        Network initial = config.initialNetwork(split.train().width(), split.train().height(), split.train().classCount());
        double[] theta1 = initial.theta1Copy();
        Network network = initial;
        int columns = network.spec().inputSize() + 1;
        int width = split.train().width();
        int height = split.train().height();
        for (int unit = 0; unit < network.spec().hiddenSize(); unit++) {
            int offset = unit * columns + 1;
            double before = rms(theta1, offset, columns - 1);
            if (initBlur > 0) {
                GaussianBlur.apply(theta1, offset, width, height, initBlur);
                double after = rms(theta1, offset, columns - 1);
                for (int i = 0; i < columns - 1; i++) {
                    theta1[offset + i] *= before / after;
                }
            }
            for (int i = 0; i < columns - 1; i++) {
                theta1[offset + i] *= initScale;
            }
        }
        network = new Network(initial.spec(), theta1, initial.theta2Copy());
        Trainer trainer = FAST ? new Trainer(config, network, split.train(), split.test(), new TuningCostFunction())
                : new Trainer(config, network, split.train(), split.test());
        trainer.setFinalLearningRateFraction(finalFraction);
        trainer.setAugmentAhead(ahead);
        trainer.setPublishIntervalMillis(Long.MAX_VALUE / 2_000_000L);
        return trainer.run();
    }
}
