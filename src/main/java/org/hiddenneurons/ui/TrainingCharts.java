package org.hiddenneurons.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

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

    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;

    public TrainingCharts(WorkbenchViewModel model) {
        getStyleClass().add("hn-charts");
        lossChart = chart("Loss J", true, model.trainLossSeries(), model.testLossSeries());
        lossChart.setId(LOSS_CHART_ID);
        Tooltip.install(lossChart, new Tooltip("Cost J per epoch on the training set and on the test set. "
                + "Test above train and rising: overfitting (raise λ)."));
        accuracyChart = chart("Accuracy %", false, model.trainAccuracySeries(), model.testAccuracySeries());
        accuracyChart.setId(ACCURACY_CHART_ID);
        Tooltip.install(accuracyChart, new Tooltip("Share of digits classified correctly per epoch, in percent."));
        getChildren().addAll(lossChart, accuracyChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    public LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    private static LineChart<Number, Number> chart(String yLabel, boolean zeroInRange, DecimatedSeries train,
                                                   DecimatedSeries test) {
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("epoch");
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
        chart.setLegendVisible(true);
        chart.setMinHeight(140);
        chart.setPrefHeight(200);
        chart.getData().add(new XYChart.Series<>("train", train.points()));
        chart.getData().add(new XYChart.Series<>("test", test.points()));
        return chart;
    }
}
