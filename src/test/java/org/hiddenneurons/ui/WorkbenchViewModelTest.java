package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workbench view model with plain JUnit: a fake engine plays the trainer. */
class WorkbenchViewModelTest {

    private static final double TOLERANCE = 1e-12;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final int PAD = 280;
    /** The bundled digits' measured target, roughly (what Preprocessor.measure gives for digits.png). */
    private static final Preprocessor.Target DIGIT_TARGET = new Preprocessor.Target(20, 20, 15, 9.9, 9.9);

    private final Random random = new Random(42);
    private FakeTrainingEngine engine;
    private WorkbenchViewModel model;
    private Network start;

    @BeforeEach
    void setUp() {
        engine = new FakeTrainingEngine();
        model = new WorkbenchViewModel(engine);
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 1);
        model.useNetwork(start, "random");
        model.dataLoaded(tinySplit(), null, "data ready");
    }

    @Test
    void applyingSnapshotsUpdatesEpochLossAccuracyNetworkAndCharts() {
        model.toggleTraining();
        long id = engine.lastId;
        assertEquals(List.of("run"), engine.actions());
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());

        TrainingSnapshot first = snapshot(1, 2.0, 0.5, TrainingState.RUNNING);
        TrainingSnapshot second = snapshot(2, 1.5, 0.7, TrainingState.RUNNING);
        model.snapshots(id, List.of(first, second));

        assertEquals(2, model.epochProperty().get());
        assertEquals(1.5, model.trainLossProperty().get(), TOLERANCE);
        assertEquals(0.7, model.trainAccuracyProperty().get(), TOLERANCE);
        assertSame(second.network(), model.networkProperty().get());
        assertEquals(2, model.trainLossSeries().points().size());
        assertEquals(70.0, model.trainAccuracySeries().lastY(), TOLERANCE);
        assertEquals(2.0, model.epochsPerSecondProperty().get(), TOLERANCE); // 2 epochs in 1 s
    }

    @Test
    void snapshotsOfAForgottenTrainerAreIgnored() {
        model.toggleTraining();
        long oldId = engine.lastId;
        model.newNetwork();
        Network fresh = model.networkProperty().get();

        model.snapshots(oldId, List.of(snapshot(3, 1.0, 0.9, TrainingState.RUNNING)));

        assertSame(fresh, model.networkProperty().get());
        assertEquals(0, model.epochProperty().get());
        assertTrue(model.trainLossSeries().points().isEmpty());
        assertTrue(engine.actions().contains("cancel"));
    }

    @Test
    void aSecondRunContinuesTheEpochCount() {
        model.toggleTraining();
        long firstId = engine.lastId;
        model.finished(firstId, snapshot(5, 1.0, 0.8, TrainingState.FINISHED));
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());

        model.toggleTraining();
        long secondId = engine.lastId;
        model.snapshots(secondId, List.of(snapshot(1, 0.9, 0.82, TrainingState.RUNNING)));

        assertEquals(6, model.epochProperty().get());
        var points = model.trainLossSeries().points();
        assertEquals(6.0, points.get(points.size() - 1).getXValue().doubleValue(), TOLERANCE);
    }

    @Test
    void trainAfterAFinishedRunStartsAFreshRunFromTheTrainedWeights() {
        model.toggleTraining();
        TrainingSnapshot done = snapshot(5, 1.0, 0.8, TrainingState.FINISHED);
        model.finished(engine.lastId, done);

        model.toggleTraining();

        assertEquals(List.of("run", "run"), engine.actions());
        assertSame(done.network(), engine.last().start());
        assertEquals(model.settings().epochsProperty().get(), engine.last().config().epochs());
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());
    }

    @Test
    void trainingStartsFromTheNetworkShown() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(snapshot(4, 1.0, 0.8, TrainingState.RUNNING)));
        Network shown = model.networkProperty().get();
        model.toggleTraining(); // pause
        model.settings().lambdaTextProperty().set("3");
        model.toggleTraining(); // changed settings: a new run from the weights shown

        assertEquals(List.of("run", "pause", "cancel", "run"), engine.actions());
        assertSame(shown, engine.last().start());
        assertEquals(3.0, engine.last().config().lambda(), TOLERANCE);
    }

    @Test
    void pauseThenTrainWithUnchangedSettingsResumes() {
        model.toggleTraining();
        model.toggleTraining();
        assertEquals(TrainingSessionViewModel.Phase.PAUSED, model.phaseProperty().get());
        model.toggleTraining();
        assertEquals(List.of("run", "pause", "resume"), engine.actions());
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());
    }

    @Test
    void divergenceIsExplainedAndTheLastGoodWeightsStay() {
        model.toggleTraining();
        TrainingSnapshot diverged = snapshot(7, Double.NaN, 0.1, TrainingState.DIVERGED);
        model.finished(engine.lastId, diverged);

        assertTrue(model.divergedProperty().get());
        assertEquals(WorkbenchViewModel.divergenceExplanation(), model.divergenceMessageProperty().get());
        assertSame(diverged.network(), model.networkProperty().get());
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());

        model.toggleTraining(); // training again clears the banner
        assertFalse(model.divergedProperty().get());
    }

    @Test
    void trainerMessageIsShownWhenItExplainsTheDivergence() {
        model.toggleTraining();
        TrainingSnapshot diverged = new TrainingSnapshot(2, 30, Double.NaN, Double.NaN, 0.1, 0.1, 1,
                start.copy(), TrainingState.DIVERGED, "loss became NaN at epoch 2");
        model.snapshots(engine.lastId, List.of(diverged));
        assertEquals("loss became NaN at epoch 2", model.divergenceMessageProperty().get());
    }

    @Test
    void invalidSettingsAreReportedAndDoNotTrain() {
        model.settings().learningRateTextProperty().set("fast");
        assertTrue(model.settings().validationMessageProperty().get().contains("learning rate"));

        model.toggleTraining();

        assertTrue(engine.calls.isEmpty());
        assertTrue(model.errorMessageProperty().get().contains("learning rate"));
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());
    }

    @Test
    void architectureChangesWaitForNewNetwork() {
        TrainingSettingsViewModel settings = model.settings();
        assertFalse(settings.needsNewNetworkProperty().get());
        settings.hiddenSizeProperty().set(10);
        settings.activationProperty().set(Activation.TANH);
        assertTrue(settings.needsNewNetworkProperty().get());

        model.toggleTraining(); // trains the network in use, with its own architecture
        assertEquals(25, engine.last().config().hiddenSize());
        assertEquals(Activation.SIGMOID, engine.last().config().activation());

        model.newNetwork();
        NetworkSpec spec = model.networkProperty().get().spec();
        assertEquals(10, spec.hiddenSize());
        assertEquals(Activation.TANH, spec.hiddenActivation());
        assertFalse(settings.needsNewNetworkProperty().get());
    }

    @Test
    void newNetworkIsReproducibleFromItsSeed() {
        model.settings().seedTextProperty().set("7");
        model.newNetwork();
        Network first = model.networkProperty().get();
        model.newNetwork();
        Network second = model.networkProperty().get();
        assertArrayEquals(first.theta1Copy(), second.theta1Copy());
        model.settings().seedTextProperty().set("8");
        model.newNetwork();
        assertFalse(java.util.Arrays.equals(first.theta1Copy(), model.networkProperty().get().theta1Copy()));
    }

    @Test
    void badSeedIsReportedAndKeepsTheNetwork() {
        Network before = model.networkProperty().get();
        model.settings().seedTextProperty().set("x1");
        model.newNetwork();
        assertSame(before, model.networkProperty().get());
        assertTrue(model.errorMessageProperty().get().contains("seed"));
    }

    @Test
    void stepTrainsOneEpochAndReturnsToIdle() {
        model.step();
        assertEquals(List.of("step"), engine.actions());
        assertEquals(TrainingSessionViewModel.Phase.STEPPING, model.phaseProperty().get());
        TrainingSnapshot stepped = snapshot(1, 2.0, 0.3, TrainingState.READY);
        model.finished(engine.lastId, stepped);
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());
        assertEquals(1, model.epochProperty().get());
        assertSame(stepped.network(), model.networkProperty().get());
    }

    @Test
    void continuedStepsCountOnFromTheTrainersEpoch() {
        engine.continueSteps = true;
        model.step();
        model.finished(engine.lastId, snapshot(1, 2.0, 0.3, TrainingState.READY));
        model.step();
        model.finished(engine.lastId, snapshot(2, 1.8, 0.4, TrainingState.READY));
        assertEquals(2, model.epochProperty().get());
        assertEquals(2, model.trainLossSeries().points().size());
    }

    @Test
    void stepWhileRunningCancelsTheRunFirst() {
        model.toggleTraining();
        model.step();
        assertEquals(List.of("run", "cancel", "step"), engine.actions());
    }

    @Test
    void trainingFailureIsShownAndStopsTraining() {
        model.toggleTraining();
        model.failed(engine.lastId, new IllegalStateException("out of cheese"));
        assertTrue(model.errorMessageProperty().get().contains("out of cheese"));
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());
    }

    @Test
    void trainingWaitsForTheData() {
        WorkbenchViewModel loading = new WorkbenchViewModel(engine);
        loading.useNetwork(start, "random");
        loading.toggleTraining();
        loading.step();
        assertTrue(engine.calls.isEmpty());
        assertFalse(loading.dataReadyProperty().get());
    }

    @Test
    void openingAModelShowsItsWeightsEpochsAndSettings() {
        Network loaded = WorkbenchViewModel.randomNetwork(NetworkSpec.DEFAULT.withHiddenSize(16), 3);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(12);
        model.useModel(new SavedModel(loaded, config, "digits.png", "", 40), "m.json");

        assertSame(loaded, model.networkProperty().get());
        assertEquals(40, model.epochProperty().get());
        assertEquals(16, model.settings().hiddenSizeProperty().get());
        assertEquals(12, model.settings().epochsProperty().get());
        assertFalse(model.settings().needsNewNetworkProperty().get());
        assertTrue(model.modelDescriptionProperty().get().contains("m.json"));
    }

    @Test
    void slowMotionReachesTheEngine() {
        model.settings().epochDelayMillisProperty().set(250);
        assertEquals(250, engine.epochDelayMillis);
    }

    @Test
    void nothingDrawnMeansNoPrediction() {
        model.draw(280, 280, new int[280 * 280]); // no preprocessor yet: nothing to predict with
        assertNull(model.probabilitiesProperty().get());
        assertEquals(-1, model.predictedDigitProperty().get());
    }

    @Test
    void drawingIsPreprocessedAndPredictedWithTheNetworkShownEvenWhileTraining() {
        model.dataLoaded(tinySplit(), new Preprocessor(DIGIT_TARGET), "ready");
        model.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        assertFalse(model.preprocessedProperty().get().blank());
        // The network sees the drawing through the model's steps (ModelInputStepsTest checks those).
        Preprocessor.Result result = model.prediction().seenProperty().get();
        assertArrayEquals(start.forward(result.networkInput()).a3(), model.probabilitiesProperty().get(), TOLERANCE);
        assertEquals(Network.argMax(model.probabilitiesProperty().get()), model.predictedDigitProperty().get());

        model.toggleTraining();
        TrainingSnapshot numbers = snapshot(1, 1.0, 0.5, TrainingState.RUNNING);
        WeightBuffers changed = numbers.network().mutableCopy();
        changed.theta2()[0] = 5.0; // a visibly different output bias for digit 0
        TrainingSnapshot trained = new TrainingSnapshot(numbers.epoch(), numbers.totalEpochs(), numbers.trainLoss(),
                numbers.testLoss(), numbers.trainAccuracy(), numbers.testAccuracy(), numbers.elapsedNanos(),
                changed.toNetwork(), numbers.state(), numbers.message());
        model.snapshots(engine.lastId, List.of(trained));
        assertArrayEquals(trained.network().forward(result.networkInput()).a3(),
                model.probabilitiesProperty().get(), TOLERANCE);

        model.clearDrawing();
        assertNull(model.probabilitiesProperty().get());
        assertEquals(-1, model.predictedDigitProperty().get());
    }

    @Test
    void theDefaultArchitectureIsTheTunedSoftmaxNetworkNotTheCourseSpec() {
        NetworkSpec spec = WorkbenchViewModel.defaultSpec();
        assertEquals(TrainingConfig.defaults().outputLayer(), spec.outputLayer());
        assertEquals(OutputLayer.SOFTMAX_CROSS_ENTROPY, spec.outputLayer());
        assertEquals(TrainingConfig.defaults().hiddenSize(), spec.hiddenSize());
        assertEquals(NetworkSpec.DEFAULT.inputSize(), spec.inputSize());
    }

    @Test
    void newNetworkTakesTheOutputLayerFromTheSettings() {
        model.settings().outputLayerProperty().set(OutputLayer.SIGMOID_CROSS_ENTROPY);
        model.newNetwork();
        assertEquals(OutputLayer.SIGMOID_CROSS_ENTROPY, model.networkProperty().get().spec().outputLayer());
        assertFalse(model.settings().needsNewNetworkProperty().get());
        model.settings().outputLayerProperty().set(OutputLayer.SOFTMAX_CROSS_ENTROPY);
        assertTrue(model.settings().needsNewNetworkProperty().get(), "a new output layer waits for New network");
        model.newNetwork();
        assertEquals(OutputLayer.SOFTMAX_CROSS_ENTROPY, model.networkProperty().get().spec().outputLayer());
    }

    @Test
    void dataPropertyHoldsTheLoadedSplit() {
        Split split = tinySplit();
        model.dataLoaded(split, null, "ready");
        assertSame(split, model.dataProperty().get());
    }

    @Test
    void trainingAsksBeforeClosingUntilSavedOrReplaced() {
        assertFalse(model.shouldAskBeforeClosing(), "an untouched network needs no question");
        model.toggleTraining();
        TrainingSnapshot trained = snapshot(1, 1.0, 0.5, TrainingState.RUNNING);
        model.snapshots(engine.lastId, List.of(trained));
        assertTrue(model.shouldAskBeforeClosing());
        assertTrue(model.unsavedChangesProperty().get());

        model.markSaved(start); // saving an older network does not count
        assertTrue(model.shouldAskBeforeClosing());
        model.markSaved(trained.network());
        assertFalse(model.shouldAskBeforeClosing());

        model.snapshots(engine.lastId, List.of(snapshot(2, 0.9, 0.6, TrainingState.RUNNING)));
        assertTrue(model.shouldAskBeforeClosing());
        model.useModel(new SavedModel(start, null, "", "", 0), "m.json");
        assertFalse(model.shouldAskBeforeClosing(), "opening a model replaces the trained weights on purpose");
    }

    @Test
    void userDrawingsJoinTheTrainingSplitButNotTheTestSplit() {
        Split split = tinySplit();
        model.dataLoaded(split, null, "ready");
        int inputs = NetworkSpec.DEFAULT.inputSize();
        double[] pixels = new double[2 * inputs];
        pixels[inputs] = 1.0;
        Dataset mine = new Dataset("my drawings", 20, 20, 10, pixels, new int[] {3, 7});
        model.extraTrainingDataProperty().set(mine);

        model.toggleTraining();
        Split used = engine.lastData;
        assertEquals(split.train().size() + 2, used.train().size());
        assertSame(split.test(), used.test());
        assertEquals(7, used.train().label(split.train().size() + 1));
        assertEquals(1.0, used.train().sample(split.train().size() + 1)[0], TOLERANCE);
        assertTrue(model.statusMessageProperty().get().contains("2 of your drawings"),
                model.statusMessageProperty().get());

        model.toggleTraining(); // pause
        model.newNetwork();
        model.extraTrainingDataProperty().set(null);
        model.toggleTraining();
        assertSame(split, engine.lastData);
    }

    @Test
    void anActiveExperimentReplacesThePredictionAndRestoringBringsTheIntactOneBack() {
        model.dataLoaded(tinySplit(), new Preprocessor(DIGIT_TARGET), "ready");
        model.draw(PAD, PAD, ComponentFixtures.whiteBar(130, 150));
        double[] input = model.prediction().seenProperty().get().networkInput(); // as the model sees it
        ForwardPass intact = start.forward(input);
        ForwardPass modified = start.copy().forward(new double[input.length]); // any other pass
        javafx.beans.property.ObjectProperty<ForwardPass> experimentPass =
                new javafx.beans.property.SimpleObjectProperty<>(modified);
        javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(false);
        model.showExperiment(experimentPass, active);
        assertArrayEquals(intact.a3(), model.probabilitiesProperty().get(), TOLERANCE);
        assertFalse(model.predictionModifiedProperty().get());

        active.set(true);
        assertSame(modified, model.forwardPassProperty().get());
        assertArrayEquals(modified.a3(), model.probabilitiesProperty().get(), TOLERANCE);
        assertTrue(model.predictionModifiedProperty().get());

        active.set(false);
        assertArrayEquals(intact.a3(), model.probabilitiesProperty().get(), TOLERANCE);
        assertFalse(model.predictionModifiedProperty().get());
    }

    private TrainingSnapshot snapshot(int epoch, double loss, double accuracy, TrainingState state) {
        WeightBuffers weights = start.mutableCopy();
        weights.theta1()[0] = random.nextDouble();
        return new TrainingSnapshot(epoch, 30, loss, loss + 0.1, accuracy, accuracy - 0.05,
                epoch * NANOS_PER_SECOND / 2, weights.toNetwork(), state, "");
    }

    private static Split tinySplit() {
        int inputs = NetworkSpec.DEFAULT.inputSize();
        int count = 10;
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i;
        }
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[count * inputs], labels);
        return new Split(all, all);
    }
}
