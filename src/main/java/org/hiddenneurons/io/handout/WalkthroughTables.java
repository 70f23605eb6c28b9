package org.hiddenneurons.io.handout;

import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import static org.hiddenneurons.io.handout.WalkthroughWords.n;
import static org.hiddenneurons.io.handout.WalkthroughWords.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.io.handout.NumberTable.Column;

/**
 * The tables each step shows. Row labels follow the course's indices: a¹ᵢ and a²ⱼ count from 0
 * (the bias), hidden units from 1, digits from 0. Columns this step computed are marked changed.
 */
public final class WalkthroughTables {

    private WalkthroughTables() {
    }

    /**
     * The tables of {@code step}, titles and headings in {@code language}; tables about one hidden
     * unit show {@code unit}.
     *
     * @param unit hidden unit j, 0-based
     */
    public static List<NumberTable> tables(Walkthrough w, WalkthroughStep step, int unit, Locale language) {
        if (unit < 0 || unit >= w.spec().hiddenSize()) {
            throw new IllegalArgumentException("unit " + unit + " is outside 0.." + (w.spec().hiddenSize() - 1));
        }
        NetworkSpec spec = w.spec();
        int inputs = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        ForwardPass pass = w.pass();
        double[] theta1 = w.network().theta1Copy();
        double[] theta2 = w.network().theta2Copy();
        String unitNumber = n(unit + 1);
        String digitK = text(language, "table.digitK");
        String unitJ = text(language, "table.unitJ");
        String bias = text(language, "table.bias");
        List<String> inputLabels = inputLabels(spec, language);
        List<NumberTable> tables = new ArrayList<>();
        switch (step) {
            case INPUT -> tables.add(new NumberTable(text(language, "table.input"), "i (x, y)", inputLabels,
                    List.of(new Column("a¹ᵢ", pass.a1(), true))));
            case HIDDEN_SUM -> {
                double[] biases = new double[hidden];
                double[] weighted = new double[hidden];
                for (int j = 0; j < hidden; j++) {
                    biases[j] = theta1[j * (inputs + 1)];
                    weighted[j] = pass.z2()[j] - biases[j];
                }
                tables.add(new NumberTable("z² = Θ¹·a¹", unitJ, hiddenLabels(hidden, false, language), List.of(
                        new Column(text(language, "table.biasTheta1"), biases, false),
                        new Column("Σᵢ Θ¹ⱼᵢ·xᵢ", weighted, true),
                        new Column("z²ⱼ", pass.z2(), true))));
                tables.add(new NumberTable(text(language, "table.products", unitNumber, n(inputs)),
                        "i (x, y)", inputLabels, List.of(
                        new Column("Θ¹ⱼᵢ", row(theta1, unit, inputs + 1), false),
                        new Column("a¹ᵢ", pass.a1(), false),
                        new Column("Θ¹ⱼᵢ·a¹ᵢ", w.products(unit), true))));
            }
            case HIDDEN_ACTIVATION -> tables.add(new NumberTable("a² = [1 ; g(z²)]", "j",
                    hiddenLabels(hidden, true, language), List.of(
                    new Column("z²ⱼ", withBiasGap(pass.z2()), false),
                    new Column("a²ⱼ", pass.a2(), true))));
            case OUTPUT_SUM -> {
                tables.add(new NumberTable("z³ = Θ²·a²", digitK, digitLabels(outputs),
                        List.of(new Column("z³ₖ", pass.z3(), true))));
                List<Column> columns = new ArrayList<>();
                for (int j = 0; j <= hidden; j++) {
                    columns.add(new Column(j == 0 ? bias : "Θ²ₖ," + j, column(theta2, j, outputs, hidden + 1), false));
                }
                tables.add(new NumberTable("Θ² (" + outputs + "×" + (hidden + 1) + ")", digitK, digitLabels(outputs),
                        columns));
            }
            case OUTPUT_ACTIVATION -> tables.add(new NumberTable(
                    spec.outputLayer() == OutputLayer.SOFTMAX_CROSS_ENTROPY ? "a³ = softmax(z³)" : "a³ = g(z³)",
                    digitK, digitLabels(outputs), List.of(
                    new Column("z³ₖ", pass.z3(), false),
                    new Column("a³ₖ", pass.a3(), true),
                    new Column("yₖ", w.y(), true))));
            case COST -> {
                tables.add(new NumberTable(text(language, "table.costTerms"), digitK, digitLabels(outputs), List.of(
                        new Column("yₖ", w.y(), false),
                        new Column("a³ₖ", pass.a3(), false),
                        new Column(text(language, "table.term"), w.costTerms(), true))));
                tables.add(new NumberTable(text(language, "table.costOfExample"), "", List.of(
                        text(language, "table.dataTerm"), "λ/(2m)·ΣΘ² (λ = " + WalkthroughFormat.display(w.lambda()) + ")",
                        text(language, "table.costRegularised")), List.of(
                        new Column(text(language, "table.value"), new double[] {w.dataCost(), w.regularisation(), w.cost()}, true))));
            }
            case OUTPUT_ERROR -> tables.add(new NumberTable("δ³ = a³ − y", digitK, digitLabels(outputs), List.of(
                    new Column("a³ₖ", pass.a3(), false),
                    new Column("yₖ", w.y(), false),
                    new Column("δ³ₖ", w.delta3(), true))));
            case HIDDEN_ERROR -> tables.add(new NumberTable("δ² = (Θ²ᵀ·δ³)[1:] ⊙ g′(z²)", unitJ,
                    hiddenLabels(hidden, false, language), List.of(
                    new Column("(Θ²ᵀ·δ³)ⱼ", w.backSum(), true),
                    new Column("z²ⱼ", pass.z2(), false),
                    new Column("g′(z²ⱼ)", w.slope(), true),
                    new Column("δ²ⱼ", w.delta2(), true))));
            case GRADIENTS -> {
                double[] bigDelta2 = w.bigDelta2();
                List<Column> columns = new ArrayList<>();
                for (int j = 0; j <= hidden; j++) {
                    columns.add(new Column(j == 0 ? bias : "Δ²ₖ," + j, column(bigDelta2, j, outputs, hidden + 1), true));
                }
                tables.add(new NumberTable("Δ² = δ³·a²ᵀ (" + outputs + "×" + (hidden + 1) + ")", digitK,
                        digitLabels(outputs), columns));
                tables.add(new NumberTable(text(language, "table.delta1Row", unitNumber,
                        WalkthroughFormat.display(w.delta2()[unit])), "i (x, y)", inputLabels, List.of(
                        new Column("a¹ᵢ", pass.a1(), false),
                        new Column("Δ¹ⱼᵢ", row(w.bigDelta1(), unit, inputs + 1), true))));
            }
            case UPDATE -> {
                tables.add(new NumberTable(text(language, "table.theta1BeforeAfter", unitNumber), "i (x, y)",
                        inputLabels, List.of(
                        new Column(text(language, "table.theta1Before"), row(theta1, unit, inputs + 1), false),
                        new Column("∂J/∂Θ¹ⱼᵢ", row(w.gradient1(), unit, inputs + 1), true),
                        new Column(text(language, "table.theta1After"), row(w.networkAfter().theta1Copy(), unit, inputs + 1), true))));
                tables.add(new NumberTable(text(language, "table.predictionBeforeAfter"), digitK, digitLabels(outputs), List.of(
                        new Column(text(language, "table.a3Before"), pass.a3(), false),
                        new Column(text(language, "table.a3After"), w.passAfter().a3(), true),
                        new Column("yₖ", w.y(), false))));
                tables.add(new NumberTable(text(language, "table.costBeforeAfter"), "",
                        List.of(text(language, "table.before"), text(language, "table.after")), List.of(
                        new Column(text(language, "table.dataTerm"), new double[] {w.dataCost(), w.dataCostAfter()}, true),
                        new Column(text(language, "table.costRegularised"), new double[] {w.cost(), w.costAfter()}, true))));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return tables;
    }

    /** "0 (bias)", "1 (0, 0)", "2 (1, 0)", …: a¹'s index and the pixel's (x, y). */
    static List<String> inputLabels(NetworkSpec spec, Locale language) {
        List<String> labels = new ArrayList<>(spec.inputSize() + 1);
        labels.add(text(language, "table.biasRow"));
        for (int p = 0; p < spec.inputSize(); p++) {
            labels.add((p + 1) + " (" + p % spec.inputWidth() + ", " + p / spec.inputWidth() + ")");
        }
        return labels;
    }

    static List<String> hiddenLabels(int hidden, boolean withBias, Locale language) {
        List<String> labels = new ArrayList<>();
        if (withBias) {
            labels.add(text(language, "table.biasRow"));
        }
        for (int j = 1; j <= hidden; j++) {
            labels.add(String.valueOf(j));
        }
        return labels;
    }

    static List<String> digitLabels(int outputs) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            labels.add(String.valueOf(k));
        }
        return labels;
    }

    /** Row r of a row-major matrix with {@code columns} columns. */
    static double[] row(double[] matrix, int r, int columns) {
        return Arrays.copyOfRange(matrix, r * columns, (r + 1) * columns);
    }

    /** Column c of a rows×columns row-major matrix. */
    static double[] column(double[] matrix, int c, int rows, int columns) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = matrix[r * columns + c];
        }
        return out;
    }

    /** NaN (empty bias cell) followed by {@code values}. */
    static double[] withBiasGap(double[] values) {
        double[] out = new double[values.length + 1];
        out[0] = Double.NaN;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }
}
