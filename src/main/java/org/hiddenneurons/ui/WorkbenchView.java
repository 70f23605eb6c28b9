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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.hiddenneurons.core.Activation;
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

    static final double DRAWING_SIZE = 280;
    static final double LEFT_WIDTH = 320;
    static final double RIGHT_WIDTH = 440;
    static final String MODEL_EXTENSION = "*.json";
    static final double COMBO_WIDTH = 95;

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final Stage stage;
    private final ObjectProperty<Themes.Theme> theme = new SimpleObjectProperty<>(Themes.DEFAULT_THEME);
    /** Bidirectional bindings hold their ends weakly: the adapters made for them live here. */
    private final List<Object> keepAlive = new ArrayList<>();
    private final TrainingCharts charts;

    // Drawing pad actions (wired to the real pad once it exists).
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
        VBox titles = new VBox(title, subtitle);
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
        Label keys = new Label("Space train/pause · S step · N new · C clear · F11 full screen");
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
        Region pad = placeholder("DrawingPad", DRAWING_SIZE, DRAWING_SIZE);

        Slider penWidth = new Slider(8, 40, 20);
        penWidth.setTooltip(new Tooltip("Pen width in pixels of the 280×280 pad"));
        penWidth.setPrefWidth(90);
        Label penLabel = new Label("Pen");
        Button clear = button("Clear", "Clear the drawing (C)", this::clearPadAndPrediction);
        Button undo = button("Undo", "Remove the last stroke (Ctrl+Z)", () -> undoPad.run());
        HBox tools = new HBox(penLabel, penWidth, spacer(), undo, clear);
        tools.getStyleClass().add("hn-toolbar");
        tools.setAlignment(Pos.CENTER_LEFT);

        VBox drawSection = section("Draw a digit", pad, tools);

        Region strip = placeholder("PreprocessStrip", DRAWING_SIZE, 78);
        VBox stripSection = section("What the network sees", strip);

        Region bars = placeholder("PredictionBars", DRAWING_SIZE, 180);
        Label predicted = new Label();
        predicted.getStyleClass().add("hn-prediction");
        predicted.textProperty().bind(Bindings.createStringBinding(() -> {
            int digit = model.predictedDigitProperty().get();
            return digit < 0 ? "Draw to see a prediction" : "Looks like a " + digit;
        }, model.predictedDigitProperty()));
        VBox predictionSection = section("Prediction", predicted, bars);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(predictionSection, Priority.ALWAYS);

        VBox column = new VBox(drawSection, stripSection, predictionSection);
        column.getStyleClass().addAll("hn-column", "hn-left");
        column.setPrefWidth(LEFT_WIDTH);
        column.setMinWidth(LEFT_WIDTH);
        return column;
    }

    // ---------------------------------------------------------------- centre: hidden layer

    private Node hiddenLayerColumn() {
        Region grid = placeholder("HiddenUnitGrid (25 tiles)", 420, 420);
        VBox.setVgrow(grid, Priority.ALWAYS);

        ToggleButton perUnit = new ToggleButton("Per unit");
        perUnit.setTooltip(new Tooltip("Each picture uses its own colour scale: shows every unit's pattern best"));
        perUnit.setUserData(WeightPictures.Scale.PER_UNIT);
        ToggleButton shared = new ToggleButton("Shared");
        shared.setTooltip(new Tooltip("All pictures share one colour scale: compares strengths between units"));
        shared.setUserData(WeightPictures.Scale.SHARED);
        SegmentedButton scale = new SegmentedButton(perUnit, shared);
        ToggleGroup scaleGroup = scale.getToggleGroup();
        (model.weightScaleProperty().get() == WeightPictures.Scale.SHARED ? shared : perUnit).setSelected(true);
        scaleGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.weightScaleProperty().set((WeightPictures.Scale) now.getUserData());
            }
        });
        Label scaleLabel = new Label("Colour scale");
        scaleLabel.getStyleClass().add("hn-muted");
        Region colourBar = placeholder("ColorBar", 220, 34);
        HBox.setHgrow(colourBar, Priority.ALWAYS);
        HBox scaleRow = new HBox(scaleLabel, scale, colourBar);
        scaleRow.getStyleClass().add("hn-toolbar");
        scaleRow.setAlignment(Pos.CENTER_LEFT);

        Label explain = new Label("Each tile is one hidden unit's 400 incoming weights drawn as a 20×20 picture: "
                + "red pixels excite it, blue pixels inhibit it.");
        explain.getStyleClass().add("hn-muted");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        VBox hiddenSection = section("Hidden layer", explain, grid, scaleRow);
        VBox.setVgrow(hiddenSection, Priority.ALWAYS);

        Region outputWeights = placeholder("OutputWeightsView Θ2 (10 × 26)", 420, 110);
        VBox outputSection = section("Output weights Θ2: how each digit votes", outputWeights);

        VBox column = new VBox(hiddenSection, outputSection);
        column.getStyleClass().addAll("hn-column", "hn-centre");
        return column;
    }

    // ---------------------------------------------------------------- right: training

    private Node trainingColumn() {
        TrainingSettingsViewModel settings = model.settings();

        Button train = button("Train", "Start or pause training (Space)", model::toggleTraining);
        train.setId(TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(Bindings.createStringBinding(() -> switch (model.phaseProperty().get()) {
            case RUNNING -> "Pause";
            case PAUSED -> "Resume";
            default -> "Train";
        }, model.phaseProperty()));
        train.disableProperty().bind(model.dataReadyProperty().not());
        Button step = button("Step", "Train exactly one epoch (S)", model::step);
        step.setId(STEP_BUTTON_ID);
        step.disableProperty().bind(model.dataReadyProperty().not());
        Button fresh = button("New network", "Random weights from the seed: watch learning from scratch (N)",
                model::newNetwork);
        fresh.setId(NEW_NETWORK_BUTTON_ID);
        TextField seed = new TextField();
        seed.textProperty().bindBidirectional(settings.seedTextProperty());
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip("Seed of the random weights: the same seed gives the same network and run"));
        Label seedLabel = new Label("seed");
        seedLabel.getStyleClass().add("hn-muted");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        seed.setMinWidth(60);
        HBox buttons = new HBox(train, step, spacer(), fresh, seedLabel, seed);
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

        grid.addRow(0, settingLabel("Hidden units"), hidden, settingLabel("Activation"), activation);
        grid.addRow(1, settingLabel("Optimizer"), optimizer, settingLabel("Rate α"), rate);
        grid.addRow(2, settingLabel("λ"), lambda, settingLabel("Batch"), batch);
        grid.addRow(3, settingLabel("Epochs"), epochs, settingLabel("Augment"), augment);

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

    /**
     * A clearly marked stand-in for a component the views helper provides (DrawingPad,
     * PreprocessStrip, PredictionBars, HiddenUnitGrid, ColorBar, OutputWeightsView).
     */
    private static Region placeholder(String component, double width, double height) {
        Label name = new Label(component + "\n(placeholder)");
        name.getStyleClass().add("hn-muted");
        name.setWrapText(true);
        StackPane box = new StackPane(name);
        box.getStyleClass().add("hn-placeholder");
        box.setPrefSize(width, height);
        box.setMinSize(Math.min(width, 120), Math.min(height, 30));
        return box;
    }

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinHeight(Region.USE_PREF_SIZE);
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
        spinner.setPrefWidth(80);
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
