package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.controls.HiddenUnitTooltip;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * How the output layer votes: Θ2 (outputs × (hidden+1), bias in column 0) as a compact heatmap,
 * one row per digit 0–9 and one column per hidden unit, the bias column set apart on the right,
 * all on one diverging scale (max |Θ2| including the bias) shown by a {@link ColorBar}. Hover shows
 * "digit 3 ← unit 7: +1.25"; the selected hidden unit's column is outlined, and clicking a column
 * selects that unit. Units are numbered from 1 on screen, as in {@link HiddenUnitGrid}.
 */
public final class OutputWeightsView extends Region {

    /** Preferred side of one cell in screen pixels. */
    public static final int DEFAULT_CELL = 14;
    static final double LABEL_WIDTH = 18;
    static final double BIAS_GAP = 8;
    static final double AXIS_HEIGHT = 16;
    static final double COLOR_BAR_GAP = 6;
    /** Column numbers are written for unit 1 and every this-many units. */
    static final int AXIS_STEP = 5;

    /** Every text the view shows, for translations ("{0}"… replaced by values). */
    public record Texts(String digitFromUnit, String digitFromBias, String bias, String caption) {
        /** The texts in the current language ({@link I18n}). */
        public static Texts current() {
            return new Texts(I18n.t("workbench.outputWeights.digitFromUnit"), I18n.t("workbench.outputWeights.digitFromBias"),
                    I18n.t("workbench.outputWeights.bias"), I18n.t("workbench.outputWeights.caption"));
        }
    }

    private final ImageView weightsView = new ImageView();
    private final ImageView biasView = new ImageView();
    private final Region highlight = new Region();
    private final ColorBar colorBar = new ColorBar();
    private final List<Label> rowLabels = new ArrayList<>();
    private final List<Label> columnLabels = new ArrayList<>();
    private final Label biasLabel = new Label();
    private final Tooltip weightsTooltip = new Tooltip();
    private final Tooltip biasTooltip = new Tooltip();
    private WritableImage weightsImage;
    private WritableImage biasImage;
    /** Θ2 colours at one pixel per weight (outputs × hidden) and the bias column (outputs). */
    private int[] weightPixels = new int[0];
    private int[] biasPixels = new int[0];
    /** Reused buffer for the enlarged images. */
    private int[] scaledBuffer = new int[0];
    private Network network;
    private int cell = DEFAULT_CELL;
    /** The cell size the images were last written at. */
    private int writtenCell = -1;

    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(this, "palette", DivergingPalette.BLUE_WHITE_RED);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", -1);
    private final BooleanProperty showBias = new SimpleBooleanProperty(this, "showBias", true);
    private final ObjectProperty<Texts> texts = new SimpleObjectProperty<>(this, "texts", Texts.current());

    /** Node id (lessons highlight it). */
    public static final String ID = "output-weights";

    public OutputWeightsView() {
        setId(ID);
        getStyleClass().add(Styles.OUTPUT_WEIGHTS);
        weightsView.setSmooth(false);
        biasView.setSmooth(false);
        highlight.getStyleClass().add(Styles.OUTPUT_WEIGHTS_HIGHLIGHT);
        highlight.setMouseTransparent(true);
        biasLabel.getStyleClass().addAll(Styles.OUTPUT_WEIGHTS_AXIS, Styles.MUTED);
        colorBar.paletteProperty().bind(palette);
        colorBar.parentProperty().addListener((obs, old, now) -> requestLayout());
        biasLabel.textProperty().bind(texts.map(Texts::bias));
        colorBar.captionProperty().bind(texts.map(Texts::caption));
        for (Tooltip tooltip : new Tooltip[] {weightsTooltip, biasTooltip}) {
            tooltip.setShowDelay(Duration.millis(150));
            tooltip.setShowDuration(Duration.INDEFINITE);
        }
        Tooltip.install(weightsView, weightsTooltip);
        Tooltip.install(biasView, biasTooltip);
        getChildren().addAll(weightsView, biasView, highlight, biasLabel, colorBar);

        weightsView.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(e, false));
        weightsView.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> updateTooltip(e, false));
        biasView.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(e, true));
        biasView.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> updateTooltip(e, true));
        weightsView.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && network != null) {
                int unit = (int) (e.getX() / cell);
                if (unit >= 0 && unit < network.spec().hiddenSize()) {
                    selectedUnit.set(unit);
                }
            }
        });
        palette.addListener((obs, old, now) -> repaint());
        selectedUnit.addListener((obs, old, now) -> requestLayout());
        showBias.addListener((obs, old, now) -> requestLayout());
    }

    // ---- public API ------------------------------------------------------------------------

    /** @param copy a network nobody modifies any more; null: nothing shown */
    public void setNetwork(Network copy) {
        NetworkSpec old = network == null ? null : network.spec();
        network = copy;
        boolean resized = copy == null ? old != null : old == null || old.outputSize() != copy.spec().outputSize()
                || old.hiddenSize() != copy.spec().hiddenSize();
        if (copy != null && resized) {
            rebuildLabels(copy.spec());
        }
        if (selectedUnit.get() >= hiddenSize()) {
            selectedUnit.set(-1);
        }
        repaint();
        if (resized) {
            requestLayout(); // new weights of the same shape only repaint the images: no layout pass per snapshot
        }
    }

    public Network getNetwork() {
        return network;
    }

    public ObjectProperty<DivergingPalette> paletteProperty() {
        return palette;
    }

    public void setPalette(DivergingPalette value) {
        palette.set(value);
    }

    /** The hidden unit whose column is outlined (0-based), −1 for none. */
    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public void setSelectedUnit(int unit) {
        selectedUnit.set(unit);
    }

    /** Show the bias column (default true). */
    public BooleanProperty showBiasProperty() {
        return showBias;
    }

    /** The texts shown (default {@link Texts#current()}). */
    public ObjectProperty<Texts> textsProperty() {
        return texts;
    }

    public void setTexts(Texts value) {
        texts.set(value);
    }

    /**
     * The colour bar of Θ2's scale. Shown under the matrix; add it to another parent (e.g. a title
     * row) and the view stops reserving room for it.
     */
    public ColorBar getColorBar() {
        return colorBar;
    }

    /** The hover text of one weight: "digit 3 ← unit 7: +1.25" (unit −1: the bias). */
    public static String tooltipText(Network network, int digit, int unit) {
        return tooltipText(network, digit, unit, Texts.current());
    }

    /** {@link #tooltipText(Network, int, int)} in the given texts. */
    public static String tooltipText(Network network, int digit, int unit, Texts texts) {
        int cols = network.spec().hiddenSize() + 1;
        String weight = ColorBar.formatSigned(network.theta2(digit * cols + unit + 1), 2);
        return unit < 0 ? HiddenUnitTooltip.fill(texts.digitFromBias(), digit, weight)
                : HiddenUnitTooltip.fill(texts.digitFromUnit(), digit, HiddenUnitGrid.displayNumber(unit), weight);
    }

    /** max |Θ2| over all entries, bias included: the scale of every cell. */
    public static double maxAbs(Network network) {
        double max = 0;
        for (double w : network.theta2Copy()) {
            max = Math.max(max, Math.abs(w));
        }
        return max;
    }

    /** The weights image (hidden·cell wide, outputs·cell high) for tests. */
    WritableImage weightsImage() {
        return weightsImage;
    }

    /** Screen pixels per weight at the last layout (for tests). */
    int cellSize() {
        return cell;
    }

    /** The outline of the selected column (for tests). */
    Region highlight() {
        return highlight;
    }

    // ---- painting --------------------------------------------------------------------------

    private int hiddenSize() {
        return network == null ? 0 : network.spec().hiddenSize();
    }

    private int outputSize() {
        return network == null ? 10 : network.spec().outputSize();
    }

    private void rebuildLabels(NetworkSpec spec) {
        getChildren().removeAll(rowLabels);
        getChildren().removeAll(columnLabels);
        rowLabels.clear();
        columnLabels.clear();
        for (int k = 0; k < spec.outputSize(); k++) {
            Label label = new Label(Integer.toString(k));
            label.getStyleClass().add(Styles.OUTPUT_WEIGHTS_AXIS);
            rowLabels.add(label);
        }
        for (int j = 0; j < spec.hiddenSize(); j++) {
            int number = HiddenUnitGrid.displayNumber(j);
            if (number == 1 || number % AXIS_STEP == 0) {
                Label label = new Label(Integer.toString(number));
                label.getStyleClass().addAll(Styles.OUTPUT_WEIGHTS_AXIS, Styles.MUTED);
                label.setUserData(j);
                columnLabels.add(label);
            }
        }
        getChildren().addAll(rowLabels);
        getChildren().addAll(columnLabels);
    }

    private void repaint() {
        if (network == null) {
            weightsView.setImage(null);
            biasView.setImage(null);
            weightsImage = null;
            biasImage = null;
            colorBar.setMaxAbs(Double.NaN);
            return;
        }
        int hidden = hiddenSize();
        int outputs = outputSize();
        double[] theta2 = network.theta2Copy();
        double max = maxAbs(network);
        DivergingPalette p = palette.get();
        if (weightPixels.length != hidden * outputs) {
            weightPixels = new int[hidden * outputs];
        }
        if (biasPixels.length != outputs) {
            biasPixels = new int[outputs];
        }
        for (int k = 0; k < outputs; k++) {
            biasPixels[k] = p.argb(theta2[k * (hidden + 1)], max);
            for (int j = 0; j < hidden; j++) {
                weightPixels[k * hidden + j] = p.argb(theta2[k * (hidden + 1) + j + 1], max);
            }
        }
        colorBar.setMaxAbs(max);
        writeImages();
    }

    /**
     * Writes both images enlarged to the current cell size (nearest neighbour done here, so cells
     * stay crisp on every pipeline); images are recreated only when their size changes.
     */
    private void writeImages() {
        if (network == null) {
            return;
        }
        int hidden = hiddenSize();
        int outputs = outputSize();
        int needed = hidden * outputs * cell * cell;
        if (scaledBuffer.length < needed) {
            scaledBuffer = new int[needed];
        }
        HiddenUnitTile.upscale(weightPixels, hidden, outputs, cell, scaledBuffer);
        weightsImage = writable(weightsImage, hidden * cell, outputs * cell);
        weightsView.setImage(weightsImage);
        weightsImage.getPixelWriter().setPixels(0, 0, hidden * cell, outputs * cell,
                PixelFormat.getIntArgbPreInstance(), scaledBuffer, 0, hidden * cell);
        HiddenUnitTile.upscale(biasPixels, 1, outputs, cell, scaledBuffer);
        biasImage = writable(biasImage, cell, outputs * cell);
        biasView.setImage(biasImage);
        biasImage.getPixelWriter().setPixels(0, 0, cell, outputs * cell, PixelFormat.getIntArgbPreInstance(),
                scaledBuffer, 0, cell);
        writtenCell = cell;
    }

    private static WritableImage writable(WritableImage current, int width, int height) {
        if (current != null && (int) current.getWidth() == width && (int) current.getHeight() == height) {
            return current;
        }
        return new WritableImage(width, height);
    }

    private void updateTooltip(MouseEvent e, boolean bias) {
        if (network == null) {
            return;
        }
        int digit = Math.max(0, Math.min(outputSize() - 1, (int) (e.getY() / cell)));
        int unit = bias ? -1 : Math.max(0, Math.min(hiddenSize() - 1, (int) (e.getX() / cell)));
        (bias ? biasTooltip : weightsTooltip).setText(tooltipText(network, digit, unit, texts.get()));
    }

    // ---- layout ----------------------------------------------------------------------------

    private double biasWidth() {
        return showBias.get() ? BIAS_GAP + Math.max(cell, biasLabel.prefWidth(-1)) : 0;
    }

    private boolean ownsColorBar() {
        return colorBar.getParent() == this;
    }

    /** Height the colour bar takes under the axis, gap included (0 once it lives elsewhere). */
    private double colorBarRoom() {
        return ownsColorBar() ? COLOR_BAR_GAP + colorBar.prefHeight(-1) : 0;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        int hidden = Math.max(1, hiddenSize());
        int outputs = outputSize();
        double barHeight = colorBarRoom();
        double biasExtra = showBias.get() ? BIAS_GAP + biasLabel.prefWidth(-1) : 0;
        int byWidth = (int) Math.floor((width - LABEL_WIDTH - biasExtra) / hidden);
        int byHeight = (int) Math.floor((height - AXIS_HEIGHT - barHeight) / outputs);
        cell = Math.max(2, Math.min(byWidth, byHeight));
        if (cell != writtenCell) {
            writeImages();
        }

        double matrixWidth = hidden * cell;
        double matrixHeight = outputs * cell;
        double x = left + LABEL_WIDTH;
        double y = top;
        weightsView.setFitWidth(matrixWidth);
        weightsView.setFitHeight(matrixHeight);
        weightsView.relocate(x, y);
        for (int k = 0; k < rowLabels.size(); k++) {
            Label label = rowLabels.get(k);
            label.autosize();
            label.relocate(left + LABEL_WIDTH - label.getWidth() - 4, y + k * cell + (cell - label.getHeight()) / 2);
        }
        for (Label label : columnLabels) {
            int j = (int) label.getUserData();
            label.autosize();
            label.relocate(x + j * cell + (cell - label.getWidth()) / 2, y + matrixHeight + 1);
        }
        boolean bias = showBias.get();
        biasView.setVisible(bias);
        biasLabel.setVisible(bias);
        double biasX = x + matrixWidth + BIAS_GAP;
        biasLabel.autosize();
        double biasColumn = Math.max(cell, biasLabel.getWidth());
        biasView.setFitWidth(cell);
        biasView.setFitHeight(matrixHeight);
        biasView.relocate(biasX + Math.floor((biasColumn - cell) / 2), y);
        biasLabel.relocate(biasX + (biasColumn - biasLabel.getWidth()) / 2, y + matrixHeight + 1);

        int selected = selectedUnit.get();
        boolean showHighlight = network != null && selected >= 0 && selected < hiddenSize();
        highlight.setVisible(showHighlight);
        if (showHighlight) {
            highlight.resizeRelocate(x + selected * cell - 2, y - 2, cell + 4, matrixHeight + 4);
        }
        if (ownsColorBar()) {
            double barWidth = Math.max(160, Math.min(width, matrixWidth + LABEL_WIDTH + biasWidth()));
            colorBar.resizeRelocate(left, y + matrixHeight + AXIS_HEIGHT + COLOR_BAR_GAP, barWidth,
                    colorBar.prefHeight(barWidth));
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + LABEL_WIDTH + Math.max(1, hiddenSize()) * DEFAULT_CELL
                + (showBias.get() ? BIAS_GAP + Math.max(DEFAULT_CELL, biasLabel.prefWidth(-1)) : 0)
                + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + outputSize() * DEFAULT_CELL + AXIS_HEIGHT + colorBarRoom() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + LABEL_WIDTH + Math.max(1, hiddenSize()) * 2 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + outputSize() * 2 + AXIS_HEIGHT + colorBarRoom() + snappedBottomInset();
    }
}
