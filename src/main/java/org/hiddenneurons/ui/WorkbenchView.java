package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The workbench window's layout: drawing and prediction on the left, the hidden layer in the
 * centre, training on the right, status at the bottom. Code-built; looks come from the theme
 * stylesheets ({@link Themes}). Binds to a {@link WorkbenchViewModel}; file dialogs and keyboard
 * shortcuts live here.
 */
public final class WorkbenchView extends BorderPane {

    /** Node ids the tests look up. */
    static final String TRAIN_BUTTON_ID = "train-button";
    static final String STEP_BUTTON_ID = "step-button";
    static final String NEW_NETWORK_BUTTON_ID = "new-network-button";
    static final String BANNER_ID = "divergence-banner";
    static final String THEME_BUTTON_ID = "theme-button";

    static final String DRAWING_PAD_ID = "drawing-pad";
    static final String HIDDEN_GRID_ID = "hidden-unit-grid";

    /** Side of the drawing pad on screen (its drawing is always 280×280 pixels). */
    static final double DRAWING_SIZE = 224;
    static final double COLOUR_BAR_MIN_WIDTH = 170;
    /** Θ2's texts without the colour-bar caption (its bar sits in the section title). */
    static final OutputWeightsView.Texts OUTPUT_TEXTS = new OutputWeightsView.Texts(
            OutputWeightsView.Texts.ENGLISH.digitFromUnit(), OutputWeightsView.Texts.ENGLISH.digitFromBias(),
            OutputWeightsView.Texts.ENGLISH.bias(), "");
    /** The grid's texts without colour-bar captions (the legend beside the bar says the mode). */
    static final HiddenUnitGrid.Texts GRID_TEXTS = new HiddenUnitGrid.Texts(
            HiddenUnitGrid.Texts.ENGLISH.unit(), HiddenUnitGrid.Texts.ENGLISH.activation(),
            HiddenUnitGrid.Texts.ENGLISH.z(), HiddenUnitGrid.Texts.ENGLISH.bias(),
            HiddenUnitGrid.Texts.ENGLISH.weightAt(), HiddenUnitGrid.Texts.ENGLISH.separator(), "", "", "", "");
    static final double COLOUR_BAR_MAX_WIDTH = 420;
    static final double MIN_PEN_WIDTH = 10;
    static final double MAX_PEN_WIDTH = 48;
    static final double RIGHT_WIDTH = 410;
    /** Θ2 view: 10 rows of cells, axis and colour bar. */
    static final double OUTPUT_WEIGHTS_HEIGHT = 150;
    static final String MODEL_EXTENSION = "*.json";
    static final double COMBO_WIDTH = 100;

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final Stage stage;
    private final ObjectProperty<Themes.Theme> theme = new SimpleObjectProperty<>(Themes.DEFAULT_THEME);
    /** Bidirectional bindings hold their ends weakly: the adapters made for them live here. */
    private final List<Object> keepAlive = new ArrayList<>();
    private final TrainingCharts charts;
    private final DrawingPad pad = new DrawingPad();
    private final PreprocessStrip strip = new PreprocessStrip(PreprocessStrip.Layout.COLUMN);
    private final PredictionBars bars = new PredictionBars();
    private final HiddenUnitGrid grid = new HiddenUnitGrid();
    private final OutputWeightsView outputWeights = new OutputWeightsView();

    private Runnable clearPad = () -> { };
    private Runnable undoPad = () -> { };

    public WorkbenchView(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage) {
        this.model = model;
        this.adapter = adapter;
        this.stage = stage;
        getStyleClass().add("hn-workbench");
        charts = new TrainingCharts(model);

        setTop(new VBox(header(), banner()));
        setLeft(drawingColumn());
        setCenter(hiddenLayerColumn());
        setRight(trainingColumn());
        setBottom(new StatusBar(model));
    }

    /** Installs the theme and the scene-wide keyboard shortcuts; call once the view is in its scene. */
    public void install(Scene scene) {
        Themes.apply(scene, theme.get());
        theme.addListener((o, old, now) -> Themes.apply(scene, now));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public ObjectProperty<Themes.Theme> themeProperty() {
        return theme;
    }

    public TrainingCharts charts() {
        return charts;
    }

    DrawingPad drawingPad() {
        return pad;
    }

    PredictionBars predictionBars() {
        return bars;
    }

    HiddenUnitGrid hiddenUnitGrid() {
        return grid;
    }

    OutputWeightsView outputWeightsView() {
        return outputWeights;
    }

    PreprocessStrip preprocessStrip() {
        return strip;
    }

    // ---------------------------------------------------------------- keyboard

    /**
     * Scene-level filter, so a focused button never eats Space. Plain keys are left alone while a
     * text field has the focus (typing "5" or "s" there must not train).
     */
    private void onKey(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl
                || (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl);
        KeyCode code = event.getCode();
        if (event.isShortcutDown()) {
            if (code == KeyCode.S) {
                saveModel();
            } else if (code == KeyCode.O) {
                openModel();
            } else if (code == KeyCode.Z && !typing) {
                undoPad.run();
            } else {
                return;
            }
            event.consume();
            return;
        }
        if (code == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
            event.consume();
            return;
        }
        if (typing || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        switch (code) {
            case SPACE -> model.toggleTraining();
            case S -> model.step();
            case N -> model.newNetwork();
            case C -> clearPadAndPrediction();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void clearPadAndPrediction() {
        clearPad.run();
        model.clearDrawing();
    }

    // ---------------------------------------------------------------- top

    private Node header() {
        Label title = new Label("Hidden Neurons");
        title.getStyleClass().add("hn-app-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("hn-muted");
        subtitle.textProperty().bind(model.modelDescriptionProperty());
        subtitle.setMinWidth(0);
        HBox titles = new HBox(title, subtitle);
        titles.setAlignment(Pos.BASELINE_LEFT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        titles.getStyleClass().add("hn-titles");
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button open = button("Open…", "Open a saved model (Ctrl+O)", this::openModel);
        Button save = button("Save…", "Save this network and its settings as a model file (Ctrl+S)", this::saveModel);
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId(THEME_BUTTON_ID);
        dark.setTooltip(new Tooltip("Switch between the light and the dark theme"));
        dark.setSelected(theme.get() == Themes.Theme.DARK);
        dark.selectedProperty().addListener((o, old, now) -> theme.set(now ? Themes.Theme.DARK : Themes.Theme.LIGHT));
        dark.setFocusTraversable(false);
        dark.setMinWidth(Region.USE_PREF_SIZE);
        Label keys = new Label("Space train/pause · S step · N new · C clear · Ctrl+Z undo · F11 full screen");
        keys.getStyleClass().addAll("hn-muted", "hn-keys");
        keys.setMinWidth(Region.USE_PREF_SIZE);

        HBox header = new HBox(titles, keys, open, save, dark);
        header.getStyleClass().add("hn-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node banner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.divergenceMessageProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label icon = new Label("!");
        icon.getStyleClass().add("hn-banner-icon");
        HBox banner = new HBox(icon, text);
        banner.setId(BANNER_ID);
        banner.getStyleClass().add("hn-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.divergedProperty());
        banner.managedProperty().bind(model.divergedProperty());
        return banner;
    }

    // ---------------------------------------------------------------- left: drawing and prediction

    private Node drawingColumn() {
        pad.setPrefSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setMaxSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setId(DRAWING_PAD_ID);
        pad.drawingProperty().addListener((o, old, drawing) -> {
            if (drawing.empty()) {
                model.clearDrawing();
            } else {
                model.draw(drawing.width(), drawing.height(), drawing.argb());
            }
        });
        onPadActions(pad::clear, pad::undo);

        Slider penWidth = new Slider(MIN_PEN_WIDTH, MAX_PEN_WIDTH, DrawingPad.DEFAULT_PEN_WIDTH);
        penWidth.valueProperty().bindBidirectional(pad.penWidthProperty());
        penWidth.setTooltip(new Tooltip("Pen width in pixels of the 280×280 drawing (the network sees it shrunk to 20×20)"));
        penWidth.setPrefWidth(80);
        penWidth.setMinWidth(60);
        Label penLabel = new Label("Pen");
        penLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = button("Clear", "Clear the drawing (C)", this::clearPadAndPrediction);
        Button undo = button("Undo", "Remove the last stroke (Ctrl+Z)", () -> undoPad.run());
        undo.disableProperty().bind(pad.emptyProperty());
        clear.disableProperty().bind(pad.emptyProperty());
        HBox tools = new HBox(penLabel, penWidth, spacer(), undo, clear);
        tools.getStyleClass().add("hn-toolbar");
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMaxWidth(DRAWING_SIZE);
        VBox padBox = new VBox(pad, tools);
        padBox.getStyleClass().add("hn-pad-box");

        strip.setCaptions("drawn", "cropped", "scaled", "network input 20×20");
        strip.hintTextProperty().set("The 20×20 input\nappears here");
        model.preprocessedProperty().addListener((o, old, now) -> strip.setResult(now));
        strip.setResult(model.preprocessedProperty().get());
        Label seesTitle = new Label("What the network sees");
        seesTitle.getStyleClass().add("hn-subsection-title");
        seesTitle.setWrapText(true);
        seesTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox sees = new VBox(seesTitle, strip);
        sees.getStyleClass().add("hn-sees");
        sees.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(sees, new Tooltip("Like the training digits: cropped to the ink, scaled into a "
                + "16-pixel box keeping the aspect ratio, centred by centre of mass in 20×20"));

        HBox drawRow = new HBox(padBox, sees);
        drawRow.getStyleClass().add("hn-draw-row");
        VBox drawSection = section("Draw a digit", drawRow);

        Label predicted = new Label();
        predicted.getStyleClass().add("hn-prediction");
        predicted.textProperty().bind(Bindings.createStringBinding(() -> {
            int digit = model.predictedDigitProperty().get();
            return digit < 0 ? "Draw to see a prediction" : (digit == 8 ? "Looks like an " : "Looks like a ") + digit;
        }, model.predictedDigitProperty()));
        model.probabilitiesProperty().addListener((o, old, now) -> showProbabilities());
        model.networkProperty().addListener((o, old, now) -> showProbabilities());
        showProbabilities();
        VBox predictionSection = section("Prediction", predicted, bars);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(predictionSection, Priority.ALWAYS);

        VBox column = new VBox(drawSection, predictionSection);
        column.getStyleClass().addAll("hn-column", "hn-left");
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private void showProbabilities() {
        Network network = model.networkProperty().get();
        double[] a3 = model.probabilitiesProperty().get();
        if (network == null) {
            bars.setProbabilities(a3);
        } else {
            bars.setProbabilities(a3, network.spec().outputLayer());
        }
    }

    // ---------------------------------------------------------------- centre: hidden layer

    private Node hiddenLayerColumn() {
        grid.setId(HIDDEN_GRID_ID);
        grid.scaleProperty().bind(model.weightScaleProperty());
        grid.paletteProperty().bind(theme.map(Themes.Theme::palette));
        outputWeights.paletteProperty().bind(theme.map(Themes.Theme::palette));
        outputWeights.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        model.networkProperty().addListener((o, old, now) -> showNetwork(now));
        model.forwardPassProperty().addListener((o, old, now) -> grid.setForwardPass(now));
        showNetwork(model.networkProperty().get());
        grid.setForwardPass(model.forwardPassProperty().get());
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(0);

        ToggleButton perUnit = new ToggleButton("Per unit");
        perUnit.setTooltip(new Tooltip("Each picture uses its own colour scale: shows every unit's pattern best"));
        perUnit.setUserData(WeightPictures.Scale.PER_UNIT);
        ToggleButton shared = new ToggleButton("Shared");
        shared.setTooltip(new Tooltip("All pictures share one colour scale: compares strengths between units"));
        shared.setUserData(WeightPictures.Scale.SHARED);
        SegmentedButton scale = new SegmentedButton(perUnit, shared);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup scaleGroup = scale.getToggleGroup();
        (model.weightScaleProperty().get() == WeightPictures.Scale.SHARED ? shared : perUnit).setSelected(true);
        scaleGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.weightScaleProperty().set((WeightPictures.Scale) now.getUserData());
            }
        });
        ColorBar colourBar = grid.getColorBar();
        colourBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        colourBar.setMaxWidth(COLOUR_BAR_MAX_WIDTH);
        HBox.setHgrow(colourBar, Priority.ALWAYS);
        // The mode is said here, so the bar itself needs no caption (keeps the tiles large).
        grid.setTexts(GRID_TEXTS);
        Label legend = new Label();
        legend.textProperty().bind(model.weightScaleProperty().map(mode -> (mode == WeightPictures.Scale.SHARED
                ? "One scale for all units" : "Each unit on its own scale") + "\nred excites · blue inhibits"));
        legend.getStyleClass().add("hn-muted");
        legend.setMinWidth(Region.USE_PREF_SIZE);
        HBox scaleRow = new HBox(colourBar, legend);
        scaleRow.getStyleClass().addAll("hn-toolbar", "hn-scale-row");
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(grid, new Tooltip("Each tile is one hidden unit's 400 incoming weights drawn as a 20×20 "
                + "picture: red pixels excite it, blue pixels inhibit it. The orange bar under a tile is the "
                + "unit's activation for your drawing. Hover a tile for the numbers; click to select it."));

        VBox hiddenSection = section(titleRow("Hidden layer", scale), grid, scaleRow);
        VBox.setVgrow(hiddenSection, Priority.ALWAYS);

        outputWeights.setPrefHeight(OUTPUT_WEIGHTS_HEIGHT);
        outputWeights.setMinHeight(Region.USE_PREF_SIZE);
        outputWeights.setTexts(OUTPUT_TEXTS);
        ColorBar outputBar = outputWeights.getColorBar();
        outputBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        outputBar.setPrefWidth(COLOUR_BAR_MIN_WIDTH);
        VBox outputSection = section(titleRow("Output weights Θ2", outputBar), outputWeights);
        Tooltip.install(outputSection, new Tooltip("How the units vote. Row k: how strongly each hidden unit's activation counts "
                + "for digit k (red for, blue against). Click a column to select that unit."));

        VBox column = new VBox(hiddenSection, outputSection);
        column.getStyleClass().addAll("hn-column", "hn-centre");
        column.setMinWidth(0);
        return column;
    }

    private void showNetwork(Network network) {
        grid.setNetwork(network);
        outputWeights.setNetwork(network);
    }

    // ---------------------------------------------------------------- right: training

    private Node trainingColumn() {
        TrainingSettingsViewModel settings = model.settings();

        Button train = button("Train", "Start or pause training (Space). After a finished run, Train runs the set number of epochs "
                + "again from the current weights, with a fresh learning-rate schedule", model::toggleTraining);
        train.setId(TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(Bindings.createStringBinding(() -> switch (model.phaseProperty().get()) {
            case RUNNING -> "Pause";
            case PAUSED -> "Resume";
            default -> "Train";
        }, model.phaseProperty()));
        train.disableProperty().bind(model.dataReadyProperty().not());
        Button step = button("Step", "Train exactly one epoch at learning rate α (S)", model::step);
        step.setId(STEP_BUTTON_ID);
        step.disableProperty().bind(model.dataReadyProperty().not());
        Button fresh = button("New network", "Random weights from the seed: watch learning from scratch (N)",
                model::newNetwork);
        fresh.setId(NEW_NETWORK_BUTTON_ID);
        TextField seed = new TextField();
        seed.textProperty().bindBidirectional(settings.seedTextProperty());
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip("Seed of the random weights: the same seed gives the same network and run"));
        Label seedLabel = settingLabel("Seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        seed.setMinWidth(60);
        HBox buttons = new HBox(train, step, spacer(), fresh);
        buttons.getStyleClass().add("hn-toolbar");
        buttons.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("hn-settings");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls, labels, controls);

        Spinner<Integer> hidden = intSpinner(1, TrainingSettingsViewModel.MAX_HIDDEN_SIZE, 1,
                settings.hiddenSizeProperty(), "Hidden units (applies on New network)");
        ComboBox<Activation> activation = new ComboBox<>();
        activation.getItems().addAll(Activation.values());
        activation.valueProperty().bindBidirectional(settings.activationProperty());
        activation.setConverter(named(Activation::id));
        activation.setMinWidth(COMBO_WIDTH);
        activation.setMaxWidth(Double.MAX_VALUE);
        tip(activation, "Hidden activation g(z) (applies on New network)");
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().addAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(settings.optimizerProperty());
        optimizer.setConverter(named(OptimizerKind::id));
        optimizer.setMinWidth(COMBO_WIDTH);
        optimizer.setMaxWidth(Double.MAX_VALUE);
        tip(optimizer, "gd: full-batch gradient descent · sgd: mini-batches with momentum · "
                + "adam: adaptive steps · lbfgs: full-batch quasi-Newton");
        TextField rate = textField(settings.learningRateTextProperty(),
                "Learning rate α: step size. Too large and training diverges (try 10)");
        TextField lambda = textField(settings.lambdaTextProperty(),
                "λ: L2 regularisation. 0 lets weights grow; larger values give smoother pictures");
        Spinner<Integer> batch = intSpinner(1, TrainingSettingsViewModel.MAX_BATCH_SIZE, 10,
                settings.batchSizeProperty(), "Mini-batch size for sgd and adam (full-batch optimizers ignore it)");
        Spinner<Integer> epochs = intSpinner(1, TrainingSettingsViewModel.MAX_EPOCHS, 10,
                settings.epochsProperty(), "Epochs one press of Train runs (full-batch: iterations)");
        CheckBox augment = new CheckBox("shifts");
        augment.setMinWidth(Region.USE_PREF_SIZE);
        augment.selectedProperty().bindBidirectional(settings.augmentProperty());
        tip(augment, "Augmentation: shift training digits randomly by 1–2 pixels each epoch");

        grid.addRow(0, settingLabel("Hidden"), hidden, settingLabel("Activation"), activation);
        grid.addRow(1, settingLabel("Optimizer"), optimizer, settingLabel("Rate α"), rate);
        grid.addRow(2, settingLabel("λ"), lambda, settingLabel("Batch"), batch);
        grid.addRow(3, settingLabel("Epochs"), epochs, seedLabel, seed);
        grid.addRow(4, settingLabel("Augment"), augment);

        Slider speed = new Slider(0, TrainingSettingsViewModel.MAX_EPOCH_DELAY_MILLIS, 0);
        speed.valueProperty().addListener((o, old, now) ->
                settings.epochDelayMillisProperty().set(Math.round(now.doubleValue())));
        tip(speed, "Slow motion for class: pause after each epoch (left: full speed)");
        HBox.setHgrow(speed, Priority.ALWAYS);
        Label speedValue = new Label();
        speedValue.getStyleClass().add("hn-muted");
        speedValue.setMinWidth(Region.USE_PREF_SIZE);
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> {
            long delay = settings.epochDelayMillisProperty().get();
            return delay == 0 ? "full speed" : delay + " ms/epoch";
        }, settings.epochDelayMillisProperty()));
        HBox speedRow = new HBox(settingLabel("Speed"), speed, speedValue);
        speedRow.getStyleClass().add("hn-toolbar");
        speedRow.setAlignment(Pos.CENTER_LEFT);

        Label needsNew = new Label("Hidden units and activation apply on New network.");
        needsNew.getStyleClass().add("hn-note");
        needsNew.setWrapText(true);
        needsNew.visibleProperty().bind(settings.needsNewNetworkProperty());
        needsNew.managedProperty().bind(settings.needsNewNetworkProperty());
        Label invalid = new Label();
        invalid.getStyleClass().add("hn-error");
        invalid.setWrapText(true);
        invalid.textProperty().bind(settings.validationMessageProperty());
        invalid.visibleProperty().bind(settings.validationMessageProperty().isNotEmpty());
        invalid.managedProperty().bind(invalid.visibleProperty());

        VBox trainingSection = section("Training", buttons, grid, needsNew, invalid, speedRow);
        VBox chartSection = section("Progress", charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(chartSection, Priority.ALWAYS);

        VBox column = new VBox(trainingSection, chartSection);
        column.getStyleClass().addAll("hn-column", "hn-right");
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("hn-scroll");
        scroll.setPrefWidth(RIGHT_WIDTH);
        scroll.setMinWidth(RIGHT_WIDTH);
        return scroll;
    }

    // ---------------------------------------------------------------- files

    /** Ctrl+S: writes the network in use; errors in a dialog; nothing in the app changes. */
    void saveModel() {
        FileChooser chooser = modelChooser("Save model");
        chooser.setInitialFileName("hidden-neurons-model.json");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        SavedModel toSave = model.modelToSave();
        Path path = file.toPath();
        adapter.background(() -> {
            ModelFile.save(path, toSave);
            return path;
        }, saved -> model.statusMessageProperty().set("Saved the model to " + saved),
                error -> showFileError("Could not save the model", path, error));
    }

    /** Ctrl+O: reads a model file; on error a dialog names the file and the problem and nothing changes. */
    void openModel() {
        File file = modelChooser("Open model").showOpenDialog(stage);
        if (file == null) {
            return;
        }
        Path path = file.toPath();
        adapter.background(() -> ModelFile.load(path),
                loaded -> model.useModel(loaded, path.getFileName().toString()),
                error -> showFileError("Could not open the model", path, error));
    }

    private static FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hidden Neurons model", MODEL_EXTENSION));
        return chooser;
    }

    private void showFileError(String header, Path path, Throwable error) {
        String problem = WorkbenchViewModel.describe(error);
        model.reportError(header + ": " + path.getFileName() + ": " + problem);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("Hidden Neurons");
        alert.setHeaderText(header);
        alert.setContentText("File: " + path + "\n\nProblem: " + problem);
        alert.show();
    }

    // ---------------------------------------------------------------- helpers

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinHeight(Region.USE_PREF_SIZE);
        return section(heading, content);
    }

    /** A section title with a control at its right end. */
    private static HBox titleRow(String title, Node control) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinWidth(0);
        HBox row = new HBox(heading, spacer(), control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("hn-toolbar");
        return row;
    }

    private static VBox section(Node heading, Node... content) {
        VBox box = new VBox(heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("hn-section");
        return box;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static Label settingLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-setting-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }

    private static TextField textField(javafx.beans.property.StringProperty text, String tooltip) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(4);
        field.setMinWidth(60);
        field.setTooltip(new Tooltip(tooltip));
        return field;
    }

    private Spinner<Integer> intSpinner(int min, int max, int stepSize,
                                        javafx.beans.property.IntegerProperty value, String tooltip) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), stepSize);
        spinner.setEditable(true);
        spinner.setPrefWidth(75);
        spinner.setMinWidth(70);
        spinner.setMaxWidth(Double.MAX_VALUE);
        ObjectProperty<Integer> boxed = value.asObject();
        keepAlive.add(boxed);
        spinner.getValueFactory().valueProperty().bindBidirectional(boxed);
        // Typed text counts when the spinner loses focus too, not only on Enter.
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
        spinner.setTooltip(new Tooltip(tooltip));
        return spinner;
    }

    private void commit(Spinner<Integer> spinner) {
        try {
            Integer typed = spinner.getValueFactory().getConverter().fromString(spinner.getEditor().getText());
            if (typed != null) {
                spinner.getValueFactory().setValue(typed);
            }
        } catch (RuntimeException e) {
            model.reportError("Not a whole number: '" + spinner.getEditor().getText() + "'");
        }
        spinner.getEditor().setText(String.valueOf(spinner.getValue()));
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /** Used by the app to hand pad actions to the shortcuts once the pad exists. */
    void onPadActions(Runnable clear, Runnable undo) {
        this.clearPad = clear;
        this.undoPad = undo;
    }
}
