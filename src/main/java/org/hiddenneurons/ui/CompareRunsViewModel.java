package org.hiddenneurons.ui;

import java.util.List;
import java.util.function.UnaryOperator;
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
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Compare runs: two networks trained on the same data at once, each with its own settings (a
 * {@link Preset} differs in one setting), so a class sees what λ, the hidden size, the seed,
 * augmentation or the activation do to the hidden units' pictures. No nodes: testable with plain
 * JUnit and a fake {@link TrainingEngine} per side.
 *
 * <p>Each side has its own engine (the window's: one {@link FxTrainingAdapter}, so one training
 * thread, per side); both start, pause and resume together ({@link #toggleTraining()}). Each side
 * shows its latest snapshot: a network copy nobody modifies, its test accuracy, the loss history and
 * its {@link PictureSmoothness}. Call order: {@link #setData} (again whenever the data changes),
 * then {@link #toggleTraining()}; {@link #restart()} puts both sides back to their initial weights.
 * FX thread only.
 */
public final class CompareRunsViewModel {

    /** Where the pair of runs stands. */
    public enum Phase { IDLE, RUNNING, PAUSED, FINISHED }

    /** The differences a teacher picks from; each changes one setting of the defaults. */
    public enum Preset {
        LAMBDA(config -> config.withLambda(0), config -> config.withLambda(4)),
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

    /** One point of a side's loss curves. */
    public record LossPoint(int epoch, double trainLoss, double testLoss) {
    }

    /** One of the two runs. */
    public final class Side implements TrainingEngine.Listener {
        private final TrainingEngine engine;
        private final boolean isLeft;
        private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");
        private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
        private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch");
        private final DoubleProperty testAccuracy = new SimpleDoubleProperty(this, "testAccuracy", Double.NaN);
        private final DoubleProperty smoothness = new SimpleDoubleProperty(this, "smoothness", Double.NaN);
        private final StringProperty description = new SimpleStringProperty(this, "description", "");
        private final ObservableList<LossPoint> losses = FXCollections.observableArrayList();
        private long trainerId = -1;
        private boolean running;

        Side(TrainingEngine engine, boolean isLeft) {
            this.engine = engine;
            this.isLeft = isLeft;
            engine.setListener(this);
        }

        /** The settings of this side's run. */
        public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
            return config;
        }

        /** The weights shown: the initial ones, then each snapshot's copy. */
        public ReadOnlyObjectProperty<Network> networkProperty() {
            return network;
        }

        /** Epochs trained so far. */
        public IntegerProperty epochProperty() {
            return epoch;
        }

        /** Test accuracy in [0, 1] of the shown weights; NaN before the first snapshot. */
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

        /** The train and test loss after each snapshot, oldest first. */
        public ObservableList<LossPoint> losses() {
            return losses;
        }

        /** True while this side's run has not reported its end. */
        public boolean isRunning() {
            return running;
        }

        void reset(TrainingConfig newConfig, Dataset train) {
            if (running) {
                engine.cancel();
                running = false;
            }
            trainerId = -1;
            config.set(newConfig);
            description.set(preset.get().describe(newConfig));
            losses.clear();
            epoch.set(0);
            testAccuracy.set(Double.NaN);
            show(newConfig.initialNetwork(train.width(), train.height(), train.classCount()));
        }

        void start(Split split) {
            trainerId = engine.run(config.get(), network.get(), split);
            running = true;
        }

        private void show(Network shown) {
            network.set(shown);
            smoothness.set(PictureSmoothness.of(shown));
        }

        @Override
        public void snapshots(long id, List<TrainingSnapshot> snapshots) {
            if (id != trainerId) {
                return;
            }
            for (TrainingSnapshot snapshot : snapshots) {
                losses.add(new LossPoint(snapshot.epoch(), snapshot.trainLoss(), snapshot.testLoss()));
            }
            showSnapshot(snapshots.get(snapshots.size() - 1));
        }

        @Override
        public void finished(long id, TrainingSnapshot last) {
            if (id != trainerId) {
                return;
            }
            if (last != null) {
                if (losses.isEmpty() || losses.get(losses.size() - 1).epoch() != last.epoch()) {
                    losses.add(new LossPoint(last.epoch(), last.trainLoss(), last.testLoss()));
                }
                showSnapshot(last);
            }
            running = false;
            sideEnded();
        }

        @Override
        public void failed(long id, Throwable error) {
            if (id != trainerId) {
                return;
            }
            running = false;
            errorMessage.set(I18n.t("pages.compareRuns.error", isLeft ? 1 : 2, String.valueOf(error.getMessage())));
            sideEnded();
        }

        private void showSnapshot(TrainingSnapshot snapshot) {
            epoch.set(snapshot.epoch());
            if (!Double.isNaN(snapshot.testAccuracy())) {
                testAccuracy.set(snapshot.testAccuracy());
            }
            if (snapshot.network() != null) {
                show(snapshot.network());
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
    }

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.LAMBDA);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.IDLE);
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage", "");
    private final Side left;
    private final Side right;
    private final TrainingConfig base;
    private Split data;

    /**
     * @param leftEngine  trains the left run (its listener is set here)
     * @param rightEngine trains the right run; another engine than the left, so both train at once
     * @param base        the settings both runs share except the preset's difference
     */
    public CompareRunsViewModel(TrainingEngine leftEngine, TrainingEngine rightEngine, TrainingConfig base) {
        if (leftEngine == rightEngine) {
            throw new IllegalArgumentException("each side needs its own engine to train at the same time");
        }
        this.base = base;
        left = new Side(leftEngine, true);
        right = new Side(rightEngine, false);
        preset.addListener((o, old, now) -> restart());
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
                left.start(data);
                right.start(data);
                phase.set(Phase.RUNNING);
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
    }

    private void sideEnded() {
        if (!left.isRunning() && !right.isRunning()) {
            phase.set(Phase.FINISHED);
        }
    }

    private static TrainingConfig withHidden(TrainingConfig c, int hiddenSize) {
        return new TrainingConfig(hiddenSize, c.activation(), c.outputLayer(), c.initializer(), c.optimizer(),
                c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
    }

    private static TrainingConfig withActivation(TrainingConfig c, Activation activation) {
        return new TrainingConfig(c.hiddenSize(), activation, c.outputLayer(), c.initializer(), c.optimizer(),
                c.learningRate(), c.momentum(), c.batchSize(), c.epochs(), c.lambda(), c.seed(), c.augment());
    }
}
