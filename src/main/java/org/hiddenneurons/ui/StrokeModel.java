package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hiddenneurons.data.SmoothedStroke;
import org.hiddenneurons.data.StrokeRasterizer;

/**
 * The drawing pad's strokes without the node: the points of each stroke in drawing coordinates
 * (0 … {@link #size}), their smoothed polylines ({@link SmoothedStroke}), undo, and the ink
 * coverage they rasterise to ({@link StrokeRasterizer}, round caps and joins, anti-aliased).
 * Plain Java: no JavaFX, testable with plain JUnit.
 *
 * <p>A drag step costs the same however long the drawing is: the new point is smoothed onto the
 * stroke's end; the segments that no longer move ("settled": every segment of the smoothed
 * polyline but the last) are drawn once into {@link #committed}; the moving end is drawn into
 * {@link #work}, which equals {@code committed} everywhere except the last end's bounding box and
 * is restored there first. {@link #toArgb()} is the one full-size copy of a step.
 *
 * <p>Call order per stroke: {@link #begin} → {@link #extend}… → {@link #end}; {@link #undo},
 * {@link #clear}, {@link #addStroke} and {@link #setPenWidth} between strokes or during one.
 */
final class StrokeModel {

    /** Mouse moves shorter than this (drawing pixels) add no point: they only add noise. */
    static final double MIN_POINT_DISTANCE = 1.0;

    private final int size;
    private final List<SmoothedStroke> strokes = new ArrayList<>();
    private SmoothedStroke current;
    private double penWidth;
    /** Coverage of the finished strokes and the settled part of the current one. */
    private final float[] committed;
    /** {@link #committed} plus the current stroke's moving end (inside {@link #tailBox} only). */
    private final float[] work;
    /** Rows and columns of {@link #work} that differ from {@link #committed}: x0, y0, x1, y1 inclusive; x1 &lt; x0 when none. */
    private final int[] tailBox = {0, 0, -1, -1};
    /** Points of the current polyline whose segments are in {@link #committed}. */
    private int settledPoints;

    /**
     * @param size     side of the square drawing in pixels
     * @param penWidth pen width in drawing pixels
     */
    StrokeModel(int size, double penWidth) {
        this.size = size;
        this.penWidth = penWidth;
        committed = new float[size * size];
        work = new float[size * size];
    }

    /** Starts a stroke at (x, y) (clamped to the drawing). */
    void begin(double x, double y) {
        current = new SmoothedStroke();
        current.add(clamp(x), clamp(y));
        settledPoints = 0;
        drawTail();
    }

    /**
     * Adds (x, y) to the current stroke (clamped to the drawing).
     *
     * @return false if nothing changed (no stroke, or closer than {@link #MIN_POINT_DISTANCE} to the last point)
     */
    boolean extend(double x, double y) {
        if (current == null) {
            return false;
        }
        double px = clamp(x);
        double py = clamp(y);
        int last = current.pointCount() - 1;
        double dx = px - current.pointX(last);
        double dy = py - current.pointY(last);
        if (Math.sqrt(dx * dx + dy * dy) < MIN_POINT_DISTANCE) {
            return false;
        }
        current.add(px, py);
        settle();
        drawTail();
        return true;
    }

    /** Finishes the current stroke (its end joins the committed coverage). */
    void end() {
        if (current == null) {
            return;
        }
        StrokeRasterizer.drawPolyline(current.polyline(), Math.max(0, settledPoints - 1),
                current.polylinePoints() - 1, radius(), committed, size, size);
        strokes.add(current);
        current = null;
        syncWork();
    }

    /** Removes the last stroke (the one being drawn, if any). @return false on an empty drawing */
    boolean undo() {
        if (current != null) {
            current = null;
        } else if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
        } else {
            return false;
        }
        rebuild();
        return true;
    }

    /** Removes every stroke. */
    void clear() {
        current = null;
        strokes.clear();
        rebuild();
    }

    /** Adds a finished stroke. @param xy at least one point as x0, y0, x1, y1, … in drawing coordinates; not kept */
    void addStroke(double[] xy) {
        if (xy.length < 2) {
            throw new IllegalArgumentException("a stroke needs at least one point");
        }
        SmoothedStroke stroke = new SmoothedStroke();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            stroke.add(xy[i], xy[i + 1]);
        }
        strokes.add(stroke);
        StrokeRasterizer.drawPolyline(stroke.polyline(), 0, stroke.polylinePoints() - 1, radius(), committed, size, size);
        syncWork();
    }

    /** A new pen width: every stroke is drawn again with it. */
    void setPenWidth(double drawingPixels) {
        penWidth = drawingPixels;
        rebuild();
    }

    double penWidth() {
        return penWidth;
    }

    /** Strokes drawn, the one being drawn included. */
    int strokeCount() {
        return strokes.size() + (current != null ? 1 : 0);
    }

    boolean isEmpty() {
        return strokeCount() == 0;
    }

    /** True while a stroke is being drawn. */
    boolean drawing() {
        return current != null;
    }

    /** The finished strokes' points, each as x0, y0, x1, y1, … (copies). */
    List<double[]> finishedPoints() {
        List<double[]> out = new ArrayList<>(strokes.size());
        for (SmoothedStroke stroke : strokes) {
            out.add(stroke.points());
        }
        return out;
    }

    /** The finished strokes (to paint them; read only). */
    List<SmoothedStroke> finishedStrokes() {
        return strokes;
    }

    /** The stroke being drawn, null if none (to paint it; read only). */
    SmoothedStroke currentStroke() {
        return current;
    }

    /** Points of the current polyline whose segments no longer move (0 without a current stroke). */
    int settledPoints() {
        return current == null ? 0 : settledPoints;
    }

    /** The ink as new opaque gray ARGB pixels, white = ink, {@code size}² row-major: the one copy of a step. */
    int[] toArgb() {
        return StrokeRasterizer.toArgb(work);
    }

    /** The ink coverage in [0, 1], row-major (a copy, for tests). */
    float[] coverage() {
        return work.clone();
    }

    int size() {
        return size;
    }

    // ---------------------------------------------------------------- internals

    /**
     * Draws the newly settled segments of the current stroke. With three or more points, every
     * segment of the smoothed polyline but the last stays the same when points are added (the
     * curves end at midpoints); with fewer, nothing is settled. They go into {@link #work} too
     * (coverage combines by max, so drawing twice changes nothing).
     */
    private void settle() {
        if (current.pointCount() < 3) {
            return;
        }
        int settled = current.polylinePoints() - 1;
        if (settled > settledPoints) {
            int from = Math.max(0, settledPoints - 1);
            StrokeRasterizer.drawPolyline(current.polyline(), from, settled - 1, radius(), committed, size, size);
            StrokeRasterizer.drawPolyline(current.polyline(), from, settled - 1, radius(), work, size, size);
            settledPoints = settled;
        }
    }

    /** {@link #work} = committed + the current stroke's unsettled end; only the old and new ends' boxes are touched. */
    private void drawTail() {
        restoreTail();
        double[] xy = current.polyline();
        int first = Math.max(0, settledPoints - 1);
        int last = current.polylinePoints() - 1;
        double reach = radius() + 1;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = first; i <= last; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        tailBox[0] = Math.max(0, (int) Math.floor(minX - reach));
        tailBox[1] = Math.max(0, (int) Math.floor(minY - reach));
        tailBox[2] = Math.min(size - 1, (int) Math.ceil(maxX + reach));
        tailBox[3] = Math.min(size - 1, (int) Math.ceil(maxY + reach));
        StrokeRasterizer.drawPolyline(xy, first, last, radius(), work, size, size);
    }

    /** Copies {@link #committed} into {@link #work} inside the last end's box. */
    private void restoreTail() {
        int width = tailBox[2] - tailBox[0] + 1;
        for (int y = tailBox[1]; width > 0 && y <= tailBox[3]; y++) {
            int row = y * size + tailBox[0];
            System.arraycopy(committed, row, work, row, width);
        }
        tailBox[2] = -1;
        tailBox[3] = -1;
    }

    private void syncWork() {
        System.arraycopy(committed, 0, work, 0, committed.length);
        tailBox[2] = -1;
        tailBox[3] = -1;
    }

    /** Draws every stroke again (after undo, clear or a pen change). */
    private void rebuild() {
        Arrays.fill(committed, 0f);
        for (SmoothedStroke stroke : strokes) {
            StrokeRasterizer.drawPolyline(stroke.polyline(), 0, stroke.polylinePoints() - 1, radius(), committed,
                    size, size);
        }
        syncWork();
        settledPoints = 0;
        if (current != null) {
            settle();
            drawTail();
        }
    }

    private double radius() {
        return penWidth / 2.0;
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(size, v));
    }
}
