package org.hiddenneurons.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.InitialScoring;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayModel;

/**
 * The training session: the state machine behind Train / Pause / Resume / Step, the epoch and time
 * counted across the trainers that worked on the network in use, the latest metrics and the four
 * chart series. Talks to a {@link TrainingEngine} and is its listener (reports arrive on the FX
 * thread); no nodes, so plain JUnit drives it with a fake engine.
 *
 * <p>Epoch offsets: a trainer counts its epochs from 0, so each new trainer on the same network
 * adds the epochs and seconds of the earlier ones ({@link #switchTrainer}); a loaded model or run
 * starts the count at its trained epochs ({@link #startAt}, {@link #restore}).
 */
public final class TrainingSessionViewModel implements TrainingEngine.Listener {

    /** Where training is, as the buttons see it. */
    public enum Phase {
        /** No job: Train starts a run, Step trains one epoch. */
        IDLE,
        RUNNING,
        PAUSED,
        /** One epoch is being trained. */
        STEPPING
    }

    private final TrainingEngine engine;
    private final TrainingSettingsViewModel settings;
    private final ModelDocumentViewModel document;
    private final TrainingDataViewModel data;
    private final StatusViewModel status;
    private final ReplayModel replay;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.IDLE);
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch", 0);
    /**
     * The epoch the current (or last) run ends at, counted on this network; after a step past every
     * plan, where the run Train would have started from that step's start ends; 0 before either.
     */
    private final IntegerProperty plannedEndEpoch = new SimpleIntegerProperty(this, "plannedEndEpoch", 0);
    /** What the status bar's epoch field shows: {@link #epoch}, or the step and epoch inside a paced epoch. */
    private final ReadOnlyObjectWrapper<EpochProgress> epochProgress =
            new ReadOnlyObjectWrapper<>(this, "epochProgress", EpochProgress.completed(0));
    private final DoubleProperty trainLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty testLoss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty trainAccuracy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty testAccuracy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty epochsPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(0);
    private final BooleanBinding running = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
    /** See {@link #emptyChartsEndEpochProperty()}. */
    private final IntegerBinding emptyChartsEndEpoch;

    private final DecimatedSeries trainLossSeries = new DecimatedSeries();
    private final DecimatedSeries testLossSeries = new DecimatedSeries();
    private final DecimatedSeries trainAccuracySeries = new DecimatedSeries();
    private final DecimatedSeries testAccuracySeries = new DecimatedSeries();

    /** The trainer whose reports count; reports under any other id are stale and ignored. */
    private long activeTrainerId = -1;
    /** Epochs and seconds of earlier trainers on this network (a new trainer counts from 0). */
    private int epochOffset;
    private double elapsedOffset;
    private int trainerEpoch;
    private double trainerElapsed;
    /** x of the last charted point, in epochs (fractional inside a lesson-paced epoch). */
    private double lastChartedEpoch;
    /** Status text of a paced run (step and epoch shown). */
    private final PaceStatus paceStatus = new PaceStatus();
    /** The config the running or paused job was started with (to tell whether Train may resume it). */
    private TrainingConfig runConfig;

    /**
     * @param engine   runs the trainers; this session becomes its listener
     * @param document receives each snapshot's network
     * @param replay   records each snapshot and is told when a run starts
     */
    public TrainingSessionViewModel(TrainingEngine engine, TrainingSettingsViewModel settings,
            ModelDocumentViewModel document, TrainingDataViewModel data, StatusViewModel status, ReplayModel replay) {
        this.engine = engine;
        this.settings = settings;
        this.document = document;
        this.data = data;
        this.status = status;
        this.replay = replay;
        emptyChartsEndEpoch = Bindings.createIntegerBinding(() -> phase.get() == Phase.RUNNING || phase.get() == Phase.PAUSED
                        ? plannedEndEpoch.get() : endOfRunFrom(epoch.get()),
                phase, plannedEndEpoch, epoch, settings.epochsProperty());
        settings.epochDelayMillisProperty().addListener((o, old, now) -> engine.setEpochDelayMillis(now.longValue()));
        settings.lessonPaceProperty().addListener((o, old, on) -> engine.setPacing(settings.pacingFor(epoch.get())));
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {settings.optimizerProperty(),
                settings.lambdaTextProperty(), settings.learningRateTextProperty(), settings.batchSizeProperty(),
                settings.epochsProperty(), settings.augmentProperty(), settings.seedTextProperty(),
                settings.deskewProperty()}) {
            setting.addListener(o -> settingsChangedDuringRun());
        }
    }

    // ---------------------------------------------------------------- actions

    /** Space / the Train–Pause button: start, pause or resume. */
    public void toggleTraining() {
        switch (phase.get()) {
            case RUNNING -> {
                engine.pause();
                phase.set(Phase.PAUSED);
                status.say(I18n.t("workbench.status.paused"));
            }
            case PAUSED -> {
                TrainingConfig config = validConfig();
                if (config == null) {
                    return;
                }
                if (config.equals(runConfig)) {
                    engine.resume();
                    phase.set(Phase.RUNNING);
                    status.say(I18n.t("workbench.status.training"));
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
            case STEPPING -> status.say(I18n.t("workbench.status.stillStepping"));
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
        status.clearDivergence();
        Split stepData = data.trainingSplit();
        started(engine.step(config, document.networkProperty().get(), stepData), config, stepData);
        runConfig = null;
        phase.set(Phase.STEPPING);
        status.say(I18n.t("workbench.status.stepping"));
    }

    /** Stops any job and forgets its trainer (its late reports are ignored). */
    public void stopAndForget() {
        if (phase.get() != Phase.IDLE) {
            engine.cancel();
        }
        phase.set(Phase.IDLE);
        activeTrainerId = -1;
        runConfig = null;
    }

    /** A new network: epochs, time, metrics and charts start again from nothing. */
    public void resetProgress() {
        epochOffset = 0;
        elapsedOffset = 0;
        trainerEpoch = 0;
        trainerElapsed = 0;
        lastChartedEpoch = 0;
        epoch.set(0);
        plannedEndEpoch.set(0);
        epochProgress.set(EpochProgress.completed(0));
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
    }

    /** After {@link #resetProgress}: the network in use was trained {@code trainedEpochs} epochs already (a loaded model). */
    public void startAt(int trainedEpochs) {
        epochOffset = Math.max(0, trainedEpochs);
        epoch.set(epochOffset);
        plannedEndEpoch.set(epochOffset);
        epochProgress.set(EpochProgress.completed(epochOffset));
        lastChartedEpoch = epochOffset;
    }

    /**
     * After {@link #resetProgress}: a run read from a file, trained to {@code trainedEpochs}; its
     * metrics fill the charts and the latest figures, its time the clock.
     */
    public void restore(int trainedEpochs, List<EpochMetrics> metrics) {
        epochOffset = trainedEpochs;
        epoch.set(epochOffset);
        plannedEndEpoch.set(epochOffset);
        epochProgress.set(EpochProgress.completed(epochOffset));
        for (EpochMetrics m : metrics) {
            if (m.epoch() > 0 && Double.isFinite(m.trainLoss())) {
                trainLossSeries.add(m.epoch(), m.trainLoss());
                testLossSeries.add(m.epoch(), m.testLoss());
                trainAccuracySeries.add(m.epoch(), 100 * m.trainAccuracy());
                testAccuracySeries.add(m.epoch(), 100 * m.testAccuracy());
                lastChartedEpoch = m.epoch();
            }
        }
        EpochMetrics last = metrics.isEmpty() ? null : metrics.get(metrics.size() - 1);
        if (last != null) {
            trainLoss.set(last.trainLoss());
            testLoss.set(last.testLoss());
            trainAccuracy.set(last.trainAccuracy());
            testAccuracy.set(last.testAccuracy());
            elapsedOffset = Double.isFinite(last.elapsedSeconds()) ? last.elapsedSeconds() : 0;
            elapsedSeconds.set(elapsedOffset);
        }
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
            status.say(I18n.t("workbench.status.stepped", String.valueOf(epoch.get())));
        } else if (last.state() == TrainingState.FINISHED) {
            status.say(I18n.t("workbench.status.finished", String.valueOf(last.epoch()), percent(last.testAccuracy())));
        }
    }

    @Override
    public void failed(long trainerId, Throwable error) {
        if (trainerId != activeTrainerId) {
            return;
        }
        phase.set(Phase.IDLE);
        runConfig = null;
        status.reportError(I18n.t("workbench.error.training", WorkbenchViewModel.describe(error)));
    }

    // ---------------------------------------------------------------- internals

    private void startRun(TrainingConfig config) {
        if (data.dataProperty().get() == null) {
            status.say(I18n.t("workbench.status.stillLoading"));
            return;
        }
        status.clearDivergence();
        status.clearError();
        Split split = data.trainingSplit();
        engine.setPacing(settings.pacingFor(epoch.get()));
        paceStatus.runStarted();
        started(engine.run(config, document.networkProperty().get(), split), config, split);
        plannedEndEpoch.set(epoch.get() + config.epochs()); // known now, before the first snapshot confirms it
        runConfig = config;
        phase.set(Phase.RUNNING);
        String note = settings.needsNewNetworkProperty().get() ? I18n.t("workbench.status.training.needsNew") : "";
        int testSize = split.test() == null ? 0 : split.test().size();
        if (InitialScoring.WINDOW.samples(split.train().size(), testSize)) {
            note += " " + I18n.t("workbench.status.training.sampledStart", InitialScoring.WINDOW.sampleSize(),
                    split.train().size() + testSize);
        }
        String drawingsNote = data.drawingsLeftOut(data.dataProperty().get());
        if (!drawingsNote.isEmpty()) {
            note += " " + drawingsNote;
        }
        status.say(I18n.t("workbench.status.training.run", String.valueOf(config.epochs()),
                config.optimizer().id(), data.describeTrainingData(split), note));
    }

    /** A trainer started on {@code split}: its reports count from now on, and the run's record knows. */
    private void started(long trainerId, TrainingConfig config, Split split) {
        switchTrainer(trainerId);
        document.trainedWith(config); // the network's inputs now go through this config's steps
        replay.recorder().trainingStarted(config, split, data.dataProperty().get());
    }

    /** The config for the network in use, or null after reporting what is wrong. */
    private TrainingConfig validConfig() {
        if (data.dataProperty().get() == null) {
            status.say(I18n.t("workbench.status.stillLoading"));
            return null;
        }
        try {
            return settings.configFor(document.networkProperty().get().spec());
        } catch (IllegalArgumentException e) {
            status.reportError(I18n.t("workbench.error.cannotTrain", e.getMessage()));
            return null;
        }
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
        // Inside a lesson-paced epoch: a point per mini-batch at a fractional epoch (step / steps per epoch).
        double total = epochOffset + snapshot.step() / (double) snapshot.stepsPerEpoch();
        // NaN train loss: a cancel interrupted the scoring of these weights (nothing measured).
        if (snapshot.step() == 0 || total <= lastChartedEpoch || Double.isNaN(snapshot.trainLoss())) {
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
        if (phase.get() != Phase.STEPPING) {
            plannedEndEpoch.set(epochOffset + snapshot.totalEpochs());
        } else if (plannedEndEpoch.get() < epoch.get()) {
            // A step (one epoch) is no plan of its own: inside a run's plan the axis stays; past it (or
            // with none, e.g. the first step of a new network) the charts keep the frame they had while
            // empty, the run Train would have started from the step's start, instead of auto-ranging.
            plannedEndEpoch.set(endOfRunFrom(epoch.get() - 1));
        }
        epochProgress.set(EpochProgress.of(snapshot, epochOffset));
        elapsedSeconds.set(elapsedOffset + snapshot.elapsedSeconds());
        // Not measured before the first epoch ends (inside a paced first epoch it read "0.0 epochs/s").
        epochsPerSecond.set(snapshot.epoch() > 0 && snapshot.elapsedSeconds() > 0
                ? snapshot.epoch() / snapshot.elapsedSeconds() : Double.NaN);
        // NaN: not measured — a cancel interrupted the scoring (the last figures stay), or a paced
        // step whose scoring did not fit the pace (its figures show "–": they belong to no other step).
        if (!Double.isNaN(snapshot.trainLoss()) || snapshot.midEpoch()) {
            trainLoss.set(snapshot.trainLoss());
            testLoss.set(snapshot.testLoss());
            trainAccuracy.set(snapshot.trainAccuracy());
            testAccuracy.set(snapshot.testAccuracy());
        }
        if (snapshot.network() != null) {
            document.trained(snapshot.network(), snapshot.epoch());
        }
        String paced = paceStatus.statusFor(snapshot, epochOffset);
        if (paced != null) {
            status.say(paced);
        }
        if (snapshot.state() == TrainingState.DIVERGED) {
            status.diverged(snapshot.message());
            status.say(I18n.t("workbench.status.diverged", String.valueOf(epoch.get())));
        }
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
        if ((now != Phase.RUNNING && now != Phase.PAUSED) || runConfig == null || document.networkProperty().get() == null) {
            return;
        }
        TrainingConfig edited;
        try {
            edited = settings.configFor(document.networkProperty().get().spec());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!edited.equals(runConfig)) {
            status.say(now == Phase.RUNNING ? I18n.t("workbench.settings.changedWhileRunning")
                    : I18n.t("workbench.settings.changedWhilePaused"));
        }
    }

    static String percent(double fraction) {
        return I18n.percent(fraction, 1);
    }

    // ---------------------------------------------------------------- properties

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

    /** The epoch the current (or last) run ends at, counted on this network; 0 before any run. */
    public ReadOnlyIntegerProperty plannedEndEpochProperty() {
        return plannedEndEpoch;
    }

    /** The epoch a run Train would start at epoch {@code from} ends at: the settings' epochs later. */
    private int endOfRunFrom(int from) {
        return from + Math.max(1, settings.epochsProperty().get());
    }

    /**
     * Where the charts' epoch axis ends while they have no point: the plan of the run going or
     * paused ({@link #plannedEndEpochProperty()}), else where Train would end now, the epoch plus
     * the settings' epochs (it follows the field), so the empty frame is the frame the run will fill.
     */
    public IntegerBinding emptyChartsEndEpochProperty() {
        return emptyChartsEndEpoch;
    }

    /** The epochs completed, or inside a lesson-paced epoch the step and the epoch in progress. */
    public ReadOnlyObjectProperty<EpochProgress> epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
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
