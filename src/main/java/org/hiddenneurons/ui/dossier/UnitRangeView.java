package org.hiddenneurons.ui.dossier;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * "Across the whole activation range": the histogram of one unit's activation over the training
 * set ({@link ActivationRange}) on its activation's own range, example digits at several points of
 * the range under it, and whether the unit is saturated. FX thread only.
 */
public final class UnitRangeView extends VBox {

    static final double CHART_WIDTH = 420;
    static final double CHART_HEIGHT = 90;
    static final int EXAMPLE_CELL = 2;
    /** Bars take the text colour of the theme at this opacity. */
    static final double BAR_OPACITY = 0.7;

    private final Canvas chart = new Canvas(CHART_WIDTH, CHART_HEIGHT);
    private final Label axis = new Label();
    private final Label verdict = new Label();
    /** The example columns in one row, wrapping where the card is narrower (large text). */
    private final FlowPane points = Cards.wrapping(8, 6);
    private ActivationRange range;

    UnitRangeView() {
        super(6);
        axis.getStyleClass().add(DossierStyles.MUTED);
        verdict.setWrapText(true);
        verdict.setMaxWidth(CHART_WIDTH);
        getChildren().addAll(chart, axis, points, verdict);
    }

    /** Shows unit {@code unit} of {@code stats}. */
    void show(NetworkStatistics stats, int unit) {
        range = ActivationRange.compute(stats.train(), stats.network().spec().hiddenActivation(), unit);
        drawHistogram(range);
        axis.setText(I18n.t("pages.dossier.range.axis", number(range.low()), number(range.high()),
                Integer.toString(stats.train().count())));
        verdict.setText(switch (range.saturation()) {
            case ALWAYS_ON -> I18n.t("pages.dossier.range.alwaysOn");
            case ALWAYS_OFF -> I18n.t("pages.dossier.range.alwaysOff");
            case NONE -> I18n.t("pages.dossier.range.varies");
        });
        points.getChildren().clear();
        Dataset train = stats.split().train();
        for (int q = 0; q < range.quantiles().length; q++) {
            VBox column = new VBox(2);
            column.setAlignment(Pos.TOP_CENTER);
            int[] examples = range.examples()[q];
            for (int example : examples) {
                column.getChildren().add(Cards.example(train, example, EXAMPLE_CELL));
            }
            double a = examples.length == 0 ? Double.NaN : stats.train().get(examples[examples.length / 2], unit);
            Label caption = new Label(I18n.t("pages.dossier.range.point",
                    Long.toString(Math.round(100 * range.quantiles()[q])), number(a)));
            caption.getStyleClass().addAll(DossierStyles.TILE_CAPTION, DossierStyles.MUTED);
            column.getChildren().add(caption);
            points.getChildren().add(column);
        }
    }

    private void drawHistogram(ActivationRange r) {
        GraphicsContext g = chart.getGraphicsContext2D();
        g.clearRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
        int max = 1;
        for (int c : r.counts()) {
            max = Math.max(max, c);
        }
        Color ink = verdict.getTextFill() instanceof Color c ? c : Color.GRAY;
        g.setFill(ink.deriveColor(0, 1, 1, BAR_OPACITY));
        double barWidth = CHART_WIDTH / r.counts().length;
        for (int b = 0; b < r.counts().length; b++) {
            // Square-root height: a bin of a few digits stays visible beside one holding thousands.
            double h = (CHART_HEIGHT - 2) * Math.sqrt(r.counts()[b] / (double) max);
            g.fillRect(b * barWidth + 1, CHART_HEIGHT - h, barWidth - 2, h);
        }
        g.setStroke(ink);
        g.strokeLine(0, CHART_HEIGHT - 0.5, CHART_WIDTH, CHART_HEIGHT - 0.5);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The range shown, or null (for tests). */
    ActivationRange range() {
        return range;
    }
}
