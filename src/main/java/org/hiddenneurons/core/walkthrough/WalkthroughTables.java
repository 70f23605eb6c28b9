package org.hiddenneurons.core.walkthrough;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.walkthrough.NumberTable.Column;

/**
 * The tables each step shows. Row labels follow the course's indices: a¹ᵢ and a²ⱼ count from 0
 * (the bias), hidden units from 1, digits from 0. Columns this step computed are marked changed.
 */
final class WalkthroughTables {

    static final String BIAS = "0 (bias)";

    private WalkthroughTables() {
    }

    static List<NumberTable> tables(Walkthrough w, WalkthroughStep step, int unit) {
        NetworkSpec spec = w.spec();
        int inputs = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        ForwardPass pass = w.pass();
        double[] theta1 = w.network().theta1();
        double[] theta2 = w.network().theta2();
        int unitNumber = unit + 1;
        List<NumberTable> tables = new ArrayList<>();
        switch (step) {
            case INPUT -> tables.add(new NumberTable("a¹: the input with the bias", "i (x, y)", inputLabels(spec),
                    List.of(new Column("a¹ᵢ", pass.a1(), true))));
            case HIDDEN_SUM -> {
                double[] bias = new double[hidden];
                double[] weighted = new double[hidden];
                for (int j = 0; j < hidden; j++) {
                    bias[j] = theta1[j * (inputs + 1)];
                    weighted[j] = pass.z2()[j] - bias[j];
                }
                tables.add(new NumberTable("z² = Θ¹·a¹", "unit j", hiddenLabels(hidden, false), List.of(
                        new Column("bias Θ¹ⱼ₀", bias, false),
                        new Column("Σᵢ Θ¹ⱼᵢ·xᵢ", weighted, true),
                        new Column("z²ⱼ", pass.z2(), true))));
                tables.add(new NumberTable("Unit " + unitNumber + ": its " + inputs + " products Θ¹ⱼᵢ·a¹ᵢ",
                        "i (x, y)", inputLabels(spec), List.of(
                        new Column("Θ¹ⱼᵢ", row(theta1, unit, inputs + 1), false),
                        new Column("a¹ᵢ", pass.a1(), false),
                        new Column("Θ¹ⱼᵢ·a¹ᵢ", w.products(unit), true))));
            }
            case HIDDEN_ACTIVATION -> tables.add(new NumberTable("a² = [1 ; g(z²)]", "j",
                    hiddenLabels(hidden, true), List.of(
                    new Column("z²ⱼ", withBiasGap(pass.z2()), false),
                    new Column("a²ⱼ", pass.a2(), true))));
            case OUTPUT_SUM -> {
                tables.add(new NumberTable("z³ = Θ²·a²", "digit k", digitLabels(outputs),
                        List.of(new Column("z³ₖ", pass.z3(), true))));
                List<Column> columns = new ArrayList<>();
                for (int j = 0; j <= hidden; j++) {
                    columns.add(new Column(j == 0 ? "bias" : "Θ²ₖ," + j, column(theta2, j, outputs, hidden + 1), false));
                }
                tables.add(new NumberTable("Θ² (" + outputs + "×" + (hidden + 1) + ")", "digit k", digitLabels(outputs),
                        columns));
            }
            case OUTPUT_ACTIVATION -> tables.add(new NumberTable(
                    spec.outputLayer() == OutputLayer.SOFTMAX_CROSS_ENTROPY ? "a³ = softmax(z³)" : "a³ = g(z³)",
                    "digit k", digitLabels(outputs), List.of(
                    new Column("z³ₖ", pass.z3(), false),
                    new Column("a³ₖ", pass.a3(), true),
                    new Column("yₖ", w.y(), true))));
            case COST -> {
                tables.add(new NumberTable("The cost, term by term", "digit k", digitLabels(outputs), List.of(
                        new Column("yₖ", w.y(), false),
                        new Column("a³ₖ", pass.a3(), false),
                        new Column("term", w.costTerms(), true))));
                tables.add(new NumberTable("J of this example (m = 1)", "", List.of(
                        "data term", "λ/(2m)·ΣΘ² (λ = " + WalkthroughFormat.display(w.lambda()) + ")",
                        "J with regularisation"), List.of(
                        new Column("value", new double[] {w.dataCost(), w.regularisation(), w.cost()}, true))));
            }
            case OUTPUT_ERROR -> tables.add(new NumberTable("δ³ = a³ − y", "digit k", digitLabels(outputs), List.of(
                    new Column("a³ₖ", pass.a3(), false),
                    new Column("yₖ", w.y(), false),
                    new Column("δ³ₖ", w.delta3(), true))));
            case HIDDEN_ERROR -> tables.add(new NumberTable("δ² = (Θ²ᵀ·δ³)[1:] ⊙ g′(z²)", "unit j",
                    hiddenLabels(hidden, false), List.of(
                    new Column("(Θ²ᵀ·δ³)ⱼ", w.backSum(), true),
                    new Column("z²ⱼ", pass.z2(), false),
                    new Column("g′(z²ⱼ)", w.slope(), true),
                    new Column("δ²ⱼ", w.delta2(), true))));
            case GRADIENTS -> {
                double[] bigDelta2 = w.bigDelta2();
                List<Column> columns = new ArrayList<>();
                for (int j = 0; j <= hidden; j++) {
                    columns.add(new Column(j == 0 ? "bias" : "Δ²ₖ," + j, column(bigDelta2, j, outputs, hidden + 1), true));
                }
                tables.add(new NumberTable("Δ² = δ³·a²ᵀ (" + outputs + "×" + (hidden + 1) + ")", "digit k",
                        digitLabels(outputs), columns));
                tables.add(new NumberTable("Unit " + unitNumber + ": row j of Δ¹ = δ²ⱼ·a¹ᵀ (δ²ⱼ = "
                        + WalkthroughFormat.display(w.delta2()[unit]) + ")", "i (x, y)", inputLabels(spec), List.of(
                        new Column("a¹ᵢ", pass.a1(), false),
                        new Column("Δ¹ⱼᵢ", row(w.bigDelta1(), unit, inputs + 1), true))));
            }
            case UPDATE -> {
                tables.add(new NumberTable("Unit " + unitNumber + ": Θ¹ⱼᵢ before and after", "i (x, y)",
                        inputLabels(spec), List.of(
                        new Column("Θ¹ⱼᵢ before", row(theta1, unit, inputs + 1), false),
                        new Column("∂J/∂Θ¹ⱼᵢ", row(w.gradient1(), unit, inputs + 1), true),
                        new Column("Θ¹ⱼᵢ after", row(w.networkAfter().theta1(), unit, inputs + 1), true))));
                tables.add(new NumberTable("The prediction before and after", "digit k", digitLabels(outputs), List.of(
                        new Column("a³ₖ before", pass.a3(), false),
                        new Column("a³ₖ after", w.passAfter().a3(), true),
                        new Column("yₖ", w.y(), false))));
                tables.add(new NumberTable("The cost before and after", "", List.of("before", "after"), List.of(
                        new Column("data term", new double[] {w.dataCost(), w.dataCostAfter()}, true),
                        new Column("J with regularisation", new double[] {w.cost(), w.costAfter()}, true))));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return tables;
    }

    /** "0 (bias)", "1 (0, 0)", "2 (1, 0)", …: a¹'s index and the pixel's (x, y). */
    static List<String> inputLabels(NetworkSpec spec) {
        List<String> labels = new ArrayList<>(spec.inputSize() + 1);
        labels.add(BIAS);
        for (int p = 0; p < spec.inputSize(); p++) {
            labels.add((p + 1) + " (" + p % spec.inputWidth() + ", " + p / spec.inputWidth() + ")");
        }
        return labels;
    }

    static List<String> hiddenLabels(int hidden, boolean withBias) {
        List<String> labels = new ArrayList<>();
        if (withBias) {
            labels.add(BIAS);
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
