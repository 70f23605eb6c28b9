package org.hiddenneurons.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.ImageFiles;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code predict}: classifies image files the way the app classifies a drawing. */
@Command(name = "predict", sortOptions = false,
        description = {"Classifies image files with a saved model.",
            "Each image goes through the same preprocessing as a drawing (crop to the ink, pen width into the"
                + " data set's range, scale into its digit box, centre by centre of mass, strongest pixel back to 1), then through the network. Prints per image: file,"
                + " digit and the output probabilities; a blank image says \"nothing drawn\"."})
final class PredictCommand extends Subcommand {

    @Mixin
    ModelOption model;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Data set whose digit size and centre the preprocessing matches (default: the bundled"
                    + " digits.png).")
    Path data;

    @Option(names = "--json", description = "One JSON object per line: {\"file\",\"blank\",\"digit\",\"probabilities\"}.")
    boolean json;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG, JPEG, BMP or GIF files.")
    List<Path> images;

    /** One image's verdict; {@code probabilities} is null (and digit −1) when nothing was drawn. */
    record Prediction(Path file, boolean blank, int digit, double[] probabilities) {
    }

    @Override
    public Integer call() throws DataFormatException {
        SavedModel saved = model.load();
        Network network = saved.network();
        Preprocessor preprocessor = data == null ? Preprocessor.forBundledDigits()
                : new Preprocessor(Preprocessor.measure(CliSupport.loadData(data)));
        NetworkSpec networkSpec = network.spec();
        Preprocessor.Target target = preprocessor.target();
        if (target.width() != networkSpec.inputWidth() || target.height() != networkSpec.inputHeight()) {
            throw new UsageException(model.path + " expects " + networkSpec.inputWidth() + "x" + networkSpec.inputHeight()
                    + " images, but preprocessing for " + (data == null ? DigitsImage.NAME : data) + " makes " + target.width() + "x"
                    + target.height() + " (pass --data with the model's data set)");
        }
        // Read every image first so that a bad file fails the command before anything is printed.
        List<Prediction> predictions = new ArrayList<>();
        for (Path image : images) {
            predictions.add(predict(saved, preprocessor, image));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Prediction prediction : predictions) {
            out.println(json ? jsonLine(prediction) : textLine(prediction));
        }
        return Cli.EXIT_OK;
    }

    /** Reads, preprocesses (the drawing pipeline, then the model's own step) and classifies one image file. */
    static Prediction predict(SavedModel saved, Preprocessor preprocessor, Path file) throws DataFormatException {
        Preprocessor.Result result = preprocessor.process(ImageFiles.read(file));
        if (result.blank()) {
            return new Prediction(file, true, -1, null);
        }
        Preprocessor.Target target = preprocessor.target();
        double[] probabilities = saved.network().predict(
                saved.prepare(result.networkInput(), target.width(), target.height()));
        return new Prediction(file, false, Network.argMax(probabilities), probabilities);
    }

    private static String textLine(Prediction prediction) {
        if (prediction.blank()) {
            return prediction.file() + ": nothing drawn";
        }
        StringBuilder line = new StringBuilder();
        line.append(prediction.file()).append(": ").append(prediction.digit()).append("   probabilities");
        double[] probabilities = prediction.probabilities();
        for (int k = 0; k < probabilities.length; k++) {
            line.append(String.format(Locale.ROOT, " %d=%.4f", k, probabilities[k]));
        }
        return line.toString();
    }

    private static String jsonLine(Prediction prediction) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", prediction.file().toString());
        fields.put("blank", prediction.blank());
        fields.put("digit", prediction.blank() ? null : prediction.digit());
        fields.put("probabilities", prediction.probabilities());
        return CliSupport.jsonLine(fields);
    }
}
