package org.hiddenneurons.ui;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayModel;
import org.hiddenneurons.ui.replay.RunRecorder;
import org.hiddenneurons.viz.WeightPictures;

/**
 * Everything the workbench window shows and every action it offers, as JavaFX properties and
 * methods; no nodes. Lives on the FX thread; background work goes through a {@link TrainingEngine}
 * whose reports arrive here already on the FX thread, at most once per frame.
 *
 * <p>The network shown is always an immutable copy (a snapshot's, a loaded model's or a fresh
 * random one), so drawing and prediction keep working while training runs.
 */
public final class WorkbenchViewModel implements TrainingEngine.Listener {

    /** Where training is, as the buttons see it. */
    public enum Phase {
        /** No job: Train starts a run, Step trains one epoch. */
        IDLE,
        RUNNING,
        PAUSED,
        /** One epoch is being trained. */
        STEPPING
    }

    /** Said when the trainer gives no explanation of its own for a divergence (in the current language). */
    static String divergenceExplanation() {
        return I18n.t("workbench.diverged.explanation");
    }

    private final TrainingEngine engine;
    private final TrainingSettingsViewModel settings = new TrainingSettingsViewModel();

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final IntegerProperty epoch = new SimpleIntegerProperty(0);
    private final DoubleProperty trainLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty testLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty trainAccuracy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty testAccuracy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty epochsPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(0);
    private final StringProperty statusMessage = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty divergenceMessage = new SimpleStringProperty("");
    private final StringProperty modelDescription = new SimpleStringProperty("");
    /** Says the model in use in the current language (asked again by {@link #languageChanged}). */
    private Supplier<String> describeModel = () -> "";
    /** True while the divergence message is {@link #divergenceExplanation()} (not the trainer's own words). */
    private boolean divergenceExplained;
    private final BooleanProperty dataReady = new SimpleBooleanProperty(false);
    private final ObjectProperty<WeightPictures.Scale> weightScale = new SimpleObjectProperty<>(WeightPictures.Scale.PER_UNIT);

    private final ObjectProperty<Preprocessor.Result> preprocessed = new SimpleObjectProperty<>();
    private final ObjectProperty<ForwardPass> forwardPass = new SimpleObjectProperty<>();
    private final ObjectProperty<double[]> probabilities = new SimpleObjectProperty<>();
    private final IntegerProperty predictedDigit = new SimpleIntegerProperty(-1);

    private final DecimatedSeries trainLossSeries = new DecimatedSeries();
    private final DecimatedSeries testLossSeries = new DecimatedSeries();
    private final DecimatedSeries trainAccuracySeries = new DecimatedSeries();
    private final DecimatedSeries testAccuracySeries = new DecimatedSeries();

    private final BooleanBinding running = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
    private final BooleanBinding diverged = divergenceMessage.isNotEmpty();

    private final ObjectProperty<Split> data = new SimpleObjectProperty<>(this, "data");
    /** The user's own drawings, merged into the training split when not empty (null: none). */
    private final ObjectProperty<Dataset> extraTrainingData = new SimpleObjectProperty<>(this, "extraTrainingData");
    /** True once the weights changed by training since the last save or open. */
    private final BooleanProperty unsavedChanges = new SimpleBooleanProperty(this, "unsavedChanges", false);
    /** An experiment's forward pass that replaces the intact one in the prediction (see {@link #showExperiment}). */
    private ObservableValue<ForwardPass> experimentPass;
    private ObservableValue<Boolean> experimentActive;
    private final BooleanProperty predictionModified = new SimpleBooleanProperty(this, "predictionModified", false);
    private Preprocessor preprocessor;
    private Drawn lastDrawing;

    /** The trainer whose reports count; reports under any other id are stale and ignored. */
    private long activeTrainerId = -1;
    /** Epochs and seconds of earlier trainers on this network (a new trainer counts from 0). */
    private int epochOffset;
    private double elapsedOffset;
    private int trainerEpoch;
    private double trainerElapsed;
    private int lastChartedEpoch;
    /** The config the running or paused job was started with (to tell whether Train may resume it). */
    private TrainingConfig runConfig;

    private record Drawn(int width, int height, int[] argb) {
    }

    /** The run's record and the timeline that replays it (see {@link ReplayModel}). */
    private final ReplayModel replay;

    public WorkbenchViewModel(TrainingEngine engine) {
        this.engine = engine;
        engine.setListener(this);
        settings.epochDelayMillisProperty().addListener((o, old, now) -> engine.setEpochDelayMillis(now.longValue()));
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {settings.optimizerProperty(),
                settings.lambdaTextProperty(), settings.learningRateTextProperty(), settings.batchSizeProperty(),
                settings.epochsProperty(), settings.augmentProperty(), settings.seedTextProperty()}) {
            setting.addListener(o -> settingsChangedDuringRun());
        }
        network.addListener((o, old, now) -> updatePrediction());
        replay = new ReplayModel(network, forwardPass, preprocessed);
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
        stopAndForget();
        resetProgress();
        settings.markApplied(start.spec());
        network.set(start);
        replay.reset(start, 0);
        unsavedChanges.set(false);
        describeModel = description;
        modelDescription.set(description.get());
        statusMessage.set(description.get());
    }

    /** Shows a model read from a file or the bundle; its settings appear in the settings panel. */
    public void useModel(SavedModel model, String sourceName) {
        useModel(model, () -> sourceName);
    }

    /** As {@link #useModel(SavedModel, String)}, with a source name that follows the language. */
    public void useModel(SavedModel model, Supplier<String> sourceName) {
        stopAndForget();
        resetProgress();
        settings.load(model.network().spec(), model.config());
        epochOffset = Math.max(0, model.epochs());
        epoch.set(epochOffset);
        lastChartedEpoch = epochOffset;
        network.set(model.network());
        replay.reset(model.network(), epochOffset);
        unsavedChanges.set(false);
        NetworkSpec spec = model.network().spec();
        int trainedEpochs = model.epochs();
        describeModel = () -> trainedEpochs > 0
                ? I18n.t("workbench.model.trained", sourceName.get(), describeSpec(spec), String.valueOf(trainedEpochs))
                : I18n.t("workbench.model", sourceName.get(), describeSpec(spec));
        modelDescription.set(describeModel.get());
        statusMessage.set(I18n.t("workbench.status.opened", modelDescription.get()));
    }

    /**
     * After a language switch: says again what is shown for longer than a moment (the model's
     * description, the settings' validation, the divergence explanation) in the new language.
     * Passing status messages stay as they were.
     */
    public void languageChanged() {
        modelDescription.set(describeModel.get());
        settings.revalidate();
        if (divergenceExplained) {
            divergenceMessage.set(divergenceExplanation());
        }
    }

    /** The training data and the drawing pipeline are ready (measured from that data). */
    public void dataLoaded(Split split, Preprocessor drawingPreprocessor, String message) {
        if (data.get() != null && split != data.get() && network.get() != null) {
            replay.reset(network.get(), epoch.get()); // new data: a new run from here
        }
        this.data.set(split);
        this.preprocessor = drawingPreprocessor;
        dataReady.set(split != null);
        if (lastDrawing != null) {
            draw(lastDrawing.width, lastDrawing.height, lastDrawing.argb);
        }
        statusMessage.set(message);
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
        Network current = network.get();
        boolean fits = current != null && current.spec().inputWidth() == train.width()
                && current.spec().inputHeight() == train.height() && current.spec().outputSize() == train.classCount();
        // The old drawing's preprocessing (for the old input size) must not meet the new network.
        preprocessed.set(null);
        String networkNote;
        if (fits) {
            stopAndForget();
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
        String drawingsNote = drawingsLeftOut(split);
        if (!drawingsNote.isEmpty()) {
            message.append(' ').append(drawingsNote);
        }
        dataLoaded(split, drawingPreprocessor, message.toString());
        return !fits;
    }

    /**
     * "" when the user's drawings (if any) fit {@code split}, else a note that they are left out of
     * training (e.g. 20×20 drawings with a 28×28 data set).
     */
    String drawingsLeftOut(Split split) {
        Dataset extra = extraTrainingData.get();
        if (split == null || extra == null || extra.size() == 0 || fitsTrainingData(split, extra)) {
            return "";
        }
        return I18n.t("data.status.drawingsLeftOut", extra.size(), extra.width(),
                extra.height(), split.train().width(), split.train().height());
    }

    private static boolean fitsTrainingData(Split split, Dataset extra) {
        return extra.width() == split.train().width() && extra.height() == split.train().height()
                && extra.classCount() == split.train().classCount();
    }

    /** What Save writes: the network in use with the settings it is trained with. */
    public SavedModel modelToSave() {
        Network current = network.get();
        TrainingConfig config;
        try {
            config = settings.configFor(current.spec());
        } catch (IllegalArgumentException e) {
            config = null;
        }
        String dataName = data.get() == null ? "" : data.get().train().name();
        return new SavedModel(current, config, dataName, "", epoch.get());
    }

    /**
     * {@code model} with the SHA-256 of {@code trainingData} as its data set hash. Hashing 4000
     * digits takes a moment: call it off the FX thread; the last result is cached per data set.
     */
    public static SavedModel withDatasetHash(SavedModel model, Dataset trainingData) {
        if (trainingData == null) {
            return model;
        }
        return new SavedModel(model.network(), model.config(), model.datasetName(), DatasetHashCache.sha256(trainingData),
                model.epochs());
    }

    /** The SHA-256 of {@code dataset} (cached per data set; slow the first time: call off the FX thread). */
    public static String datasetSha256(Dataset dataset) {
        return DatasetHashCache.sha256(dataset);
    }

    /** The training split's data set (what Save names and hashes), null before the data are loaded. */
    public Dataset trainingDataset() {
        return data.get() == null ? null : data.get().train();
    }

    /** Save succeeded: nothing unsaved any more (unless the network changed meanwhile). */
    public void markSaved(Network saved) {
        if (saved == network.get()) {
            unsavedChanges.set(false);
        }
    }

    /** True when closing the window should first ask whether to save the trained weights. */
    public boolean shouldAskBeforeClosing() {
        return unsavedChanges.get();
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
        modifiedPass.addListener((o, old, now) -> updatePrediction());
        active.addListener((o, old, now) -> updatePrediction());
        updatePrediction();
    }

    /** True while the prediction shown is the modified network's (an experiment is active). */
    public ReadOnlyBooleanProperty predictionModifiedProperty() {
        return predictionModified;
    }

    /** Caches the hash of the last data set hashed (by identity: data sets are immutable in use). */
    private static final class DatasetHashCache {
        private static Dataset lastData;
        private static String lastHash;

        static synchronized String sha256(Dataset dataset) {
            if (dataset != lastData) {
                lastHash = DatasetHash.sha256(dataset);
                lastData = dataset;
            }
            return lastHash;
        }
    }

    // ---------------------------------------------------------------- training runs (replay)

    /** The timeline: which snapshot of the run the hidden-layer views show. */
    public ReplayModel replay() {
        return replay;
    }

    /**
     * What Save training run writes: the run's settings (the last trainer's, else the settings
     * panel's), split, every epoch's metrics and the kept weight snapshots.
     *
     * @param datasetSha256 the data set's hash ({@link #withDatasetHash}), "" if unknown
     * @throws IllegalArgumentException if the settings are invalid and nothing was trained yet
     */
    public TrainingRunFile.Run runToSave(String datasetSha256) {
        RunRecorder recorder = replay.recorder();
        TrainingConfig fallback = recorder.config() != null ? null : settings.configFor(network.get().spec());
        Split split = trainingSplit();
        TrainingRunFile.SplitInfo fallbackSplit = split == null ? null : RunRecorder.splitInfo(split, data.get());
        TrainingRunFile.Run run = recorder.toRun(fallback, fallbackSplit, datasetSha256);
        if (run.datasetName().isEmpty() && split != null) {
            run = new TrainingRunFile.Run(run.config(), split.train().name(), run.datasetSha256(), run.split(),
                    run.history());
        }
        return run;
    }

    /**
     * Shows a run read from a file: its final network in use, its settings in the panel, its
     * charts, and its snapshots on the timeline (Live = the final network). Training goes on from there.
     */
    public void useRun(TrainingRunFile.Run run, String sourceName) {
        List<TrainingSnapshot> kept = run.history().snapshots();
        TrainingSnapshot last = kept.get(kept.size() - 1);
        stopAndForget();
        resetProgress();
        settings.load(last.network().spec(), run.config());
        epochOffset = last.epoch();
        epoch.set(epochOffset);
        List<EpochMetrics> metrics = run.history().metrics();
        for (EpochMetrics m : metrics) {
            if (m.epoch() > 0 && Double.isFinite(m.trainLoss())) {
                trainLossSeries.add(m.epoch(), m.trainLoss());
                testLossSeries.add(m.epoch(), m.testLoss());
                trainAccuracySeries.add(m.epoch(), 100 * m.trainAccuracy());
                testAccuracySeries.add(m.epoch(), 100 * m.testAccuracy());
                lastChartedEpoch = m.epoch();
            }
        }
        EpochMetrics lastMetrics = metrics.isEmpty() ? null : metrics.get(metrics.size() - 1);
        if (lastMetrics != null) {
            trainLoss.set(lastMetrics.trainLoss());
            testLoss.set(lastMetrics.testLoss());
            trainAccuracy.set(lastMetrics.trainAccuracy());
            testAccuracy.set(lastMetrics.testAccuracy());
            elapsedOffset = Double.isFinite(lastMetrics.elapsedSeconds()) ? lastMetrics.elapsedSeconds() : 0;
            elapsedSeconds.set(elapsedOffset);
        }
        network.set(last.network());
        replay.reset(null, 0);
        replay.recorder().restore(run);
        replay.refresh();
        unsavedChanges.set(false);
        String description = I18n.t("replay.run.description", sourceName, last.epoch(), kept.size())
                + describeSpec(last.network().spec());
        modelDescription.set(description);
        statusMessage.set(I18n.t("replay.run.opened", description));
    }

    // ---------------------------------------------------------------- actions

    /** Space / the Train–Pause button: start, pause or resume. */
    public void toggleTraining() {
        switch (phase.get()) {
            case RUNNING -> {
                engine.pause();
                phase.set(Phase.PAUSED);
                statusMessage.set(I18n.t("workbench.status.paused"));
            }
            case PAUSED -> {
                TrainingConfig config = validConfig();
                if (config == null) {
                    return;
                }
                if (config.equals(runConfig)) {
                    engine.resume();
                    phase.set(Phase.RUNNING);
                    statusMessage.set(I18n.t("workbench.status.training"));
                } else {
                    engine.cancel();
                    startRun(config);
                }
            }
            case IDLE -> {
                TrainingConfig config = validConfig();
                if (config != null) {
                    startRun(config);
                }
            }
            case STEPPING -> statusMessage.set(I18n.t("workbench.status.stillStepping"));
            default -> throw new IllegalStateException("unknown phase " + phase.get());
        }
    }

    /** S / Step: train exactly one epoch (stops a run first). */
    public void step() {
        if (phase.get() == Phase.STEPPING) {
            return;
        }
        TrainingConfig config = validConfig();
        if (config == null) {
            return;
        }
        if (phase.get() == Phase.RUNNING || phase.get() == Phase.PAUSED) {
            engine.cancel();
        }
        clearDivergence();
        Split stepData = trainingSplit();
        long id = engine.step(config, network.get(), stepData);
        switchTrainer(id);
        replay.recorder().trainingStarted(config, stepData, data.get());
        runConfig = null;
        phase.set(Phase.STEPPING);
        statusMessage.set(I18n.t("workbench.status.stepping"));
    }

    /** N / New network: random weights from the seed and the architecture in the settings. */
    public void newNetwork() {
        long seed;
        try {
            seed = settings.parseSeed();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        NetworkSpec current = network.get() == null ? defaultSpec() : network.get().spec();
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
        lastDrawing = new Drawn(width, height, argb);
        if (preprocessor == null) {
            return;
        }
        try {
            preprocessed.set(preprocessor.process(width, height, argb));
        } catch (RuntimeException e) {
            preprocessed.set(null);
            errorMessage.set(I18n.t("workbench.error.preprocess", describe(e)));
        }
        updatePrediction();
    }

    /** The pad was cleared. */
    public void clearDrawing() {
        lastDrawing = null;
        preprocessed.set(null);
        updatePrediction();
    }

    /** Shows a problem in the status bar (for failures outside training, e.g. loading). */
    public void reportError(String message) {
        errorMessage.set(message);
    }

    public void clearError() {
        errorMessage.set("");
    }

    /** Called when the window closes: stops any job. */
    public void shutdown() {
        stopAndForget();
    }

    // ---------------------------------------------------------------- engine reports (FX thread)

    @Override
    public void snapshots(long trainerId, List<TrainingSnapshot> snapshots) {
        if (trainerId != activeTrainerId) {
            return;
        }
        for (TrainingSnapshot snapshot : snapshots) {
            chart(snapshot);
            replay.recorder().record(snapshot, epochOffset + snapshot.epoch(), elapsedOffset + snapshot.elapsedSeconds());
        }
        apply(snapshots.get(snapshots.size() - 1));
        replay.refresh();
    }

    @Override
    public void finished(long trainerId, TrainingSnapshot last) {
        if (trainerId != activeTrainerId) {
            return;
        }
        Phase was = phase.get();
        if (last != null) {
            chart(last);
            replay.recorder().record(last, epochOffset + last.epoch(), elapsedOffset + last.elapsedSeconds());
            apply(last);
            replay.refresh();
        }
        phase.set(Phase.IDLE);
        runConfig = null;
        if (last == null || last.state() == TrainingState.DIVERGED) {
            return;
        }
        if (was == Phase.STEPPING) {
            statusMessage.set(I18n.t("workbench.status.stepped", String.valueOf(epoch.get())));
        } else if (last.state() == TrainingState.FINISHED) {
            statusMessage.set(I18n.t("workbench.status.finished", String.valueOf(last.epoch()),
                    percent(last.testAccuracy())));
        }
    }

    @Override
    public void failed(long trainerId, Throwable error) {
        if (trainerId != activeTrainerId) {
            return;
        }
        phase.set(Phase.IDLE);
        runConfig = null;
        errorMessage.set(I18n.t("workbench.error.training", describe(error)));
    }

    // ---------------------------------------------------------------- internals

    private void startRun(TrainingConfig config) {
        if (data.get() == null) {
            statusMessage.set(I18n.t("workbench.status.stillLoading"));
            return;
        }
        clearDivergence();
        clearError();
        Split split = trainingSplit();
        long id = engine.run(config, network.get(), split);
        switchTrainer(id);
        replay.recorder().trainingStarted(config, split, data.get());
        runConfig = config;
        phase.set(Phase.RUNNING);
        String note = settings.needsNewNetworkProperty().get() ? I18n.t("workbench.status.training.needsNew") : "";
        String drawingsNote = drawingsLeftOut(data.get());
        if (!drawingsNote.isEmpty()) {
            note += " " + drawingsNote;
        }
        statusMessage.set(I18n.t("workbench.status.training.run", String.valueOf(config.epochs()),
                config.optimizer().id(), describeTrainingData(split), note));
    }

    /** The config for the network in use, or null after reporting what is wrong. */
    private TrainingConfig validConfig() {
        if (data.get() == null) {
            statusMessage.set(I18n.t("workbench.status.stillLoading"));
            return null;
        }
        try {
            return settings.configFor(network.get().spec());
        } catch (IllegalArgumentException e) {
            errorMessage.set(I18n.t("workbench.error.cannotTrain", e.getMessage()));
            return null;
        }
    }

    /**
     * What training runs on: the training split, plus the user's drawings when there are any
     * (the test split stays the standard one, so accuracies stay comparable).
     */
    Split trainingSplit() {
        Split split = data.get();
        Dataset extra = extraTrainingData.get();
        if (split == null || extra == null || extra.size() == 0 || !fitsTrainingData(split, extra)) {
            return split;
        }
        return new Split(concat(split.train(), extra), split.test(), split.rule());
    }

    /** {@code first}'s samples followed by {@code second}'s (same image size and classes). */
    static Dataset concat(Dataset first, Dataset second) {
        int inputs = first.inputSize();
        double[] pixels = new double[(first.size() + second.size()) * inputs];
        System.arraycopy(first.pixels(), 0, pixels, 0, first.size() * inputs);
        System.arraycopy(second.pixels(), 0, pixels, first.size() * inputs, second.size() * inputs);
        int[] labels = new int[first.size() + second.size()];
        System.arraycopy(first.labels(), 0, labels, 0, first.size());
        System.arraycopy(second.labels(), 0, labels, first.size(), second.size());
        return new Dataset(first.name() + " + " + second.name(), first.width(), first.height(), first.classCount(),
                pixels, labels);
    }

    private String describeTrainingData(Split split) {
        Split plain = data.get();
        if (split == plain || plain == null) {
            return "";
        }
        int added = split.train().size() - plain.train().size();
        return I18n.t("workbench.status.training.withDrawings", String.valueOf(plain.train().size()),
                String.valueOf(added));
    }

    private void switchTrainer(long trainerId) {
        if (trainerId == activeTrainerId) {
            return;
        }
        epochOffset += trainerEpoch;
        elapsedOffset += trainerElapsed;
        trainerEpoch = 0;
        trainerElapsed = 0;
        activeTrainerId = trainerId;
    }

    private void chart(TrainingSnapshot snapshot) {
        int total = epochOffset + snapshot.epoch();
        // NaN train loss: a cancel interrupted the scoring of these weights (nothing measured).
        if (snapshot.epoch() == 0 || total <= lastChartedEpoch || Double.isNaN(snapshot.trainLoss())) {
            return;
        }
        lastChartedEpoch = total;
        trainLossSeries.add(total, snapshot.trainLoss());
        testLossSeries.add(total, snapshot.testLoss());
        trainAccuracySeries.add(total, 100 * snapshot.trainAccuracy());
        testAccuracySeries.add(total, 100 * snapshot.testAccuracy());
    }

    private void apply(TrainingSnapshot snapshot) {
        trainerEpoch = snapshot.epoch();
        trainerElapsed = snapshot.elapsedSeconds();
        epoch.set(epochOffset + snapshot.epoch());
        elapsedSeconds.set(elapsedOffset + snapshot.elapsedSeconds());
        epochsPerSecond.set(snapshot.elapsedSeconds() > 0 ? snapshot.epoch() / snapshot.elapsedSeconds() : Double.NaN);
        if (!Double.isNaN(snapshot.trainLoss())) {
            trainLoss.set(snapshot.trainLoss());
            testLoss.set(snapshot.testLoss());
            trainAccuracy.set(snapshot.trainAccuracy());
            testAccuracy.set(snapshot.testAccuracy());
        }
        if (snapshot.network() != null) {
            if (snapshot.epoch() > 0 && snapshot.network() != network.get()) {
                unsavedChanges.set(true);
            }
            network.set(snapshot.network());
        }
        if (snapshot.state() == TrainingState.DIVERGED) {
            divergenceExplained = snapshot.message() == null || snapshot.message().isBlank();
            divergenceMessage.set(divergenceExplained ? divergenceExplanation() : snapshot.message());
            statusMessage.set(I18n.t("workbench.status.diverged", String.valueOf(epoch.get())));
        }
    }

    private void updatePrediction() {
        Preprocessor.Result result = preprocessed.get();
        Network current = network.get();
        if (result == null || result.blank() || result.networkInput() == null || current == null) {
            predictionModified.set(false);
            forwardPass.set(null);
            probabilities.set(null);
            predictedDigit.set(-1);
            return;
        }
        if (result.networkInput().length != current.spec().inputSize()) {
            forwardPass.set(null);
            probabilities.set(null);
            predictedDigit.set(-1);
            errorMessage.set(I18n.t("workbench.error.inputSize", current.spec().inputWidth() + "×" + current.spec().inputHeight(),
                    result.centred().width() + "×" + result.centred().height()));
            return;
        }
        ForwardPass pass = current.forward(result.networkInput());
        boolean modified = experimentActive != null && Boolean.TRUE.equals(experimentActive.getValue())
                && experimentPass != null && experimentPass.getValue() != null;
        if (modified) {
            pass = experimentPass.getValue();
        }
        predictionModified.set(modified);
        forwardPass.set(pass);
        probabilities.set(pass.a3());
        predictedDigit.set(pass.predictedClass());
    }

    /**
     * A setting that shapes the run (everything but the epoch delay, which applies at once) changed
     * while a run is going or paused: the run keeps the config it started with — a trainer's
     * config is immutable — and the status says how the new settings take effect (Pause, then
     * Train restarts from the current weights with them: see {@link #toggleTraining()}). Invalid
     * values are already shown by the settings' validation message and refused by Train.
     */
    private void settingsChangedDuringRun() {
        Phase now = phase.get();
        if ((now != Phase.RUNNING && now != Phase.PAUSED) || runConfig == null || network.get() == null) {
            return;
        }
        TrainingConfig edited;
        try {
            edited = settings.configFor(network.get().spec());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!edited.equals(runConfig)) {
            statusMessage.set(now == Phase.RUNNING ? I18n.t("workbench.settings.changedWhileRunning")
                    : I18n.t("workbench.settings.changedWhilePaused"));
        }
    }

    private void stopAndForget() {
        if (phase.get() != Phase.IDLE) {
            engine.cancel();
        }
        phase.set(Phase.IDLE);
        activeTrainerId = -1;
        runConfig = null;
    }

    private void resetProgress() {
        epochOffset = 0;
        elapsedOffset = 0;
        trainerEpoch = 0;
        trainerElapsed = 0;
        lastChartedEpoch = 0;
        epoch.set(0);
        elapsedSeconds.set(0);
        epochsPerSecond.set(Double.NaN);
        trainLoss.set(Double.NaN);
        testLoss.set(Double.NaN);
        trainAccuracy.set(Double.NaN);
        testAccuracy.set(Double.NaN);
        trainLossSeries.clear();
        testLossSeries.clear();
        trainAccuracySeries.clear();
        testAccuracySeries.clear();
        clearDivergence();
        clearError();
    }

    private void clearDivergence() {
        divergenceExplained = false;
        divergenceMessage.set("");
    }

    static String describeSpec(NetworkSpec spec) {
        return I18n.t("workbench.model.spec", spec.inputSize() + "-" + spec.hiddenSize() + "-" + spec.outputSize(),
                spec.hiddenActivation().id(), spec.outputLayer().id());
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : "–";
    }

    /** An exception in words: its message, or its type when it has none. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    // ---------------------------------------------------------------- properties

    public TrainingSettingsViewModel settings() {
        return settings;
    }

    /** The network shown and used for prediction: an immutable copy. */
    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    /** Total epochs trained on the network in use. */
    public ReadOnlyIntegerProperty epochProperty() {
        return epoch;
    }

    public ReadOnlyDoubleProperty trainLossProperty() {
        return trainLoss;
    }

    public ReadOnlyDoubleProperty testLossProperty() {
        return testLoss;
    }

    /** Fraction in [0, 1], NaN before training. */
    public ReadOnlyDoubleProperty trainAccuracyProperty() {
        return trainAccuracy;
    }

    public ReadOnlyDoubleProperty testAccuracyProperty() {
        return testAccuracy;
    }

    /** Epochs per second of the current trainer (pauses excluded), NaN when unknown. */
    public ReadOnlyDoubleProperty epochsPerSecondProperty() {
        return epochsPerSecond;
    }

    /** Training time on this network, pauses excluded. */
    public ReadOnlyDoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    public StringProperty statusMessageProperty() {
        return statusMessage;
    }

    /** The last failure in words, "" when none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }

    /** Plain-words explanation of a divergence, "" when training is healthy. */
    public ReadOnlyStringProperty divergenceMessageProperty() {
        return divergenceMessage;
    }

    public BooleanBinding divergedProperty() {
        return diverged;
    }

    /** Where the network in use came from. */
    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription;
    }

    /** The train/test split, null until loaded. */
    public ReadOnlyObjectProperty<Split> dataProperty() {
        return data;
    }

    /**
     * Extra training samples (the user's drawings) merged into the training split on the next
     * Train or Step; null or empty: the training split alone.
     */
    public ObjectProperty<Dataset> extraTrainingDataProperty() {
        return extraTrainingData;
    }

    /** True while the weights were changed by training since the last save or open. */
    public ReadOnlyBooleanProperty unsavedChangesProperty() {
        return unsavedChanges;
    }

    public ReadOnlyBooleanProperty dataReadyProperty() {
        return dataReady;
    }

    /** Shared or per-unit colour scale for the hidden-unit pictures. */
    public ObjectProperty<WeightPictures.Scale> weightScaleProperty() {
        return weightScale;
    }

    /** Every step of preprocessing the current drawing, null when nothing is drawn. */
    public ReadOnlyObjectProperty<Preprocessor.Result> preprocessedProperty() {
        return preprocessed;
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

    public DecimatedSeries trainLossSeries() {
        return trainLossSeries;
    }

    public DecimatedSeries testLossSeries() {
        return testLossSeries;
    }

    /** Accuracy in percent. */
    public DecimatedSeries trainAccuracySeries() {
        return trainAccuracySeries;
    }

    /** Accuracy in percent. */
    public DecimatedSeries testAccuracySeries() {
        return testAccuracySeries;
    }
}
