package org.hiddenneurons.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.InitialScoring;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code train}: trains on the standard split, saves the model, prints one JSON line of results.
 * Every default comes from {@link TrainingConfig#defaults()} through {@link Defaults}.
 */
@Command(name = "train", sortOptions = false, defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Trains a network and saves it as a model file.",
            "Trains on the standard train split and reports the test split. Progress goes to stderr; stdout gets"
                + " exactly one JSON line with the keys trainAccuracy, testAccuracy, trainLoss, testLoss, epochs"
                + " and seconds (training wall time)."})
final class TrainCommand extends Subcommand {

    /** About this many progress lines per run. */
    /**
     * At most one progress line (and one evaluation of the train and test sets) per this many ms:
     * scoring 5000 digits every epoch would cost about a third of the training time.
     */
    static final long PROGRESS_INTERVAL_MILLIS = 250;

    @Mixin
    DataOption data;

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--activation", paramLabel = "sigmoid|tanh|relu",
            converter = Converters.ActivationConverter.class,
            description = "Hidden activation (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--output", paramLabel = "sigmoid|softmax", converter = Converters.OutputLayerConverter.class,
            description = "Output layer and its cross-entropy cost (default: ${DEFAULT-VALUE}).")
    OutputLayer output;

    @Option(names = "--lambda", paramLabel = "L", description = "L2 regularisation λ (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--optimizer", paramLabel = "gd|sgd|adam|lbfgs", converter = Converters.OptimizerConverter.class,
            description = "Optimizer (default: ${DEFAULT-VALUE}).")
    OptimizerKind optimizer;

    @Option(names = "--learning-rate", paramLabel = "A",
            description = "Learning rate α, ignored by lbfgs (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum μ (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Mini-batch size for sgd and adam (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Same as --epochs, for the full-batch optimizers gd and lbfgs (one iteration per epoch).")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed for initialisation, shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--augment", description = "Distort each training image randomly each epoch (shift, rotation,"
            + " scale, shear, stroke thickness and random erasing of a small square within"
            + " TrainingConfig.DEFAULT_AUGMENTATION; on by default).")
    boolean augment;

    @Option(names = "--no-augment", description = "Train on the images as they are.")
    boolean noAugment;

    @Option(names = "--deskew", description = "Deskew every image the model sees (moment-based shear, data.Deskew):"
            + " a preprocessing step stored in the model file, applied by evaluate, cost and predict (off by default).")
    boolean deskew;

    @Option(names = "--no-deskew", description = "Give the model the images without deskewing.")
    boolean noDeskew;

    @Option(names = "--input-blur", paramLabel = "PX", description = "Blur every image the model sees by a"
            + " Gaussian of σ = PX pixels after deskewing (data.GaussianBlur): a preprocessing step stored in the model"
            + " file, applied by evaluate, cost and predict; 0 = off (default: ${DEFAULT-VALUE}).")
    double inputBlur;

    @Option(names = "--init", paramLabel = "uniform|glorot|blurred", converter = Converters.InitializerConverter.class,
            description = "Weight initialisation (default: ${DEFAULT-VALUE}).")
    Initializer initializer;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to save the model (JSON).")
    Path out;

    /** Every option's default, read from {@link TrainingConfig#defaults()} (never repeated here). */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            TrainingConfig defaults = TrainingConfig.defaults();
            return switch (option.longestName()) {
                case "--hidden" -> String.valueOf(defaults.hiddenSize());
                case "--activation" -> defaults.activation().id();
                case "--output" -> defaults.outputLayer().id();
                case "--lambda" -> String.valueOf(defaults.lambda());
                case "--optimizer" -> defaults.optimizer().id();
                case "--learning-rate" -> String.valueOf(defaults.learningRate());
                case "--momentum" -> String.valueOf(defaults.momentum());
                case "--batch-size" -> String.valueOf(defaults.batchSize());
                case "--epochs" -> String.valueOf(defaults.epochs());
                case "--seed" -> String.valueOf(defaults.seed());
                case "--init" -> defaults.initializer().id();
                case "--input-blur" -> String.valueOf(defaults.inputBlur());
                default -> null;
            };
        }
    }

    @Override
    public Integer call() throws DataFormatException, IOException {
        if (iterations != null && spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            throw new ParameterException(spec.commandLine(), "--epochs and --iterations are the same setting; give one");
        }
        if (augment && noAugment) {
            throw new ParameterException(spec.commandLine(), "--augment and --no-augment contradict each other; give one");
        }
        if (deskew && noDeskew) {
            throw new ParameterException(spec.commandLine(), "--deskew and --no-deskew contradict each other; give one");
        }
        TrainingConfig base = TrainingConfig.defaults();
        int epochCount = iterations != null ? iterations : given("--epochs") ? epochs : base.epochs();
        TrainingConfig config = new TrainingConfig(
                given("--hidden") ? hidden : base.hiddenSize(),
                given("--activation") ? activation : base.activation(),
                given("--output") ? output : base.outputLayer(),
                given("--init") ? initializer : base.initializer(),
                given("--optimizer") ? optimizer : base.optimizer(),
                given("--learning-rate") ? learningRate : base.learningRate(),
                given("--momentum") ? momentum : base.momentum(),
                given("--batch-size") ? batchSize : base.batchSize(),
                epochCount,
                given("--lambda") ? lambda : base.lambda(),
                given("--seed") ? seed : base.seed(),
                !noAugment && (augment || base.augment()),
                base.augmentation(),
                !noDeskew && (deskew || base.deskew()),
                given("--input-blur") ? inputBlur : base.inputBlur());
        CliSupport.checkFolderExists(out);

        PrintWriter err = spec.commandLine().getErr();
        Split split = CliSupport.loadSplit(data.path);
        Dataset train = split.train();
        int classCount = Math.max(train.classCount(), split.test().classCount());
        NetworkSpec networkSpec = config.spec(train.width(), train.height(), classCount);
        Network network = config.initialNetwork(train.width(), train.height(), classCount);
        String dataName = data.path == null ? DigitsImage.NAME : String.valueOf(data.path.getFileName());
        err.printf(Locale.ROOT, "training %d-%d-%d (%s, %s output) on %s: %s, %s, %d %s%n",
                networkSpec.inputSize(), networkSpec.hiddenSize(), networkSpec.outputSize(), config.activation().id(),
                config.outputLayer().id(), dataName, split.describe(),
                config.optimizer().id(), epochCount,
                unit(config) + (epochCount == 1 ? "" : "s")
                        + (config.preprocessingSteps().isEmpty() ? "" : ", images " + config.preprocessingSteps()));

        Trainer trainer = new Trainer(config, network, split.train(), split.test());
        trainer.setPublishIntervalMillis(PROGRESS_INTERVAL_MILLIS);
        trainer.setInitialScoring(InitialScoring.NONE); // no line is printed for epoch 0
        trainer.addListener(snapshot -> {
            if (snapshot.epoch() > 0) {
                err.printf(Locale.ROOT, "%s %d/%d  train loss %.6f  test accuracy %.2f%%%n", unit(config),
                        snapshot.epoch(), snapshot.totalEpochs(), snapshot.trainLoss(),
                        100 * snapshot.testAccuracy());
                err.flush();
            }
        });
        TrainingSnapshot result = trainer.run();

        ModelFile.save(out, new SavedModel(result.network(), config, dataName, DatasetHash.sha256(train),
                result.epoch()));
        err.println("saved " + out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("trainAccuracy", CliSupport.number(result.trainAccuracy()));
        line.put("testAccuracy", CliSupport.number(result.testAccuracy()));
        line.put("trainLoss", CliSupport.number(result.trainLoss()));
        line.put("testLoss", CliSupport.number(result.testLoss()));
        line.put("epochs", result.epoch());
        line.put("seconds", result.elapsedSeconds());
        line.put("pictureSmoothness", CliSupport.number(PictureSmoothness.of(result.network())));
        line.put("split", split.describe());
        spec.commandLine().getOut().println(CliSupport.jsonLine(line));
        if (result.state() == TrainingState.DIVERGED) {
            err.println(Cli.NAME + ": training diverged: " + result.message()
                    + " (the last finite weights were saved)");
            return Cli.EXIT_FAILURE;
        }
        return Cli.EXIT_OK;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static String unit(TrainingConfig config) {
        return config.optimizer().isFullBatch() ? "iteration" : "epoch";
    }
}
