package org.hiddenneurons.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.work.SharedForwardPass;

/**
 * The drawing's way through the network: its preprocessing, the model's own input steps
 * ({@link ModelInputSteps}, e.g. deskewing), the forward pass of the network in use, the
 * probabilities a3 and the predicted digit. Recomputed when the drawing, the network, the
 * preprocessing or the model's steps change; an active experiment on the hidden units replaces the intact pass
 * ({@link #showExperiment}). No nodes; plain JUnit can drive it (FX thread in the app).
 */
public final class PredictionViewModel {

    private final ObservableValue<Network> network;
    private final StatusViewModel status;
    private final ModelInputSteps steps;
    /** The drawing's pass, shared with the dossier ({@link #passes()}). */
    private final SharedForwardPass passes = new SharedForwardPass();

    private final ObjectProperty<Preprocessor.Result> preprocessed = new SimpleObjectProperty<>(this, "preprocessed");
    /** {@link #preprocessed} with the model's network input ({@link ModelInputSteps#prepare(Preprocessor.Result)}). */
    private final ObjectProperty<Preprocessor.Result> seen = new SimpleObjectProperty<>(this, "seen");
    private final ObjectProperty<ForwardPass> forwardPass = new SimpleObjectProperty<>(this, "forwardPass");
    private final ObjectProperty<double[]> probabilities = new SimpleObjectProperty<>(this, "probabilities");
    private final IntegerProperty predictedDigit = new SimpleIntegerProperty(this, "predictedDigit", -1);
    private final BooleanProperty predictionModified = new SimpleBooleanProperty(this, "predictionModified", false);
    /** An experiment's forward pass that replaces the intact one in the prediction (see {@link #showExperiment}). */
    private ObservableValue<ForwardPass> experimentPass;
    private ObservableValue<Boolean> experimentActive;
    private Preprocessor preprocessor;
    /** The full-size grayscale step of drawing after drawing goes into this one buffer. */
    private final Preprocessor.Workspace workspace = new Preprocessor.Workspace();
    private Drawn lastDrawing;

    private record Drawn(int width, int height, int[] argb) {
    }

    /**
     * @param network the network in use (the prediction follows it)
     * @param status  where preprocessing and input-size problems are reported
     */
    public PredictionViewModel(ObservableValue<Network> network, StatusViewModel status) {
        this(network, status, ModelInputSteps.none());
    }

    /** @param steps the model in use's input steps, applied to each drawing after its preprocessing */
    public PredictionViewModel(ObservableValue<Network> network, StatusViewModel status, ModelInputSteps steps) {
        this.network = network;
        this.status = status;
        this.steps = steps;
        network.addListener((o, old, now) -> update());
        steps.stepsProperty().addListener((o, old, now) -> { // deskew flag or blur σ changed
            seen.set(steps.prepare(preprocessed.get()));
            update();
        });
    }

    /**
     * Drawings are prepared by {@code drawingPreprocessor} from now on (null: no drawing pipeline,
     * e.g. the data set could not measure one); the last drawing is prepared again.
     */
    public void usePreprocessor(Preprocessor drawingPreprocessor) {
        this.preprocessor = drawingPreprocessor;
        if (lastDrawing != null) {
            draw(lastDrawing.width, lastDrawing.height, lastDrawing.argb);
        }
    }

    /** A new drawing (ARGB pixels, any size, not modified): preprocess it and predict with the network in use. */
    public void draw(int width, int height, int[] argb) {
        lastDrawing = new Drawn(width, height, argb);
        if (preprocessor == null) {
            return;
        }
        try {
            Preprocessor.Result result = preprocessor.process(width, height, argb, workspace);
            // The model's input first: a view that follows either one then finds both up to date
            // (and the shared pass computes once per drawing).
            seen.set(steps.prepare(result));
            preprocessed.set(result);
        } catch (RuntimeException e) {
            seen.set(null);
            preprocessed.set(null);
            status.reportError(I18n.t("workbench.error.preprocess",
                    WorkbenchViewModel.describe(e)));
        }
        update();
    }

    /** The pad was cleared. */
    public void clearDrawing() {
        lastDrawing = null;
        seen.set(null);
        preprocessed.set(null);
        update();
    }

    /** Drops the current preprocessing (made for another input size) without predicting again. */
    void forgetPreprocessed() {
        seen.set(null);
        preprocessed.set(null);
    }

    /**
     * Lets an experiment on the hidden units replace the prediction: while {@code active} is true,
     * {@link #forwardPassProperty()}, {@link #probabilitiesProperty()} and {@link #predictedDigitProperty()}
     * show {@code modifiedPass} (the drawing through the modified network) instead of the intact pass.
     * The weights and training are not affected.
     */
    public void showExperiment(ObservableValue<ForwardPass> modifiedPass, ObservableValue<Boolean> active) {
        this.experimentPass = modifiedPass;
        this.experimentActive = active;
        modifiedPass.addListener((o, old, now) -> update());
        active.addListener((o, old, now) -> update());
        update();
    }

    private void update() {
        Preprocessor.Result result = seen.get();
        Network current = network.getValue();
        if (result == null || result.blank() || result.networkInput() == null || current == null) {
            predictionModified.set(false);
            show(null);
            return;
        }
        if (result.networkInput().length != current.spec().inputSize()) {
            show(null);
            status.reportError(I18n.t("workbench.error.inputSize",
                    current.spec().inputWidth() + "×" + current.spec().inputHeight(),
                    result.centred().width() + "×" + result.centred().height()));
            return;
        }
        ForwardPass pass = passes.forward(current, result.networkInput());
        boolean modified = experimentActive != null && Boolean.TRUE.equals(experimentActive.getValue())
                && experimentPass != null && experimentPass.getValue() != null;
        if (modified) {
            pass = experimentPass.getValue();
        }
        predictionModified.set(modified);
        show(pass);
    }

    private void show(ForwardPass pass) {
        forwardPass.set(pass);
        probabilities.set(pass == null ? null : pass.a3());
        predictedDigit.set(pass == null ? -1 : pass.predictedClass());
    }

    /**
     * The drawing's forward pass through the network in use, computed once for every view that
     * needs it: give it to whatever else runs the drawing through the same network (the dossier).
     */
    public SharedForwardPass passes() {
        return passes;
    }

    /**
     * Every step of preprocessing the current drawing, before the model's own steps ({@link #seenProperty()}):
     * what My drawings keeps (training prepares it), null when nothing is drawn. The full-size
     * {@link Preprocessor.Result#grayscale()} step is valid for the current value only (the next
     * drawing is written into the same buffer: {@link Preprocessor#process(int, int, int[], Preprocessor.Workspace)}).
     */
    public ReadOnlyObjectProperty<Preprocessor.Result> preprocessedProperty() {
        return preprocessed;
    }

    /**
     * The current drawing as the model in use sees it: {@link #preprocessedProperty()}'s steps with
     * the network input after the model's own steps (deskewed when the model deskews; the same
     * value when it has none). What the prediction, the dossier, the replay and the Backprop page
     * feed the network; null when nothing is drawn.
     */
    public ReadOnlyObjectProperty<Preprocessor.Result> seenProperty() {
        return seen;
    }

    /** The forward pass of the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<ForwardPass> forwardPassProperty() {
        return forwardPass;
    }

    /** The output probabilities a3 of the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<double[]> probabilitiesProperty() {
        return probabilities;
    }

    /** The predicted digit, −1 when nothing is drawn. */
    public ReadOnlyIntegerProperty predictedDigitProperty() {
        return predictedDigit;
    }

    /** True while the prediction shown is the modified network's (an experiment is active). */
    public ReadOnlyBooleanProperty predictionModifiedProperty() {
        return predictionModified;
    }
}
