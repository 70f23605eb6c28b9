package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Point-by-point smoothing: the documented curves, and an end that is the only part that moves. */
class SmoothedStrokeTest {

    private static final double EXACT = 0;

    @Test
    void threePointsGiveALineToTheFirstMidpointTheFlattenedCurveAndTheLastPoint() {
        SmoothedStroke stroke = new SmoothedStroke();
        stroke.add(0, 0);
        stroke.add(20, 0);
        stroke.add(20, 20);
        // mid(p0, p1) = (10, 0), control p1 = (20, 0), mid(p1, p2) = (20, 10); control polygon 10 + 10 long,
        // so ceil(20 / FLATTEN_STEP) = 7 pieces of B(t) = (1−t)²·m01 + 2(1−t)t·p1 + t²·m12.
        double[] expected = new double[2 * (2 + 7 + 1)];
        expected[2] = 10;
        for (int k = 1; k <= 7; k++) {
            double t = k / 7.0;
            double u = 1 - t;
            expected[2 + 2 * k] = u * u * 10 + 2 * u * t * 20 + t * t * 20;
            expected[3 + 2 * k] = t * t * 10;
        }
        expected[expected.length - 2] = 20;
        expected[expected.length - 1] = 20;
        assertEquals(10, stroke.polylinePoints());
        assertArrayEquals(expected, Arrays.copyOf(stroke.polyline(), 2 * stroke.polylinePoints()), 1e-12);
    }

    @Test
    void oneAndTwoPointsStayAsTheyAre() {
        SmoothedStroke stroke = new SmoothedStroke();
        stroke.add(3, 4);
        assertArrayEquals(new double[] {3, 4}, Arrays.copyOf(stroke.polyline(), 2 * stroke.polylinePoints()), EXACT);
        stroke.add(5, 9);
        assertArrayEquals(new double[] {3, 4, 5, 9}, Arrays.copyOf(stroke.polyline(), 2 * stroke.polylinePoints()), EXACT);
    }

    @Test
    void addingAPointChangesOnlyTheLastPointOfThePolyline() {
        Random random = new Random(42);
        SmoothedStroke stroke = new SmoothedStroke();
        double[] before = new double[0];
        for (int i = 0; i < 200; i++) {
            stroke.add(280 * random.nextDouble(), 280 * random.nextDouble());
            double[] now = Arrays.copyOf(stroke.polyline(), 2 * stroke.polylinePoints());
            int kept = Math.max(0, before.length - 2);
            assertArrayEquals(Arrays.copyOf(before, kept), Arrays.copyOf(now, kept), EXACT, "point " + i);
            assertEquals(stroke.pointX(i), now[now.length - 2], EXACT);
            assertEquals(stroke.pointY(i), now[now.length - 1], EXACT);
            before = now;
        }
        assertEquals(200, stroke.pointCount());
        assertArrayEquals(StrokeRasterizer.smooth(stroke.points()), before, EXACT);
    }
}
