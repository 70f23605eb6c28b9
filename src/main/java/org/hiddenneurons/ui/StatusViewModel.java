package org.hiddenneurons.ui;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The window's texts about what is going on: the passing status message, the last error and
 * the divergence banner's explanation. No nodes; plain JUnit can drive it (FX thread in the app).
 */
public final class StatusViewModel {

    private final StringProperty statusMessage = new SimpleStringProperty(this, "statusMessage", "");
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage", "");
    private final StringProperty divergenceMessage = new SimpleStringProperty(this, "divergenceMessage", "");
    private final BooleanBinding diverged = divergenceMessage.isNotEmpty();
    /** True while the divergence message is {@link #divergenceExplanation()} (not the trainer's own words). */
    private boolean divergenceExplained;

    /** Said when the trainer gives no explanation of its own for a divergence (in the current language). */
    static String divergenceExplanation() {
        return I18n.t("workbench.diverged.explanation");
    }

    /** Shows {@code message} in the status bar. */
    public void say(String message) {
        statusMessage.set(message);
    }

    /** Shows a problem (for failures outside training too, e.g. loading). */
    public void reportError(String message) {
        errorMessage.set(message);
    }

    public void clearError() {
        errorMessage.set("");
    }

    /**
     * Training diverged: the banner shows the trainer's {@code trainerMessage}, or the general
     * explanation when the trainer said nothing (null or blank).
     */
    public void diverged(String trainerMessage) {
        divergenceExplained = trainerMessage == null || trainerMessage.isBlank();
        divergenceMessage.set(divergenceExplained ? divergenceExplanation() : trainerMessage);
    }

    public void clearDivergence() {
        divergenceExplained = false;
        divergenceMessage.set("");
    }

    /** After a language switch: the general divergence explanation in the new language (the trainer's words stay). */
    public void languageChanged() {
        if (divergenceExplained) {
            divergenceMessage.set(divergenceExplanation());
        }
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
}
