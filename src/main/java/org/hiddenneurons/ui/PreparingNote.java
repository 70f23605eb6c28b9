package org.hiddenneurons.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * What the status line says while the split is prepared as the model in use sees it
 * ({@link ModelInputSteps#preparingProperty()}: off the FX thread, 4–11 s on Fashion-MNIST's
 * 70 000 images), so that the student knows why the data pages show no images and no figures
 * meanwhile, and why a run has not started yet. No nodes; the words are asked when the
 * binding is made or its inputs change, so a view built after a language switch speaks the new one.
 */
final class PreparingNote {

    private PreparingNote() {
    }

    /**
     * The note of {@code steps} while a run or step is ({@code phase} RUNNING or STEPPING) or is not
     * going: "" when nothing is prepared.
     */
    static StringBinding of(ModelInputSteps steps, ObservableValue<TrainingSessionViewModel.Phase> phase) {
        return Bindings.createStringBinding(() -> text(steps.preparingProperty().get(), training(phase.getValue())),
                steps.preparingProperty(), phase);
    }

    /**
     * "" when not {@code preparing}; else, in the window's language: training waits for it (a trainer
     * that was started prepares the same copy or waits for it: {@code TrainingConfig.prepare}); or
     * the data pages fill in when it is done.
     */
    static String text(boolean preparing, boolean training) {
        if (!preparing) {
            return "";
        }
        if (training) {
            return I18n.t("workbench.status.preparing.training");
        }
        return I18n.t("workbench.status.preparing.data");
    }

    private static boolean training(TrainingSessionViewModel.Phase phase) {
        return phase == TrainingSessionViewModel.Phase.RUNNING || phase == TrainingSessionViewModel.Phase.STEPPING;
    }
}
