package org.hiddenneurons.data;

import java.util.Arrays;

/**
 * One stroke's points and its smoothed polyline ({@link StrokeRasterizer#smooth}), kept up to
 * date point by point: adding a point changes only the polyline's end (its last point is replaced
 * by the curve around the previous point, then the new point), so a drag step costs the same
 * however long the stroke is. The polyline equals {@code StrokeRasterizer.smooth(points())}
 * exactly (same arithmetic, one place: {@code smooth} is built on this class).
 *
 * <p>Call order: {@link #add} one or more times; read {@link #polyline()} / {@link #polylinePoints()}
 * at any time. Not thread-safe.
 */
public final class SmoothedStroke {

    private double[] points = new double[16];
    private int pointCount;
    private double[] polyline = new double[32];
    private int polylineCount;

    /** Appends the point (x, y) and smooths the stroke's new end. */
    public void add(double x, double y) {
        points = ensure(points, pointCount + 1);
        points[2 * pointCount] = x;
        points[2 * pointCount + 1] = y;
        pointCount++;
        int n = pointCount;
        if (n >= 3) {
            polylineCount--; // the old end point: replaced by the curve around point n − 2, then the new end
            appendCurve(n - 2);
        }
        append(x, y);
    }

    /**
     * The quadratic Bézier from mid(p(i−1), p(i)) over control point p(i) to mid(p(i), p(i+1)),
     * flattened into pieces of at most {@link StrokeRasterizer#FLATTEN_STEP} (at most
     * {@link StrokeRasterizer#MAX_PIECES_PER_CURVE}); its start point included.
     */
    private void appendCurve(int i) {
        double prevX = points[2 * i - 2];
        double prevY = points[2 * i - 1];
        double ctrlX = points[2 * i];
        double ctrlY = points[2 * i + 1];
        double nextX = points[2 * i + 2];
        double nextY = points[2 * i + 3];
        double x0 = (prevX + ctrlX) / 2;
        double y0 = (prevY + ctrlY) / 2;
        double x2 = (ctrlX + nextX) / 2;
        double y2 = (ctrlY + nextY) / 2;
        append(x0, y0);
        double length = Math.hypot(ctrlX - x0, ctrlY - y0) + Math.hypot(x2 - ctrlX, y2 - ctrlY);
        int pieces = Math.max(1, Math.min(StrokeRasterizer.MAX_PIECES_PER_CURVE,
                (int) Math.ceil(length / StrokeRasterizer.FLATTEN_STEP)));
        for (int k = 1; k <= pieces; k++) {
            double t = k / (double) pieces;
            double u = 1 - t;
            append(u * u * x0 + 2 * u * t * ctrlX + t * t * x2, u * u * y0 + 2 * u * t * ctrlY + t * t * y2);
        }
    }

    private void append(double x, double y) {
        polyline = ensure(polyline, polylineCount + 1);
        polyline[2 * polylineCount] = x;
        polyline[2 * polylineCount + 1] = y;
        polylineCount++;
    }

    private static double[] ensure(double[] xy, int pointsNeeded) {
        return 2 * pointsNeeded > xy.length ? Arrays.copyOf(xy, Math.max(2 * pointsNeeded, 2 * xy.length)) : xy;
    }

    /** Number of points added. */
    public int pointCount() {
        return pointCount;
    }

    /** x of point {@code index} (0 … {@link #pointCount()} − 1). */
    public double pointX(int index) {
        return points[2 * index];
    }

    /** y of point {@code index}. */
    public double pointY(int index) {
        return points[2 * index + 1];
    }

    /** The points added as x0, y0, x1, y1, … (a copy). */
    public double[] points() {
        return Arrays.copyOf(points, 2 * pointCount);
    }

    /** Number of points of the smoothed polyline. */
    public int polylinePoints() {
        return polylineCount;
    }

    /**
     * The smoothed polyline as x0, y0, …: the first {@link #polylinePoints()} points of this array
     * count. The stroke's own buffer (no copy): read it, never modify or keep it across {@link #add}.
     */
    public double[] polyline() {
        return polyline;
    }
}
