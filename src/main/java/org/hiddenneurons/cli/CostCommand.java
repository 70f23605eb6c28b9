package org.hiddenneurons.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.io.WeightsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cost}: J(Θ) of a saved model, and optionally its gradients as CSV. */
@Command(name = "cost", sortOptions = false,
        description = {"Prints the regularised cost J of a model on a data set, in full precision.",
            "Output: \"J = …\". With --gradients, also writes ∂J/∂Θ1 and ∂J/∂Θ2 as "
                + WeightsCsv.THETA1_GRADIENT_FILE + " and " + WeightsCsv.THETA2_GRADIENT_FILE
                + " in the Θ layout (bias in column 0)."})
final class CostCommand extends Subcommand {

    @Mixin
    ModelOption model;

    @Mixin
    DataOption data;

    @Option(names = "--split", paramLabel = "train|test|all", defaultValue = "train",
            converter = Converters.SplitConverter.class,
            description = "Which samples of the standard split (default: ${DEFAULT-VALUE}).")
    Converters.SplitChoice split;

    @Option(names = "--lambda", paramLabel = "L", required = true, description = "L2 regularisation λ ≥ 0.")
    double lambda;

    @Option(names = "--gradients", paramLabel = "DIR", description = "Folder to write the gradient CSV files to.")
    Path gradientsFolder;

    @Override
    public Integer call() throws DataFormatException, IOException {
        CliSupport.checkLambda(lambda);
        SavedModel saved = model.load();
        Split loaded = CliSupport.loadSplit(data.path);
        CliSupport.checkFits(saved, model.path, loaded.train());
        CliSupport.checkFits(saved, model.path, loaded.test());
        Dataset part = saved.prepare(split.select(loaded));
        spec.commandLine().getErr().println(split.id() + " part of the " + loaded.describe() + ": " + part.size()
                + " samples" + (saved.config() != null && !saved.config().preprocessingSteps().isEmpty()
                ? ", " + saved.config().preprocessingSteps() + " (the model's preprocessing)" : ""));
        CliSupport.checkDataMatch(spec.commandLine().getErr(), saved, model.path, loaded, CliSupport.dataName(data.path));
        NetworkSpec networkSpec = saved.network().spec();
        Gradients gradients = gradientsFolder == null ? null : new Gradients(networkSpec);
        double cost = CostFunction.standard().evaluate(saved.network(), part, part.labels(), part.size(),
                lambda, gradients, () -> false);
        spec.commandLine().getOut().println("J = " + cost);
        if (gradients != null) {
            CliSupport.writeThetaCsv(spec.commandLine().getErr(), networkSpec, gradientsFolder,
                    WeightsCsv.THETA1_GRADIENT_FILE, gradients.theta1Gradient(),
                    WeightsCsv.THETA2_GRADIENT_FILE, gradients.theta2Gradient());
        }
        return Cli.EXIT_OK;
    }
}
