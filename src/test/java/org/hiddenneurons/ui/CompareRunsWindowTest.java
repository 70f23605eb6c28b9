package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Compare runs page in the real window: Ctrl+7 opens it, one Train trains both networks at once. */
class CompareRunsWindowTest extends WindowTestBase {

    /** Epochs both sides must have reached while the test watches. */
    private static final int EPOCHS_SEEN = 3;

    @Test
    void trainRunsBothSidesAndBothGridsFollow(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT7).release(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        waitFor(() -> view.pageProperty().get() == WorkbenchView.Page.COMPARE_RUNS);
        HiddenUnitGrid left = onFx(() -> (HiddenUnitGrid) view.lookup("#" + CompareRunsView.LEFT_GRID_ID));
        HiddenUnitGrid right = onFx(() -> (HiddenUnitGrid) view.lookup("#" + CompareRunsView.RIGHT_GRID_ID));
        Network leftStart = onFx(left::getNetwork);
        Network rightStart = onFx(right::getNetwork);
        assertEquals(25, onFx(() -> left.getTiles().size()));
        CompareRunsView page = onFx(() -> (CompareRunsView) view.lookup(".hn-compare-runs"));
        CompareRunsViewModel compare = page.model();

        robot.clickOn("#" + CompareRunsView.TRAIN_BUTTON_ID);
        waitFor(() -> compare.left().epochProperty().get() >= EPOCHS_SEEN
                && compare.right().epochProperty().get() >= EPOCHS_SEEN);
        assertNotSame(leftStart, onFx(left::getNetwork), "the left grid shows a snapshot");
        assertNotSame(rightStart, onFx(right::getNetwork), "the right grid shows a snapshot");
        assertTrue(onFx(() -> compare.left().losses().size() >= 1 && compare.right().losses().size() >= 1));
        waitFor(() -> compare.phaseProperty().get() == CompareRunsViewModel.Phase.FINISHED);
        // Both runs of the first preset (λ 0, λ 4) learn: test accuracy above 50 %.
        assertTrue(onFx(() -> compare.left().testAccuracyProperty().get() > 0.5
                && compare.right().testAccuracyProperty().get() > 0.5));
        assertEquals(onFx(() -> compare.left().networkProperty().get()), onFx(left::getNetwork));
        assertEquals(onFx(() -> compare.right().networkProperty().get()), onFx(right::getNetwork));
    }
}
