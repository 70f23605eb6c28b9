package org.hiddenneurons.ui.dossier;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * Signed values as vertical bars around a zero line: up and in the palette's positive colour for
 * values &gt; 0, down and in its negative colour for values &lt; 0 (the same red/blue as the
 * weight pictures), one category label under each bar, optionally the value at the bar's end, and
 * a tooltip with the exact number. One bar can be emphasised (bold label, full colour; the others
 * are drawn lighter).
 */
public final class SignedBarChart extends Region {

    static final double LABEL_HEIGHT = 18;
    static final double VALUE_HEIGHT = 16;
    static final double BAR_GAP_FRACTION = 0.3;
    static final double DEFAULT_PLOT_HEIGHT = 96;
    static final double DEFAULT_BAR_PITCH = 26;
    /** Opacity of the bars that are not emphasised while one is. */
    static final double DIMMED = 0.55;

    private final Region axis = new Region();
    private final List<Region> bars = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Label> valueLabels = new ArrayList<>();
    private final List<Tooltip> tooltips = new ArrayList<>();
    private double[] values = new double[0];
    private String[] names = new String[0];
    private int highlight = -1;
    private boolean showValues = true;
    private double scale = Double.NaN;
    private double plotHeight = DEFAULT_PLOT_HEIGHT;
    private double barPitch = DEFAULT_BAR_PITCH;
    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(this, "palette", DivergingPalette.BLUE_WHITE_RED);

    public SignedBarChart() {
        getStyleClass().add(DossierStyles.BAR_CHART);
        axis.getStyleClass().add(DossierStyles.BAR_AXIS);
        getChildren().add(axis);
        palette.addListener((obs, old, now) -> refresh());
    }

    /**
     * Shows values, one bar each.
     *
     * @param newValues  not kept (copied); NaN draws no bar
     * @param categories one label per value
     */
    public void setData(double[] newValues, String[] categories) {
        if (newValues.length != categories.length) {
            throw new IllegalArgumentException(newValues.length + " values but " + categories.length + " labels");
        }
        values = newValues.clone();
        names = categories.clone();
        if (bars.size() != values.length) {
            rebuild();
        }
        refresh();
    }

    /** The bar to emphasise (−1: none). */
    public void setHighlight(int index) {
        highlight = index;
        refresh();
    }

    /** Write each value at its bar's end (default true). */
    public void setShowValues(boolean show) {
        showValues = show;
        refresh();
        requestLayout();
    }

    /** The value drawn at full height (NaN: the largest |value|). */
    public void setScale(double value) {
        scale = value;
        requestLayout();
    }

    /** Height of the plot area (both halves) and horizontal space per bar, in pixels. */
    public void setGeometry(double newPlotHeight, double newBarPitch) {
        plotHeight = newPlotHeight;
        barPitch = newBarPitch;
        requestLayout();
    }

    public ObjectProperty<DivergingPalette> paletteProperty() {
        return palette;
    }

    public double[] getValues() {
        return values.clone();
    }

    /** Bar i's node (for tests). */
    Region bar(int i) {
        return bars.get(i);
    }

    private void rebuild() {
        getChildren().setAll(axis);
        bars.clear();
        labels.clear();
        valueLabels.clear();
        tooltips.clear();
        for (int i = 0; i < values.length; i++) {
            Region bar = new Region();
            Label label = new Label();
            label.getStyleClass().add(DossierStyles.BAR_LABEL);
            label.setAlignment(Pos.CENTER);
            Label value = new Label();
            value.getStyleClass().addAll(DossierStyles.BAR_VALUE, DossierStyles.MUTED);
            value.setAlignment(Pos.CENTER);
            Tooltip tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(100));
            Tooltip.install(bar, tooltip);
            bars.add(bar);
            labels.add(label);
            valueLabels.add(value);
            tooltips.add(tooltip);
            getChildren().addAll(bar, label, value);
        }
    }

    private void refresh() {
        DivergingPalette p = palette.get();
        Color positive = color(p.entry(DivergingPalette.LEVELS - 1 - DivergingPalette.LEVELS / 8));
        Color negative = color(p.entry(DivergingPalette.LEVELS / 8));
        for (int i = 0; i < bars.size(); i++) {
            double v = values[i];
            Region bar = bars.get(i);
            bar.setBackground(new Background(new BackgroundFill(v >= 0 ? positive : negative, new CornerRadii(2), null)));
            bar.setOpacity(highlight >= 0 && i != highlight ? DIMMED : 1.0);
            labels.get(i).setText(names[i]);
            boolean emphasised = i == highlight;
            if (emphasised && !labels.get(i).getStyleClass().contains(DossierStyles.BAR_HIGHLIGHT)) {
                labels.get(i).getStyleClass().add(DossierStyles.BAR_HIGHLIGHT);
            } else if (!emphasised) {
                labels.get(i).getStyleClass().remove(DossierStyles.BAR_HIGHLIGHT);
            }
            String text = Double.isNaN(v) ? "\u2013" : ColorBarTexts.signed(v);
            valueLabels.get(i).setText(showValues ? shortNumber(v) : "");
            valueLabels.get(i).setVisible(showValues);
            tooltips.get(i).setText(names[i] + ": " + text);
        }
        requestLayout();
    }

    /** Two significant figures at most, fitting under a narrow bar ("+1.3", "−0.42", "+12"). */
    static String shortNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double magnitude = Math.abs(v);
        int decimals = magnitude >= 10 ? 0 : magnitude >= 1 ? 1 : 2;
        return ColorBarTexts.signed(v, decimals);
    }

    private double effectiveScale() {
        if (scale > 0) {
            return scale;
        }
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double valueSpace = showValues ? VALUE_HEIGHT : 2;
        double top = valueSpace;
        double bottom = height - LABEL_HEIGHT - valueSpace;
        double middle = Math.round((top + bottom) / 2);
        double half = Math.max(1, (bottom - top) / 2);
        int n = values.length;
        double pitch = n == 0 ? 0 : width / n;
        double barWidth = Math.max(2, Math.round(pitch * (1 - BAR_GAP_FRACTION)));
        axis.resizeRelocate(0, middle, width, 1);
        double max = effectiveScale();
        for (int i = 0; i < n; i++) {
            double v = values[i];
            double length = max > 0 && Double.isFinite(v) ? Math.round(Math.min(1, Math.abs(v) / max) * half) : 0;
            double x = Math.round(i * pitch + (pitch - barWidth) / 2);
            double y = v >= 0 ? middle - length : middle + 1;
            bars.get(i).resizeRelocate(x, y, barWidth, Math.max(length, 0));
            labels.get(i).resizeRelocate(i * pitch - 4, height - LABEL_HEIGHT, pitch + 8, LABEL_HEIGHT);
            double valueY = v >= 0 ? y - VALUE_HEIGHT : y + length;
            // Centred on its bar, and never narrower than its text (presentation mode's larger font).
            Label value = valueLabels.get(i);
            double valueWidth = Math.max(pitch + 16, Math.ceil(value.prefWidth(-1)));
            value.resizeRelocate(i * pitch + (pitch - valueWidth) / 2, valueY, valueWidth, VALUE_HEIGHT);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return values.length * barPitch;
    }

    @Override
    protected double computePrefHeight(double width) {
        return plotHeight + LABEL_HEIGHT + 2 * (showValues ? VALUE_HEIGHT : 2);
    }

    @Override
    protected double computeMinWidth(double height) {
        return values.length * 8;
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
