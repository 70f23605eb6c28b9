package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.data.StrokeRasterizer;
import org.junit.jupiter.api.Test;

/**
 * The pad's stroke model with plain JUnit: during a drag and after it, its coverage is exactly the
 * coverage of its strokes rasterised from scratch ({@link StrokeRasterizer} on the whole smoothed
 * strokes), whatever the steps.
 */
class StrokeModelTest {

    private static final int SIZE = 280;
    private static final double PEN = 28;
    private static final float EXACT = 0f;

    @Test
    void everyDragStepShowsExactlyTheStrokesSoFarRasterisedWhole() {
        StrokeModel model = new StrokeModel(SIZE, PEN);
        List<double[]> finished = new ArrayList<>();
        for (int steps : new int[] {40, 7}) { // small steps as from a mouse, large ones as from a fast hand
            List<Double> points = new ArrayList<>();
            double[] start = arc(0, steps, steps == 7 ? 60 : 0);
            model.begin(start[0], start[1]);
            points.add(start[0]);
            points.add(start[1]);
            assertArrayEquals(fromScratch(finished, toArray(points)), model.coverage(), EXACT, "a dot");
            for (int i = 1; i <= steps; i++) {
                double[] p = arc(i, steps, steps == 7 ? 60 : 0);
                assertTrue(model.extend(p[0], p[1]));
                points.add(p[0]);
                points.add(p[1]);
                assertArrayEquals(fromScratch(finished, toArray(points)), model.coverage(), EXACT, "step " + i);
            }
            model.end();
            finished.add(toArray(points));
            assertArrayEquals(fromScratch(finished, null), model.coverage(), EXACT, "after the release");
        }
        assertEquals(2, model.strokeCount());
    }

    @Test
    void tinyMovesAddNoPoint() {
        StrokeModel model = new StrokeModel(SIZE, PEN);
        model.begin(100, 100);
        assertFalse(model.extend(100.5, 100.5));
        assertTrue(model.extend(102, 100));
        model.end();
        assertArrayEquals(new double[] {100, 100, 102, 100}, model.finishedPoints().get(0), 0);
    }

    @Test
    void undoClearAndAThickerPenRedrawFromTheStrokes() {
        StrokeModel model = new StrokeModel(SIZE, PEN);
        double[] line = {40, 140, 240, 140};
        double[] bar = {140, 40, 140, 240};
        model.addStroke(line);
        model.addStroke(bar);
        model.begin(10, 10);
        model.extend(60, 30);
        assertEquals(3, model.strokeCount());
        assertTrue(model.undo(), "the stroke being drawn goes first");
        assertFalse(model.drawing());
        assertArrayEquals(fromScratch(List.of(line, bar), null), model.coverage(), EXACT);
        assertTrue(model.undo());
        assertArrayEquals(fromScratch(List.of(line), null), model.coverage(), EXACT);

        model.setPenWidth(2 * PEN);
        float[] thick = new float[SIZE * SIZE];
        StrokeRasterizer.drawPolyline(StrokeRasterizer.smooth(line), PEN, thick, SIZE, SIZE);
        assertArrayEquals(thick, model.coverage(), EXACT);

        model.clear();
        assertTrue(model.isEmpty());
        assertFalse(model.undo(), "nothing to undo");
        assertArrayEquals(new float[SIZE * SIZE], model.coverage(), EXACT);
    }

    @Test
    void theArgbPixelsAreTheCoverageAsGrayWhiteInkOnBlack() {
        StrokeModel model = new StrokeModel(SIZE, PEN);
        model.addStroke(new double[] {40, 140, 240, 140});
        int[] argb = model.toArgb();
        float[] coverage = model.coverage();
        assertEquals(SIZE * SIZE, argb.length);
        for (int i = 0; i < argb.length; i++) {
            int level = Math.round(coverage[i] * 255f);
            assertEquals(0xff000000 | level << 16 | level << 8 | level, argb[i]);
        }
    }

    /** Finished strokes and (if not null) the current one, each smoothed whole and rasterised onto nothing. */
    private static float[] fromScratch(List<double[]> finished, double[] current) {
        float[] coverage = new float[SIZE * SIZE];
        for (double[] stroke : finished) {
            StrokeRasterizer.drawPolyline(StrokeRasterizer.smooth(stroke), PEN / 2, coverage, SIZE, SIZE);
        }
        if (current != null) {
            StrokeRasterizer.drawPolyline(StrokeRasterizer.smooth(current), PEN / 2, coverage, SIZE, SIZE);
        }
        return coverage;
    }

    /** Point i of a spiral-ish arc around the pad's centre, in {@code steps} steps. */
    private static double[] arc(int i, int steps, double offset) {
        double angle = 1.8 * Math.PI * i / steps;
        double radius = 90 - 40.0 * i / steps;
        return new double[] {140 + offset / 2 + radius * Math.cos(angle), 140 + radius * Math.sin(angle) - offset / 3};
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
