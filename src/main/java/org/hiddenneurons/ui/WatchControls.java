package org.hiddenneurons.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.ui.i18n.I18n;

/** The controls of watching a run form (issue 16): the lesson-pace toggle. Built in code, no state of its own. */
public final class WatchControls {

    /** Id of the lesson-pace check box (tests). */
    public static final String LESSON_PACE_ID = "lesson-pace";

    private WatchControls() {
    }

    /** "Lesson pace", bound both ways to {@code settings}' lesson-pace flag (the F key flips the same flag). */
    public static CheckBox lessonPace(TrainingSettingsViewModel settings) {
        CheckBox box = lessonPace(settings.lessonPaceProperty());
        box.setId(LESSON_PACE_ID);
        return box;
    }

    /** "Lesson pace", bound both ways to {@code on} (e.g. the same flag on another page), without an id. */
    public static CheckBox lessonPace(javafx.beans.property.BooleanProperty on) {
        CheckBox box = new CheckBox(I18n.t("workbench.watch.pace.lesson"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().bindBidirectional(on);
        box.setTooltip(new Tooltip(I18n.t("workbench.watch.pace.tooltip", Pacing.LESSON_MAX_PACED_STEPS)));
        return box;
    }

    /** The F key: lesson pace on ↔ off. */
    public static void toggleLessonPace(TrainingSettingsViewModel settings) {
        settings.lessonPaceProperty().set(!settings.lessonPaceProperty().get());
    }
}
