package org.hiddenneurons.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.train.Augmentation;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The training settings as the user edits them. Number fields are text (a teacher may type
 * "10" as a learning rate to show divergence); {@link #validationMessageProperty()} says what is
 * wrong, in words, or is empty. Plain JavaFX properties, no nodes: testable with plain JUnit.
 *
 * <p>Hidden size, activation and output layer change the architecture: they only take effect on "New network";
 * {@link #needsNewNetworkProperty()} is true while they differ from the network in use. The other
 * settings apply to the next training run.
 */
public final class TrainingSettingsViewModel {

    /** Largest hidden layer the settings accept (a teaching app; bigger is just slow). */
    public static final int MAX_HIDDEN_SIZE = 400;
    /** Largest epoch count the settings accept. */
    public static final int MAX_EPOCHS = 100_000;
    /** Largest mini-batch. */
    public static final int MAX_BATCH_SIZE = 5000;
    /** Slowest slow-motion setting: pause after each epoch, in milliseconds. */
    public static final long MAX_EPOCH_DELAY_MILLIS = 2000;

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    /**
     * Augmentation strengths offered in the form: the default distortions, shifts alone (the
     * first augmentation), and the default with an elastic field (Simard et al. 2003).
     */
    public static final List<Augmentation> AUGMENTATION_PRESETS = List.of(TrainingConfig.DEFAULT_AUGMENTATION,
            Augmentation.SHIFTS, TrainingConfig.DEFAULT_AUGMENTATION.withElastic(20.0, 3.0));

    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(DEFAULTS.hiddenSize());
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(DEFAULTS.activation());
    private final ObjectProperty<OutputLayer> outputLayer = new SimpleObjectProperty<>(DEFAULTS.outputLayer());
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(DEFAULTS.optimizer());
    private final StringProperty lambdaText = new SimpleStringProperty(format(DEFAULTS.lambda()));
    private final StringProperty learningRateText = new SimpleStringProperty(format(DEFAULTS.learningRate()));
    private final IntegerProperty batchSize = new SimpleIntegerProperty(DEFAULTS.batchSize());
    private final IntegerProperty epochs = new SimpleIntegerProperty(DEFAULTS.epochs());
    private final BooleanProperty augment = new SimpleBooleanProperty(DEFAULTS.augment());
    private final ObjectProperty<Augmentation> augmentation = new SimpleObjectProperty<>(DEFAULTS.augmentation());
    /** The distortion limits the form offers: the presets, plus those of a loaded model if they differ. */
    private final javafx.collections.ObservableList<Augmentation> augmentationChoices =
            javafx.collections.FXCollections.observableArrayList(AUGMENTATION_PRESETS);
    private final StringProperty seedText = new SimpleStringProperty(Long.toString(DEFAULTS.seed()));
    /** Deskew every input first ({@link TrainingConfig#deskew()}); default {@link TrainingConfig#DEFAULT_DESKEW}. */
    private final BooleanProperty deskew = new SimpleBooleanProperty(DEFAULTS.deskew());
    /** The input blur step's σ (no control in the form: the default, or a loaded model's). */
    private double inputBlur = DEFAULTS.inputBlur();
    private final LongProperty epochDelayMillis = new SimpleLongProperty(0);
    /** Lesson pace (the window's default): a run from random weights plays its first epoch slowly. */
    private final BooleanProperty lessonPace = new SimpleBooleanProperty(true);

    /** The architecture of the network in use (what "needs a new network" compares against). */
    private final IntegerProperty appliedHiddenSize = new SimpleIntegerProperty(DEFAULTS.hiddenSize());
    private final ObjectProperty<Activation> appliedActivation = new SimpleObjectProperty<>(DEFAULTS.activation());
    private final ObjectProperty<OutputLayer> appliedOutputLayer = new SimpleObjectProperty<>(DEFAULTS.outputLayer());

    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding needsNewNetwork;

    public TrainingSettingsViewModel() {
        needsNewNetwork = Bindings.createBooleanBinding(
                () -> hiddenSize.get() != appliedHiddenSize.get() || activation.get() != appliedActivation.get()
                        || outputLayer.get() != appliedOutputLayer.get(),
                hiddenSize, appliedHiddenSize, activation, appliedActivation, outputLayer, appliedOutputLayer);
        Runnable revalidate = () -> validationMessage.set(validate());
        for (var property : new javafx.beans.Observable[] {hiddenSize, activation, optimizer, lambdaText,
                learningRateText, batchSize, epochs, seedText}) {
            property.addListener(o -> revalidate.run());
        }
        revalidate.run();
    }

    /** The settings as a config, or an IllegalArgumentException whose message says what is wrong. */
    public TrainingConfig toConfig() {
        double lambda = parseDouble(lambdaText.get(), I18n.t("workbench.settings.lambda"));
        double learningRate = parseDouble(learningRateText.get(), I18n.t("workbench.settings.learningRate"));
        long seed = parseSeed();
        if (hiddenSize.get() > MAX_HIDDEN_SIZE) {
            throw new IllegalArgumentException(I18n.t("workbench.settings.hiddenTooLarge",
                    String.valueOf(MAX_HIDDEN_SIZE), String.valueOf(hiddenSize.get())));
        }
        if (epochs.get() < 1 || epochs.get() > MAX_EPOCHS) {
            throw new IllegalArgumentException(I18n.t("workbench.settings.epochsRange",
                    String.valueOf(MAX_EPOCHS), String.valueOf(epochs.get())));
        }
        if (batchSize.get() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(I18n.t("workbench.settings.batchTooLarge",
                    String.valueOf(MAX_BATCH_SIZE), String.valueOf(batchSize.get())));
        }
        return new TrainingConfig(hiddenSize.get(), activation.get(), outputLayer.get(), DEFAULTS.initializer(),
                optimizer.get(), learningRate, DEFAULTS.momentum(), batchSize.get(), epochs.get(), lambda, seed,
                augment.get(), augmentation.get(), deskew.get()).withInputBlur(inputBlur);
    }

    /**
     * The config for training a network of architecture {@code inUse}: hidden size and activation
     * come from it (changes to those wait for New network), everything else from the settings.
     */
    public TrainingConfig configFor(NetworkSpec inUse) {
        TrainingConfig edited = toConfig();
        return new TrainingConfig(inUse.hiddenSize(), inUse.hiddenActivation(), inUse.outputLayer(),
                edited.initializer(), edited.optimizer(), edited.learningRate(), edited.momentum(),
                edited.batchSize(), edited.epochs(), edited.lambda(), edited.seed(), edited.augment(),
                edited.augmentation(), edited.deskew()).withInputBlur(edited.inputBlur());
    }

    /** The seed typed beside "New network". */
    public long parseSeed() {
        String text = seedText.get() == null ? "" : seedText.get().trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.t("workbench.settings.seedNotWhole", text), e);
        }
    }

    /** Records that the network in use now has this architecture (after New network or Open). */
    public void markApplied(NetworkSpec spec) {
        appliedHiddenSize.set(spec.hiddenSize());
        appliedActivation.set(spec.hiddenActivation());
        appliedOutputLayer.set(spec.outputLayer());
    }

    /** Shows the settings a loaded model was trained with (architecture from its spec). */
    public void load(NetworkSpec spec, TrainingConfig config) {
        hiddenSize.set(spec.hiddenSize());
        activation.set(spec.hiddenActivation());
        outputLayer.set(spec.outputLayer());
        if (config != null) {
            optimizer.set(config.optimizer());
            lambdaText.set(format(config.lambda()));
            learningRateText.set(format(config.learningRate()));
            batchSize.set(config.batchSize());
            epochs.set(Math.max(1, config.epochs()));
            augment.set(config.augment());
            if (!augmentationChoices.contains(config.augmentation())) {
                augmentationChoices.add(config.augmentation());
            }
            augmentation.set(config.augmentation());
            seedText.set(Long.toString(config.seed()));
            deskew.set(config.deskew());
            inputBlur = config.inputBlur();
        }
        markApplied(spec);
    }

    /** Says the validation message again (in the current language, after a switch). */
    public void revalidate() {
        validationMessage.set(validate());
    }

    private String validate() {
        try {
            toConfig();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static double parseDouble(String text, String what) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.t("workbench.settings.notANumber", what, trimmed), e);
        }
    }

    /** A number as a short text: 1.0 → "1", 0.01 → "0.01". */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    public IntegerProperty hiddenSizeProperty() {
        return hiddenSize;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    /** Output layer and cost: sigmoid units (the course) or softmax (the app's default); applies on New network. */
    public ObjectProperty<OutputLayer> outputLayerProperty() {
        return outputLayer;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public StringProperty lambdaTextProperty() {
        return lambdaText;
    }

    public StringProperty learningRateTextProperty() {
        return learningRateText;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    /** How strongly augmentation distorts the training images (one of {@link #augmentationChoices()}). */
    public ObjectProperty<Augmentation> augmentationProperty() {
        return augmentation;
    }

    public javafx.collections.ObservableList<Augmentation> augmentationChoices() {
        return augmentationChoices;
    }

    /** "shift ±1 px, rotate ±12°, …": every distortion of {@code limits} that is on, in the current language. */
    public static String describe(Augmentation limits) {
        List<String> parts = new java.util.ArrayList<>();
        if (limits.maxShift() > 0) {
            parts.add(I18n.t("workbench.augment.part.shift", format(limits.maxShift())));
        }
        if (limits.maxRotationDegrees() > 0) {
            parts.add(I18n.t("workbench.augment.part.rotate", format(limits.maxRotationDegrees())));
        }
        if (limits.maxScale() > 0) {
            parts.add(I18n.t("workbench.augment.part.scale", format(100 * limits.maxScale())));
        }
        if (limits.maxShear() > 0) {
            parts.add(I18n.t("workbench.augment.part.shear", format(limits.maxShear())));
        }
        if (limits.maxThickness() > 0) {
            parts.add(I18n.t("workbench.augment.part.thickness", format(100 * limits.maxThickness())));
        }
        if (limits.elasticAlpha() > 0) {
            parts.add(I18n.t("workbench.augment.part.elastic", format(limits.elasticAlpha()),
                    format(limits.elasticSigma())));
        }
        if (limits.erases()) {
            parts.add(I18n.t(limits.eraseShape() == Augmentation.EraseShape.DISC ? "workbench.augment.part.eraseDiscs"
                            : "workbench.augment.part.eraseSquares", format(limits.eraseMinSize()),
                    format(limits.eraseMaxSize()), format(100 * limits.eraseProbability())));
        }
        return parts.isEmpty() ? I18n.t("workbench.augment.part.none") : String.join(I18n.t("workbench.augment.part.separator"), parts);
    }

    /** Deskew every image before the network sees it (a step of the model, stored in its file). */
    public BooleanProperty deskewProperty() {
        return deskew;
    }

    public StringProperty seedTextProperty() {
        return seedText;
    }

    /** Slow motion: milliseconds the trainer sleeps after each epoch (0 = full speed). */
    public LongProperty epochDelayMillisProperty() {
        return epochDelayMillis;
    }

    /** Lesson pace on (default) or full speed; see {@link #pacingFor(int)}. */
    public BooleanProperty lessonPaceProperty() {
        return lessonPace;
    }

    /**
     * The pacing of a run that starts after {@code epochsDone} epochs of training: {@link Pacing#LESSON}
     * when lesson pace is on and the network has its random starting weights (0 epochs), else
     * {@link Pacing#FULL_SPEED}.
     */
    public Pacing pacingFor(int epochsDone) {
        return pacingFor(lessonPace.get(), epochsDone);
    }

    /** {@link #pacingFor(int)} with lesson pace {@code on} or off (also the Compare runs page's rule). */
    public static Pacing pacingFor(boolean on, int epochsDone) {
        return on && epochsDone == 0 ? Pacing.LESSON : Pacing.FULL_SPEED;
    }

    /** What is wrong with the settings, in words, or "". */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    /** True while hidden size, activation or output layer differ from the network in use. */
    public BooleanBinding needsNewNetworkProperty() {
        return needsNewNetwork;
    }
}
