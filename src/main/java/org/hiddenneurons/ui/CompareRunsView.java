package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The Compare runs page: a preset chooser, one Train/Pause for both runs and the window's "Lesson
 * pace" above two columns, each with its run's hidden-unit grid and, beside it, its figures (step,
 * epoch, test accuracy, picture smoothness: {@link CompareRunsFigures}) and loss curves; under them
 * one {@link ReplayBar} that scrubs both runs together. The grids take the room the columns leave ({@link SideBody}: the largest whole
 * scale that fits beside a loss chart at least {@value #CHART_MIN_WIDTH} px wide). Everything it
 * shows comes from {@link CompareRunsViewModel}'s properties (snapshot copies, on the FX thread).
 */
public final class CompareRunsView extends BorderPane {

    static final String TRAIN_BUTTON_ID = "compare-runs-train";
    static final String PRESET_ID = "compare-runs-preset";
    static final String LEFT_GRID_ID = "compare-runs-left-grid";
    static final String RIGHT_GRID_ID = "compare-runs-right-grid";
    static final String REPLAY_BAR_ID = "compare-runs-replay";
    /** Style classes of a side's figures: the flow, each figure's label and its value. */
    static final String FIGURES_STYLE = "hn-compare-figures";
    static final String FIGURE_LABEL_STYLE = "hn-compare-figure-label";
    static final String FIGURE_VALUE_STYLE = "hn-compare-figure-value";
    /** Least width of each side's loss chart beside its grid. */
    static final double CHART_MIN_WIDTH = 140;
    /** Least height of each side's loss chart. */
    static final double CHART_MIN_HEIGHT = 150;
    /** Room between the two sides. */
    static final double SIDES_GAP = 8;
    /** Room between a side's grid and its numbers and chart. */
    static final double BODY_GAP = 10;

    private final CompareRunsViewModel model;
    /** While both run, the two grids repaint on different frames (each is 25 tiles). */
    private final PulseSpreader spreader;
    private final ReplayBar replayBar;
    private Runnable disposal = () -> { };

    public CompareRunsView(CompareRunsViewModel model, javafx.beans.value.ObservableValue<DivergingPalette> palette) {
        this.model = model;
        getStyleClass().add("hn-compare-runs");

        ComboBox<CompareRunsViewModel.Preset> preset = new ComboBox<>();
        preset.setId(PRESET_ID);
        preset.getItems().addAll(CompareRunsViewModel.Preset.values());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompareRunsViewModel.Preset value) {
                return value == null ? "" : value.title();
            }

            @Override
            public CompareRunsViewModel.Preset fromString(String text) {
                return null;
            }
        });
        Button train = new Button();
        train.setId(TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(WorkbenchControls.trainText(model.phaseProperty(),
                CompareRunsViewModel.Phase.RUNNING, CompareRunsViewModel.Phase.PAUSED));
        train.setOnAction(e -> model.toggleTraining());
        Button restart = new Button(I18n.t("pages.compareRuns.restart"));
        restart.setOnAction(e -> model.restart());
        Label presetLabel = new Label(I18n.t("pages.compareRuns.preset"));
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.getStyleClass().add("hn-error");
        error.textProperty().bind(model.errorMessageProperty());
        CheckBox pace = WatchControls.lessonPace(model.lessonPaceProperty());
        HBox bar = new HBox(presetLabel, preset, train, restart, pace, error);
        bar.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(I18n.t("pages.compareRuns.hint"));
        hint.getStyleClass().add("hn-muted");
        hint.setWrapText(true);
        setTop(new VBox(8, bar, hint));

        spreader = new PulseSpreader(model.phaseProperty().isEqualTo(CompareRunsViewModel.Phase.RUNNING));
        VBox leftSide = side(model.left(), LEFT_GRID_ID, palette, spreader);
        VBox rightSide = side(model.right(), RIGHT_GRID_ID, palette, spreader);
        HBox sides = new HBox(SIDES_GAP, leftSide, rightSide);
        HBox.setHgrow(leftSide, Priority.ALWAYS);
        HBox.setHgrow(rightSide, Priority.ALWAYS);
        leftSide.setPrefWidth(0);
        rightSide.setPrefWidth(0);
        setCenter(sides);
        BorderPane.setMargin(sides, new javafx.geometry.Insets(10, 0, 0, 0));
        replayBar = new ReplayBar(model.timeline());
        replayBar.setId(REPLAY_BAR_ID);
        replayBar.markWhileReplaying(leftSide, rightSide);
        setBottom(replayBar);
        BorderPane.setMargin(replayBar, new javafx.geometry.Insets(8, 0, 0, 0));
    }

    public CompareRunsViewModel model() {
        return model;
    }

    /** The one timeline of both runs (the window routes the replay keys to it on this page). */
    public ReplayBar replayBar() {
        return replayBar;
    }

    /**
     * The page with its own two trainers ({@link FxTrainingAdapter}s: one training thread each, at
     * nice {@value FxTrainingAdapter#SIDE_BY_SIDE_NICENESS} so the window's threads run first),
     * comparing runs on {@code data} (followed as it changes) from {@link TrainingConfig#defaults()}.
     * Call {@link #dispose()} when the page goes away.
     */
    public static CompareRunsView withOwnTrainers(javafx.beans.value.ObservableValue<Split> data,
                                                  BooleanProperty lessonPace,
                                                  javafx.beans.value.ObservableValue<DivergingPalette> palette) {
        FxTrainingAdapter leftTrainer = new FxTrainingAdapter(FxTrainingAdapter.SIDE_BY_SIDE_NICENESS);
        FxTrainingAdapter rightTrainer = new FxTrainingAdapter(FxTrainingAdapter.SIDE_BY_SIDE_NICENESS);
        CompareRunsViewModel model = new CompareRunsViewModel(leftTrainer, rightTrainer, TrainingConfig.defaults(),
                lessonPace);
        CompareRunsView view = new CompareRunsView(model, palette);
        javafx.beans.value.ChangeListener<Split> follow = (o, old, now) -> model.setData(now);
        data.addListener(follow);
        model.setData(data.getValue());
        view.disposal = () -> {
            data.removeListener(follow);
            model.dispose();
            leftTrainer.shutdown();
            rightTrainer.shutdown();
        };
        return view;
    }

    /**
     * Stops spreading repaints over frames; with {@link #withOwnTrainers}, also stops following the
     * data and ends the trainers.
     */
    public void dispose() {
        spreader.dispose();
        disposal.run();
    }

    private static VBox side(CompareRunsViewModel.Side side, String gridId,
                             javafx.beans.value.ObservableValue<DivergingPalette> palette, PulseSpreader spreader) {
        Label title = new Label();
        title.getStyleClass().add("hn-section-title");
        title.textProperty().bind(side.descriptionProperty());

        HiddenUnitGrid grid = new HiddenUnitGrid();
        grid.setId(gridId);
        grid.setTexts(HiddenLayerColumn.gridTexts()); // no caption: the hint says what the pictures are
        ColorBar colourBar = grid.getColorBar(); // beside the title: the height goes to the tiles
        colourBar.setPrefWidth(HiddenLayerColumn.COLOUR_BAR_MIN_WIDTH);
        colourBar.setMinWidth(HiddenLayerColumn.COLOUR_BAR_MIN_WIDTH);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox titleRow = new HBox(8, title, gap, colourBar);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        grid.setScale(WeightPictures.Scale.PER_UNIT);
        grid.paletteProperty().bind(palette);
        side.networkProperty().addListener((o, old, now) ->
                spreader.post(grid, () -> grid.setNetwork(side.networkProperty().get())));
        grid.setNetwork(side.networkProperty().get());

        FlowPane stats = figures(side);

        NumberAxis epochs = new NumberAxis();
        epochs.setLabel(I18n.t("pages.compareRuns.axis.epoch"));
        frameEpochs(epochs, side);
        side.configProperty().addListener((o, old, now) -> frameEpochs(epochs, side));
        side.losses().addListener((ListChangeListener<CompareRunsViewModel.LossPoint>) change -> frameEpochs(epochs, side));
        NumberAxis loss = new NumberAxis();
        loss.setLabel(I18n.t("pages.compareRuns.axis.loss"));
        LineChart<Number, Number> chart = new LineChart<>(epochs, loss);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(CHART_MIN_HEIGHT);
        chart.setMinWidth(CHART_MIN_WIDTH);
        chart.setPrefWidth(CHART_MIN_WIDTH);
        chart.setLegendSide(javafx.geometry.Side.BOTTOM);
        XYChart.Series<Number, Number> train = new XYChart.Series<>();
        train.setName(I18n.t("pages.compareRuns.series.train"));
        XYChart.Series<Number, Number> test = new XYChart.Series<>();
        test.setName(I18n.t("pages.compareRuns.series.test"));
        chart.getData().addAll(train, test);
        side.losses().addListener((ListChangeListener<CompareRunsViewModel.LossPoint>) change -> {
            boolean appended = true;
            List<CompareRunsViewModel.LossPoint> added = new ArrayList<>();
            while (change.next()) {
                appended &= !change.wasRemoved() && change.getFrom() >= change.getList().size() - change.getAddedSize();
                added.addAll(change.getAddedSubList());
            }
            if (!appended) { // the timeline went back (or a new run): the curves up to the shown step
                train.getData().clear();
                test.getData().clear();
                added = side.losses();
            }
            for (CompareRunsViewModel.LossPoint point : added) {
                if (Double.isFinite(point.trainLoss())) {
                    train.getData().add(new XYChart.Data<>(point.epoch(), point.trainLoss()));
                }
                if (Double.isFinite(point.testLoss())) {
                    test.getData().add(new XYChart.Data<>(point.epoch(), point.testLoss()));
                }
            }
        });

        VBox numbers = new VBox(6, stats, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SideBody body = new SideBody(grid, numbers);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox box = new VBox(6, titleRow, body);
        box.getStyleClass().add("hn-section");
        return box;
    }

    /**
     * A side's grid with its numbers and chart beside it: the grid gets the largest whole scale
     * ({@link HiddenUnitGrid#sizing}, i.e. {@link org.hiddenneurons.viz.TileSizing}) that fits in
     * the body's height and its width less {@link #CHART_MIN_WIDTH} and {@link #BODY_GAP}; the
     * numbers and chart take the rest of the width.
     */
    static final class SideBody extends Region {
        private final HiddenUnitGrid grid;
        private final Region numbers;

        SideBody(HiddenUnitGrid grid, Region numbers) {
            this.grid = grid;
            this.numbers = numbers;
            getChildren().addAll(grid, numbers);
            setMinSize(0, 0);
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double width = getWidth() - left - snappedRightInset();
            double height = getHeight() - top - snappedBottomInset();
            double gridInsets = grid.snappedLeftInset() + grid.snappedRightInset();
            double gridWidth = gridInsets + grid.sizing(Math.max(0, width - CHART_MIN_WIDTH - BODY_GAP - gridInsets),
                    height - grid.snappedTopInset() - grid.snappedBottomInset()).gridWidth();
            grid.resizeRelocate(left, top, gridWidth, height);
            double numbersX = left + gridWidth + BODY_GAP;
            numbers.resizeRelocate(numbersX, top, Math.max(0, left + width - numbersX), height);
        }

        @Override
        protected double computePrefWidth(double height) {
            return grid.prefWidth(-1) + BODY_GAP + CHART_MIN_WIDTH + snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.max(grid.prefHeight(-1), numbers.prefHeight(-1)) + snappedTopInset() + snappedBottomInset();
        }
    }

    /**
     * The side's {@link CompareRunsFigures} as small blocks, a muted label over its larger value, in
     * a flow: the blocks wrap as wholes (as many to a row as the column's width takes), and neither
     * label nor value wraps, so no figure breaks from its unit at any window size.
     */
    /**
     * The epoch axis spans the run's planned epochs (0, 5 … 35 for the default run), as the
     * workbench's charts do ({@link TrainingCharts#plannedEpochAxis}); longer if points go past it.
     */
    private static void frameEpochs(NumberAxis epochs, CompareRunsViewModel.Side side) {
        TrainingConfig config = side.configProperty().get();
        List<CompareRunsViewModel.LossPoint> losses = side.losses();
        double last = losses.isEmpty() ? 0 : losses.get(losses.size() - 1).epoch();
        int planned = (int) Math.ceil(Math.max(last, config == null ? TrainingCharts.SHORTEST_EPOCH_AXIS : config.epochs()));
        double[] axis = TrainingCharts.plannedEpochAxis(0, Math.max(1, planned));
        epochs.setAutoRanging(false);
        epochs.setLowerBound(axis[0]);
        epochs.setUpperBound(axis[1]);
        epochs.setTickUnit(axis[2]);
    }

    private static FlowPane figures(CompareRunsViewModel.Side side) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add(FIGURES_STYLE);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        List<Label> values = new ArrayList<>();
        for (CompareRunsFigures.Figure figure : CompareRunsFigures.of(0, 0, Double.NaN, Double.NaN)) {
            Label label = new Label(figure.label());
            label.getStyleClass().add(FIGURE_LABEL_STYLE);
            Label value = new Label();
            value.getStyleClass().add(FIGURE_VALUE_STYLE);
            label.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            values.add(value);
            pane.getChildren().add(new VBox(label, value));
        }
        Runnable show = () -> {
            List<CompareRunsFigures.Figure> figures = CompareRunsFigures.of(side.stepProperty().get(),
                    side.shownEpochProperty().get(), side.testAccuracyProperty().get(), side.smoothnessProperty().get());
            for (int i = 0; i < figures.size(); i++) {
                values.get(i).setText(figures.get(i).value());
            }
        };
        javafx.beans.InvalidationListener update = o -> show.run();
        side.stepProperty().addListener(update);
        side.shownEpochProperty().addListener(update);
        side.testAccuracyProperty().addListener(update);
        side.smoothnessProperty().addListener(update);
        show.run();
        return pane;
    }
}
