package org.hiddenneurons.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The Compare runs page: a preset chooser and one Train/Pause for both runs above two columns, each
 * with its run's hidden-unit grid, test accuracy, picture smoothness and loss curves. Everything it
 * shows comes from {@link CompareRunsViewModel}'s properties (snapshot copies, on the FX thread).
 */
public final class CompareRunsView extends BorderPane {

    static final String TRAIN_BUTTON_ID = "compare-runs-train";
    static final String PRESET_ID = "compare-runs-preset";
    static final String LEFT_GRID_ID = "compare-runs-left-grid";
    static final String RIGHT_GRID_ID = "compare-runs-right-grid";
    /** Height of each side's loss chart. */
    static final double CHART_HEIGHT = 140;

    private final CompareRunsViewModel model;
    /** While both run, the two grids repaint on different frames (each is 25 tiles). */
    private final PulseSpreader spreader;
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
        HBox bar = new HBox(presetLabel, preset, train, restart, error);
        bar.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(I18n.t("pages.compareRuns.hint"));
        hint.getStyleClass().add("hn-muted");
        hint.setWrapText(true);
        setTop(new VBox(8, bar, hint));

        spreader = new PulseSpreader(model.phaseProperty().isEqualTo(CompareRunsViewModel.Phase.RUNNING));
        VBox leftSide = side(model.left(), LEFT_GRID_ID, palette, spreader);
        VBox rightSide = side(model.right(), RIGHT_GRID_ID, palette, spreader);
        HBox sides = new HBox(12, leftSide, rightSide);
        HBox.setHgrow(leftSide, Priority.ALWAYS);
        HBox.setHgrow(rightSide, Priority.ALWAYS);
        leftSide.setPrefWidth(0);
        rightSide.setPrefWidth(0);
        setCenter(sides);
        BorderPane.setMargin(sides, new javafx.geometry.Insets(10, 0, 0, 0));
    }

    public CompareRunsViewModel model() {
        return model;
    }

    /**
     * The page with its own two trainers ({@link FxTrainingAdapter}s: one training thread each, at
     * nice {@value FxTrainingAdapter#SIDE_BY_SIDE_NICENESS} so the window's threads run first),
     * comparing runs on {@code data} (followed as it changes) from {@link TrainingConfig#defaults()}.
     * Call {@link #dispose()} when the page goes away.
     */
    public static CompareRunsView withOwnTrainers(javafx.beans.value.ObservableValue<Split> data,
                                                  javafx.beans.value.ObservableValue<DivergingPalette> palette) {
        FxTrainingAdapter leftTrainer = new FxTrainingAdapter(FxTrainingAdapter.SIDE_BY_SIDE_NICENESS);
        FxTrainingAdapter rightTrainer = new FxTrainingAdapter(FxTrainingAdapter.SIDE_BY_SIDE_NICENESS);
        CompareRunsViewModel model = new CompareRunsViewModel(leftTrainer, rightTrainer, TrainingConfig.defaults());
        CompareRunsView view = new CompareRunsView(model, palette);
        javafx.beans.value.ChangeListener<Split> follow = (o, old, now) -> model.setData(now);
        data.addListener(follow);
        model.setData(data.getValue());
        view.disposal = () -> {
            data.removeListener(follow);
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
        grid.setMinHeight(0);
        VBox.setVgrow(grid, Priority.ALWAYS);
        side.networkProperty().addListener((o, old, now) ->
                spreader.post(grid, () -> grid.setNetwork(side.networkProperty().get())));
        grid.setNetwork(side.networkProperty().get());

        Label stats = new Label();
        stats.getStyleClass().add("hn-compare-stats");
        stats.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("pages.compareRuns.stats",
                String.valueOf(side.epochProperty().get()),
                percent(side.testAccuracyProperty().get()),
                number(side.smoothnessProperty().get())),
                side.epochProperty(), side.testAccuracyProperty(), side.smoothnessProperty()));
        stats.setWrapText(true);

        NumberAxis epochs = new NumberAxis();
        epochs.setLabel(I18n.t("pages.compareRuns.axis.epoch"));
        epochs.setForceZeroInRange(true);
        NumberAxis loss = new NumberAxis();
        loss.setLabel(I18n.t("pages.compareRuns.axis.loss"));
        LineChart<Number, Number> chart = new LineChart<>(epochs, loss);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(CHART_HEIGHT);
        chart.setMinHeight(CHART_HEIGHT);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        XYChart.Series<Number, Number> train = new XYChart.Series<>();
        train.setName(I18n.t("pages.compareRuns.series.train"));
        XYChart.Series<Number, Number> test = new XYChart.Series<>();
        test.setName(I18n.t("pages.compareRuns.series.test"));
        chart.getData().addAll(train, test);
        side.losses().addListener((ListChangeListener<CompareRunsViewModel.LossPoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && side.losses().isEmpty()) {
                    train.getData().clear();
                    test.getData().clear();
                }
                for (CompareRunsViewModel.LossPoint point : change.getAddedSubList()) {
                    if (Double.isFinite(point.trainLoss())) {
                        train.getData().add(new XYChart.Data<>(point.epoch(), point.trainLoss()));
                    }
                    if (Double.isFinite(point.testLoss())) {
                        test.getData().add(new XYChart.Data<>(point.epoch(), point.testLoss()));
                    }
                }
            }
        });

        VBox box = new VBox(6, titleRow, grid, stats, chart);
        box.getStyleClass().add("hn-section");
        return box;
    }

    private static String percent(double fraction) {
        return I18n.percent(fraction, 1);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(I18n.locale(), "%.2f", value);
    }
}
