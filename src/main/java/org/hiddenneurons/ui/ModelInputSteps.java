package org.hiddenneurons.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
 *
 * <p>Preparing a split takes milliseconds on the 5 000 digits but most of a second on MNIST-sized
 * data, so the window hands it to a {@link Preparer} ({@link #prepareWith}: its
 * {@link org.hiddenneurons.ui.work.BackgroundWork}); until then it runs on the calling thread. While
 * a preparation runs ({@link #preparingProperty()}), {@link #preparedDataProperty()} is null ("not
 * ready", as before loading), whether the raw split or only the steps changed: a view never shows
 * raw and prepared images of one split side by side, and never scores the new model's network on
 * the inputs another model's steps made (the accuracy, confusion and saturation would be figures of
 * no model). Requests coalesce: at most one preparation runs, the newest request waits behind it
 * (requests in between are dropped), and a result whose request has been superseded is discarded.
 * The drawings' steps ({@link #prepare(Preprocessor.Result)}) follow the config at once.
 */
public final class ModelInputSteps {

    /**
     * Runs {@code work} (preparing a split) somewhere, then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, both on the FX thread.
     */
    @FunctionalInterface
    public interface Preparer {
        void submit(Callable<Split> work, Consumer<Split> onSuccess, Consumer<Throwable> onFailure);
    }

    /** Prepares on the calling thread, at once (the default, and what plain view-model tests use). */
    public static final Preparer ON_CALLING_THREAD = (work, onSuccess, onFailure) -> {
        Split result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    };

    private final ObservableValue<TrainingConfig> config;
    private final ObservableValue<Split> data;
    private final ReadOnlyBooleanWrapper deskew = new ReadOnlyBooleanWrapper(this, "deskew", false);
    /** The model's steps in words ({@link TrainingConfig#preprocessingSteps()}; "" = none): equal words, equal steps. */
    private final ReadOnlyStringWrapper steps = new ReadOnlyStringWrapper(this, "steps", "");
    /** The caption of the network input in the preprocessing strip when there are steps; "" = none. */
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<Split> preparedData = new ReadOnlyObjectWrapper<>(this, "preparedData");
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(this, "preparing", false);
    private Preparer preparer = ON_CALLING_THREAD;
    /** The newest request; a result of an older one is discarded. FX thread, like the fields below. */
    private long request;
    /** A preparation has been submitted and its result has not come back. */
    private boolean submitted;
    /** The newest request made while one was submitted, started when that one comes back; null = none. */
    private Runnable waiting;

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
        requestPreparation();
        config.addListener((o, old, now) -> {
            boolean changed = !stepsOf(now).equals(steps.get());
            steps.set(stepsOf(now)); // first: listeners of either property prepare with the new steps
            deskew.set(deskews(now));
            caption.set(captionOf(now));
            if (changed) {
                requestPreparation();
            }
        });
        data.addListener((o, old, now) -> requestPreparation());
    }

    /**
     * Prepares the split with {@code preparer} from now on (the window: its background work), e.g.
     * {@code prepareWith(backgroundWork::submit)}.
     */
    public void prepareWith(Preparer preparer) {
        this.preparer = Objects.requireNonNull(preparer, "preparer");
    }

    /**
     * The split as the current steps see it, now (no step or no split: the raw split) or through the
     * {@link Preparer}; meanwhile there is none (the previous one was the old steps' or the old split's).
     */
    private void requestPreparation() {
        long mine = ++request;
        Split raw = data.getValue();
        TrainingConfig withSteps = config.getValue();
        if (raw == null || stepsOf(withSteps).isEmpty()) {
            waiting = null;
            preparing.set(false);
            preparedData.set(raw);
            return;
        }
        preparedData.set(null);
        preparing.set(true);
        Runnable start = () -> {
            submitted = true;
            preparer.submit(() -> prepare(raw, withSteps), prepared -> {
                if (mine == request) {
                    preparedData.set(prepared);
                    preparing.set(false);
                }
                startWaiting();
            }, error -> {
                if (mine == request) {
                    preparing.set(false);
                }
                startWaiting();
                throw new IllegalStateException("could not prepare the data as the model sees it ("
                        + withSteps.preprocessingSteps() + "): " + error.getMessage(), error);
            });
        };
        if (submitted) {
            waiting = start;
        } else {
            start.run();
        }
    }

    /** A preparation came back: the request waiting behind it, if any, starts. */
    private void startWaiting() {
        submitted = false;
        Runnable next = waiting;
        waiting = null;
        if (next != null) {
            next.run();
        }
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

    /**
     * {@code split} (train and test) as a model with {@code steps} sees it; {@code split} itself when
     * there is no step. Any thread (the data sets and the config are immutable).
     */
    static Split prepare(Split split, TrainingConfig steps) {
        if (split == null || stepsOf(steps).isEmpty()) {
            return split;
        }
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

    /**
     * The loaded split as the model in use sees it ({@link #prepare(Split, TrainingConfig)}), null
     * until loaded and while it is prepared for a new split or new steps.
     */
    public ReadOnlyObjectProperty<Split> preparedDataProperty() {
        return preparedData.getReadOnlyProperty();
    }

    /** True while the split is being prepared for new steps or a new split. */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }
}
