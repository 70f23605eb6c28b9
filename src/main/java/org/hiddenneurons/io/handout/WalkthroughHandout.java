package org.hiddenneurons.io.handout;

import static org.hiddenneurons.io.handout.WalkthroughWords.text;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.data.AtomicFiles;
import org.hiddenneurons.viz.WalkthroughPictures;
import org.hiddenneurons.viz.FormulaRenderer;

/**
 * A self-contained HTML handout of a walkthrough: every step's formula, shapes, caption, tables
 * (6 significant digits; the CSV has full precision) and images embedded as PNG data: URIs, in
 * English or in the language asked for (the words are {@link WalkthroughWords}'; the CSV's column
 * and quantity names are ASCII ids in every language).
 * The output is well-formed XML (XHTML syntax) so that it can be checked by a parser.
 */
public final class WalkthroughHandout {

    /** Screen pixels per image pixel for the large pictures (input, selected unit). */
    static final int LARGE_SCALE = 8;
    /** … and for the 25 small tiles. */
    static final int TILE_SCALE = 3;
    /** Tables with more rows than this are folded into a details element. */
    static final int FOLD_ROWS = 30;
    /** Printed size of a formula's text, in CSS pixels. */
    static final float FORMULA_PX = 18;
    /** Formulas print in black ink. */
    static final int FORMULA_INK = 0xFF000000;
    private static final FormulaRenderer FORMULAS = new FormulaRenderer();
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
     * The handout as HTML, in English.
     *
     * @param selectedUnit hidden unit (0-based) whose products, Δ¹ row and update are shown
     * @param csvName      file name of the companion CSV to mention, or null
     */
    public static String toHtml(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName) {
        return toHtml(w, selectedUnit, palette, csvName, Locale.ENGLISH);
    }

    /**
     * As {@link #toHtml(Walkthrough, int, DivergingPalette, String)}, with every word in {@code language}
     * (see {@link WalkthroughWords}); the CSV it mentions stays language-neutral.
     */
    public static String toHtml(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName,
                                Locale language) {
        NetworkSpec spec = w.spec();
        String title = text(language, "handout.title");
        StringBuilder html = new StringBuilder(1 << 18);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.toLanguageTag())
                .append("\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
        html.append("<p>").append(esc(text(language, "handout.network", spec.inputSize() + "-" + spec.hiddenSize()
                + "-" + spec.outputSize(), spec.inputWidth() + "×" + spec.inputHeight(), spec.hiddenActivation().id(),
                spec.outputLayer().id(), Integer.toString(w.label()), WalkthroughFormat.display(w.lambda()),
                WalkthroughFormat.display(w.learningRate()), Integer.toString(selectedUnit + 1)))).append("</p>\n");
        html.append("<p>").append(esc(text(language, "handout.conventions",
                spec.hiddenSize() + "×" + (spec.inputSize() + 1), spec.outputSize() + "×" + (spec.hiddenSize() + 1),
                Integer.toString(WalkthroughFormat.SIGNIFICANT_DIGITS))));
        if (csvName != null) {
            html.append(esc(text(language, "handout.csvBefore"))).append("<code>").append(esc(csvName))
                    .append("</code>").append(esc(text(language, "handout.csvAfter")));
        }
        html.append(esc(text(language, "handout.colours"))).append("</p>\n");
        for (WalkthroughStep step : WalkthroughStep.values()) {
            appendStep(html, w, WalkthroughTexts.content(w, step, language), selectedUnit, palette, language);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Writes {@link #toHtml} (English) as UTF-8, atomically. */
    public static void write(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName, Path file)
            throws IOException {
        write(w, selectedUnit, palette, csvName, file, Locale.ENGLISH);
    }

    /** Writes {@link #toHtml} in {@code language} as UTF-8, atomically. */
    public static void write(Walkthrough w, int selectedUnit, DivergingPalette palette, String csvName, Path file,
                             Locale language) throws IOException {
        byte[] bytes = toHtml(w, selectedUnit, palette, csvName, language).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Writes both files next to each other: {@code base}.html and {@code base}.csv.
     *
     * @param base a path without extension, e.g. {@code /home/t/backprop-7}
     */
    public static void writeBoth(Walkthrough w, int selectedUnit, DivergingPalette palette, Path base)
            throws IOException {
        writeBoth(w, selectedUnit, palette, base, Locale.ENGLISH);
    }

    /** As {@link #writeBoth(Walkthrough, int, DivergingPalette, Path)}, the handout in {@code language}. */
    public static void writeBoth(Walkthrough w, int selectedUnit, DivergingPalette palette, Path base,
                                 Locale language) throws IOException {
        Path folder = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        Path csv = folder.resolve(name + ".csv");
        WalkthroughCsv.write(w, csv);
        write(w, selectedUnit, palette, csv.getFileName().toString(), folder.resolve(name + ".html"), language);
    }

    private static void appendStep(StringBuilder html, Walkthrough w, StepContent content, int unit,
                                   DivergingPalette palette, Locale language) {
        WalkthroughStep step = content.step();
        html.append("<section id=\"step-").append(step.number()).append("\">\n<h2>")
                .append(esc(text(language, "handout.step", Integer.toString(step.number()),
                        Integer.toString(WalkthroughStep.values().length), WalkthroughWords.title(step, language))))
                .append("</h2>\n");
        // Typeset (JLaTeXMath) at twice the print size so it stays sharp; the LaTeX is the alt text.
        BufferedImage formula = FORMULAS.render(content.formula(), 2 * FORMULA_PX, FORMULA_INK);
        html.append("<p class=\"formula\"><img alt=\"").append(esc(content.formula())).append("\" width=\"")
                .append(formula.getWidth() / 2).append("\" src=\"").append(PngImages.dataUri(PngImages.png(formula)))
                .append("\"/></p>\n");
        html.append("<p class=\"shapes\">").append(esc(content.shapes())).append("</p>\n");
        html.append("<p class=\"caption\">").append(esc(content.caption())).append("</p>\n");
        appendImages(html, w, step, unit, palette, language);
        for (NumberTable table : WalkthroughTables.tables(w, step, unit, language)) {
            appendTable(html, table, language);
        }
        html.append("</section>\n");
    }

    private static void appendImages(StringBuilder html, Walkthrough w, WalkthroughStep step, int unit,
                                     DivergingPalette palette, Locale language) {
        String unitNumber = Integer.toString(unit + 1);
        NetworkSpec spec = w.spec();
        int width = spec.inputWidth();
        int height = spec.inputHeight();
        int inputs = spec.inputSize();
        double[] theta1 = w.network().theta1Copy();
        switch (step) {
            case INPUT -> {
                html.append("<div class=\"images\">");
                figure(html, WalkthroughPictures.gray(w.input(), 0, inputs), width, height, LARGE_SCALE,
                        text(language, "handout.figure.input", width + "×" + height, Integer.toString(w.label())));
                html.append("</div>\n");
            }
            case HIDDEN_SUM -> {
                html.append("<div class=\"images\">");
                int row = unit * (inputs + 1) + 1;
                figure(html, WalkthroughPictures.diverging(theta1, row, inputs,
                        WalkthroughPictures.maxAbs(theta1, row, inputs), palette), width, height, LARGE_SCALE,
                        text(language, "handout.figure.unitWeights", unitNumber,
                                WalkthroughFormat.display(WalkthroughPictures.maxAbs(theta1, row, inputs))));
                double[] products = w.products(unit);
                double max = WalkthroughPictures.maxAbs(products, 1, inputs);
                double sum = w.pass().z2()[unit] - products[0];
                figure(html, WalkthroughPictures.diverging(products, 1, inputs, max, palette), width, height,
                        LARGE_SCALE, text(language, "handout.figure.products", WalkthroughFormat.display(sum),
                                WalkthroughFormat.display(products[0]), WalkthroughFormat.display(w.pass().z2()[unit])));
                html.append("</div>\n");
                tiles(html, theta1, spec, palette, false, text(language, "handout.figure.allUnits"), language);
            }
            case GRADIENTS -> tiles(html, WalkthroughPictures.negated(w.gradient1()), spec, palette, true,
                    text(language, "handout.figure.delta1"), language);
            case UPDATE -> {
                html.append("<div class=\"images\">");
                double[] after = w.networkAfter().theta1Copy();
                int row = unit * (inputs + 1) + 1;
                double max = Math.max(WalkthroughPictures.maxAbs(theta1, row, inputs),
                        WalkthroughPictures.maxAbs(after, row, inputs));
                figure(html, WalkthroughPictures.diverging(theta1, row, inputs, max, palette), width, height,
                        LARGE_SCALE, text(language, "handout.figure.unitBefore", unitNumber));
                figure(html, WalkthroughPictures.diverging(after, row, inputs, max, palette), width, height,
                        LARGE_SCALE, text(language, "handout.figure.unitAfter", unitNumber));
                double[] change = WalkthroughPictures.difference(after, theta1);
                double changeMax = WalkthroughPictures.maxAbs(change, row, inputs);
                figure(html, WalkthroughPictures.diverging(change, row, inputs, changeMax, palette), width, height,
                        LARGE_SCALE, text(language, "handout.figure.change", WalkthroughFormat.display(changeMax)));
                html.append("</div>\n");
            }
            default -> {
                // tables only
            }
        }
    }

    /** All hidden units' rows of a Θ1-shaped matrix as small tiles, on one shared scale or each on its own. */
    private static void tiles(StringBuilder html, double[] matrix, NetworkSpec spec, DivergingPalette palette,
                              boolean shared, String caption, Locale language) {
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
            String unitName = esc(text(language, "handout.unit", Integer.toString(j + 1)));
            html.append("<img alt=\"").append(unitName).append("\" title=\"").append(unitName)
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

    private static void appendTable(StringBuilder html, NumberTable table, Locale language) {
        boolean fold = table.rowCount() > FOLD_ROWS;
        if (fold) {
            html.append("<details><summary>").append(esc(text(language, "handout.folded", table.title(),
                    Integer.toString(table.rowCount())))).append("</summary>\n");
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
