package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The status texts with plain JUnit. */
class StatusViewModelTest {

    private final StatusViewModel status = new StatusViewModel();

    @Test
    void aSilentDivergenceIsExplainedInGeneralWords() {
        status.diverged(null);
        assertTrue(status.divergedProperty().get());
        assertEquals(StatusViewModel.divergenceExplanation(), status.divergenceMessageProperty().get());
        status.diverged("  ");
        assertEquals(StatusViewModel.divergenceExplanation(), status.divergenceMessageProperty().get());
    }

    @Test
    void theTrainersOwnWordsStayThroughALanguageSwitch() {
        status.diverged("loss rose 1000x at epoch 3");
        status.languageChanged();
        assertEquals("loss rose 1000x at epoch 3", status.divergenceMessageProperty().get());
    }

    @Test
    void clearingTheDivergenceHidesTheBannerAndALanguageSwitchDoesNotBringItBack() {
        status.diverged(null);
        status.clearDivergence();
        assertFalse(status.divergedProperty().get());
        status.languageChanged();
        assertEquals("", status.divergenceMessageProperty().get());
    }

    @Test
    void errorsAndStatusMessagesAreIndependent() {
        status.say("training");
        status.reportError("disk full");
        assertEquals("training", status.statusMessageProperty().get());
        assertEquals("disk full", status.errorMessageProperty().get());
        status.clearError();
        assertEquals("", status.errorMessageProperty().get());
        assertEquals("training", status.statusMessageProperty().get());
    }
}
