package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * A chart series that stays small however long training runs: points are appended one by one;
 * when more than {@code capacity} kept points exist, every other one is dropped and from then on
 * only every {@code stride}-th added point is kept (the stride doubles each time). The most recent
 * point is always shown (as a provisional last point that the next one replaces), so the curve
 * ends where training is.
 *
 * <p>FX thread only once the list is shown in a chart.
 */
public final class DecimatedSeries {

    /** Points a curve keeps by default: plenty for a chart a few hundred pixels wide. */
    public static final int DEFAULT_CAPACITY = 500;

    private final int capacity;
    private final ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
    private int stride = 1;
    private long added;
    private boolean lastIsProvisional;

    public DecimatedSeries(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4, got " + capacity);
        }
        this.capacity = capacity;
    }

    public DecimatedSeries() {
        this(DEFAULT_CAPACITY);
    }

    /** Appends (x, y); non-finite y values are skipped (a chart cannot draw NaN). */
    public void add(double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        boolean keep = added % stride == 0;
        added++;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(x, y);
        if (lastIsProvisional) {
            points.set(points.size() - 1, point); // one list change for the chart, not a removal and an addition
        } else {
            points.add(point);
        }
        lastIsProvisional = !keep;
        if (keptCount() > capacity) {
            compact();
        }
    }

    /** Removes every point. */
    public void clear() {
        points.clear();
        stride = 1;
        added = 0;
        lastIsProvisional = false;
    }

    /** The points for a chart (do not modify). */
    public ObservableList<XYChart.Data<Number, Number>> points() {
        return points;
    }

    /** Only every stride-th point is kept now. */
    public int stride() {
        return stride;
    }

    /** The y value of the last point, NaN if empty. */
    public double lastY() {
        return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).getYValue().doubleValue();
    }

    private int keptCount() {
        return points.size() - (lastIsProvisional ? 1 : 0);
    }

    /** Keeps every other kept point (the first included), doubles the stride; one bulk list change. */
    private void compact() {
        int kept = keptCount();
        List<XYChart.Data<Number, Number>> thinned = new ArrayList<>(kept / 2 + 2);
        for (int i = 0; i < kept; i += 2) {
            thinned.add(points.get(i));
        }
        XYChart.Data<Number, Number> newest = points.get(points.size() - 1);
        boolean newestDropped = thinned.get(thinned.size() - 1) != newest;
        if (newestDropped) {
            thinned.add(newest);
        }
        lastIsProvisional = newestDropped;
        // Kept points sat at add-indices that are multiples of the stride; every other one of them
        // is a multiple of twice the stride, so the same rule (index % stride == 0) goes on.
        stride *= 2;
        points.setAll(thinned);
    }
}
