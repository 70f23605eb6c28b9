package org.hiddenneurons.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.eval.ConfusionMatrix;
import org.hiddenneurons.io.DatasetMatch;
import org.hiddenneurons.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: accuracy, per-class accuracy and the confusion matrix of a saved model. */
@Command(name = "evaluate", sortOptions = false,
        description = {"Accuracy, per-class accuracy and confusion matrix of a saved model.",
            "Confusion matrix rows are the actual classes, columns the predicted ones."})
final class EvaluateCommand extends Subcommand {

    @Mixin
    ModelOption model;

    @Mixin
    DataOption data;

    @Option(names = "--split", paramLabel = "train|test|all", defaultValue = "test",
            converter = Converters.SplitConverter.class,
            description = "Which samples of the standard split (default: ${DEFAULT-VALUE}).")
    Converters.SplitChoice split;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    /** Predicts every sample of {@code data} (the batched {@link Evaluation#predictAll}) and counts. */
    static ConfusionMatrix evaluate(SavedModel saved, Dataset data) {
        int[] predicted = Evaluation.predictAll(saved.network(), data);
        return ConfusionMatrix.of(saved.network().spec().outputSize(), data.labels(), predicted, null);
    }

    @Override
    public Integer call() throws DataFormatException {
        SavedModel saved = model.load();
        Split loaded = CliSupport.loadSplit(data.path);
        CliSupport.checkFits(saved, model.path, loaded.train());
        CliSupport.checkFits(saved, model.path, loaded.test());
        Dataset part = saved.prepare(split.select(loaded));
        String dataName = CliSupport.dataName(data.path);
        DatasetMatch match = CliSupport.checkDataMatch(spec.commandLine().getErr(), saved, model.path, loaded, dataName);
        ConfusionMatrix report = evaluate(saved, part);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> fields = jsonFields(saved, report, dataName, loaded.describe());
            fields.put("dataMatch", match.name().toLowerCase(Locale.ROOT));
            if (match == DatasetMatch.DIFFERS) {
                fields.put("dataWarning", CliSupport.dataWarning(saved, model.path, dataName));
            }
            out.println(CliSupport.jsonLine(fields));
        } else {
            printTable(out, report, dataName, loaded.describe());
        }
        return Cli.EXIT_OK;
    }

    private Map<String, Object> jsonFields(SavedModel saved, ConfusionMatrix report, String dataName,
                                           String splitRule) {
        int classes = report.classCount();
        List<Object> perClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            perClass.add(CliSupport.number(report.classAccuracy(k)));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", model.path.toString());
        fields.put("data", dataName);
        fields.put("split", split.id());
        fields.put("splitRule", splitRule);
        int[][] confusion = new int[classes][classes];
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                confusion[actual][predicted] = report.count(actual, predicted);
            }
        }
        fields.put("samples", report.total());
        fields.put("correct", report.correct());
        fields.put("accuracy", CliSupport.number(report.accuracy()));
        fields.put("perClassAccuracy", perClass);
        fields.put("confusion", confusion);
        fields.put("pictureSmoothness", CliSupport.number(PictureSmoothness.of(saved.network())));
        return fields;
    }

    private void printTable(PrintWriter out, ConfusionMatrix report, String dataName, String splitRule) {
        out.printf(Locale.ROOT, "%s on %s (%s split, %d samples)%n", model.path, dataName, split.id(), report.total());
        out.printf(Locale.ROOT, "accuracy %.2f%% (%d of %d)%n", 100 * report.accuracy(), report.correct(),
                report.total());
        out.printf(Locale.ROOT, "%s%n%n", splitRule);
        int classes = report.classCount();
        int largest = report.maxCount();
        int width = Math.max(String.valueOf(largest).length(), String.valueOf(classes - 1).length()) + 2;
        String corner = "actual \\ predicted";
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + corner.length() + "s", corner));
        for (int k = 0; k < classes; k++) {
            header.append(String.format(Locale.ROOT, "%" + width + "d", k));
        }
        header.append("   accuracy");
        out.println(header);
        for (int actual = 0; actual < classes; actual++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%" + corner.length() + "d", actual));
            for (int predicted = 0; predicted < classes; predicted++) {
                line.append(String.format(Locale.ROOT, "%" + width + "d", report.count(actual, predicted)));
            }
            double accuracy = report.classAccuracy(actual);
            line.append(Double.isNaN(accuracy) ? "          -"
                    : String.format(Locale.ROOT, "%10.1f%%", 100 * accuracy));
            out.println(line);
        }
    }
}
