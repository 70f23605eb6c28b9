package org.hiddenneurons.ui.dossier;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.AblationCurve;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * "How many units does it need?": test accuracy as hidden units are switched off one after another
 * — most important first, least important first, random order ({@link AblationCurve}) — as a line
 * chart, recomputed when the dossier's statistics change. FX thread only.
 */
public final class AblationCurveView extends VBox {

    /** Seed of the random order. */
    static final long ORDER_SEED = 17;
    /** Share of the intact accuracy the note reports the units needed for. */
    static final double KEPT_SHARE = 0.95;
    static final double CHART_WIDTH = 520;
    static final double CHART_HEIGHT = 280;

    private final LineChart<Number, Number> chart;
    private final Label note = Cards.note("", CHART_WIDTH);
    private AblationCurve curve;

    public AblationCurveView(DossierModel model) {
        super(6);
        NumberAxis x = new NumberAxis();
        x.setLabel(I18n.t("pages.dossier.ablation.xAxis"));
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis(0, 100, 10);
        y.setLabel(I18n.t("pages.dossier.ablation.yAxis"));
        chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(CHART_WIDTH, CHART_HEIGHT);
        chart.setMaxWidth(CHART_WIDTH);
        chart.setMinHeight(CHART_HEIGHT);
        getChildren().add(Cards.card(I18n.t("pages.dossier.ablation.card"), chart, note));
        model.statisticsProperty().addListener((o, old, now) -> show(now));
        show(model.getStatistics());
    }

    void show(NetworkStatistics stats) {
        chart.getData().clear();
        if (stats == null) {
            curve = null;
            note.setText(I18n.t("pages.dossier.ablation.waiting"));
            return;
        }
        curve = AblationCurve.compute(stats, ORDER_SEED);
        chart.getData().add(series(I18n.t("pages.dossier.ablation.most"), curve.mostImportantFirst()));
        chart.getData().add(series(I18n.t("pages.dossier.ablation.least"), curve.leastImportantFirst()));
        chart.getData().add(series(I18n.t("pages.dossier.ablation.random"), curve.randomOrder()));
        int hidden = curve.importanceOrder().length;
        note.setText(I18n.t("pages.dossier.ablation.note",
                I18n.percent(KEPT_SHARE, 0),
                Integer.toString(curve.unitsNeeded(KEPT_SHARE)), Integer.toString(hidden)));
    }

    private static XYChart.Series<Number, Number> series(String name, double[] accuracies) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int k = 0; k < accuracies.length; k++) {
            series.getData().add(new XYChart.Data<>(k, 100 * accuracies[k]));
        }
        return series;
    }

    /** The curve shown, or null (for tests). */
    AblationCurve curve() {
        return curve;
    }

    /** The chart (for tests). */
    LineChart<Number, Number> chart() {
        return chart;
    }
}
