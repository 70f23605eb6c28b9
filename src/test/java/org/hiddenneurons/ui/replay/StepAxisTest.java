package org.hiddenneurons.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;

/** The replay timeline's step axis: log-like positions, their inverse, snapping and the labelled steps. */
class StepAxisTest {

    private static final double TOLERANCE = 1e-12;
    /** The default run: 40 epochs of 40 mini-batches. */
    private static final int DEFAULT_LAST_STEP = 1600;

    private static TrainingSnapshot at(int step) {
        return new TrainingSnapshot(step / 40, 40, 1, 1, 0, 0, 0, null, TrainingState.RUNNING, "", step, 40);
    }

    @Test
    void theFirstEpochOfTheDefaultRunTakesHalfTheAxisWhereLinearWouldGiveItAFortieth() {
        assertEquals(0, StepAxis.position(0, DEFAULT_LAST_STEP), TOLERANCE);
        assertEquals(1, StepAxis.position(DEFAULT_LAST_STEP, DEFAULT_LAST_STEP), TOLERANCE);
        double firstEpoch = StepAxis.position(40, DEFAULT_LAST_STEP);
        assertEquals(Math.log(41) / Math.log(1601), firstEpoch, TOLERANCE);
        assertEquals(0.503, firstEpoch, 0.001);
        assertEquals(0.325, StepAxis.position(10, DEFAULT_LAST_STEP), 0.001, "ten mini-batches: a third");
        assertEquals(0, StepAxis.position(5, 0), TOLERANCE, "a run of no steps has everything at 0");
        assertEquals(1, StepAxis.position(5000, DEFAULT_LAST_STEP), TOLERANCE, "clamped");
    }

    @Test
    void stepIsTheInverseOfPosition() {
        for (int step : new int[] {0, 1, 7, 40, 333, 1600}) {
            assertEquals(step, StepAxis.step(StepAxis.position(step, DEFAULT_LAST_STEP), DEFAULT_LAST_STEP), 1e-9);
        }
    }

    @Test
    void theSliderSnapsToTheKeptSnapshotNearestOnTheAxis() {
        List<TrainingSnapshot> kept = new ArrayList<>();
        for (int step : new int[] {0, 1, 2, 3, 40, 400, 1600}) {
            kept.add(at(step));
        }
        assertEquals(0, StepAxis.nearestIndex(kept, 0));
        assertEquals(6, StepAxis.nearestIndex(kept, 1));
        assertEquals(4, StepAxis.nearestIndex(kept, StepAxis.position(50, DEFAULT_LAST_STEP)));
        // Between steps 3 and 40 on the axis: 3 sits at 0.188, 40 at 0.503; 0.30 is nearer 3.
        assertEquals(3, StepAxis.nearestIndex(kept, 0.30));
        assertEquals(-1, StepAxis.nearestIndex(List.of(), 0.5));
    }

    @Test
    void labelledStepsAreZeroAndThePowersOfTen() {
        assertEquals(List.of(0, 1, 10, 100, 1000), StepAxis.tickSteps(DEFAULT_LAST_STEP));
        assertEquals(List.of(0, 1, 10), StepAxis.tickSteps(40));
        assertEquals(List.of(0), StepAxis.tickSteps(0));
    }
}
