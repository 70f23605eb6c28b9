package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingChartsTest {

    private static final List<Double> NICE_SPANS = List.of(25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0,
            10_000.0, 25_000.0);

    @Test
    void epochAxisSpanIsTheFirstNiceSpanThatCoversTheEpochs() {
        for (int epochs = 0; epochs <= 20_000; epochs++) {
            double span = TrainingCharts.epochAxisSpan(epochs);
            int index = NICE_SPANS.indexOf(span);
            assertTrue(index >= 0, "span " + span + " for " + epochs + " epochs is one of the nice spans");
            assertTrue(span >= epochs, "span " + span + " covers " + epochs + " epochs");
            assertTrue(index == 0 || NICE_SPANS.get(index - 1) < epochs, "no smaller nice span covers " + epochs);
        }
    }

    @Test
    void epochAxisStartsOnATickAndCoversThePoints() {
        assertArrayEquals(new double[] {0, 25}, TrainingCharts.epochAxisRange(2, 22), "the default run: 0, 5 … 25");
        assertArrayEquals(new double[] {0, 25}, TrainingCharts.epochAxisRange(1, 25));
        assertArrayEquals(new double[] {0, 50}, TrainingCharts.epochAxisRange(1, 26));
        for (int first = 0; first <= 300; first += 7) {
            for (int last = first; last <= 6000; last += 13) {
                double[] range = TrainingCharts.epochAxisRange(first, last);
                double span = range[1] - range[0];
                double tick = span / TrainingCharts.EPOCH_TICKS;
                String what = "points " + first + "–" + last + ": axis " + range[0] + "–" + range[1];
                assertTrue(NICE_SPANS.contains(span), what + " spans a nice span");
                assertEquals(0, range[0] % tick, 1e-9, what + " starts on a tick");
                assertTrue(range[0] <= Math.max(0, first - 1) && range[1] >= last, what + " covers the points");
            }
        }
    }

    @Test
    void epochAxisSpanKeepsWholeTicks() {
        // The spans the chart really uses (not this test's list): every tick falls on a whole epoch.
        for (int epochs = 0; epochs <= 20_000; epochs++) {
            double span = TrainingCharts.epochAxisSpan(epochs);
            double tick = span / TrainingCharts.EPOCH_TICKS;
            assertEquals(Math.rint(tick), tick, "tick of span " + span + " for " + epochs + " epochs");
        }
    }

    @Test
    void theEmptyChartsSpanTheRunTrainWouldStart() {
        assertArrayEquals(new double[] {0, 35, 5}, TrainingCharts.emptyEpochAxis(0, 35), "a new network's default run");
        assertArrayEquals(new double[] {0, 35, 5}, TrainingCharts.plannedEpochAxis(0.025, 35),
                "the same axis as its lesson-paced points get");
        assertArrayEquals(new double[] {35, 70, 5}, TrainingCharts.emptyEpochAxis(35, 70), "35 more after 35");
        assertArrayEquals(TrainingCharts.plannedEpochAxis(36, 70), TrainingCharts.emptyEpochAxis(35, 70),
                "the axis of that run's points from the end of its first epoch");
        assertArrayEquals(new double[] {0, 20, 5}, TrainingCharts.emptyEpochAxis(0, 20));
        for (int epoch = 0; epoch <= 300; epoch += 7) {
            for (int end = epoch + 1; end <= 3000; end += 11) {
                double[] axis = TrainingCharts.emptyEpochAxis(epoch, end);
                String what = "from " + epoch + " to " + end + ": axis " + axis[0] + "–" + axis[1];
                assertEquals(end, axis[1], what + " ends at the plan");
                assertTrue(axis[0] <= epoch, what + " starts where the run does or before");
                assertTrue((axis[1] - axis[0]) / axis[2] <= TrainingCharts.MAX_PLANNED_TICKS, what + ": few ticks");
            }
        }
    }

    @Test
    void aPlannedRunFillsTheAxisToItsEndInWholeTicks() {
        assertArrayEquals(new double[] {0, 35, 5}, TrainingCharts.plannedEpochAxis(0.025, 35), "the default run: 0, 5 … 35");
        assertArrayEquals(new double[] {0, 8, 1}, TrainingCharts.plannedEpochAxis(1, 8));
        assertArrayEquals(new double[] {0, 100, 20}, TrainingCharts.plannedEpochAxis(1, 100));
        assertArrayEquals(new double[] {0, 70, 10}, TrainingCharts.plannedEpochAxis(1, 70), "35 more after 35");
        for (int first = 0; first <= 300; first += 7) {
            for (int end = Math.max(1, first); end <= 6000; end += 13) {
                double[] axis = TrainingCharts.plannedEpochAxis(first, end);
                String what = "points from " + first + ", run to " + end + ": axis " + axis[0] + "–" + axis[1] + " by " + axis[2];
                assertEquals(end, axis[1], what + " ends at the plan");
                assertEquals(Math.rint(axis[2]), axis[2], what + ": whole-epoch ticks");
                assertEquals(0, axis[0] % axis[2], 1e-9, what + " starts on a tick");
                assertTrue(axis[0] <= Math.max(0, first - 1), what + " shows the first point");
                assertTrue((axis[1] - axis[0]) / axis[2] <= TrainingCharts.MAX_PLANNED_TICKS, what + ": few ticks");
            }
        }
    }
}
