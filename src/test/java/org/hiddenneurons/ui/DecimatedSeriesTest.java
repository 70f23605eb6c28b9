package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {

    private static final double TOLERANCE = 1e-12;
    private static final int CAPACITY = 8;

    @Test
    void keepsEveryPointWhileUnderCapacity() {
        DecimatedSeries series = new DecimatedSeries(CAPACITY);
        for (int epoch = 1; epoch <= CAPACITY; epoch++) {
            series.add(epoch, epoch * 10.0);
        }
        assertEquals(CAPACITY, series.points().size());
        assertEquals(1, series.stride());
    }

    @Test
    void staysBoundedAndEndsAtTheNewestPointHoweverLongItRuns() {
        DecimatedSeries series = new DecimatedSeries(CAPACITY);
        for (int epoch = 1; epoch <= 10_000; epoch++) {
            series.add(epoch, epoch);
            assertTrue(series.points().size() <= CAPACITY + 1, "size " + series.points().size() + " at " + epoch);
            assertEquals(epoch, series.lastY(), TOLERANCE);
        }
        assertEquals(1.0, series.points().get(0).getXValue().doubleValue(), TOLERANCE);
        assertTrue(series.stride() > 1);
    }

    @Test
    void keptPointsStayInOrderAndEvenlySpaced() {
        DecimatedSeries series = new DecimatedSeries(CAPACITY);
        for (int epoch = 0; epoch < 1000; epoch++) {
            series.add(epoch, epoch);
        }
        var points = series.points();
        double spacing = points.get(1).getXValue().doubleValue() - points.get(0).getXValue().doubleValue();
        for (int i = 1; i < points.size() - 1; i++) {
            double gap = points.get(i).getXValue().doubleValue() - points.get(i - 1).getXValue().doubleValue();
            assertEquals(spacing, gap, TOLERANCE);
        }
        assertEquals(series.stride(), spacing, TOLERANCE);
    }

    @Test
    void skipsValuesAChartCannotDraw() {
        DecimatedSeries series = new DecimatedSeries(CAPACITY);
        series.add(1, Double.NaN);
        series.add(2, Double.POSITIVE_INFINITY);
        series.add(3, 0.5);
        assertEquals(1, series.points().size());
        series.clear();
        assertTrue(series.points().isEmpty());
        assertEquals(1, series.stride());
    }
}
