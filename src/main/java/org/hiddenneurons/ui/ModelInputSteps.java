package org.hiddenneurons.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The window's one answer to "what input does the model in use see?": the preprocessing steps of
 * the config the network was trained with ({@link TrainingConfig#prepare}: deskewing,
 * {@link org.hiddenneurons.data.Deskew}, then the input blur, {@link org.hiddenneurons.data.InputBlur}), applied after the drawing {@link Preprocessor}
 * and to the data views' split, as {@code evaluate}, {@code cost} and {@code predict} apply them
 * through {@link org.hiddenneurons.io.SavedModel#prepare}.
 *
 * <ul>
 *   <li>{@link #prepare(Preprocessor.Result)}: a drawing's steps with the model's network input
 *       (the prediction, the dossier, the replay and the Backprop page use it);</li>
 *   <li>{@link #preparedDataProperty()}: the split as the model sees it (test-set browser,
 *       confusion, accuracy, dossier examples, saturation, Backprop's training examples).</li>
 * </ul>
 * Training does not go through here: the trainer prepares the raw split itself from the config it
 * runs, and the user's drawings are kept raw for the same reason (prepared once, never twice).
 *
 * <p>Follows the document's config ({@link ModelDocumentViewModel#configProperty()}) and the raw
 * split; the prepared split is made again only when the steps (deskew flag, blur σ) or the split change,
 * and is the raw split itself when there is no step. FX thread; no nodes.
 */
public final class ModelInputSteps {

    private final ObservableValue<TrainingConfig> config;
    private final ObservableValue<Split> data;
    private final ReadOnlyBooleanWrapper deskew = new ReadOnlyBooleanWrapper(this, "deskew", false);
    /** The model's steps in words ({@link TrainingConfig#preprocessingSteps()}; "" = none): equal words, equal steps. */
    private final ReadOnlyStringWrapper steps = new ReadOnlyStringWrapper(this, "steps", "");
    /** The caption of the network input in the preprocessing strip when there are steps; "" = none. */
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<Split> preparedData = new ReadOnlyObjectWrapper<>(this, "preparedData");

    /**
     * @param config the config of the model in use (null: unknown, no steps)
     * @param data   the split as loaded (null until loaded)
     */
    public ModelInputSteps(ObservableValue<TrainingConfig> config, ObservableValue<Split> data) {
        this.config = config;
        this.data = data;
        deskew.set(deskews(config.getValue()));
        steps.set(stepsOf(config.getValue()));
        caption.set(captionOf(config.getValue()));
        preparedData.set(prepare(data.getValue()));
        config.addListener((o, old, now) -> {
            boolean changed = !stepsOf(now).equals(steps.get());
            steps.set(stepsOf(now)); // first: listeners of either property prepare with the new steps
            deskew.set(deskews(now));
            caption.set(captionOf(now));
            if (changed) {
                preparedData.set(prepare(data.getValue()));
            }
        });
        data.addListener((o, old, now) -> preparedData.set(prepare(now)));
    }

    /** No steps: the inputs as the preprocessor or the loader made them. */
    public static ModelInputSteps none() {
        return new ModelInputSteps(new ReadOnlyObjectWrapper<>(), new ReadOnlyObjectWrapper<>());
    }

    private static boolean deskews(TrainingConfig config) {
        return config != null && config.deskew();
    }

    /**
     * "deskewed, blurred (network input)", "deskewed (network input)", "blurred (network input)" in
     * the window's language, or "" when the model has no step.
     */
    private static String captionOf(TrainingConfig config) {
        if (config == null || config.preprocessingSteps().isEmpty()) {
            return "";
        }
        if (config.inputBlur() > 0) {
            return I18n.t(config.deskew() ? "workbench.strip.deskewedBlurred" : "workbench.strip.blurred");
        }
        return I18n.t("workbench.strip.deskewed");
    }

    /**
     * {@code settings} with the steps of the model in use (deskew flag and blur σ): what Save writes
     * is what the weights were trained with, not a box ticked since.
     */
    public TrainingConfig withStepsInUse(TrainingConfig settings) {
        TrainingConfig inUse = config.getValue();
        return settings.withDeskew(deskews(inUse)).withInputBlur(inUse == null ? 0.0 : inUse.inputBlur());
    }

    private static String stepsOf(TrainingConfig config) {
        return config == null ? "" : config.preprocessingSteps();
    }

    /**
     * {@code drawing} as the model sees it: the same steps, with {@link Preprocessor.Result#networkInput()}
     * replaced by the model's input ({@link TrainingConfig#prepare(double[], int, int)} of the
     * preprocessor's); {@code drawing} itself when the model has no step or nothing is drawn.
     * {@link Preprocessor.Result#centred()} stays the preprocessor's last picture.
     */
    public Preprocessor.Result prepare(Preprocessor.Result drawing) {
        if (steps.get().isEmpty() || drawing == null || drawing.blank() || drawing.networkInput() == null
                || drawing.centred() == null) {
            return drawing;
        }
        double[] input = config.getValue().prepare(drawing.networkInput(), drawing.centred().width(),
                drawing.centred().height());
        return new Preprocessor.Result(drawing.blank(), drawing.grayscale(), drawing.cropped(), drawing.scaled(),
                drawing.centred(), input);
    }

    /** {@code split} (train and test) as the model sees it; {@code split} itself when there is no step. */
    public Split prepare(Split split) {
        if (steps.get().isEmpty() || split == null) {
            return split;
        }
        TrainingConfig steps = config.getValue();
        return new Split(steps.prepare(split.train()), split.test() == null ? null : steps.prepare(split.test()),
                split.rule());
    }

    /**
     * The model's preprocessing steps in words ({@link TrainingConfig#preprocessingSteps()}, "" = none):
     * changes whenever what the network sees of a drawing changes (deskew flag or blur σ).
     */
    public ReadOnlyStringProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The strip's caption of the network input when the model in use has steps, "" when it has none. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** True while the model in use deskews its inputs. */
    public ReadOnlyBooleanProperty deskewProperty() {
        return deskew.getReadOnlyProperty();
    }

    /** The loaded split as the model in use sees it, null until loaded (see {@link #prepare(Split)}). */
    public ReadOnlyObjectProperty<Split> preparedDataProperty() {
        return preparedData.getReadOnlyProperty();
    }
}
