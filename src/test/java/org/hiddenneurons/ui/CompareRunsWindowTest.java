package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.input.KeyCode;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.ui.replay.StepAxis;
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
        // The grids take the newest snapshot on a later frame than the epoch figures (one repaint per
        // frame, spread over pulses): under load the check right after the epochs could come first.
        waitFor(() -> left.getNetwork() != leftStart && right.getNetwork() != rightStart);
        assertNotSame(leftStart, onFx(left::getNetwork), "the left grid shows a snapshot");
        assertNotSame(rightStart, onFx(right::getNetwork), "the right grid shows a snapshot");
        assertTrue(onFx(() -> compare.left().losses().size() >= 1 && compare.right().losses().size() >= 1));
        waitFor(() -> compare.phaseProperty().get() == CompareRunsViewModel.Phase.FINISHED);
        // Both runs of the first preset (λ 0, λ 4) learn: test accuracy above 50 %.
        assertTrue(onFx(() -> compare.left().testAccuracyProperty().get() > 0.5
                && compare.right().testAccuracyProperty().get() > 0.5));
        double epochAxisEnd = onFx(() -> ((NumberAxis) ((LineChart<?, ?>) page.lookup(".chart")).getXAxis()).getUpperBound());
        assertEquals(onFx(() -> compare.left().configProperty().get().epochs()), epochAxisEnd, 0.0,
                "the loss chart's epoch axis ends where the run does");
        assertEquals(onFx(() -> compare.left().networkProperty().get()), onFx(left::getNetwork));
        assertEquals(onFx(() -> compare.right().networkProperty().get()), onFx(right::getNetwork));
    }

    @Test
    void spaceOnThePageTrainsBothRunsNotTheWorkbench(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT7).release(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        waitFor(() -> view.pageProperty().get() == WorkbenchView.Page.COMPARE_RUNS);
        CompareRunsViewModel compare = onFx(() -> ((CompareRunsView) view.lookup(".hn-compare-runs")).model());
        int workbenchEpoch = onFx(() -> model.epochProperty().get());

        robot.type(KeyCode.SPACE);
        waitFor(() -> compare.left().epochProperty().get() >= 1 && compare.right().epochProperty().get() >= 1);
        assertFalse(onFx(() -> model.runningProperty().get()), "the workbench's own network does not train");
        assertEquals(workbenchEpoch, onFx(() -> model.epochProperty().get()));
        waitFor(() -> compare.phaseProperty().get() == CompareRunsViewModel.Phase.FINISHED);
    }

    @Test
    void scrubbingTheOneTimelineMovesBothSidesAndLiveGoesBack(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT7).release(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        waitFor(() -> view.pageProperty().get() == WorkbenchView.Page.COMPARE_RUNS);
        CompareRunsView page = onFx(() -> (CompareRunsView) view.lookup(".hn-compare-runs"));
        CompareRunsViewModel compare = page.model();
        HiddenUnitGrid left = onFx(() -> (HiddenUnitGrid) view.lookup("#" + CompareRunsView.LEFT_GRID_ID));
        HiddenUnitGrid right = onFx(() -> (HiddenUnitGrid) view.lookup("#" + CompareRunsView.RIGHT_GRID_ID));
        robot.interact(() -> robot.lookup("#" + CompareRunsView.TRAIN_BUTTON_ID).queryButton().fire());
        waitFor(() -> compare.phaseProperty().get() == CompareRunsViewModel.Phase.FINISHED);
        Network leftEnd = onFx(left::getNetwork);
        Network rightEnd = onFx(right::getNetwork);
        ReplayBar bar = page.replayBar();
        List<TrainingSnapshot> kept = onFx(() -> compare.timeline().keptSnapshots());
        assertTrue(kept.size() >= 3, "the start, some steps and the end: " + kept.size());

        // Drag the one slider to the second kept step: both grids show their own run at that step.
        TrainingSnapshot target = kept.get(1);
        double position = StepAxis.position(target.step(), kept.get(kept.size() - 1).step());
        robot.interact(() -> bar.slider().setValue(position));
        assertTrue(onFx(() -> compare.timeline().isReplaying()));
        // Without the lesson pace each run keeps the steps its frames caught, so a side shows its
        // last kept snapshot at or before the scrubbed step (the same step when both kept it).
        TrainingSnapshot leftShown = atOrBefore(onFx(() -> compare.left().recorder().snapshots()), target.step());
        TrainingSnapshot rightShown = atOrBefore(onFx(() -> compare.right().recorder().snapshots()), target.step());
        assertEquals(leftShown.step(), onFx(() -> compare.left().stepProperty().get()));
        assertEquals(rightShown.step(), onFx(() -> compare.right().stepProperty().get()));
        assertTrue(Math.max(leftShown.step(), rightShown.step()) == target.step(), "one side shows the scrubbed step itself");
        assertSame(leftShown.network(), onFx(left::getNetwork));
        assertSame(rightShown.network(), onFx(right::getNetwork));
        assertNotSame(leftEnd, onFx(left::getNetwork));
        assertNotSame(rightEnd, onFx(right::getNetwork));
        assertEquals(position, onFx(() -> bar.slider().getValue()), 1e-9, "the thumb sits at the shown step");

        robot.interact(() -> robot.lookup("#" + CompareRunsView.REPLAY_BAR_ID + " #" + ReplayBar.LIVE_ID).queryButton().fire());
        assertSame(leftEnd, onFx(left::getNetwork));
        assertSame(rightEnd, onFx(right::getNetwork));
        // Home (the replay keys on this page) goes to the random start of both runs.
        robot.interact(left::requestFocus);
        robot.type(KeyCode.HOME);
        assertEquals(0, onFx(() -> compare.left().stepProperty().get()));
        assertEquals(0, onFx(() -> compare.right().stepProperty().get()));
    }

    /** The last snapshot in {@code kept} at or before {@code step}. */
    private static TrainingSnapshot atOrBefore(List<TrainingSnapshot> kept, int step) {
        TrainingSnapshot found = kept.get(0);
        for (TrainingSnapshot snapshot : kept) {
            if (snapshot.step() <= step) {
                found = snapshot;
            }
        }
        return found;
    }
}
