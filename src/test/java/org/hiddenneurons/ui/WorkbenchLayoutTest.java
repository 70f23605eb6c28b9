package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkbenchLayoutTest {

    @Test
    void defaultWindowShowsOnlyTheGridPadPredictionAndTraining() {
        assertEquals(new WorkbenchLayout(false, false, false), WorkbenchLayout.forScene(1280, 800, false));
    }

    @Test
    void wideWindowAddsThePreprocessingStepsAndTheLegend() {
        assertEquals(new WorkbenchLayout(true, true, false), WorkbenchLayout.forScene(1600, 1000, false));
    }

    @Test
    void tallWindowAddsTheOutputWeights() {
        assertEquals(new WorkbenchLayout(true, true, true), WorkbenchLayout.forScene(1920, 1080, false));
        assertEquals(new WorkbenchLayout(false, false, true),
                WorkbenchLayout.forScene(WorkbenchLayout.WIDE_FROM_WIDTH - 1, WorkbenchLayout.TALL_FROM_HEIGHT, false));
    }

    @Test
    void presentingGivesTheOptionalPartsRoomToTheGrid() {
        assertEquals(new WorkbenchLayout(false, false, false), WorkbenchLayout.forScene(1920, 1080, true));
    }
}
