package org.hiddenneurons.ui;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Loss and accuracy per epoch, train and test, growing as training runs. Animation is off and
 * symbols are off; the series are the view model's {@link DecimatedSeries} lists, so points are
 * appended incrementally and their number stays bounded.
 */
public final class TrainingCharts extends VBox {

    static final String LOSS_CHART_ID = "loss-chart";
    static final String ACCURACY_CHART_ID = "accuracy-chart";

    /** Epochs are whole numbers: ticks between them stay unlabelled. */
    private static final StringConverter<Number> WHOLE_EPOCHS = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            double x = value.doubleValue();
            return x == Math.rint(x) ? Long.toString((long) x) : "";
        }

        @Override
        public Number fromString(String text) {
            return Double.valueOf(text);
        }
    };

    /** The empty charts' frame: epochs 0–25, loss 0–2.5, accuracy 0–100 %. */
    static final double EMPTY_EPOCHS = 25;
    static final double EMPTY_LOSS_MAX = 2.5;
    static final double EMPTY_LOSS_TICK = 0.5;
    static final double EMPTY_ACCURACY_MAX = 100;
    static final double EMPTY_ACCURACY_TICK = 20;
    /** Ticks along the epoch axis. */
    static final double EPOCH_TICKS = 5;

    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;
    private final Runnable detach;

    public TrainingCharts(WorkbenchViewModel model) {
        getStyleClass().add("hn-charts");
        lossChart = chart(I18n.t("workbench.charts.loss"), true, model.trainLossSeries(), model.testLossSeries());
        lossChart.setId(LOSS_CHART_ID);
        Tooltip.install(lossChart, new Tooltip(I18n.t("workbench.charts.loss.tooltip")));
        accuracyChart = chart(I18n.t("workbench.charts.accuracy"), false, model.trainAccuracySeries(), model.testAccuracySeries());
        accuracyChart.setId(ACCURACY_CHART_ID);
        Tooltip.install(accuracyChart, new Tooltip(I18n.t("workbench.charts.accuracy.tooltip")));
        Label placeholder = new Label(I18n.t("workbench.charts.placeholder"));
        placeholder.getStyleClass().addAll("hn-muted", "hn-chart-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMouseTransparent(true);
        StackPane lossPane = new StackPane(lossChart, placeholder);
        getChildren().addAll(legend(), lossPane, accuracyChart);
        VBox.setVgrow(lossPane, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        Runnable emptyOrNot = () -> {
            List<XYChart.Data<Number, Number>> points = model.trainLossSeries().points();
            boolean empty = points.isEmpty();
            placeholder.setVisible(empty);
            calmWhileEmpty(lossChart, empty, EMPTY_LOSS_MAX, EMPTY_LOSS_TICK);
            calmWhileEmpty(accuracyChart, empty, EMPTY_ACCURACY_MAX, EMPTY_ACCURACY_TICK);
            if (!empty) {
                double first = points.get(0).getXValue().doubleValue();
                double last = points.get(points.size() - 1).getXValue().doubleValue();
                stepEpochAxis(lossChart, first, last);
                stepEpochAxis(accuracyChart, first, last);
            }
        };
        ListChangeListener<XYChart.Data<Number, Number>> onPoints = c -> emptyOrNot.run();
        model.trainLossSeries().points().addListener(onPoints);
        emptyOrNot.run();
        detach = () -> {
            model.trainLossSeries().points().removeListener(onPoints);
            lossChart.getData().clear();
            accuracyChart.getData().clear();
        };
    }

    /** Stops following the model's series (the charts are being replaced); the series themselves stay. */
    void dispose() {
        detach.run();
    }

    /**
     * Without data a chart's axes would show JavaFX's arbitrary defaults (0–150, 0–110): show a calm
     * fixed frame instead (epochs 0–{@value #EMPTY_EPOCHS}, the given value range) and auto-range
     * again once points arrive.
     */
    private static void calmWhileEmpty(LineChart<Number, Number> chart, boolean empty, double maxValue, double tick) {
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        NumberAxis values = (NumberAxis) chart.getYAxis();
        epochs.setAutoRanging(false); // see stepEpochAxis
        values.setAutoRanging(!empty);
        if (empty) {
            epochs.setLowerBound(0);
            epochs.setUpperBound(EMPTY_EPOCHS);
            epochs.setTickUnit(EMPTY_EPOCHS / 5.0);
            values.setLowerBound(0);
            values.setUpperBound(maxValue);
            values.setTickUnit(tick);
        }
    }

    /**
     * The epoch axis runs from the epoch before the first point over a span of
     * {@link #epochAxisSpan} epochs, in 5 ticks: it changes only when training passes its end, not
     * with every point (an auto-ranging axis would recompute and relabel its ticks, and lay the chart
     * out again, for every snapshot).
     */
    private static void stepEpochAxis(LineChart<Number, Number> chart, double firstEpoch, double lastEpoch) {
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        double start = Math.max(0, firstEpoch - 1);
        double span = epochAxisSpan(lastEpoch - start);
        epochs.setLowerBound(start);
        epochs.setUpperBound(start + span);
        epochs.setTickUnit(span / EPOCH_TICKS);
    }

    /** The first of 25, 50, 100, 250, 500, 1000, … (2.5, 5, 10 × 10^k) that is at least {@code epochs}. */
    static double epochAxisSpan(double epochs) {
        double span = EMPTY_EPOCHS;
        for (double decade = 10; span < epochs; decade *= 10) {
            for (double step : new double[] {5, 10, 25}) {
                span = step * decade;
                if (span >= epochs) {
                    break;
                }
            }
        }
        return span;
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    public LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    /** "● train  ● test" in the series colours (-hn-accent, -hn-accent-2), shared by both charts. */
    private static HBox legend() {
        HBox legend = new HBox(legendItem(I18n.t("workbench.charts.train"), "hn-legend-train"),
                legendItem(I18n.t("workbench.charts.test"), "hn-legend-test"));
        legend.getStyleClass().add("hn-chart-legend");
        legend.setAlignment(Pos.CENTER);
        legend.setSpacing(16);
        return legend;
    }

    private static Label legendItem(String text, String dotStyleClass) {
        Region dot = new Region();
        dot.getStyleClass().addAll("hn-legend-dot", dotStyleClass);
        dot.setMinSize(10, 10);
        dot.setMaxSize(10, 10);
        Label label = new Label(text, dot);
        label.getStyleClass().add("hn-legend-item");
        return label;
    }

    private static LineChart<Number, Number> chart(String yLabel, boolean zeroInRange, DecimatedSeries train,
                                                   DecimatedSeries test) {
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel(I18n.t("workbench.charts.epoch"));
        epochs.setForceZeroInRange(false);
        epochs.setAnimated(false);
        epochs.setMinorTickVisible(false);
        epochs.setTickLabelFormatter(WHOLE_EPOCHS);
        NumberAxis values = new NumberAxis();
        values.setLabel(yLabel);
        values.setForceZeroInRange(zeroInRange);
        values.setAnimated(false);
        values.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false); // one shared legend above both charts (a chart's own is squeezed out when short)
        chart.setMinHeight(140);
        chart.setPrefHeight(200);
        chart.getData().add(new XYChart.Series<>(I18n.t("workbench.charts.train"), train.points()));
        chart.getData().add(new XYChart.Series<>(I18n.t("workbench.charts.test"), test.points()));
        return chart;
    }
}
