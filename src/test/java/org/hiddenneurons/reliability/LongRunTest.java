package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.DecimatedSeries;
import org.junit.jupiter.api.Test;

/**
 * 20 000 epochs wired like the app ({@link LongRun}): every epoch reaches the charts, the chart
 * series stay within their capacity, no thread is left behind and the heap after GC does not grow
 * with the epochs. (Figures: {@link LongRunHarness}, RELIABILITY.md.)
 */
class LongRunTest {

    private static final int EPOCHS = 20_000;
    private static final int MEASURE_EVERY = 2_000;
    /**
     * Heap growth allowed between the measurement at {@value #MEASURE_EVERY} epochs and the last one.
     * Keeping one snapshot per epoch would add ~50 MiB here (20 000 × a 4-hidden network copy and
     * its record); the measured growth is below 1 MiB.
     */
    private static final long HEAP_GROWTH_LIMIT_BYTES = 16L << 20;

    @Test
    void twentyThousandEpochsKeepChartsThreadsAndHeapBounded() throws Exception {
        LongRun.Result result = LongRun.run(EPOCHS, MEASURE_EVERY, DecimatedSeries.DEFAULT_CAPACITY);

        assertEquals(TrainingState.FINISHED, result.last().state());
        assertEquals(EPOCHS, result.last().epoch());
        assertEquals(EPOCHS + 1, result.snapshotsPublished(), "the initial weights and every epoch are published");
        // The capacity plus the provisional newest point.
        assertTrue(result.maxSeriesPoints() <= result.seriesCapacity() + 1,
                "a chart series grew to " + result.maxSeriesPoints() + " points");
        assertTrue(result.threadsAfter() <= result.threadsBefore(),
                "threads before " + result.threadsBefore() + ", after " + result.threadsAfter());
        List<LongRun.Sample> samples = result.samples();
        assertEquals(EPOCHS / MEASURE_EVERY + 1, samples.size(), "one measurement every " + MEASURE_EVERY + " epochs");
        long early = samples.get(1).heapUsedBytes();
        long end = samples.get(samples.size() - 1).heapUsedBytes();
        assertTrue(end - early < HEAP_GROWTH_LIMIT_BYTES, "heap after GC grew from " + early + " to " + end + " bytes");
    }
}
