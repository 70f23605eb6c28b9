package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PulseSpreaderTest {

    private static final long WAIT_SECONDS = 5;

    private final BooleanProperty training = new SimpleBooleanProperty();
    private PulseSpreader spreader;
    /** Pulses counted by an animation timer: which frame an update ran in. */
    private long pulses;
    private final AnimationTimer pulseCounter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses++;
        }
    };
    /** "key@pulse" for every update run, in order. */
    private final List<String> runs = new ArrayList<>();

    @Start
    void start(Stage stage) {
        spreader = new PulseSpreader(training);
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
        pulseCounter.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            pulseCounter.stop();
            spreader.dispose();
        });
    }

    private Runnable record(String key) {
        return () -> runs.add(key + "@" + pulses);
    }

    /** Training starts; the grid, the weights and the bars post an update in one frame (FX thread). */
    private void postThreeWhileTraining() {
        training.set(true);
        spreader.post("grid", record("grid"));
        spreader.post("weights", record("weights"));
        spreader.post("bars", record("bars"));
    }

    private int runsOnFx() throws Exception {
        return WaitForAsyncUtils.asyncFx(runs::size).get();
    }

    private List<String> keysRun() {
        return runs.stream().map(run -> run.substring(0, run.indexOf('@'))).toList();
    }

    @Test
    void withoutTrainingEveryUpdateRunsAtOnce(FxRobot robot) {
        robot.interact(() -> {
            spreader.post("grid", record("grid"));
            spreader.post("bars", record("bars"));
            spreader.post("grid", record("grid again"));
            assertEquals(List.of("grid", "bars", "grid again"), keysRun());
            assertEquals(0, spreader.waitingCount());
        });
    }

    @Test
    void whileTrainingUpdatesPostedTogetherRunOnDifferentFrames(FxRobot robot) throws Exception {
        robot.interact(() -> {
            postThreeWhileTraining();
            assertEquals(List.of("grid"), keysRun(), "the first runs at once, the others wait");
            assertEquals(2, spreader.waitingCount());
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> runsOnFx() == 3);
        robot.interact(() -> {
            assertEquals(List.of("grid", "weights", "bars"), keysRun(), "in the order posted");
            List<Long> frames = runs.stream().map(run -> Long.parseLong(run.substring(run.indexOf('@') + 1))).toList();
            assertTrue(frames.get(0) < frames.get(1) && frames.get(1) < frames.get(2), "each on a frame of its own: " + runs);
        });
    }

    @Test
    void aNewerUpdateReplacesTheWaitingOneOfItsKeyAndKeepsItsPlace(FxRobot robot) throws Exception {
        robot.interact(() -> {
            training.set(true);
            spreader.post("grid", record("grid"));
            spreader.post("weights", record("weights old"));
            spreader.post("bars", record("bars"));
            spreader.post("weights", record("weights new"));
            assertEquals(2, spreader.waitingCount());
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> runsOnFx() == 3);
        robot.interact(() -> assertEquals(List.of("grid", "weights new", "bars"), keysRun()));
    }

    @Test
    void runNowRunsTheWaitingUpdatesOfTheGivenKeysAtOnce(FxRobot robot) {
        robot.interact(() -> {
            postThreeWhileTraining();
            spreader.runNow("bars", "absent");
            assertEquals(List.of("grid", "bars"), keysRun());
            assertEquals(1, spreader.waitingCount());
        });
    }

    @Test
    void aClaimedFrameSendsTheNextUpdateToALaterFrame(FxRobot robot) throws Exception {
        robot.interact(() -> {
            spreader.claimFrame(); // not training: no effect
            spreader.post("grid", record("grid"));
            assertEquals(List.of("grid"), keysRun());
            training.set(true);
            spreader.claimFrame();
            spreader.post("bars", record("bars"));
            assertEquals(List.of("grid"), keysRun(), "the bars wait");
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> runsOnFx() == 2);
    }

    @Test
    void stoppingTrainingRunsEveryWaitingUpdateAtOnce(FxRobot robot) {
        robot.interact(() -> {
            postThreeWhileTraining();
            training.set(false);
            assertEquals(List.of("grid", "weights", "bars"), keysRun());
            assertEquals(0, spreader.waitingCount());
            spreader.post("grid", record("grid after"));
            assertTrue(keysRun().contains("grid after"), "and runs later updates at once");
        });
    }
}
