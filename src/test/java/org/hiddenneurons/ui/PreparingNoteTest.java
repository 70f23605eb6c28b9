package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import javafx.beans.binding.StringBinding;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status line's note while the window prepares the split as the model sees it, with plain
 * JUnit on the workbench's view model and a preparer the test runs by hand: it names what the
 * student sees meanwhile (data pages without images, a run that has not started) and
 * is gone when the preparation is done or superseded.
 */
class PreparingNoteTest {

    private static final TrainingConfig DESKEW = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
    private static final TrainingConfig PLAIN = TrainingConfig.defaults().withDeskew(false).withInputBlur(0.0);

    private final FakeTrainingEngine engine = new FakeTrainingEngine();
    private final QueuedPreparer preparer = new QueuedPreparer();
    private WorkbenchViewModel model;
    private StringBinding note;
    private Locale before;

    @BeforeEach
    void setUp() {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
        model = new WorkbenchViewModel(engine);
        model.inputSteps().prepareWith(preparer);
        note = PreparingNote.of(model.inputSteps(), model.phaseProperty());
    }

    @AfterEach
    void restoreLanguage() {
        I18n.setLocale(before);
    }

    private static Split digits(long seed) {
        return new Split(DeskewFixtures.slantedDigits("train", 30, seed), DeskewFixtures.slantedDigits("test", 10, seed + 1));
    }

    private static Network weights() {
        return WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 5);
    }

    @Test
    void aModelWithOtherStepsSaysThePagesFillInWhenItsSplitIsReady() {
        model.useModel(new SavedModel(weights(), PLAIN, "digits", "", 2), "plain model");
        model.dataLoaded(digits(1), null, "ready");
        assertEquals("", note.get(), "no step: nothing to prepare");

        model.useModel(new SavedModel(weights(), DESKEW, "digits", "", 2), "deskew model");
        assertEquals(I18n.t("workbench.status.preparing.data"), note.get());
        assertEquals(null, model.inputSteps().preparedDataProperty().get(), "the plain model's inputs are not kept");
        preparer.runNext();
        assertEquals("", note.get(), "gone when the split is ready");
    }

    @Test
    void aNewSplitSaysItsPagesFillInAndAModelWithoutStepsEndsTheNote() {
        model.useModel(new SavedModel(weights(), DESKEW, "digits", "", 2), "deskew model");
        model.dataLoaded(digits(1), null, "ready");
        assertEquals(I18n.t("workbench.status.preparing.data"), note.get(), "nothing was shown before");
        preparer.runNext();
        assertEquals("", note.get());

        model.dataLoaded(digits(3), null, "other data");
        assertEquals(I18n.t("workbench.status.preparing.data"), note.get(), "the old split's images are not kept");
        model.useModel(new SavedModel(weights(), PLAIN, "digits", "", 2), "plain model");
        assertEquals("", note.get(), "superseded: the plain model's split is the raw one, at once");
        preparer.runNext(); // the late deskewed copy is dropped and says nothing
        assertEquals("", note.get());
    }

    @Test
    void trainingStartedMeanwhileSaysItStartsWhenTheSplitIsReady() {
        model.useModel(new SavedModel(weights(), PLAIN, "digits", "", 0), "plain model");
        model.dataLoaded(digits(1), null, "ready");
        model.settings().deskewProperty().set(true);
        model.toggleTraining(); // the run's steps are the model's now: its split is prepared again
        assertEquals(TrainingSessionViewModel.Phase.RUNNING, model.phaseProperty().get());
        assertEquals(I18n.t("workbench.status.preparing.training"), note.get());
        model.toggleTraining(); // paused: the pages' note again
        assertEquals(I18n.t("workbench.status.preparing.data"), note.get());
        preparer.runNext();
        assertEquals("", note.get());
    }

    @Test
    void theNoteIsInTheWindowsLanguageAndEachCaseHasItsOwnWords() {
        String[] english = {PreparingNote.text(true, false), PreparingNote.text(true, true)};
        assertNotEquals(english[0], english[1]);
        assertEquals("", PreparingNote.text(false, true));
        assertEquals("", PreparingNote.text(false, false));
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals(I18n.text(Locale.SIMPLIFIED_CHINESE, "workbench.status.preparing.data"),
                PreparingNote.text(true, false));
        assertNotEquals(english[0], PreparingNote.text(true, false));
    }
}
