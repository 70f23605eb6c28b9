package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hiddenneurons.analysis.PictureSmoothness;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingHistory;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.RunRecorder;
import org.hiddenneurons.ui.replay.SnapshotTimeline;

/**
 * Compare runs: two networks trained on the same data at once, each with its own settings (a
 * {@link Preset} differs in one setting), so a class sees what λ, the hidden size, the seed,
 * augmentation or the activation do to the hidden units' pictures. No nodes: testable with plain
 * JUnit and a fake {@link TrainingEngine} per side.
 *
 * <p>Each side has its own engine (the window's: one {@link FxTrainingAdapter}, so one training
 * thread, per side); both start, pause and resume together ({@link #toggleTraining()}) and follow
 * the window's lesson pace ({@link TrainingSettingsViewModel#pacingFor(boolean, int)}: the first
 * epoch mini-batch by mini-batch). Each side records its run in a {@link RunRecorder} (the
 * workbench's record: every snapshot's numbers, weights kept at log-spaced steps), and one
 * {@link SnapshotTimeline} scrubs both: each side shows, at the timeline's step, its kept snapshot
 * at or before that step (a network copy nobody modifies), its test accuracy, its
 * {@link PictureSmoothness} and its losses up to that step. While Live that step is the
 * {@link #commonStep()}, so both sides show the same mini-batch while paced and evolve together.
 * Call order: {@link #setData} (again whenever the data changes), then {@link #toggleTraining()};
 * {@link #restart()} puts both sides back to their initial weights. FX thread only.
 */
public final class CompareRunsViewModel {

    /** Where the pair of runs stands. */
    public enum Phase { IDLE, RUNNING, PAUSED, FINISHED }

    /** The differences a teacher picks from; each changes one setting of the defaults. */
    public enum Preset {
        /**
         * λ 0 against λ 4 on the images as they are: no augmentation, no input blur, uniform initial
         * weights. Each of those smooths the pictures on its own, so with the defaults λ 0 comes out
         * smoother than λ 4 (train --seed 1: 0.858 against 0.828) and the lesson would show nothing;
         * on plain images λ is the only smoother (0.553 against 0.677; train accuracy 99.98 % against
         * 96.1 %, test 95.6 / 95.5 %).
         */
        LAMBDA(config -> unsmoothed(config).withLambda(0), config -> unsmoothed(config).withLambda(4)),
        HIDDEN_SIZE(config -> withHidden(config, 5), config -> withHidden(config, 25)),
        SEED(config -> config.withSeed(1), config -> config.withSeed(2)),
        AUGMENTATION(config -> config.withAugment(true), config -> config.withAugment(false)),
        ACTIVATION(config -> withActivation(config, Activation.SIGMOID), config -> withActivation(config, Activation.RELU));

        private final UnaryOperator<TrainingConfig> left;
        private final UnaryOperator<TrainingConfig> right;

        Preset(UnaryOperator<TrainingConfig> left, UnaryOperator<TrainingConfig> right) {
            this.left = left;
            this.right = right;
        }

        /** The left run's settings: {@code base} with this preset's first choice. */
        public TrainingConfig left(TrainingConfig base) {
            return left.apply(base);
        }

        /** The right run's settings. */
        public TrainingConfig right(TrainingConfig base) {
            return right.apply(base);
        }

        /** "λ 0 vs λ 4", in the current language. */
        public String title() {
            return I18n.t(switch (this) {
                case LAMBDA -> "pages.compareRuns.preset.LAMBDA";
                case HIDDEN_SIZE -> "pages.compareRuns.preset.HIDDEN_SIZE";
                case SEED -> "pages.compareRuns.preset.SEED";
                case AUGMENTATION -> "pages.compareRuns.preset.AUGMENTATION";
                case ACTIVATION -> "pages.compareRuns.preset.ACTIVATION";
            });
        }

        /** What one side's setting is, e.g. "λ = 0", in the current language. */
        public String describe(TrainingConfig config) {
            return switch (this) {
                case LAMBDA -> I18n.t("pages.compareRuns.side.lambda", formatLambda(config.lambda()));
                case HIDDEN_SIZE -> I18n.t("pages.compareRuns.side.hidden", String.valueOf(config.hiddenSize()));
                case SEED -> I18n.t("pages.compareRuns.side.seed", String.valueOf(config.seed()));
                case AUGMENTATION -> I18n.t(config.augment() ? "pages.compareRuns.side.augmented" : "pages.compareRuns.side.plain");
                case ACTIVATION -> I18n.t("pages.compareRuns.side.activation", config.activation().id());
            };
        }

        private static String formatLambda(double lambda) {
            return lambda == Math.rint(lambda) ? String.valueOf((long) lambda) : String.valueOf(lambda);
        }
    }

    /**
     * One point of a side's loss curves.
     *
     * @param epoch fractional epochs: step / steps per epoch (a point per mini-batch in a paced epoch)
     */
    public record LossPoint(double epoch, double trainLoss, double testLoss) {
    }

    /** One of the two runs: its record ({@link RunRecorder}) and what it shows at the timeline's step. */
    public final class Side implements TrainingEngine.Listener {
        private final TrainingEngine engine;
        private final boolean isLeft;
        /** This run's record: every snapshot's numbers and the weights kept at log-spaced steps. */
        private final RunRecorder recorder = new RunRecorder();
        private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");
        private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
        private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch");
        private final IntegerProperty step = new SimpleIntegerProperty(this, "step");
        private final IntegerProperty shownEpoch = new SimpleIntegerProperty(this, "shownEpoch");
        private final DoubleProperty testAccuracy = new SimpleDoubleProperty(this, "testAccuracy", Double.NaN);
        private final DoubleProperty smoothness = new SimpleDoubleProperty(this, "smoothness", Double.NaN);
        private final StringProperty description = new SimpleStringProperty(this, "description", "");
        private final ObservableList<LossPoint> losses = FXCollections.observableArrayList();
        private long trainerId = -1;
        private boolean running;
        /** Mini-batches per epoch of this run (from its snapshots; 1 until one arrives). */
        private int stepsPerEpoch = 1;

        Side(TrainingEngine engine, boolean isLeft) {
            this.engine = engine;
            this.isLeft = isLeft;
            engine.setListener(this);
        }

        /** The settings of this side's run. */
        public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
            return config;
        }

        /** The weights shown: this run's kept snapshot at (or just before) the timeline's step. */
        public ReadOnlyObjectProperty<Network> networkProperty() {
            return network;
        }

        /** Completed epochs of the shown snapshot. */
        public IntegerProperty epochProperty() {
            return epoch;
        }

        /** Training steps (mini-batches) of the shown snapshot. */
        public IntegerProperty stepProperty() {
            return step;
        }

        /** The 1-based epoch of the shown snapshot: the one in progress inside an epoch ({@link TrainingSnapshot#shownEpoch()}). */
        public IntegerProperty shownEpochProperty() {
            return shownEpoch;
        }

        /** Test accuracy in [0, 1] of the shown weights; NaN before the first scored snapshot. */
        public DoubleProperty testAccuracyProperty() {
            return testAccuracy;
        }

        /** {@link PictureSmoothness#of} the shown weights. */
        public DoubleProperty smoothnessProperty() {
            return smoothness;
        }

        /** What this side's setting is, e.g. "λ = 0". */
        public StringProperty descriptionProperty() {
            return description;
        }

        /** The train and test loss of every recorded snapshot up to the shown step, oldest first. */
        public ObservableList<LossPoint> losses() {
            return losses;
        }

        /** True while this side's run has not reported its end. */
        public boolean isRunning() {
            return running;
        }

        /** This run's record (every snapshot's numbers, the weights kept at log-spaced steps). */
        public RunRecorder recorder() {
            return recorder;
        }

        void reset(TrainingConfig newConfig, Dataset train) {
            if (running) {
                engine.cancel();
                running = false;
            }
            trainerId = -1;
            stepsPerEpoch = 1;
            config.set(newConfig);
            description.set(preset.get().describe(newConfig));
            recorder.reset(newConfig.initialNetwork(train.width(), train.height(), train.classCount()), 0);
        }

        void start(Split split) {
            trainerId = engine.run(config.get(), recorder.snapshots().get(0).network(), split);
            running = true;
        }

        @Override
        public void snapshots(long id, List<TrainingSnapshot> snapshots) {
            if (id != trainerId) {
                return;
            }
            for (TrainingSnapshot snapshot : snapshots) {
                record(snapshot);
            }
            follow();
        }

        @Override
        public void finished(long id, TrainingSnapshot last) {
            if (id != trainerId) {
                return;
            }
            if (last != null) {
                record(last);
            }
            running = false;
            sideEnded();
            follow();
        }

        @Override
        public void failed(long id, Throwable error) {
            if (id != trainerId) {
                return;
            }
            running = false;
            errorMessage.set(I18n.t("pages.compareRuns.error", isLeft ? 1 : 2, String.valueOf(error.getMessage())));
            sideEnded();
            follow();
        }

        private void record(TrainingSnapshot snapshot) {
            stepsPerEpoch = Math.max(1, snapshot.stepsPerEpoch());
            recorder.record(snapshot, snapshot.epoch(), snapshot.elapsedSeconds());
        }

        /** Shows this run at {@code shownStep}: its latest kept snapshot at or before it, and the losses up to it. */
        void showAt(int shownStep) {
            List<TrainingSnapshot> kept = recorder.snapshots();
            TrainingSnapshot shown = kept.get(0);
            for (TrainingSnapshot each : kept) {
                if (each.step() > shownStep) {
                    break;
                }
                shown = each;
            }
            epoch.set(shown.epoch());
            step.set(shown.step());
            shownEpoch.set(shown.shownEpoch());
            testAccuracy.set(shown.testAccuracy());
            if (network.get() != shown.network()) {
                network.set(shown.network());
                smoothness.set(PictureSmoothness.of(shown.network()));
            }
            showLosses(recorder.metrics(), shownStep);
        }

        /** The losses up to {@code shownStep}: appended while the step grows, replaced when it goes back. */
        private void showLosses(List<TrainingHistory.EpochMetrics> metrics, int shownStep) {
            List<LossPoint> wanted = new ArrayList<>();
            for (TrainingHistory.EpochMetrics m : metrics) {
                if (m.step() > shownStep) {
                    break;
                }
                if (Double.isFinite(m.trainLoss()) || Double.isFinite(m.testLoss())) {
                    wanted.add(new LossPoint((double) m.step() / stepsPerEpoch, m.trainLoss(), m.testLoss()));
                }
            }
            if (wanted.size() >= losses.size() && wanted.subList(0, losses.size()).equals(losses)) {
                losses.addAll(wanted.subList(losses.size(), wanted.size()));
            } else {
                losses.setAll(wanted);
            }
        }

        void pause() {
            if (running) {
                engine.pause();
            }
        }

        void resume() {
            if (running) {
                engine.resume();
            }
        }

        void pace(Pacing pacing) {
            engine.setPacing(pacing);
        }
    }

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.LAMBDA);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.IDLE);
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage", "");
    private final Side left;
    private final Side right;
    private final TrainingConfig base;
    private final BooleanProperty lessonPace;
    /** Held here so {@link #dispose()} can remove it: the window's setting outlives this page. */
    private final javafx.beans.value.ChangeListener<Boolean> followPace = (o, old, on) -> pace();
    /** One timeline for both runs: its positions are the steps either run kept up to the common step. */
    private final SnapshotTimeline timeline = new SnapshotTimeline();
    private Split data;

    /**
     * @param leftEngine  trains the left run (its listener is set here)
     * @param rightEngine trains the right run; another engine than the left, so both train at once
     * @param base        the settings both runs share except the preset's difference
     * @param lessonPace  the window's lesson pace setting (F, "Lesson pace"); both runs follow it
     */
    public CompareRunsViewModel(TrainingEngine leftEngine, TrainingEngine rightEngine, TrainingConfig base,
                                BooleanProperty lessonPace) {
        if (leftEngine == rightEngine) {
            throw new IllegalArgumentException("each side needs its own engine to train at the same time");
        }
        this.base = base;
        this.lessonPace = lessonPace;
        left = new Side(leftEngine, true);
        right = new Side(rightEngine, false);
        preset.addListener((o, old, now) -> restart());
        lessonPace.addListener(followPace);
        timeline.replayedProperty().addListener((o, old, now) -> showTimelineStep());
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    /** The pair of settings compared; choosing another restarts both runs from their initial weights. */
    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /**
     * The replay timeline both sides follow: Live shows the common step (the step both running runs
     * have reached: while paced, the same mini-batch on both sides), a replay the scrubbed step.
     */
    public SnapshotTimeline timeline() {
        return timeline;
    }

    /** Stops following the window's lesson pace (the page goes away; the setting stays). */
    public void dispose() {
        lessonPace.removeListener(followPace);
    }

    /** The window's lesson pace setting, which both runs follow. */
    public BooleanProperty lessonPaceProperty() {
        return lessonPace;
    }

    /**
     * The step both sides show while Live: the newest step whose weights both running runs kept
     * (a run ahead waits on screen for the other; a step whose weights one run has not handed
     * over yet is not shown), the newest kept step of the one still running, or the newest of
     * either once both ended.
     */
    public int commonStep() {
        List<TrainingSnapshot> a = left.recorder().snapshots();
        List<TrainingSnapshot> b = right.recorder().snapshots();
        if (left.isRunning() != right.isRunning()) {
            List<TrainingSnapshot> running = left.isRunning() ? a : b;
            return running.get(running.size() - 1).step();
        }
        if (!left.isRunning()) {
            return Math.max(a.get(a.size() - 1).step(), b.get(b.size() - 1).step());
        }
        int i = a.size() - 1;
        int j = b.size() - 1;
        while (i > 0 && j > 0 && a.get(i).step() != b.get(j).step()) {
            if (a.get(i).step() > b.get(j).step()) {
                i--;
            } else {
                j--;
            }
        }
        return Math.min(a.get(i).step(), b.get(j).step()); // both start at step 0
    }

    /** A run that failed, in words; empty otherwise. */
    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    /** The data both runs train and test on; puts both back to their initial weights. Null: none yet. */
    public void setData(Split split) {
        data = split;
        restart();
    }

    /** Train both (from their initial weights after the end of a run), or pause or resume both. */
    public void toggleTraining() {
        switch (phase.get()) {
            case RUNNING -> {
                left.pause();
                right.pause();
                phase.set(Phase.PAUSED);
            }
            case PAUSED -> {
                left.resume();
                right.resume();
                phase.set(Phase.RUNNING);
            }
            default -> {
                if (data == null) {
                    return;
                }
                if (phase.get() == Phase.FINISHED) {
                    restart();
                }
                errorMessage.set("");
                pace();
                left.start(data);
                right.start(data);
                phase.set(Phase.RUNNING);
                follow();
            }
        }
    }

    /** Cancels both runs and shows both networks' initial weights (the preset's settings, seeded). */
    public void restart() {
        if (data == null) {
            return;
        }
        left.reset(preset.get().left(base), data.train());
        right.reset(preset.get().right(base), data.train());
        phase.set(Phase.IDLE);
        timeline.restart(keptUpTo(Integer.MAX_VALUE), 0);
        showTimelineStep();
    }

    /** Both runs from random weights: the window's lesson pace or full speed, the same on both sides. */
    private void pace() {
        Pacing pacing = TrainingSettingsViewModel.pacingFor(lessonPace.get(), 0);
        left.pace(pacing);
        right.pace(pacing);
    }

    /** New records: the timeline's range grows to the common step; while Live both sides show it. */
    private void follow() {
        int common = commonStep();
        List<TrainingSnapshot> kept = keptUpTo(common);
        timeline.setKept(kept, kept.isEmpty() ? 0 : kept.get(kept.size() - 1).epoch());
        showTimelineStep();
    }

    /** Both sides at the timeline's step (Live: the newest common one). */
    private void showTimelineStep() {
        int shown = timeline.shownStep();
        left.showAt(Math.max(0, shown));
        right.showAt(Math.max(0, shown));
    }

    /**
     * The timeline's positions: the snapshots either side kept at steps ≤ {@code maxStep}, one per
     * step (the left's where both kept one), ascending steps.
     */
    private List<TrainingSnapshot> keptUpTo(int maxStep) {
        List<TrainingSnapshot> a = left.recorder().snapshots();
        List<TrainingSnapshot> b = right.recorder().snapshots();
        List<TrainingSnapshot> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            TrainingSnapshot next;
            if (j >= b.size() || (i < a.size() && a.get(i).step() <= b.get(j).step())) {
                next = a.get(i++);
                if (j < b.size() && b.get(j).step() == next.step()) {
                    j++;
                }
            } else {
                next = b.get(j++);
            }
            if (next.step() > maxStep) {
                break;
            }
            merged.add(next);
        }
        return merged;
    }

    private void sideEnded() {
        if (!left.isRunning() && !right.isRunning()) {
            phase.set(Phase.FINISHED);
        }
    }

    /** {@code c} without augmentation, without input blur and with uniform initial weights (see {@link Preset#LAMBDA}). */
    private static TrainingConfig unsmoothed(TrainingConfig c) {
        return c.withInitializer(Initializer.UNIFORM).withAugment(false).withInputBlur(0.0);
    }

    private static TrainingConfig withHidden(TrainingConfig c, int hiddenSize) {
        return new TrainingConfig(hiddenSize, c.activation(), c.outputLayer(), c.initializer(), c.optimizer(),
                c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(),
                c.augmentation(), c.deskew(), c.inputBlur());
    }

    private static TrainingConfig withActivation(TrainingConfig c, Activation activation) {
        return new TrainingConfig(c.hiddenSize(), activation, c.outputLayer(), c.initializer(), c.optimizer(),
                c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment(),
                c.augmentation(), c.deskew(), c.inputBlur());
    }
}
