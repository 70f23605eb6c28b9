package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.GaussianBlur;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.InputBlur;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model's deskew step in the window, with plain JUnit: a slanted drawing reaches the network
 * deskewed exactly when the model in use deskews, and the data views' split is the model's.
 * Expected inputs come from {@link Deskew} applied directly to the preprocessor's output.
 */
class ModelInputStepsTest {

    private static final double TOLERANCE = 1e-12;
    /** A bar leaning 0.4 px per pad row: clearly slanted after preprocessing (|k| well above 0). */
    private static final double LEAN = 0.4;
    /** The least |skew| the slanted drawing must have, so that deskewing it changes it visibly. */
    private static final double MIN_SKEW = 0.2;
    /** The least the deskewed input must differ from the raw one (largest pixel difference). */
    private static final double MIN_CHANGE = 0.1;
    private static final Preprocessor.Target DIGIT_TARGET = new Preprocessor.Target(20, 20, 15, 9.9, 9.9);
    private static final TrainingConfig DESKEW = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
    private static final TrainingConfig PLAIN = TrainingConfig.defaults().withDeskew(false).withInputBlur(0.0);

    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> data = new SimpleObjectProperty<>();
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private ModelInputSteps steps;
    private PredictionViewModel prediction;

    @BeforeEach
    void setUp() {
        network.set(WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 3));
        steps = new ModelInputSteps(config, data);
        prediction = new PredictionViewModel(network, new StatusViewModel(), steps);
        prediction.usePreprocessor(new Preprocessor(DIGIT_TARGET));
    }

    private static double[] deskewed(double[] input) {
        return Deskew.apply(new GrayImage(20, 20, input)).values();
    }

    @Test
    void theStripCaptionNamesTheModelsStepsAndIsEmptyWithoutThem() {
        ModelInputSteps steps = new ModelInputSteps(config, new SimpleObjectProperty<>());
        config.set(TrainingConfig.defaults().withDeskew(true).withInputBlur(0.6));
        assertEquals(I18n.t("workbench.strip.deskewedBlurred"), steps.captionProperty().get());
        config.set(TrainingConfig.defaults().withDeskew(false).withInputBlur(0.6));
        assertEquals(I18n.t("workbench.strip.blurred"), steps.captionProperty().get());
        config.set(TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0));
        assertEquals(I18n.t("workbench.strip.deskewed"), steps.captionProperty().get());
        config.set(TrainingConfig.defaults().withDeskew(false).withInputBlur(0.0));
        assertEquals("", steps.captionProperty().get());
    }

    @Test
    void aDeskewModelSeesASlantedDrawingDeskewed() {
        config.set(DESKEW);
        prediction.draw(DeskewFixtures.PAD, DeskewFixtures.PAD, DeskewFixtures.slantedBar(LEAN));
        double[] raw = prediction.preprocessedProperty().get().networkInput();
        assertTrue(Math.abs(Deskew.skew(raw, 0, 20, 20)) > MIN_SKEW, "the drawing is slanted");
        double[] expected = deskewed(raw);
        assertTrue(maxDifference(raw, expected) > MIN_CHANGE, "deskewing changes it");

        double[] seen = prediction.seenProperty().get().networkInput();
        assertArrayEquals(expected, seen, TOLERANCE);
        assertArrayEquals(network.get().forward(expected).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);
        // The preprocessor's own steps are left as they were (My drawings keeps them; training deskews once).
        assertSame(prediction.preprocessedProperty().get().centred(), prediction.seenProperty().get().centred());
        assertArrayEquals(prediction.preprocessedProperty().get().centred().values(), raw, TOLERANCE);
    }

    @Test
    void withoutDeskewTheDrawingsInputIsUnchanged() {
        config.set(PLAIN);
        prediction.draw(DeskewFixtures.PAD, DeskewFixtures.PAD, DeskewFixtures.slantedBar(LEAN));
        assertSame(prediction.preprocessedProperty().get(), prediction.seenProperty().get());
        double[] raw = prediction.preprocessedProperty().get().networkInput();
        assertArrayEquals(network.get().forward(raw).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);
        assertFalse(steps.deskewProperty().get());
    }

    @Test
    void aModelWithDeskewComingInPredictsTheSameDrawingAgainDeskewed() {
        config.set(null); // unknown config (imported weights): no step
        prediction.draw(DeskewFixtures.PAD, DeskewFixtures.PAD, DeskewFixtures.slantedBar(LEAN));
        double[] raw = prediction.preprocessedProperty().get().networkInput();
        assertArrayEquals(network.get().forward(raw).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);

        config.set(DESKEW);
        assertTrue(steps.deskewProperty().get());
        assertArrayEquals(network.get().forward(deskewed(raw)).a3(), prediction.probabilitiesProperty().get(),
                TOLERANCE);
        config.set(PLAIN.withLambda(0));
        assertArrayEquals(raw, prediction.seenProperty().get().networkInput(), TOLERANCE);
    }

    @Test
    void aModelThatAlsoBlursSeesTheDrawingDeskewedThenBlurred() {
        config.set(DESKEW);
        prediction.draw(DeskewFixtures.PAD, DeskewFixtures.PAD, DeskewFixtures.slantedBar(LEAN));
        double[] raw = prediction.preprocessedProperty().get().networkInput();
        config.set(DESKEW.withInputBlur(0.6)); // the same deskew flag, another step: predicted again
        double[] expected = InputBlur.apply(new GrayImage(20, 20, deskewed(raw)), 0.6).values();
        assertTrue(maxDifference(deskewed(raw), expected) > MIN_CHANGE, "blurring changes it");
        assertArrayEquals(expected, prediction.seenProperty().get().networkInput(), TOLERANCE);
        assertArrayEquals(network.get().forward(expected).a3(), prediction.probabilitiesProperty().get(), TOLERANCE);
    }

    @Test
    void theDataViewsSplitIsMadeAgainWhenOnlyTheBlurChanges() {
        Split raw = new Split(DeskewFixtures.slantedDigits("train", 30, 5), DeskewFixtures.slantedDigits("test", 10, 6));
        data.set(raw);
        config.set(DESKEW);
        Split deskewedOnly = steps.preparedDataProperty().get();
        config.set(DESKEW.withInputBlur(0.6));
        Split blurred = steps.preparedDataProperty().get();
        for (int i = 0; i < raw.test().size(); i++) {
            assertArrayEquals(InputBlur.apply(new GrayImage(20, 20, deskewedOnly.test().sample(i)), 0.6).values(),
                    blurred.test().sample(i), TOLERANCE);
        }
    }

    @Test
    void theDataViewsSplitIsDeskewedForADeskewModelAndTheSameSplitOtherwise() {
        Split raw = new Split(DeskewFixtures.slantedDigits("train", 30, 5), DeskewFixtures.slantedDigits("test", 10, 6));
        data.set(raw);
        assertSame(raw, steps.preparedDataProperty().get());

        config.set(DESKEW);
        Split prepared = steps.preparedDataProperty().get();
        assertEquals(raw.train().size(), prepared.train().size());
        assertEquals(raw.rule(), prepared.rule());
        for (int i = 0; i < raw.test().size(); i++) {
            assertArrayEquals(deskewed(raw.test().sample(i)), prepared.test().sample(i), TOLERANCE);
            assertEquals(raw.test().label(i), prepared.test().label(i));
        }
        assertArrayEquals(deskewed(raw.train().sample(7)), prepared.train().sample(7), TOLERANCE);
        assertTrue(maxDifference(raw.train().sample(7), prepared.train().sample(7)) > MIN_CHANGE);

        // The trainer prepares the same raw sets with its config: it gets the views' copies (one in memory).
        assertSame(prepared.train(), DESKEW.withLambda(0).prepare(raw.train()));
        assertSame(prepared.test(), DESKEW.prepare(raw.test()));
        config.set(DESKEW.withSeed(9)); // the same steps: the views keep their split (no recomputation)
        assertSame(prepared, steps.preparedDataProperty().get());
        config.set(PLAIN);
        assertSame(raw, steps.preparedDataProperty().get());
    }

    @Test
    void theWorkbenchFollowsTheModelInUseAndSavesTheStepsItWasTrainedWith() {
        WorkbenchViewModel model = new WorkbenchViewModel(new FakeTrainingEngine());
        Network weights = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 4);
        model.useModel(new SavedModel(weights, DESKEW, "digits", "", 3), "deskew model");
        assertTrue(model.inputSteps().deskewProperty().get());
        assertTrue(model.settings().deskewProperty().get(), "the settings show the model's step");
        model.settings().deskewProperty().set(false); // ticked off, but not trained since
        assertTrue(model.modelToSave().config().deskew(), "the file keeps the step the weights were trained with");

        model.useModel(new SavedModel(weights, null, "", "", 0), "imported weights");
        assertFalse(model.inputSteps().deskewProperty().get());
        model.useModel(new SavedModel(weights, PLAIN, "digits", "", 3), "plain model");
        assertFalse(model.inputSteps().deskewProperty().get());
    }

    @Test
    void trainingWithTheDeskewBoxTickedMakesTheNetworkADeskewModel() {
        FakeTrainingEngine engine = new FakeTrainingEngine();
        WorkbenchViewModel model = new WorkbenchViewModel(engine);
        model.useNetwork(WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 4), "random");
        Split raw = new Split(DeskewFixtures.slantedDigits("train", 20, 7), DeskewFixtures.slantedDigits("test", 10, 8));
        model.dataLoaded(raw, null, "ready");
        model.settings().deskewProperty().set(false);
        model.newNetwork();
        assertFalse(model.inputSteps().deskewProperty().get());
        model.settings().deskewProperty().set(true);
        assertFalse(model.inputSteps().deskewProperty().get(), "a box ticked changes nothing until training");
        model.toggleTraining();
        assertTrue(model.inputSteps().deskewProperty().get());
        // The run also takes the default input blur: deskewed, then blurred (each step has its own
        // test: DeskewTest, GaussianBlurTest).
        double[] expected = deskewed(raw.test().sample(0));
        if (TrainingConfig.DEFAULT_INPUT_BLUR > 0) {
            GaussianBlur.apply(expected, 0, 20, 20, TrainingConfig.DEFAULT_INPUT_BLUR);
        }
        assertArrayEquals(expected, model.inputSteps().preparedDataProperty().get().test().sample(0), TOLERANCE);
    }

    /** A model without steps and a split of slanted digits, from now on prepared by {@code preparer}. */
    private Split plainSplitPreparedBy(QueuedPreparer preparer) {
        steps.prepareWith(preparer);
        Split raw = new Split(DeskewFixtures.slantedDigits("train", 30, 5), DeskewFixtures.slantedDigits("test", 10, 6));
        config.set(PLAIN);
        data.set(raw);
        return raw;
    }

    @Test
    void aChangeOfStepsIsPreparedLaterWhileTheViewsShowNoSplitAndTheDrawingTakesTheNewSteps() {
        QueuedPreparer preparer = new QueuedPreparer();
        Split raw = plainSplitPreparedBy(preparer);
        assertSame(raw, steps.preparedDataProperty().get(), "no step: the raw split at once, nothing to prepare");
        assertTrue(preparer.queued.isEmpty());
        prediction.draw(DeskewFixtures.PAD, DeskewFixtures.PAD, DeskewFixtures.slantedBar(LEAN));
        double[] drawn = prediction.preprocessedProperty().get().networkInput();

        config.set(DESKEW);
        assertEquals(1, preparer.queued.size(), "the split is handed to the preparer, not made on this thread");
        assertEquals(null, steps.preparedDataProperty().get(),
                "not ready meanwhile: the new model is not scored on the inputs of the old steps");
        assertTrue(steps.preparingProperty().get());
        // The drawing does not wait for the split: it is seen with the new steps at once.
        assertArrayEquals(deskewed(drawn), prediction.seenProperty().get().networkInput(), TOLERANCE);
        assertArrayEquals(network.get().forward(deskewed(drawn)).a3(), prediction.probabilitiesProperty().get(),
                TOLERANCE);

        preparer.runNext();
        Split prepared = steps.preparedDataProperty().get();
        assertFalse(steps.preparingProperty().get());
        for (int i = 0; i < raw.test().size(); i++) {
            assertArrayEquals(deskewed(raw.test().sample(i)), prepared.test().sample(i), TOLERANCE);
        }
        assertArrayEquals(deskewed(raw.train().sample(3)), prepared.train().sample(3), TOLERANCE);
    }

    @Test
    void stepsChangedAgainQuicklySupersedeTheRunningPreparationAndOnlyTheNewestWaits() {
        QueuedPreparer preparer = new QueuedPreparer();
        Split raw = plainSplitPreparedBy(preparer);
        config.set(DESKEW);
        config.set(DESKEW.withInputBlur(0.6));
        config.set(DESKEW.withInputBlur(1.0));
        assertEquals(1, preparer.queued.size(), "one preparation at a time; the newest request waits behind it");

        preparer.runNext(); // deskew only: superseded, its result is dropped; the newest starts
        assertEquals(null, steps.preparedDataProperty().get(), "a superseded result is not shown");
        assertTrue(steps.preparingProperty().get());
        assertEquals(1, preparer.queued.size(), "σ 0.6 was dropped, σ 1.0 started");
        preparer.runNext();
        assertTrue(preparer.queued.isEmpty());
        assertFalse(steps.preparingProperty().get());
        double[] expected = InputBlur.apply(new GrayImage(20, 20, deskewed(raw.test().sample(2))), 1.0).values();
        assertArrayEquals(expected, steps.preparedDataProperty().get().test().sample(2), TOLERANCE);
    }

    @Test
    void aNewSplitIsNotShownBesideTheOldOneAndStepsTurnedOffWinOverALateResult() {
        QueuedPreparer preparer = new QueuedPreparer();
        steps.prepareWith(preparer);
        config.set(DESKEW);
        data.set(new Split(DeskewFixtures.slantedDigits("train", 20, 1), DeskewFixtures.slantedDigits("test", 10, 2)));
        preparer.runNext();
        assertTrue(steps.preparedDataProperty().get() != null);

        Split second = new Split(DeskewFixtures.slantedDigits("train", 30, 3), DeskewFixtures.slantedDigits("test", 10, 4));
        data.set(second);
        assertEquals(null, steps.preparedDataProperty().get(), "not ready: no image of the old split meanwhile");
        assertTrue(steps.preparingProperty().get());
        config.set(DESKEW.withInputBlur(0.6)); // other steps while the new split waits: still nothing shown
        assertTrue(steps.preparingProperty().get());
        assertEquals(null, steps.preparedDataProperty().get());
        config.set(PLAIN); // a model without steps: its split is the raw one, now
        assertSame(second, steps.preparedDataProperty().get());
        assertFalse(steps.preparingProperty().get());
        preparer.runNext(); // the deskewed copy of the second split comes back late: dropped
        assertSame(second, steps.preparedDataProperty().get());
        assertTrue(preparer.queued.isEmpty());
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
