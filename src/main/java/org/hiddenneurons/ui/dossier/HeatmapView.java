package org.hiddenneurons.ui.dossier;

import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * A width×height grid of values drawn as crisp square cells: diverging (the weight palette,
 * symmetric around 0, scaled by max |v| or a given scale) or gray (0 → black, 1 → white, like the
 * data's white ink on black). Gridlines appear once a cell is at least {@value #GRIDLINE_MIN_CELL}
 * screen pixels; Ctrl/⌘ + scroll zooms. Hovering reports the cell (x, y) and its value in
 * {@link #readoutProperty()} and a tooltip. An optional ink overlay draws the current drawing as
 * dots over a diverging map ("a heatmap over the drawing").
 */
public final class HeatmapView extends Region {

    /** How values map to colours. */
    public enum Mode {
        DIVERGING,
        GRAY
    }

    /** Cells at least this large (screen pixels) get gridlines. */
    public static final int GRIDLINE_MIN_CELL = 8;
    static final int MIN_CELL = 1;
    static final int MAX_CELL = 40;

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private double[] values;
    private double[] overlay;
    private int gridWidth;
    private int gridHeight;
    private Mode mode = Mode.DIVERGING;
    private double maxAbs = Double.NaN;
    private int cell = 1;
    private boolean tooltipInstalled;
    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(this, "palette", DivergingPalette.BLUE_WHITE_RED);
    private final IntegerProperty preferredCell = new SimpleIntegerProperty(this, "preferredCell", 6);
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private IntFunction<String> describer = i -> ColorBarTexts.signed(values[i]);

    public HeatmapView() {
        getStyleClass().add(DossierStyles.HEATMAP);
        getChildren().add(canvas);
        palette.addListener((obs, old, now) -> redraw());
        preferredCell.addListener((obs, old, now) -> requestParentLayout());
        tooltip.setShowDelay(Duration.millis(100));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                int step = e.getDeltaY() > 0 ? 1 : -1;
                preferredCell.set(Math.max(MIN_CELL, Math.min(MAX_CELL, preferredCell.get() + step)));
                e.consume();
            }
        });
    }

    /**
     * Shows values.
     *
     * @param newValues width×height row-major (x fastest); kept, not copied (callers pass arrays nobody
     *                  modifies); null: empty
     * @param scale     DIVERGING: the value drawn at full colour (NaN or ≤ 0: max |v| of the values);
     *                  GRAY: ignored (0..1)
     */
    public void setValues(double[] newValues, int width, int height, Mode newMode, double scale) {
        values = newValues;
        gridWidth = width;
        gridHeight = height;
        mode = newMode;
        maxAbs = !(scale > 0) && newValues != null ? maxAbsOf(newValues) : scale;
        if (hovered.get() >= 0) {
            updateReadout(hovered.get());
        }
        requestParentLayout();
        redraw();
    }

    /** Ink (0..1 per cell, same size as the values) drawn as dots on top; null: none. */
    public void setOverlay(double[] ink) {
        overlay = ink;
        redraw();
    }

    /** The scale used (max |v| or the given one). */
    public double getScale() {
        return maxAbs;
    }

    /** How the readout and tooltip describe cell i's value (default: the signed value). */
    public void setDescriber(IntFunction<String> describer) {
        this.describer = describer;
    }

    public ObjectProperty<DivergingPalette> paletteProperty() {
        return palette;
    }

    /** Screen pixels per cell wanted (the view shrinks it to fit, never grows beyond it). */
    public IntegerProperty preferredCellProperty() {
        return preferredCell;
    }

    public void setPreferredCell(int pixels) {
        preferredCell.set(pixels);
    }

    /** The hovered cell's index (y·width + x), −1 when none. */
    public ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** "x 3, y 12: +0.42" for the hovered cell, empty when none. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The cell size in screen pixels at the last layout. */
    public int cellSize() {
        return cell;
    }

    /** The colour drawn for cell i (for tests). */
    int colorOf(int i) {
        double v = values[i];
        if (mode == Mode.GRAY) {
            int level = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
            return 0xff000000 | level << 16 | level << 8 | level;
        }
        return palette.get().argb(v, maxAbs);
    }

    private void onMove(MouseEvent e) {
        if (values == null || cell <= 0) {
            setHovered(-1);
            return;
        }
        int x = (int) (e.getX() / cell);
        int y = (int) (e.getY() / cell);
        setHovered(x >= 0 && y >= 0 && x < gridWidth && y < gridHeight ? y * gridWidth + x : -1);
    }

    private void setHovered(int index) {
        hovered.set(index);
        updateReadout(index);
    }

    private void updateReadout(int index) {
        if (index < 0 || values == null || index >= values.length) {
            readout.set("");
            if (tooltipInstalled) {
                Tooltip.uninstall(canvas, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        String text = I18n.t("pages.dossier.readout", index % gridWidth, index / gridWidth, describer.apply(index));
        readout.set(text);
        tooltip.setText(text);
        if (!tooltipInstalled) {
            Tooltip.install(canvas, tooltip);
            tooltipInstalled = true;
        }
    }

    private static double maxAbsOf(double[] v) {
        double max = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                max = Math.max(max, Math.abs(d));
            }
        }
        return max;
    }

    private void redraw() {
        int w = gridWidth * cell;
        int h = gridHeight * cell;
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (values == null) {
            return;
        }
        for (int y = 0; y < gridHeight; y++) {
            for (int x = 0; x < gridWidth; x++) {
                g.setFill(color(colorOf(y * gridWidth + x)));
                g.fillRect(x * cell, y * cell, cell, cell);
            }
        }
        boolean darkZero = luminance(mode == Mode.GRAY ? 0xff000000 : palette.get().argb(0, 1)) < 0.5;
        Color contrast = darkZero ? Color.WHITE : Color.BLACK;
        if (overlay != null && overlay.length == values.length) {
            for (int i = 0; i < overlay.length; i++) {
                double ink = overlay[i];
                if (ink > 0.05) {
                    double r = cell * 0.22;
                    g.setFill(contrast.deriveColor(0, 1, 1, Math.min(1, ink) * 0.75));
                    g.fillOval((i % gridWidth + 0.5) * cell - r, (i / gridWidth + 0.5) * cell - r, 2 * r, 2 * r);
                }
            }
        }
        if (cell >= GRIDLINE_MIN_CELL) {
            g.setStroke(contrast.deriveColor(0, 1, 1, 0.12));
            g.setLineWidth(1);
            for (int x = 1; x < gridWidth; x++) {
                g.strokeLine(x * cell + 0.5, 0, x * cell + 0.5, h);
            }
            for (int y = 1; y < gridHeight; y++) {
                g.strokeLine(0, y * cell + 0.5, w, y * cell + 0.5);
            }
        }
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    private static double luminance(int argb) {
        return (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff)) / 255;
    }

    @Override
    protected void layoutChildren() {
        if (gridWidth == 0) {
            return;
        }
        int fit = (int) Math.floor(Math.min(getWidth() / gridWidth, getHeight() / gridHeight));
        int newCell = Math.max(MIN_CELL, Math.min(preferredCell.get(), fit));
        if (newCell != cell || canvas.getWidth() != gridWidth * newCell) {
            cell = newCell;
            redraw();
        }
        canvas.relocate(Math.floor((getWidth() - canvas.getWidth()) / 2), 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return gridWidth * preferredCell.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return gridHeight * preferredCell.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return gridWidth * Math.min(preferredCell.get(), 2);
    }

    @Override
    protected double computeMinHeight(double width) {
        return gridHeight * Math.min(preferredCell.get(), 2);
    }
}
