package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Loss and accuracy per epoch, train and test, growing as training runs. Animation is off and
 * symbols are off; the series follow the view model's {@link DecimatedSeries} lists (copies, so
 * their number stays bounded), at most once every {@link #REFRESH}: laying a chart out again
 * costs the FX thread several milliseconds in software rendering, the largest share of a
 * snapshot's hand-over, and the snapshots come every 200 ms.
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

    /**
     * The shortest epoch axis of points without a plan that covers them ({@link #epochAxisSpan});
     * the empty charts span the run Train would start ({@link WorkbenchViewModel#emptyChartsEndEpochProperty()}).
     */
    static final double SHORTEST_EPOCH_AXIS = 25;
    /** The empty charts' value frame: loss 0–2.5, accuracy 0–100 %. */
    static final double EMPTY_LOSS_MAX = 2.5;
    static final double EMPTY_LOSS_TICK = 0.5;
    static final double EMPTY_ACCURACY_MAX = 100;
    static final double EMPTY_ACCURACY_TICK = 20;
    /** Ticks along the epoch axis. */
    static final double EPOCH_TICKS = 5;
    /** At most this many tick intervals along the epoch axis of a planned run. */
    static final int MAX_PLANNED_TICKS = 8;

    /** The least time between two updates of the charts (the first after a pause comes on the next pulse). */
    static final Duration REFRESH = Duration.millis(500);

    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;
    private final Runnable detach;
    /** The charts' series data, each following one of the model's series. */
    private final List<Follower> followers = new ArrayList<>();
    private final PauseTransition nextRefresh = new PauseTransition();
    private long lastRefreshNanos;

    /**
     * @param spreader while training runs, each chart repaints on a frame of its own (laying out and
     *                 painting both on one frame took longer than a frame with software rendering)
     */
    TrainingCharts(WorkbenchViewModel model, PulseSpreader spreader) {
        getStyleClass().add("hn-charts");
        lossChart = chart(I18n.t("workbench.charts.loss"), true, follow(model.trainLossSeries()),
                follow(model.testLossSeries()));
        lossChart.setId(LOSS_CHART_ID);
        Tooltip.install(lossChart, new Tooltip(I18n.t("workbench.charts.loss.tooltip")));
        accuracyChart = chart(I18n.t("workbench.charts.accuracy"), false, follow(model.trainAccuracySeries()),
                follow(model.testAccuracySeries()));
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
        List<XYChart.Data<Number, Number>> epochs = model.trainLossSeries().points();
        Runnable lossPart = () -> {
            catchUp(0, 2);
            placeholder.setVisible(epochs.isEmpty());
            frame(lossChart, epochs, model, EMPTY_LOSS_MAX, EMPTY_LOSS_TICK);
        };
        Runnable accuracyPart = () -> {
            catchUp(2, 4);
            frame(accuracyChart, epochs, model, EMPTY_ACCURACY_MAX, EMPTY_ACCURACY_TICK);
        };
        Runnable refresh = () -> {
            nextRefresh.stop();
            spreader.post(lossChart, lossPart);
            spreader.post(accuracyChart, accuracyPart);
            lastRefreshNanos = System.nanoTime();
        };
        nextRefresh.setOnFinished(e -> refresh.run());
        // Not during the change itself: the model changes its four series one after the other.
        ListChangeListener<XYChart.Data<Number, Number>> onPoints = c -> {
            boolean cleared = model.trainLossSeries().points().isEmpty();
            if (cleared || nextRefresh.getStatus() != Animation.Status.RUNNING) {
                double waitMillis = (lastRefreshNanos - System.nanoTime()) / 1e6 + REFRESH.toMillis();
                nextRefresh.setDuration(Duration.millis(cleared ? 1 : Math.max(1, waitMillis)));
                nextRefresh.playFromStart();
            }
        };
        List<DecimatedSeries> series = List.of(model.trainLossSeries(), model.testLossSeries(),
                model.trainAccuracySeries(), model.testAccuracySeries());
        series.forEach(s -> s.points().addListener(onPoints));
        // A run that ends or pauses shows its last points at once, not up to REFRESH later.
        ChangeListener<Boolean> runEnds = (o, was, now) -> {
            if (!now && nextRefresh.getStatus() == Animation.Status.RUNNING) {
                refresh.run();
            }
        };
        model.runningProperty().addListener(runEnds);
        // The empty frame follows the settings' epochs (and a run's plan) at once.
        ChangeListener<Number> emptyEnd = (o, was, now) -> {
            if (epochs.isEmpty()) {
                refresh.run();
            }
        };
        model.emptyChartsEndEpochProperty().addListener(emptyEnd);
        refresh.run();
        detach = () -> {
            model.runningProperty().removeListener(runEnds);
            model.emptyChartsEndEpochProperty().removeListener(emptyEnd);
            series.forEach(s -> s.points().removeListener(onPoints));
            nextRefresh.stop();
            lossChart.getData().clear();
            accuracyChart.getData().clear();
        };
    }

    private ObservableList<XYChart.Data<Number, Number>> follow(DecimatedSeries series) {
        Follower follower = new Follower(series.points());
        followers.add(follower);
        return follower.shown;
    }

    /** Brings the chart series {@code from}…{@code to − 1} (loss 0, 1; accuracy 2, 3) up to their model series. */
    private void catchUp(int from, int to) {
        for (Follower follower : followers.subList(from, to)) {
            follower.catchUp();
        }
    }

    /**
     * The chart's axes for these epochs (the model's train-loss points): a calm frame while empty,
     * spanning the run Train would start; else stepped, ending where the run is planned to end
     * ({@link WorkbenchViewModel#plannedEndEpochProperty()}, 0 if unknown).
     */
    private static void frame(LineChart<Number, Number> chart, List<XYChart.Data<Number, Number>> epochs,
                              WorkbenchViewModel model, double emptyMaxValue, double emptyTick) {
        boolean empty = epochs.isEmpty();
        calmWhileEmpty(chart, empty, emptyMaxValue, emptyTick);
        if (empty) {
            setEpochAxis(chart, emptyEpochAxis(model.epochProperty().get(), model.emptyChartsEndEpochProperty().get()));
        } else {
            stepEpochAxis(chart, epochs.get(0).getXValue().doubleValue(),
                    epochs.get(epochs.size() - 1).getXValue().doubleValue(), model.plannedEndEpochProperty().get());
        }
    }

    /**
     * {lower, upper, tick} of the empty charts' epoch axis on a network trained {@code epoch} epochs
     * whose next run ends at {@code plannedEnd}: the axis that run's points will get
     * ({@link #plannedEpochAxis} with the first point at the end of the run's first epoch: at full
     * speed the first snapshot comes an epoch or more into the run; a lesson-paced run starts at 0,
     * where this is the same axis): 0, 5 … 35 for the default run of a new network, 35, 40 … 70
     * for 35 more epochs of the bundled model.
     */
    static double[] emptyEpochAxis(int epoch, int plannedEnd) {
        return plannedEpochAxis(epoch + 1, Math.max(plannedEnd, epoch + 1));
    }

    /** A chart's copy of one model series; {@link #catchUp} changes as few points as it can. */
    private static final class Follower {
        private final List<XYChart.Data<Number, Number>> source;
        final ObservableList<XYChart.Data<Number, Number>> shown = FXCollections.observableArrayList();

        Follower(List<XYChart.Data<Number, Number>> source) {
            this.source = source;
        }

        void catchUp() {
            int shownSize = shown.size();
            int kept = shownSize - 1; // the last shown point may have been provisional
            boolean appendOnly = shownSize > 0 && source.size() >= shownSize
                    && same(shown.get(0), source.get(0)) && (kept == 0 || same(shown.get(kept - 1), source.get(kept - 1)));
            if (!appendOnly) {
                List<XYChart.Data<Number, Number>> copies = new ArrayList<>(source.size());
                for (XYChart.Data<Number, Number> point : source) {
                    copies.add(copy(point));
                }
                shown.setAll(copies);
                return;
            }
            if (!same(shown.get(kept), source.get(kept))) {
                shown.set(kept, copy(source.get(kept)));
            }
            if (source.size() > shownSize) {
                List<XYChart.Data<Number, Number>> added = new ArrayList<>(source.size() - shownSize);
                for (XYChart.Data<Number, Number> point : source.subList(shownSize, source.size())) {
                    added.add(copy(point));
                }
                shown.addAll(added);
            }
        }

        private static boolean same(XYChart.Data<Number, Number> a, XYChart.Data<Number, Number> b) {
            return a.getXValue().doubleValue() == b.getXValue().doubleValue()
                    && a.getYValue().doubleValue() == b.getYValue().doubleValue();
        }

        private static XYChart.Data<Number, Number> copy(XYChart.Data<Number, Number> point) {
            return new XYChart.Data<>(point.getXValue(), point.getYValue());
        }
    }

    /** Stops following the model's series (the charts are being replaced); the series themselves stay. */
    void dispose() {
        detach.run();
    }

    /**
     * Without data a chart's value axis would show JavaFX's arbitrary defaults (0–110): show a calm
     * fixed range instead and auto-range again once points arrive. The epoch axis never auto-ranges.
     */
    private static void calmWhileEmpty(LineChart<Number, Number> chart, boolean empty, double maxValue, double tick) {
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        NumberAxis values = (NumberAxis) chart.getYAxis();
        epochs.setAutoRanging(false); // see stepEpochAxis
        values.setAutoRanging(!empty);
        if (empty) {
            values.setLowerBound(0);
            values.setUpperBound(maxValue);
            values.setTickUnit(tick);
        }
    }

    /**
     * The epoch axis ends where the run is planned to end ({@link #plannedEpochAxis}), so the curve
     * grows across a frame that stays put for the whole run; without a plan that covers the points
     * it spans {@link #epochAxisSpan} epochs in 5 ticks, from the last tick at or before the epoch
     * before the first point (so the ticks read 0, 5, 10 … rather than 1, 6, 11 …). Either way it
     * changes only when a run starts or passes its end, not with every point (an auto-ranging axis
     * would recompute and relabel its ticks, and lay the chart out again, for every snapshot).
     */
    private static void stepEpochAxis(LineChart<Number, Number> chart, double firstEpoch, double lastEpoch,
                                      int plannedEnd) {
        double[] range = plannedEnd >= lastEpoch
                ? plannedEpochAxis(firstEpoch, plannedEnd)
                : epochAxisRange(firstEpoch, lastEpoch);
        setEpochAxis(chart, range);
    }

    /** Sets the epoch axis to {lower, upper, tick} ({lower, upper}: {@value #EPOCH_TICKS} ticks). */
    private static void setEpochAxis(LineChart<Number, Number> chart, double[] range) {
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        epochs.setLowerBound(range[0]);
        epochs.setUpperBound(range[1]);
        epochs.setTickUnit(range.length > 2 ? range[2] : (range[1] - range[0]) / EPOCH_TICKS);
    }

    /**
     * {lower, upper, tick} of the epoch axis of a run planned to end at epoch {@code plannedEnd}:
     * upper = plannedEnd; tick = the first of 1, 2, 5, 10, 20, 25, 50, 100, … that needs at most
     * {@value #MAX_PLANNED_TICKS} ticks; lower = the last tick at or before the epoch before the
     * first point (0 for a new network: 35 epochs read 0, 5 … 35).
     */
    static double[] plannedEpochAxis(double firstEpoch, int plannedEnd) {
        double before = Math.max(0, firstEpoch - 1);
        double tick = 1;
        for (double decade = 1; ; decade *= 10) {
            for (double step : new double[] {1, 2, 2.5, 5}) {
                tick = step * decade;
                double lower = Math.floor(before / tick) * tick;
                if (tick == Math.rint(tick) && (plannedEnd - lower) / tick <= MAX_PLANNED_TICKS) {
                    return new double[] {lower, plannedEnd, tick};
                }
            }
        }
    }

    /** {lower, upper} of the epoch axis for points from epoch {@code firstEpoch} to {@code lastEpoch}. */
    static double[] epochAxisRange(double firstEpoch, double lastEpoch) {
        double before = Math.max(0, firstEpoch - 1);
        double span = epochAxisSpan(lastEpoch - before);
        double start = Math.floor(before / (span / EPOCH_TICKS)) * (span / EPOCH_TICKS);
        while (start + span < lastEpoch) { // moving the start down to a tick needed a longer span
            span = epochAxisSpan(lastEpoch - start);
            start = Math.floor(before / (span / EPOCH_TICKS)) * (span / EPOCH_TICKS);
        }
        return new double[] {start, start + span};
    }

    /** The first of 25, 50, 100, 250, 500, 1000, … (2.5, 5, 10 × 10^k) that is at least {@code epochs}. */
    static double epochAxisSpan(double epochs) {
        double span = SHORTEST_EPOCH_AXIS;
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

    private static LineChart<Number, Number> chart(String yLabel, boolean zeroInRange,
                                                   ObservableList<XYChart.Data<Number, Number>> train,
                                                   ObservableList<XYChart.Data<Number, Number>> test) {
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
        chart.getData().add(new XYChart.Series<>(I18n.t("workbench.charts.train"), train));
        chart.getData().add(new XYChart.Series<>(I18n.t("workbench.charts.test"), test));
        return chart;
    }
}
