package org.hiddenneurons.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.junit.jupiter.api.Test;

/** Where the timeline's epoch marks go: the first kept snapshot of each later epoch. */
class EpochMarksTest {

    private static TrainingSnapshot at(int epoch, int step) {
        return new TrainingSnapshot(epoch, 22, 1, 1, 0, 0, 0, null, TrainingState.RUNNING, "", step, 40);
    }

    @Test
    void aMarkStandsAtEachSnapshotThatBeginsALaterEpoch() {
        List<TrainingSnapshot> kept = new ArrayList<>();
        for (int step = 0; step < 40; step += 4) {
            kept.add(at(0, step)); // indices 0..9: the paced first epoch
        }
        kept.add(at(1, 40));  // 10
        kept.add(at(2, 80));  // 11
        kept.add(at(5, 200)); // 12: epochs 3 and 4 were evicted
        kept.add(at(5, 210)); // 13: same epoch, no mark
        assertEquals(List.of(10, 11, 12), EpochMarks.epochStarts(kept));
        assertEquals(List.of(), EpochMarks.epochStarts(kept.subList(0, 10)));
    }
}
