package org.hiddenneurons.io.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.walkthrough.NumberTable;
import org.hiddenneurons.core.walkthrough.StepContent;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.core.walkthrough.WalkthroughPictures;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.io.AtomicFiles;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * A self-contained HTML handout of a walkthrough: every step's formula, shapes, caption, tables
 * (6 significant digits; the CSV has full precision) and images embedded as PNG data: URIs.
 * The output is well-formed XML (XHTML syntax) so that it can be checked by a parser.
 */
public final class WalkthroughHandout {

    /** Screen pixels per image pixel for the large pictures (input, selected unit). */
    static final int LARGE_SCALE = 8;
    /** … and for the 25 small tiles. */
    static final int TILE_SCALE = 3;
    /** Tables with more rows than this are folded into a details element. */
    static final int FOLD_ROWS = 30;
    /** The palette for paper: blue – white – red. */
    public static final DivergingPalette PAPER_PALETTE = DivergingPalette.BLUE_WHITE_RED;

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;\
            color:#1f2430;line-height:1.45}
            h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:2px solid #2f6fdf;padding-bottom:.2em;margin-top:2em}
            .formula{font-family:"DejaVu Serif",Georgia,serif;font-size:1.35em;margin:.4em 0}
            .shapes{color:#5f6878;font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
            .caption{font-style:italic}
            figure{display:inline-block;margin:.3em 1.2em .3em 0;vertical-align:top;text-align:center}
            figcaption{font-size:.85em;color:#5f6878;max-width:22em}
            img{image-rendering:pixelated;border:1px solid #dde1e8}
            .tiles img{margin:1px}
            table{border-collapse:collapse;margin:.5em 0;font-size:.85em}
            th,td{border:1px solid #dde1e8;padding:.15em .5em;text-align:right;font-family:"DejaVu Sans Mono",monospace}
            th{background:#f4f5f7}td.label{text-align:left;color:#5f6878}
            td.changed,th.changed{background:#fff4e0}
            summary{cursor:pointer;color:#2f6fdf}
            """;

    private WalkthroughHandout() {
    }

    /**
     * The handout as HTML.
     *
     * @param selectedUnit hidden unit (0-based) whose products, Δ¹ row and update are shown
     * @param csvName      file name of the companion CSV to mention, or null
     */
    public static String toHtml(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName) {
        NetworkSpec spec = w.spec();
        StringBuilder html = new StringBuilder(1 << 18);
        html.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Backpropagation, one example, every number</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Backpropagation: one example, every number</h1>\n");
        html.append("<p>Network ").append(spec.inputSize()).append('-').append(spec.hiddenSize()).append('-')
                .append(spec.outputSize()).append(" (").append(spec.inputWidth()).append('×')
                .append(spec.inputHeight()).append(" input images), hidden activation ")
                .append(spec.hiddenActivation().id()).append(", output ").append(spec.outputLayer().id())
                .append(" with cross-entropy. True label y = ").append(w.label()).append(", λ = ")
                .append(esc(WalkthroughFormat.display(w.lambda()))).append(", α = ")
                .append(esc(WalkthroughFormat.display(w.learningRate())))
                .append(", m = 1 example. Selected hidden unit: ").append(selectedUnit + 1).append(".</p>\n");
        html.append("<p>Conventions: Θ¹ is ").append(spec.hiddenSize()).append('×').append(spec.inputSize() + 1)
                .append(" and Θ² is ").append(spec.outputSize()).append('×').append(spec.hiddenSize() + 1)
                .append(", row-major, bias in column 0; a¹ᵢ and a²ⱼ count from 0 (the bias 1), pixel i of the image is ")
                .append("a¹ᵢ₊₁ with pixels read row by row (x fastest). Numbers here have 6 significant digits");
        if (csvName != null) {
            html.append("; the file <code>").append(esc(csvName))
                    .append("</code> holds every number at full precision (columns step, name, row, column, value, ")
                    .append("0-based)");
        }
        html.append(". Colours: red positive, blue negative, white 0.</p>\n");
        for (WalkthroughStep step : WalkthroughStep.values()) {
            appendStep(html, w, w.content(step), selectedUnit, palette);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Writes {@link #toHtml} as UTF-8, atomically. */
    public static void write(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName, Path file)
            throws IOException {
        byte[] bytes = toHtml(w, selectedUnit, palette, csvName).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Writes both files next to each other: {@code base}.html and {@code base}.csv.
     *
     * @param base a path without extension, e.g. {@code /home/t/backprop-7}
     */
    public static void writeBoth(Walkthrough w, int selectedUnit, DivergingPalette palette, Path base)
            throws IOException {
        Path folder = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        Path csv = folder.resolve(name + ".csv");
        WalkthroughCsv.write(w, csv);
        write(w, selectedUnit, palette, csv.getFileName().toString(), folder.resolve(name + ".html"));
    }

    private static void appendStep(StringBuilder html, Walkthrough w, StepContent content, int unit,
                                   DivergingPalette palette) {
        WalkthroughStep step = content.step();
        html.append("<section id=\"step-").append(step.number()).append("\">\n<h2>Step ").append(step.number())
                .append(" of ").append(WalkthroughStep.values().length).append(" · ").append(esc(step.title()))
                .append("</h2>\n");
        html.append("<p class=\"formula\">").append(esc(content.formula())).append("</p>\n");
        html.append("<p class=\"shapes\">").append(esc(content.shapes())).append("</p>\n");
        html.append("<p class=\"caption\">").append(esc(content.caption())).append("</p>\n");
        appendImages(html, w, step, unit, palette);
        for (NumberTable table : w.tables(step, unit)) {
            appendTable(html, table);
        }
        html.append("</section>\n");
    }

    private static void appendImages(StringBuilder html, Walkthrough w, WalkthroughStep step, int unit,
                                     DivergingPalette palette) {
        NetworkSpec spec = w.spec();
        int width = spec.inputWidth();
        int height = spec.inputHeight();
        int inputs = spec.inputSize();
        double[] theta1 = w.network().theta1();
        switch (step) {
            case INPUT -> {
                html.append("<div class=\"images\">");
                figure(html, WalkthroughPictures.gray(w.input(), 0, inputs), width, height, LARGE_SCALE,
                        "x as a " + width + "×" + height + " image (label " + w.label() + ")");
                html.append("</div>\n");
            }
            case HIDDEN_SUM -> {
                html.append("<div class=\"images\">");
                int row = unit * (inputs + 1) + 1;
                figure(html, WalkthroughPictures.diverging(theta1, row, inputs,
                        WalkthroughPictures.maxAbs(theta1, row, inputs), palette), width, height, LARGE_SCALE,
                        "unit " + (unit + 1) + "'s weights Θ¹ⱼ (its picture), max |w| = "
                                + WalkthroughFormat.display(WalkthroughPictures.maxAbs(theta1, row, inputs)));
                double[] products = w.products(unit);
                double max = WalkthroughPictures.maxAbs(products, 1, inputs);
                double sum = w.pass().z2()[unit] - products[0];
                figure(html, WalkthroughPictures.diverging(products, 1, inputs, max, palette), width, height,
                        LARGE_SCALE, "the products Θ¹ⱼᵢ·xᵢ: their sum is " + WalkthroughFormat.display(sum)
                                + ", plus the bias " + WalkthroughFormat.display(products[0]) + " gives z²ⱼ = "
                                + WalkthroughFormat.display(w.pass().z2()[unit]));
                html.append("</div>\n");
                tiles(html, theta1, spec, palette, false, "all hidden units' pictures (each on its own scale)");
            }
            case GRADIENTS -> tiles(html, WalkthroughPictures.negated(w.bigDelta1()), spec, palette, true,
                    "−Δ¹, row by row: the direction each hidden picture is about to move (one shared scale)");
            case UPDATE -> {
                html.append("<div class=\"images\">");
                double[] after = w.networkAfter().theta1();
                int row = unit * (inputs + 1) + 1;
                double max = Math.max(WalkthroughPictures.maxAbs(theta1, row, inputs),
                        WalkthroughPictures.maxAbs(after, row, inputs));
                figure(html, WalkthroughPictures.diverging(theta1, row, inputs, max, palette), width, height,
                        LARGE_SCALE, "unit " + (unit + 1) + " before");
                figure(html, WalkthroughPictures.diverging(after, row, inputs, max, palette), width, height,
                        LARGE_SCALE, "unit " + (unit + 1) + " after (same scale)");
                double[] change = WalkthroughPictures.difference(after, theta1);
                double changeMax = WalkthroughPictures.maxAbs(change, row, inputs);
                figure(html, WalkthroughPictures.diverging(change, row, inputs, changeMax, palette), width, height,
                        LARGE_SCALE, "after − before, max |change| = " + WalkthroughFormat.display(changeMax));
                html.append("</div>\n");
            }
            default -> {
                // tables only
            }
        }
    }

    /** All hidden units' rows of a Θ1-shaped matrix as small tiles, on one shared scale or each on its own. */
    private static void tiles(StringBuilder html, double[] matrix, NetworkSpec spec, DivergingPalette palette,
                              boolean shared, String caption) {
        int inputs = spec.inputSize();
        double sharedMax = 0;
        for (int j = 0; j < spec.hiddenSize(); j++) {
            sharedMax = Math.max(sharedMax, WalkthroughPictures.maxAbs(matrix, j * (inputs + 1) + 1, inputs));
        }
        html.append("<figure class=\"tiles\"><div>");
        for (int j = 0; j < spec.hiddenSize(); j++) {
            int row = j * (inputs + 1) + 1;
            double max = shared ? sharedMax : WalkthroughPictures.maxAbs(matrix, row, inputs);
            byte[] png = PngImages.png(WalkthroughPictures.diverging(matrix, row, inputs, max, palette),
                    spec.inputWidth(), spec.inputHeight(), TILE_SCALE);
            html.append("<img alt=\"unit ").append(j + 1).append("\" title=\"unit ").append(j + 1)
                    .append("\" src=\"").append(PngImages.dataUri(png)).append("\"/>");
            if ((j + 1) % 5 == 0) {
                html.append("<br/>");
            }
        }
        html.append("</div><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }

    private static void figure(StringBuilder html, int[] argb, int width, int height, int scale, String caption) {
        html.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"")
                .append(PngImages.dataUri(PngImages.png(argb, width, height, scale))).append("\"/><figcaption>")
                .append(esc(caption)).append("</figcaption></figure>");
    }

    private static void appendTable(StringBuilder html, NumberTable table) {
        boolean fold = table.rowCount() > FOLD_ROWS;
        if (fold) {
            html.append("<details><summary>").append(esc(table.title())).append(" (").append(table.rowCount())
                    .append(" rows)</summary>\n");
        } else {
            html.append("<p><strong>").append(esc(table.title())).append("</strong></p>\n");
        }
        html.append("<table>\n<tr><th>").append(esc(table.rowHeader())).append("</th>");
        List<NumberTable.Column> columns = table.columns();
        for (NumberTable.Column column : columns) {
            html.append(column.changed() ? "<th class=\"changed\">" : "<th>").append(esc(column.name()))
                    .append("</th>");
        }
        html.append("</tr>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            html.append("<tr><td class=\"label\">").append(esc(table.rowLabels().get(r))).append("</td>");
            for (NumberTable.Column column : columns) {
                html.append(column.changed() ? "<td class=\"changed\">" : "<td>")
                        .append(esc(WalkthroughFormat.display(column.values()[r]))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (fold) {
            html.append("</details>\n");
        }
    }

    /** Escapes &amp;, &lt;, &gt; and quotes for text and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
