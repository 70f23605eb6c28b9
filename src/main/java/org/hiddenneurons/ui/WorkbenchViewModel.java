package org.hiddenneurons.ui;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayModel;
import org.hiddenneurons.ui.replay.RunRecorder;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The workbench window's view model: composes one view model per concern and runs the actions
 * that touch several of them (open a model, a run or a data set; New network). No nodes. Lives on
 * the FX thread; background work goes through a {@link TrainingEngine} whose reports arrive here
 * already on the FX thread, at most once per frame.
 *
 * <ul>
 *   <li>{@link #document()} — the network in use, its description, the unsaved flag, data set hashes;</li>
 *   <li>{@link #trainingData()} — the split in use and the merge of the user's drawings;</li>
 *   <li>{@link #session()} — Train / Pause / Step, epochs, metrics, chart series;</li>
 *   <li>{@link #prediction()} — the drawing's preprocessing and forward pass;</li>
 *   <li>{@link #status()} — status, error and divergence texts;</li>
 *   <li>{@link #settings()} — the training-settings form; {@link #replay()} — the run's timeline.</li>
 * </ul>
 * The property getters below delegate to them (the views' and tests' one entry point).
 *
 * <p>The network shown is always an immutable copy (a snapshot's, a loaded model's or a fresh
 * random one), so drawing and prediction keep working while training runs.
 */
public final class WorkbenchViewModel implements TrainingEngine.Listener {

    private final TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final ModelDocumentViewModel document = new ModelDocumentViewModel();
    private final TrainingDataViewModel trainingData = new TrainingDataViewModel();
    /** What the model in use does to its inputs (deskewing): drawings and the data views' split. */
    private final ModelInputSteps inputSteps = new ModelInputSteps(document.configProperty(), trainingData.dataProperty());
    private final PredictionViewModel prediction = new PredictionViewModel(document.networkProperty(), status, inputSteps);
    /** The run's record and the timeline that replays it (see {@link ReplayModel}). */
    private final ReplayModel replay = new ReplayModel(document.networkProperty(), prediction.forwardPassProperty(),
            prediction.seenProperty());
    private final TrainingSessionViewModel session;
    private final ObjectProperty<WeightPictures.Scale> weightScale = new SimpleObjectProperty<>(WeightPictures.Scale.PER_UNIT);

    public WorkbenchViewModel(TrainingEngine engine) {
        session = new TrainingSessionViewModel(engine, settings, document, trainingData, status, replay);
        engine.setListener(this);
    }

    // ---------------------------------------------------------------- start-up and files

    /** Shows {@code start} as the network in use, explained by {@code description} (status bar). */
    public void useNetwork(Network start, String description) {
        useNetwork(start, () -> description);
    }

    /**
     * As {@link #useNetwork(Network, String)}, with a description that is asked again after a
     * language switch ({@link #languageChanged}).
     */
    public void useNetwork(Network start, Supplier<String> description) {
        startOver();
        settings.markApplied(start.spec());
        document.trainedWith(settingsConfig(start.spec())); // random weights: the steps they will train with
        document.open(start, description);
        replay.reset(start, 0);
        status.say(description.get());
    }

    /** Shows a model read from a file or the bundle; its settings appear in the settings panel. */
    public void useModel(SavedModel model, String sourceName) {
        useModel(model, () -> sourceName);
    }

    /** As {@link #useModel(SavedModel, String)}, with a source name that follows the language. */
    public void useModel(SavedModel model, Supplier<String> sourceName) {
        startOver();
        settings.load(model.network().spec(), model.config());
        document.trainedWith(model.config());
        session.startAt(model.epochs());
        NetworkSpec spec = model.network().spec();
        int trainedEpochs = model.epochs();
        document.open(model.network(), () -> trainedEpochs > 0
                ? I18n.t("workbench.model.trained", sourceName.get(), describeSpec(spec), String.valueOf(trainedEpochs))
                : I18n.t("workbench.model", sourceName.get(), describeSpec(spec)));
        replay.reset(model.network(), session.epochProperty().get());
        status.say(I18n.t("workbench.status.opened", document.descriptionProperty().get()));
    }

    /**
     * Shows a run read from a file: its final network in use, its settings in the panel, its
     * charts, and its snapshots on the timeline (Live = the final network). Training goes on from there.
     */
    public void useRun(TrainingRunFile.Run run, String sourceName) {
        List<TrainingSnapshot> kept = run.history().snapshots();
        TrainingSnapshot last = kept.get(kept.size() - 1);
        startOver();
        settings.load(last.network().spec(), run.config());
        document.trainedWith(run.config());
        session.restore(last.epoch(), run.history().metrics());
        String description = I18n.t("replay.run.description", sourceName, last.epoch(), kept.size())
                + describeSpec(last.network().spec());
        document.open(last.network(), () -> description);
        replay.reset(null, 0);
        replay.recorder().restore(run);
        replay.refresh();
        status.say(I18n.t("replay.run.opened", description));
    }

    /** Any job stops; progress, divergence and error are forgotten (a new network comes in). */
    private void startOver() {
        session.stopAndForget();
        session.resetProgress();
        status.clearDivergence();
        status.clearError();
    }

    /**
     * After a language switch: says again what is shown for longer than a moment (the model's
     * description, the settings' validation, the divergence explanation) in the new language.
     * Passing status messages stay as they were.
     */
    public void languageChanged() {
        document.languageChanged();
        settings.revalidate();
        status.languageChanged();
    }

    /** The training data and the drawing pipeline are ready (measured from that data). */
    public void dataLoaded(Split split, Preprocessor drawingPreprocessor, String message) {
        Split before = trainingData.dataProperty().get();
        if (before != null && split != before && document.networkProperty().get() != null) {
            replay.reset(document.networkProperty().get(), session.epochProperty().get()); // new data: a new run from here
        }
        trainingData.use(split);
        prediction.usePreprocessor(drawingPreprocessor);
        status.say(message);
    }

    /**
     * Switches to a data set the user opened (File ▸ Open data set…, a drop): its standard split
     * ({@link Split#standard}) becomes the training and test data and {@code drawingPreprocessor}
     * (measured from it, null if it could not be) prepares the drawings. A network whose shape fits
     * (width·height inputs, one output per class) is kept; otherwise a NEW random network replaces
     * it: width·height inputs, the hidden size, activation and output layer of the settings, one
     * output per class, the settings' seed. Any training job stops either way.
     *
     * @param name what the status bar calls the data set
     * @return true if the network was replaced
     */
    public boolean useDataset(String name, Split split, Preprocessor drawingPreprocessor) {
        Dataset train = split.train();
        Network current = document.networkProperty().get();
        boolean fits = current != null && current.spec().inputWidth() == train.width()
                && current.spec().inputHeight() == train.height() && current.spec().outputSize() == train.classCount();
        // The old drawing's preprocessing (for the old input size) must not meet the new network.
        prediction.forgetPreprocessed();
        String networkNote;
        if (fits) {
            session.stopAndForget();
            networkNote = I18n.t("data.status.keptNetwork");
        } else {
            long seed;
            try {
                seed = settings.parseSeed();
            } catch (IllegalArgumentException e) {
                seed = TrainingConfig.DEFAULT_SEED;
            }
            NetworkSpec spec = new NetworkSpec(train.width(), train.height(), settings.hiddenSizeProperty().get(),
                    train.classCount(), settings.activationProperty().get(), settings.outputLayerProperty().get());
            useNetwork(randomNetwork(spec, seed), I18n.t("data.model.newNetwork",
                    name, describeSpec(spec), Long.toString(seed)));
            networkNote = I18n.t("data.status.newNetwork",
                    spec.inputSize(), spec.hiddenSize(), spec.outputSize());
        }
        StringBuilder message = new StringBuilder(I18n.t("data.status.opened", name,
                train.size(), split.test().size(), train.width(), train.height(), train.classCount()));
        String splitNote = org.hiddenneurons.ui.data.SplitNote.describe(split);
        message.append(splitNote.isEmpty() ? "" : " " + splitNote).append(' ').append(networkNote);
        if (drawingPreprocessor == null) {
            message.append(' ').append(I18n.t("data.status.noDrawing"));
        }
        String drawingsNote = trainingData.drawingsLeftOut(split);
        if (!drawingsNote.isEmpty()) {
            message.append(' ').append(drawingsNote);
        }
        dataLoaded(split, drawingPreprocessor, message.toString());
        return !fits;
    }

    /** The settings' config for {@code spec}, null while they are invalid. */
    private TrainingConfig settingsConfig(NetworkSpec spec) {
        try {
            return settings.configFor(spec);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** See {@link TrainingDataViewModel#drawingsLeftOut}. */
    String drawingsLeftOut(Split split) {
        return trainingData.drawingsLeftOut(split);
    }

    /** What training runs on (see {@link TrainingDataViewModel#trainingSplit}). */
    Split trainingSplit() {
        return trainingData.trainingSplit();
    }

    /**
     * What Save writes: the network in use with the settings it is trained with, and the input
     * steps it was trained with (deskew, blur; not a box ticked since).
     */
    public SavedModel modelToSave() {
        Network current = document.networkProperty().get();
        TrainingConfig config = settingsConfig(current.spec());
        if (config != null) {
            config = inputSteps.withStepsInUse(config);
        }
        Split data = trainingData.dataProperty().get();
        String dataName = data == null ? "" : data.train().name();
        return new SavedModel(current, config, dataName, "", session.epochProperty().get());
    }

    /**
     * What Save training run writes: the run's settings (the last trainer's, else the settings
     * panel's), split, every epoch's metrics and the kept weight snapshots.
     *
     * @param datasetSha256 the data set's hash ({@link ModelDocumentViewModel#datasetSha256}), "" if unknown
     * @throws IllegalArgumentException if the settings are invalid and nothing was trained yet
     */
    public TrainingRunFile.Run runToSave(String datasetSha256) {
        RunRecorder recorder = replay.recorder();
        TrainingConfig fallback = recorder.config() != null ? null
                : settings.configFor(document.networkProperty().get().spec());
        Split split = trainingData.trainingSplit();
        TrainingRunFile.SplitInfo fallbackSplit = split == null ? null
                : RunRecorder.splitInfo(split, trainingData.dataProperty().get());
        TrainingRunFile.Run run = recorder.toRun(fallback, fallbackSplit, datasetSha256);
        if (run.datasetName().isEmpty() && split != null) {
            run = new TrainingRunFile.Run(run.config(), split.train().name(), run.datasetSha256(), run.split(),
                    run.history());
        }
        return run;
    }

    // ---------------------------------------------------------------- actions

    /** Space / the Train–Pause button: start, pause or resume. */
    public void toggleTraining() {
        session.toggleTraining();
    }

    /** S / Step: train exactly one epoch (stops a run first). */
    public void step() {
        session.step();
    }

    /** N / New network: random weights from the seed and the architecture in the settings. */
    public void newNetwork() {
        long seed;
        try {
            seed = settings.parseSeed();
        } catch (IllegalArgumentException e) {
            status.reportError(e.getMessage());
            return;
        }
        Network network = document.networkProperty().get();
        NetworkSpec current = network == null ? defaultSpec() : network.spec();
        NetworkSpec spec = new NetworkSpec(current.inputWidth(), current.inputHeight(),
                settings.hiddenSizeProperty().get(), current.outputSize(), settings.activationProperty().get(),
                settings.outputLayerProperty().get());
        Network fresh = randomNetwork(spec, seed);
        useNetwork(fresh, () -> I18n.t("workbench.model.newRandom", describeSpec(spec), String.valueOf(seed)));
    }

    /**
     * The app's default architecture: {@link TrainingConfig#defaults()} for the course's 20×20
     * digits and 10 classes (softmax output; the tuned ≥ 95 % setting), not the course's sigmoid-output
     * {@link NetworkSpec#DEFAULT}.
     */
    public static NetworkSpec defaultSpec() {
        return TrainingConfig.defaults().spec(NetworkSpec.DEFAULT.inputWidth(), NetworkSpec.DEFAULT.inputHeight(),
                NetworkSpec.DEFAULT.outputSize());
    }

    /** A network with weights drawn from the default initializer and {@code seed}. */
    public static Network randomNetwork(NetworkSpec spec, long seed) {
        return TrainingConfig.defaults().initializer().initialize(spec, new Random(seed));
    }

    /** A new drawing (ARGB pixels, any size): preprocess it and predict with the network in use. */
    public void draw(int width, int height, int[] argb) {
        prediction.draw(width, height, argb);
    }

    /** The pad was cleared. */
    public void clearDrawing() {
        prediction.clearDrawing();
    }

    /** See {@link PredictionViewModel#showExperiment}. */
    public void showExperiment(ObservableValue<ForwardPass> modifiedPass, ObservableValue<Boolean> active) {
        prediction.showExperiment(modifiedPass, active);
    }

    /** Shows a problem in the status bar (for failures outside training, e.g. loading). */
    public void reportError(String message) {
        status.reportError(message);
    }

    public void clearError() {
        status.clearError();
    }

    /** Called when the window closes: stops any job. */
    public void shutdown() {
        session.stopAndForget();
    }

    /** Save succeeded: nothing unsaved any more (unless the network changed meanwhile). */
    public void markSaved(Network saved) {
        document.markSaved(saved);
    }

    /** True when closing the window should first ask whether to save the trained weights. */
    public boolean shouldAskBeforeClosing() {
        return document.shouldAskBeforeClosing();
    }

    /** The training split's data set (what Save names and hashes), null before the data are loaded. */
    public Dataset trainingDataset() {
        return trainingData.trainingDataset();
    }

    // ---------------------------------------------------------------- engine reports (FX thread)

    @Override
    public void snapshots(long trainerId, List<TrainingSnapshot> snapshots) {
        session.snapshots(trainerId, snapshots);
    }

    @Override
    public void finished(long trainerId, TrainingSnapshot last) {
        session.finished(trainerId, last);
    }

    @Override
    public void failed(long trainerId, Throwable error) {
        session.failed(trainerId, error);
    }

    // ---------------------------------------------------------------- words

    static String describeSpec(NetworkSpec spec) {
        return I18n.t("workbench.model.spec", spec.inputSize() + "-" + spec.hiddenSize() + "-" + spec.outputSize(),
                spec.hiddenActivation().id(), spec.outputLayer().id());
    }

    static String percent(double fraction) {
        return TrainingSessionViewModel.percent(fraction);
    }

    /** An exception in words: its message, or its type when it has none. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Said when the trainer gives no explanation of its own for a divergence (in the current language). */
    static String divergenceExplanation() {
        return StatusViewModel.divergenceExplanation();
    }

    // ---------------------------------------------------------------- parts

    public TrainingSettingsViewModel settings() {
        return settings;
    }

    public StatusViewModel status() {
        return status;
    }

    public ModelDocumentViewModel document() {
        return document;
    }

    public TrainingDataViewModel trainingData() {
        return trainingData;
    }

    public TrainingSessionViewModel session() {
        return session;
    }

    public PredictionViewModel prediction() {
        return prediction;
    }

    /** What the model in use does to its inputs (see {@link ModelInputSteps}). */
    public ModelInputSteps inputSteps() {
        return inputSteps;
    }

    /** The timeline: which snapshot of the run the hidden-layer views show. */
    public ReplayModel replay() {
        return replay;
    }

    // ---------------------------------------------------------------- properties (delegating)

    /** The network shown and used for prediction: an immutable copy. */
    public ReadOnlyObjectProperty<Network> networkProperty() {
        return document.networkProperty();
    }

    public ReadOnlyObjectProperty<TrainingSessionViewModel.Phase> phaseProperty() {
        return session.phaseProperty();
    }

    public BooleanBinding runningProperty() {
        return session.runningProperty();
    }

    /** Total epochs trained on the network in use. */
    public ReadOnlyIntegerProperty epochProperty() {
        return session.epochProperty();
    }

    /** The epoch the current (or last) run ends at, counted on this network; 0 before any run. */
    public ReadOnlyIntegerProperty plannedEndEpochProperty() {
        return session.plannedEndEpochProperty();
    }

    /** See {@link TrainingSessionViewModel#emptyChartsEndEpochProperty()}. */
    public javafx.beans.binding.IntegerBinding emptyChartsEndEpochProperty() {
        return session.emptyChartsEndEpochProperty();
    }

    public ReadOnlyDoubleProperty trainLossProperty() {
        return session.trainLossProperty();
    }

    public ReadOnlyDoubleProperty testLossProperty() {
        return session.testLossProperty();
    }

    /** Fraction in [0, 1], NaN before training. */
    public ReadOnlyDoubleProperty trainAccuracyProperty() {
        return session.trainAccuracyProperty();
    }

    public ReadOnlyDoubleProperty testAccuracyProperty() {
        return session.testAccuracyProperty();
    }

    /** Epochs per second of the current trainer (pauses excluded), NaN when unknown. */
    public ReadOnlyDoubleProperty epochsPerSecondProperty() {
        return session.epochsPerSecondProperty();
    }

    /** Training time on this network, pauses excluded. */
    public ReadOnlyDoubleProperty elapsedSecondsProperty() {
        return session.elapsedSecondsProperty();
    }

    public StringProperty statusMessageProperty() {
        return status.statusMessageProperty();
    }

    /** The last failure in words, "" when none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return status.errorMessageProperty();
    }

    /** Plain-words explanation of a divergence, "" when training is healthy. */
    public ReadOnlyStringProperty divergenceMessageProperty() {
        return status.divergenceMessageProperty();
    }

    public BooleanBinding divergedProperty() {
        return status.divergedProperty();
    }

    /** Where the network in use came from. */
    public ReadOnlyStringProperty modelDescriptionProperty() {
        return document.descriptionProperty();
    }

    /** The train/test split, null until loaded. */
    public ReadOnlyObjectProperty<Split> dataProperty() {
        return trainingData.dataProperty();
    }

    /** See {@link TrainingDataViewModel#extraTrainingDataProperty}. */
    public ObjectProperty<Dataset> extraTrainingDataProperty() {
        return trainingData.extraTrainingDataProperty();
    }

    /** True while the weights were changed by training since the last save or open. */
    public ReadOnlyBooleanProperty unsavedChangesProperty() {
        return document.unsavedChangesProperty();
    }

    public ReadOnlyBooleanProperty dataReadyProperty() {
        return trainingData.dataReadyProperty();
    }

    /** Shared or per-unit colour scale for the hidden-unit pictures. */
    public ObjectProperty<WeightPictures.Scale> weightScaleProperty() {
        return weightScale;
    }

    /** Every step of preprocessing the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<Preprocessor.Result> preprocessedProperty() {
        return prediction.preprocessedProperty();
    }

    /** The forward pass of the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<ForwardPass> forwardPassProperty() {
        return prediction.forwardPassProperty();
    }

    /** The output probabilities a3 of the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<double[]> probabilitiesProperty() {
        return prediction.probabilitiesProperty();
    }

    /** The predicted digit, −1 when nothing is drawn. */
    public ReadOnlyIntegerProperty predictedDigitProperty() {
        return prediction.predictedDigitProperty();
    }

    /** True while the prediction shown is the modified network's (an experiment is active). */
    public ReadOnlyBooleanProperty predictionModifiedProperty() {
        return prediction.predictionModifiedProperty();
    }

    public DecimatedSeries trainLossSeries() {
        return session.trainLossSeries();
    }

    public DecimatedSeries testLossSeries() {
        return session.testLossSeries();
    }

    /** Accuracy in percent. */
    public DecimatedSeries trainAccuracySeries() {
        return session.trainAccuracySeries();
    }

    /** Accuracy in percent. */
    public DecimatedSeries testAccuracySeries() {
        return session.testAccuracySeries();
    }
}
