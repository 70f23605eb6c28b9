package org.hiddenneurons.data;

import java.util.Arrays;

/**
 * Pure stroke geometry and anti-aliased rasterisation of a drawing pad's strokes (no JavaFX),
 * shared by the pad, its tests and benchmark, and generators of pad-style drawings.
 */
public final class StrokeRasterizer {

    /** Longest straight piece of a flattened curve, in drawing pixels. */
    public static final double FLATTEN_STEP = 3.0;
    /** Most pieces per quadratic curve. */
    public static final int MAX_PIECES_PER_CURVE = 16;

    private StrokeRasterizer() {
    }

    /**
     * Smooths a stroke: a straight line from p0 to mid(p0, p1), then for each inner point pi
     * the quadratic Bézier from mid(pi−1, pi) over control point pi to mid(pi, pi+1), then a
     * line to the last point; curves flattened into pieces of at most {@link #FLATTEN_STEP}.
     *
     * @param points at least one point as x0, y0, x1, y1, …; not modified
     * @return the polyline as x0, y0, x1, y1, … (one point for a one-point stroke); a drag extends
     *         it point by point with {@link SmoothedStroke} instead
     */
    public static double[] smooth(double[] points) {
        int n = points.length / 2;
        if (n == 0) {
            throw new IllegalArgumentException("a stroke needs at least one point");
        }
        SmoothedStroke stroke = new SmoothedStroke();
        for (int i = 0; i < n; i++) {
            stroke.add(points[2 * i], points[2 * i + 1]);
        }
        return Arrays.copyOf(stroke.polyline(), 2 * stroke.polylinePoints());
    }

    /**
     * Draws a polyline of the given radius with round caps and joins as the union of capsules:
     * a pixel's coverage is clamp(radius + ½ − d, 0, 1), d = distance from the pixel centre to
     * the nearest segment, combined with the existing coverage by max (so overlaps never
     * darken twice).
     *
     * @param xy       x0, y0, x1, y1, …; one point draws a dot. Not modified
     * @param coverage width×height values in [0, 1], row-major. Modified
     */
    public static void drawPolyline(double[] xy, double radius, float[] coverage, int width, int height) {
        drawPolyline(xy, 0, xy.length / 2 - 1, radius, coverage, width, height);
    }

    /**
     * Draws the part of a polyline from point {@code first} to point {@code last} (inclusive);
     * a single point ({@code first == last}) draws a dot.
     *
     * @param coverage Modified
     */
    public static void drawPolyline(double[] xy, int first, int last, double radius, float[] coverage,
                                    int width, int height) {
        if (first == last) {
            drawSegment(xy[2 * first], xy[2 * first + 1], xy[2 * first], xy[2 * first + 1], radius, coverage,
                    width, height);
        }
        for (int i = first + 1; i <= last; i++) {
            drawSegment(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], radius, coverage, width, height);
        }
    }

    /** One capsule from (ax, ay) to (bx, by); see {@link #drawPolyline}. @param coverage Modified. */
    public static void drawSegment(double ax, double ay, double bx, double by, double radius,
                            float[] coverage, int width, int height) {
        double reach = radius + 0.5;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, by) + reach));
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double inverse = lengthSquared > 0 ? 1.0 / lengthSquared : 0.0;
        double reachSquared = reach * reach;
        // Pixels closer than reach − 1 are fully covered: no square root needed.
        double solid = Math.max(0, reach - 1);
        double solidSquared = solid * solid;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5 - ay;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                if (coverage[row + x] >= 1f) {
                    continue;
                }
                double px = x + 0.5 - ax;
                double t = (px * dx + py * dy) * inverse;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = px - t * dx;
                double ey = py - t * dy;
                double distanceSquared = ex * ex + ey * ey;
                if (distanceSquared >= reachSquared) {
                    continue;
                }
                float c = distanceSquared <= solidSquared ? 1f : (float) (reach - Math.sqrt(distanceSquared));
                if (c > coverage[row + x]) {
                    coverage[row + x] = c;
                }
            }
        }
    }

    /** Coverage in [0, 1] → new opaque gray ARGB pixels, white = full coverage. */
    public static int[] toArgb(float[] coverage) {
        int[] argb = new int[coverage.length];
        for (int i = 0; i < coverage.length; i++) {
            argb[i] = GRAY[(int) (coverage[i] * 255f + 0.5f)];
        }
        return argb;
    }

    /** Opaque gray ARGB of level 0 … 255. */
    private static final int[] GRAY = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            GRAY[v] = 0xff000000 | (v << 16) | (v << 8) | v;
        }
    }
}
