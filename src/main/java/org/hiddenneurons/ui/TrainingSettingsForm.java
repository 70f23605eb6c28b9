package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.named;
import static org.hiddenneurons.ui.WorkbenchControls.settingLabel;
import static org.hiddenneurons.ui.WorkbenchControls.tip;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.train.Augmentation;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The training-settings form: architecture and optimizer settings in a two-pair grid, the speed
 * slider, and the notes under them (a new network is needed; a value is invalid). Every control
 * is bound to the {@link TrainingSettingsViewModel}; nothing here decides anything.
 *
 * <p>A new setting: add a property to {@link TrainingSettingsViewModel}, then one control and one
 * {@link #addRow} call (in the constructor, or from outside through {@code WorkbenchView.settingsForm()}).
 */
final class TrainingSettingsForm {

    static final double COMBO_WIDTH = 80;
    /** Id of the Deskew check box. */
    static final String DESKEW_ID = "hn-deskew";

    private final GridPane grid = new GridPane();
    private final ViewScope scope;
    private final List<Node> nodes;
    private final Consumer<String> reportError;
    /** Settings placed so far: two per grid row. */
    private int placed;

    /**
     * @param reportError shows a typed value that is not a whole number
     */
    TrainingSettingsForm(TrainingSettingsViewModel settings, ViewScope scope, Consumer<String> reportError) {
        this.scope = scope;
        this.reportError = reportError;
        grid.getStyleClass().addAll("hn-settings", PresentationMode.CONTROLS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls, labels, controls);

        ComboBox<OutputLayer> output = combo(OutputLayer.values(), settings.outputLayerProperty(),
                TrainingSettingsForm::outputLayerName, I18n.t("workbench.output.tooltip"));
        Spinner<Integer> hidden = intSpinner(1, TrainingSettingsViewModel.MAX_HIDDEN_SIZE, 1,
                settings.hiddenSizeProperty(), I18n.t("workbench.hidden.tooltip"));
        ComboBox<Activation> activation = combo(Activation.values(), settings.activationProperty(),
                TrainingSettingsForm::activationName, I18n.t("workbench.activation.tooltip"));
        ComboBox<OptimizerKind> optimizer = combo(OptimizerKind.values(), settings.optimizerProperty(),
                TrainingSettingsForm::optimizerName, I18n.t("workbench.optimizer.tooltip"));
        TextField rate = textField(settings.learningRateTextProperty(), I18n.t("workbench.rate.tooltip"));
        TextField lambda = textField(settings.lambdaTextProperty(), I18n.t("workbench.lambda.tooltip"));
        lambda.setId(WorkbenchView.LAMBDA_FIELD_ID);
        Spinner<Integer> batch = intSpinner(1, TrainingSettingsViewModel.MAX_BATCH_SIZE, 10,
                settings.batchSizeProperty(), I18n.t("workbench.batch.tooltip"));
        Spinner<Integer> epochs = intSpinner(1, TrainingSettingsViewModel.MAX_EPOCHS, 10,
                settings.epochsProperty(), I18n.t("workbench.epochs.tooltip"));
        TextField seed = new TextField();
        seed.textProperty().bindBidirectional(settings.seedTextProperty());
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip(I18n.t("workbench.seed.tooltip")));
        seed.setMinWidth(60);
        CheckBox augment = new CheckBox(I18n.t("workbench.augment.on"));
        augment.setMinWidth(Region.USE_PREF_SIZE);
        augment.selectedProperty().bindBidirectional(settings.augmentProperty());
        tip(augment, I18n.t("workbench.augment.onTooltip"));
        ComboBox<Augmentation> distortions = new ComboBox<>(settings.augmentationChoices());
        distortions.valueProperty().bindBidirectional(settings.augmentationProperty());
        distortions.setConverter(named(TrainingSettingsViewModel::describe));
        distortions.disableProperty().bind(settings.augmentProperty().not());
        distortions.setMaxWidth(Double.MAX_VALUE);
        tip(distortions, I18n.t("workbench.augment.distortionsTooltip"));
        CheckBox deskew = new CheckBox(I18n.t("workbench.deskew.on"));
        deskew.setId(DESKEW_ID);
        deskew.setMinWidth(Region.USE_PREF_SIZE);
        deskew.selectedProperty().bindBidirectional(settings.deskewProperty());
        tip(deskew, I18n.t("workbench.deskew.tooltip"));

        addRow(I18n.t("workbench.hidden"), hidden);
        addRow(I18n.t("workbench.activation"), activation);
        addRow(I18n.t("workbench.optimizer"), optimizer);
        addRow(I18n.t("workbench.rate"), rate);
        addRow(I18n.t("workbench.lambda"), lambda);
        addRow(I18n.t("workbench.batch"), batch);
        addRow(I18n.t("workbench.epochs"), epochs);
        addRow(I18n.t("workbench.seed"), seed);
        addRow(I18n.t("workbench.output"), output);
        addRow(I18n.t("workbench.augment"), augment);
        addRow(I18n.t("workbench.deskew"), deskew);
        // The distortions fill the rest of Deskew's row, under the Augment box they belong to (no row
        // of its own: the column must fit 1280×800).
        grid.add(distortions, 2, placed / 2, 2, 1);
        placed++;

        Label needsNew = new Label(I18n.t("workbench.needsNew"));
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
        nodes = List.of(grid, needsNew, invalid);
    }

    /** The grid and the notes under it, in order (they sit directly in the training section). */
    List<Node> nodes() {
        return nodes;
    }

    /** The next setting in the grid: a label and its control, two settings per row. */
    void addRow(String label, Node control) {
        grid.add(settingLabel(label), 2 * (placed % 2), placed / 2);
        grid.add(control, 2 * (placed % 2) + 1, placed / 2);
        placed++;
    }

    /** The speed slider (epoch delay) and its value, in words. */
    static HBox speedRow(TrainingSettingsViewModel settings) {
        Slider speed = new Slider(0, TrainingSettingsViewModel.MAX_EPOCH_DELAY_MILLIS, 0);
        speed.valueProperty().addListener((o, old, now) ->
                settings.epochDelayMillisProperty().set(Math.round(now.doubleValue())));
        tip(speed, I18n.t("workbench.speed.tooltip"));
        HBox.setHgrow(speed, Priority.ALWAYS);
        Label speedValue = new Label();
        speedValue.getStyleClass().add("hn-muted");
        speedValue.setMinWidth(Region.USE_PREF_SIZE);
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> {
            long delay = settings.epochDelayMillisProperty().get();
            return delay == 0 ? I18n.t("workbench.speed.full") : I18n.t("workbench.speed.delay", String.valueOf(delay));
        }, settings.epochDelayMillisProperty()));
        HBox speedRow = new HBox(settingLabel(I18n.t("workbench.speed")), speed, speedValue,
                WatchControls.lessonPace(settings));
        speedRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        speedRow.setAlignment(Pos.CENTER_LEFT);
        return speedRow;
    }

    private static <T> ComboBox<T> combo(T[] values, ObjectProperty<T> value,
            java.util.function.Function<T, String> name, String tooltip) {
        ComboBox<T> combo = new ComboBox<>();
        combo.getItems().addAll(values);
        combo.valueProperty().bindBidirectional(value);
        combo.setConverter(named(name));
        combo.setMinWidth(COMBO_WIDTH);
        combo.setMaxWidth(Double.MAX_VALUE);
        tip(combo, tooltip);
        return combo;
    }

    private static TextField textField(StringProperty text, String tooltip) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(4);
        field.setMinWidth(60);
        field.setTooltip(new Tooltip(tooltip));
        return field;
    }

    private Spinner<Integer> intSpinner(int min, int max, int stepSize, IntegerProperty value, String tooltip) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), stepSize);
        spinner.setEditable(true);
        spinner.setPrefWidth(75);
        spinner.setMinWidth(70);
        spinner.setMaxWidth(Double.MAX_VALUE);
        ObjectProperty<Integer> boxed = value.asObject();
        scope.keepAlive(boxed);
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
            reportError.accept(I18n.t("workbench.error.notWholeNumber", spinner.getEditor().getText()));
        }
        spinner.getEditor().setText(String.valueOf(spinner.getValue()));
    }

    /** An activation function's name as shown (its id; the math names are the same in every language). */
    static String activationName(Activation activation) {
        return switch (activation) {
            case SIGMOID -> I18n.t("workbench.activation.sigmoid");
            case TANH -> I18n.t("workbench.activation.tanh");
            case RELU -> I18n.t("workbench.activation.relu");
            default -> activation.id();
        };
    }

    /** An optimizer's name as shown. */
    static String optimizerName(OptimizerKind optimizer) {
        return switch (optimizer) {
            case GD -> I18n.t("workbench.optimizer.gd");
            case SGD -> I18n.t("workbench.optimizer.sgd");
            case ADAM -> I18n.t("workbench.optimizer.adam");
            case LBFGS -> I18n.t("workbench.optimizer.lbfgs");
            default -> optimizer.id();
        };
    }

    /** An output layer's name as shown. */
    static String outputLayerName(OutputLayer layer) {
        return switch (layer) {
            case SOFTMAX_CROSS_ENTROPY -> I18n.t("workbench.outputLayer.softmax");
            case SIGMOID_CROSS_ENTROPY -> I18n.t("workbench.outputLayer.sigmoid");
            default -> layer.id();
        };
    }
}
