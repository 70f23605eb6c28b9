package org.hiddenneurons.ui.backprop;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.walkthrough.GradientCheckResult;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.core.walkthrough.WeightRef;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The state of the backprop stepper: which example (the drawing with a chosen true label, or a
 * training sample), λ and α, the current step, the selected hidden unit and the weight under
 * gradient check. Holds no nodes; plain JUnit can drive it on any thread that owns the inputs.
 *
 * <p>The {@link #walkthroughProperty() walkthrough} is recomputed (a forward pass and one
 * gradient of one example: well under a millisecond) whenever an input changes; it is null when
 * there is no network or no example ({@link #messageProperty()} says why).
 */
public final class BackpropViewModel {

    /** Where the example comes from. */
    public enum Source {
        /** The current drawing, with the true label picked by the user. */
        DRAWING,
        /** Sample {@link #sampleIndexProperty()} of the training set, with its label. */
        TRAINING_SAMPLE
    }

    private final ObservableValue<Network> network;
    private final ObservableValue<Preprocessor.Result> drawing;
    private final ObservableValue<Split> data;

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.DRAWING);
    private final IntegerProperty drawingLabel = new SimpleIntegerProperty(this, "drawingLabel", 0);
    private final IntegerProperty sampleIndex = new SimpleIntegerProperty(this, "sampleIndex", 0);
    private final DoubleProperty lambda = new SimpleDoubleProperty(this, "lambda", Walkthrough.DEFAULT_LAMBDA);
    private final DoubleProperty learningRate =
            new SimpleDoubleProperty(this, "learningRate", Walkthrough.DEFAULT_LEARNING_RATE);
    private final ObjectProperty<WalkthroughStep> step =
            new SimpleObjectProperty<>(this, "step", WalkthroughStep.first());
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", 0);
    private final ObjectProperty<WeightRef> checkedWeight = new SimpleObjectProperty<>(this, "checkedWeight");
    private final ReadOnlyObjectWrapper<Walkthrough> walkthrough = new ReadOnlyObjectWrapper<>(this, "walkthrough");
    private final ReadOnlyObjectWrapper<GradientCheckResult> checkResult =
            new ReadOnlyObjectWrapper<>(this, "checkResult");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param network the workbench's network (an immutable snapshot; never modified here)
     * @param drawing the preprocessed drawing (null or blank: nothing drawn)
     * @param data    the train/test split (null until loaded)
     */
    public BackpropViewModel(ObservableValue<Network> network, ObservableValue<Preprocessor.Result> drawing,
                             ObservableValue<Split> data) {
        this.network = network;
        this.drawing = drawing;
        this.data = data;
        for (Observable input : new Observable[] {network, drawing, data, source, drawingLabel, sampleIndex, lambda,
                learningRate}) {
            input.addListener(o -> recompute());
        }
        walkthrough.addListener(o -> recheck());
        checkedWeight.addListener(o -> recheck());
        selectedUnit.addListener((o, old, now) -> {
            Walkthrough w = walkthrough.get();
            int hidden = w == null ? Integer.MAX_VALUE : w.spec().hiddenSize();
            if (now.intValue() < 0 || now.intValue() >= hidden) {
                selectedUnit.set(Math.max(0, Math.min(hidden - 1, now.intValue())));
            }
        });
        recompute();
    }

    // ---- navigation ------------------------------------------------------------------------

    public void next() {
        step.set(step.get().next());
    }

    public void previous() {
        step.set(step.get().previous());
    }

    public void first() {
        step.set(WalkthroughStep.first());
    }

    public void last() {
        step.set(WalkthroughStep.last());
    }

    // ---- properties ------------------------------------------------------------------------

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The true label of the drawing (0..outputs−1). */
    public IntegerProperty drawingLabelProperty() {
        return drawingLabel;
    }

    /** Index into the training set (0-based). */
    public IntegerProperty sampleIndexProperty() {
        return sampleIndex;
    }

    /** λ of the regularisation (m = 1). */
    public DoubleProperty lambdaProperty() {
        return lambda;
    }

    /** α of the update step. */
    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<WalkthroughStep> stepProperty() {
        return step;
    }

    /** Hidden unit j (0-based) whose products, Δ¹ row and update are shown. */
    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    /** The weight under gradient check, or null. */
    public ObjectProperty<WeightRef> checkedWeightProperty() {
        return checkedWeight;
    }

    public ReadOnlyObjectProperty<Walkthrough> walkthroughProperty() {
        return walkthrough.getReadOnlyProperty();
    }

    public Walkthrough getWalkthrough() {
        return walkthrough.get();
    }

    public ReadOnlyObjectProperty<GradientCheckResult> checkResultProperty() {
        return checkResult.getReadOnlyProperty();
    }

    /** Why there is no walkthrough (empty when there is one), or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The training set's size, 0 when not loaded. */
    public int trainingSize() {
        Split split = data.getValue();
        return split == null ? 0 : split.train().size();
    }

    /** The label of training sample {@code index}, or −1. */
    public int trainingLabel(int index) {
        Split split = data.getValue();
        return split == null || index < 0 || index >= split.train().size() ? -1 : split.train().label(index);
    }

    // ---- computing -------------------------------------------------------------------------

    private void recompute() {
        Network net = network.getValue();
        if (net == null) {
            set(null, I18n.t("pages.backprop.noNetwork"));
            return;
        }
        double[] input;
        int label;
        if (source.get() == Source.DRAWING) {
            Preprocessor.Result result = drawing.getValue();
            if (result == null || result.blank() || result.networkInput() == null) {
                set(null, I18n.t("pages.backprop.noDrawing"));
                return;
            }
            input = result.networkInput();
            label = drawingLabel.get();
        } else {
            Split split = data.getValue();
            if (split == null || split.train().size() == 0) {
                set(null, I18n.t("pages.backprop.noData"));
                return;
            }
            Dataset train = split.train();
            int index = Math.max(0, Math.min(train.size() - 1, sampleIndex.get()));
            input = train.sample(index);
            label = train.label(index);
        }
        try {
            set(Walkthrough.of(net, input, label, lambda.get(), learningRate.get()), "");
        } catch (IllegalArgumentException e) {
            set(null, e.getMessage());
        }
    }

    private void set(Walkthrough value, String why) {
        message.set(why);
        walkthrough.set(value);
        if (value != null && selectedUnit.get() >= value.spec().hiddenSize()) {
            selectedUnit.set(0);
        }
    }

    private void recheck() {
        Walkthrough w = walkthrough.get();
        WeightRef weight = checkedWeight.get();
        if (w == null || weight == null) {
            checkResult.set(null);
            return;
        }
        try {
            checkResult.set(w.gradientCheck(weight));
        } catch (IllegalArgumentException e) {
            checkResult.set(null);
        }
    }
}
