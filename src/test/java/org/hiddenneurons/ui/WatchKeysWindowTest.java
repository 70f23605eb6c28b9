package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The real window: F flips lesson pace (and its check box), V the Δ view of the hidden-unit grid. */
class WatchKeysWindowTest extends WindowTestBase {

    @Override
    boolean startsAtLessonPace() {
        return true;
    }


    @Test
    void fTogglesLessonPaceAndVTheDeltaView(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        Button newNetwork = robot.lookup("#" + WorkbenchView.NEW_NETWORK_BUTTON_ID).queryButton();
        robot.interact(newNetwork::requestFocus);
        CheckBox pace = robot.lookup("#" + WatchControls.LESSON_PACE_ID).queryAs(CheckBox.class);
        HiddenUnitGrid grid = app.view().hiddenUnitGrid();
        assertTrue(onFx(pace::isSelected), "lesson pace is on by default");

        robot.type(KeyCode.F);
        assertFalse(onFx(pace::isSelected));
        assertFalse(onFx(() -> model.settings().lessonPaceProperty().get()));
        robot.type(KeyCode.F);
        assertTrue(onFx(() -> model.settings().lessonPaceProperty().get()));

        assertFalse(onFx(() -> grid.deltaViewProperty().get()));
        robot.type(KeyCode.V);
        assertTrue(onFx(() -> grid.deltaViewProperty().get()));
        robot.type(KeyCode.N); // a new network after the old one: the Δ view has a previous picture
        assertTrue(onFx(grid::showsDelta));
        robot.type(KeyCode.V);
        assertFalse(onFx(grid::showsDelta));
    }
}
