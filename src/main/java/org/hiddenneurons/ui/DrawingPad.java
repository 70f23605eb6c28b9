package org.hiddenneurons.ui;

import org.hiddenneurons.data.SmoothedStroke;
import org.hiddenneurons.data.StrokeRasterizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * A square pad to draw a digit on with the mouse, a pen or a finger.
 *
 * <p>Strokes are kept as lists of points in <em>drawing coordinates</em> (0 … {@link #RASTER_SIZE},
 * independent of how large the pad is shown), smoothed with quadratic curves through the midpoints
 * of consecutive points, and drawn with round caps and joins. After every change — each drag
 * step, not only the release — {@link #drawingProperty()} gets a new immutable {@link Drawing}: the
 * ink rasterised with anti-aliasing into {@link #RASTER_SIZE}² ARGB pixels, white ink on black
 * (the data set's convention), whatever the theme shows on screen.
 *
 * <p>The strokes, their smoothing, undo and the ink coverage live in a {@link StrokeModel} (plain
 * Java); this node turns input events into its calls, paints the strokes on screen and publishes
 * the drawing.
 *
 * <p>Ink colour on screen: the CSS property {@code -hn-ink-color} (components.css sets it to the
 * theme's foreground); the pad's background is the {@link Styles#DRAWING_PAD_SURFACE} region's.
 * Use on the FX thread only.
 */
public final class DrawingPad extends Region {

    /** Side of the rasterised drawing in pixels: the pad's logical size. */
    public static final int RASTER_SIZE = 280;
    /** Preferred side of the pad on screen. */
    public static final double DEFAULT_SIZE = 280;
    /**
     * Default pen width in drawing pixels: 1/10 of the pad, so that a digit drawn to fill most of
     * the pad has strokes about as thick, relative to its size, as the training digits.
     */
    public static final double DEFAULT_PEN_WIDTH = RASTER_SIZE / 10.0;

    /**
     * One state of the pad.
     *
     * @param width       pixels per row ({@link #RASTER_SIZE})
     * @param height      rows
     * @param argb        width×height opaque gray ARGB pixels, row-major; white = ink. Owned by
     *                    this value: never modified, do not modify
     * @param empty       true when no stroke is drawn (the pixels are all black)
     * @param strokeCount number of strokes, including the one being drawn
     */
    public record Drawing(int width, int height, int[] argb, boolean empty, int strokeCount) {
        public Drawing {
            if (argb.length != width * height) {
                throw new IllegalArgumentException("a " + width + "x" + height + " drawing needs "
                        + width * height + " pixels, got " + argb.length);
            }
        }
    }

    private static final CssMetaData<DrawingPad, Color> INK_COLOR = new CssMetaData<>(
            "-hn-ink-color", StyleConverter.getColorConverter(), Color.WHITE) {
        @Override
        public boolean isSettable(DrawingPad pad) {
            return !pad.inkColor.isBound();
        }

        @Override
        public StyleableProperty<Color> getStyleableProperty(DrawingPad pad) {
            return pad.inkColor;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.add(INK_COLOR);
        CSS_META_DATA = Collections.unmodifiableList(list);
    }

    private final Region surface = new Region();
    /**
     * The finished strokes and the settled part of the current one; a drag adds only the newly
     * settled segments. The unsettled end of the current stroke (it moves with the next point) is
     * on {@link #tailCanvas}, cleared and drawn again on each drag. So a drag's painting does not
     * grow with the drawing (the whole picture used to be stroked again on every drag).
     */
    private final Canvas canvas = new Canvas();
    private final Canvas tailCanvas = new Canvas();
    private final Label hint = new Label(I18n.t("workbench.pad.hint"));

    /** The strokes, their smoothing, undo and coverage (plain Java). */
    private final StrokeModel strokes = new StrokeModel(RASTER_SIZE, DEFAULT_PEN_WIDTH);
    /** Points of the current polyline whose segments are already painted on {@link #canvas}. */
    private int paintedPoints;
    private int activeTouchId = -1;

    private final ReadOnlyObjectWrapper<Drawing> drawing =
            new ReadOnlyObjectWrapper<>(this, "drawing", blankDrawing());
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final DoubleProperty penWidth = new SimpleDoubleProperty(this, "penWidth", DEFAULT_PEN_WIDTH);
    private final StyleableObjectProperty<Color> inkColor =
            new SimpleStyleableObjectProperty<>(INK_COLOR, this, "inkColor", Color.WHITE);

    public DrawingPad() {
        getStyleClass().add(Styles.DRAWING_PAD);
        surface.getStyleClass().add(Styles.DRAWING_PAD_SURFACE);
        hint.getStyleClass().addAll(Styles.DRAWING_PAD_HINT, Styles.EMPTY_HINT);
        hint.setMouseTransparent(true);
        canvas.setMouseTransparent(true);
        tailCanvas.setMouseTransparent(true);
        getChildren().addAll(surface, canvas, tailCanvas, hint);
        pseudoEmpty(true);

        penWidth.addListener((obs, old, now) -> {
            strokes.setPenWidth(now.doubleValue());
            publish();
            repaint();
        });
        inkColor.addListener((obs, old, now) -> repaint());
        canvas.widthProperty().addListener((obs, old, now) -> repaint());
        canvas.heightProperty().addListener((obs, old, now) -> repaint());

        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isSynthesized() || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            beginStroke(e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!e.isSynthesized() && strokes.drawing()) {
                extendStroke(e.getX(), e.getY());
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!e.isSynthesized() && strokes.drawing() && e.getButton() == MouseButton.PRIMARY) {
                extendStroke(e.getX(), e.getY());
                endStroke();
                e.consume();
            }
        });
        addEventHandler(TouchEvent.TOUCH_PRESSED, e -> {
            if (activeTouchId < 0) {
                TouchPoint p = e.getTouchPoint();
                activeTouchId = p.getId();
                beginStroke(p.getX(), p.getY());
            }
            e.consume();
        });
        addEventHandler(TouchEvent.TOUCH_MOVED, e -> {
            TouchPoint p = e.getTouchPoint();
            if (p.getId() == activeTouchId && strokes.drawing()) {
                extendStroke(p.getX(), p.getY());
            }
            e.consume();
        });
        addEventHandler(TouchEvent.TOUCH_RELEASED, e -> {
            TouchPoint p = e.getTouchPoint();
            if (p.getId() == activeTouchId) {
                activeTouchId = -1;
                if (strokes.drawing()) {
                    extendStroke(p.getX(), p.getY());
                    endStroke();
                }
            }
            e.consume();
        });
    }

    // ---- public API ------------------------------------------------------------------------

    /** The latest drawing; replaced on every stroke step, release, undo, clear and pen change. */
    public ReadOnlyObjectProperty<Drawing> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    public Drawing getDrawing() {
        return drawing.get();
    }

    /** True between a press (or touch) on the pad and its release: a stroke is being drawn. */
    public boolean isStroking() {
        return strokes.drawing();
    }

    /** True while no stroke is drawn. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public boolean isEmpty() {
        return empty.get();
    }

    /**
     * Pen width in drawing pixels (of the {@link #RASTER_SIZE}² drawing, whatever the pad's size on
     * screen; default {@value #DEFAULT_PEN_WIDTH}). Changing it redraws every stroke.
     */
    public DoubleProperty penWidthProperty() {
        return penWidth;
    }

    public double getPenWidth() {
        return penWidth.get();
    }

    public void setPenWidth(double drawingPixels) {
        penWidth.set(drawingPixels);
    }

    /** The ink colour on screen (CSS {@code -hn-ink-color}); the Drawing is always white on black. */
    public StyleableObjectProperty<Color> inkColorProperty() {
        return inkColor;
    }

    /** The text shown while the pad is empty (bind it for translations). */
    public StringProperty hintTextProperty() {
        return hint.textProperty();
    }

    /** Removes every stroke. */
    public void clear() {
        strokes.clear();
        publish();
        repaint();
    }

    /** Removes the last stroke (the one being drawn, if any); does nothing on an empty pad. */
    public void undo() {
        if (strokes.undo()) {
            publish();
            repaint();
        }
    }

    /** The finished strokes' points in drawing coordinates (copies, for tests and replays). */
    public List<List<Point2D>> getStrokes() {
        List<List<Point2D>> out = new ArrayList<>();
        for (double[] xy : strokes.finishedPoints()) {
            List<Point2D> points = new ArrayList<>(xy.length / 2);
            for (int i = 0; i + 1 < xy.length; i += 2) {
                points.add(new Point2D(xy[i], xy[i + 1]));
            }
            out.add(Collections.unmodifiableList(points));
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of finished strokes. */
    public int strokeCount() {
        return strokes.finishedStrokes().size();
    }

    /**
     * Adds a finished stroke, for tests, robots and replays.
     *
     * @param points in drawing coordinates (0 … {@link #RASTER_SIZE}); not kept
     */
    public void addStroke(List<Point2D> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke needs at least one point");
        }
        strokes.addStroke(toXy(points));
        publish();
        repaint();
    }

    // ---- stroke input ----------------------------------------------------------------------

    private void beginStroke(double localX, double localY) {
        Point2D p = toDrawing(localX, localY);
        strokes.begin(p.getX(), p.getY());
        publish();
        repaint();
    }

    private void extendStroke(double localX, double localY) {
        Point2D p = toDrawing(localX, localY);
        if (strokes.extend(p.getX(), p.getY())) {
            publish();
            paintCurrentStroke();
        }
    }

    private void endStroke() {
        SmoothedStroke finished = strokes.currentStroke();
        strokes.end();
        if (canvas.getWidth() > 0) { // the tail moves onto the canvas of finished strokes
            strokePolyline(pen(canvas), finished.polyline(), finished.polylinePoints(),
                    Math.max(0, paintedPoints - 1), finished.polylinePoints() - 1);
            clear(tailCanvas);
        }
        publish();
    }

    /** Local (event) coordinates → drawing coordinates, clamped to the pad. */
    private Point2D toDrawing(double localX, double localY) {
        double side = canvas.getWidth() > 0 ? canvas.getWidth() : DEFAULT_SIZE;
        double scale = RASTER_SIZE / side;
        double x = (localX - canvas.getLayoutX()) * scale;
        double y = (localY - canvas.getLayoutY()) * scale;
        return new Point2D(Math.max(0, Math.min(RASTER_SIZE, x)), Math.max(0, Math.min(RASTER_SIZE, y)));
    }

    // ---- raster and screen -----------------------------------------------------------------

    private void publish() {
        int count = strokes.strokeCount();
        drawing.set(new Drawing(RASTER_SIZE, RASTER_SIZE, strokes.toArgb(), count == 0, count));
        empty.set(count == 0);
        pseudoEmpty(count == 0);
    }

    private void pseudoEmpty(boolean isEmpty) {
        if (isEmpty) {
            if (!getStyleClass().contains(Styles.DRAWING_PAD_EMPTY)) {
                getStyleClass().add(Styles.DRAWING_PAD_EMPTY);
            }
        } else {
            getStyleClass().remove(Styles.DRAWING_PAD_EMPTY);
        }
        hint.setVisible(isEmpty);
    }

    /** Paints everything again: the finished strokes and the current one's settled part, then its tail. */
    private void repaint() {
        clear(canvas);
        clear(tailCanvas);
        paintedPoints = 0;
        if (canvas.getWidth() <= 0) {
            return;
        }
        GraphicsContext g = pen(canvas);
        for (SmoothedStroke stroke : strokes.finishedStrokes()) {
            strokePolyline(g, stroke.polyline(), stroke.polylinePoints(), 0, stroke.polylinePoints() - 1);
        }
        paintCurrentStroke();
    }

    /**
     * A drag step: adds the current stroke's newly settled segments to {@link #canvas} and draws
     * its unsettled end again on {@link #tailCanvas}. Pieces meet at shared points with round caps,
     * which draws the same shape as one stroke with round joins.
     */
    private void paintCurrentStroke() {
        SmoothedStroke current = strokes.currentStroke();
        if (current == null || canvas.getWidth() <= 0) {
            return;
        }
        double[] xy = current.polyline();
        int points = current.polylinePoints();
        int last = points - 1;
        int settledPoints = strokes.settledPoints();
        int settledEnd = Math.max(0, settledPoints - 1); // the settled segments end at this point
        if (settledEnd > Math.max(0, paintedPoints - 1)) {
            strokePolyline(pen(canvas), xy, points, Math.max(0, paintedPoints - 1), settledEnd);
            paintedPoints = settledPoints;
        }
        clear(tailCanvas);
        strokePolyline(pen(tailCanvas), xy, points, settledEnd, last);
    }

    private static void clear(Canvas target) {
        target.getGraphicsContext2D().clearRect(0, 0, target.getWidth(), target.getHeight());
    }

    /** {@code target}'s graphics set up for ink: colour, pen width at screen scale, round ends and joins. */
    private GraphicsContext pen(Canvas target) {
        GraphicsContext g = target.getGraphicsContext2D();
        double scale = target.getWidth() / RASTER_SIZE;
        g.setStroke(inkColor.get());
        g.setFill(inkColor.get());
        g.setLineWidth(penWidth.get() * scale);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        return g;
    }

    /**
     * Strokes points {@code from}…{@code to} of a polyline in drawing coordinates whose first
     * {@code points} points count; one point is a dot.
     */
    private void strokePolyline(GraphicsContext g, double[] xy, int points, int from, int to) {
        double scale = g.getCanvas().getWidth() / RASTER_SIZE;
        if (to <= from) {
            if (points == 1) { // a stroke of one point: a dot
                double r = penWidth.get() * scale / 2;
                g.fillOval(xy[0] * scale - r, xy[1] * scale - r, 2 * r, 2 * r);
            }
            return;
        }
        g.beginPath();
        g.moveTo(xy[2 * from] * scale, xy[2 * from + 1] * scale);
        for (int i = from + 1; i <= to; i++) {
            g.lineTo(xy[2 * i] * scale, xy[2 * i + 1] * scale);
        }
        g.stroke();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double side = Math.floor(Math.max(0, Math.min(width, height)));
        double x = left + Math.floor((width - side) / 2);
        double y = top + Math.floor((height - side) / 2);
        surface.resizeRelocate(x, y, side, side);
        for (Canvas layer : new Canvas[] {tailCanvas, canvas}) { // the canvas last: its size change repaints both
            layer.relocate(x, y);
            layer.setWidth(side);
            layer.setHeight(side);
        }
        hint.autosize();
        hint.relocate(x + Math.floor((side - hint.getWidth()) / 2), y + Math.floor((side - hint.getHeight()) / 2));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + DEFAULT_SIZE + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + DEFAULT_SIZE + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + RASTER_SIZE / 4.0 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + RASTER_SIZE / 4.0 + snappedBottomInset();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    private static Drawing blankDrawing() {
        return new Drawing(RASTER_SIZE, RASTER_SIZE, StrokeRasterizer.toArgb(new float[RASTER_SIZE * RASTER_SIZE]), true, 0);
    }

    /** Points as x0, y0, x1, y1, …, the form {@link StrokeModel} takes. */
    private static double[] toXy(List<Point2D> points) {
        double[] xy = new double[2 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = points.get(i).getX();
            xy[2 * i + 1] = points.get(i).getY();
        }
        return xy;
    }
}
