package org.hiddenneurons.ui.controls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.ActivationBars;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.TileSizing;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The hidden layer at a glance: one tile per hidden unit (25 in a 5×5 grid for the course
 * network; for other sizes the near-square layout of {@link TileSizing} that gives the largest
 * whole-number scale in the grid's box), each tile that unit's
 * incoming weights (row j of Θ1 without the bias) as a diverging heatmap, its activation for the
 * current drawing as a bar and a glow, and a {@link ColorBar} with the numeric scale underneath.
 *
 * <p>Call order: {@link #setNetwork} whenever a new snapshot arrives (a copy nobody modifies),
 * {@link #setForwardPass} whenever the drawing or the network changes. Units are numbered from 1
 * on screen ({@link #displayNumber}); {@link #selectedUnitProperty()} holds the 0-based index.
 * Click selects a unit, the arrow keys move the selection, Escape clears it. {@link #setUnitOrder}
 * rearranges the tiles (e.g. most important first) and {@link #setUnitScores} tints them. FX thread only.
 */
public final class HiddenUnitGrid extends Region {

    /** Preferred screen pixels per weight pixel (80 px tiles for 20×20 inputs). */
    public static final int DEFAULT_IMAGE_SCALE = 4;
    /** Space between tiles (small: at 5 × 5 every pixel of it is taken from the pictures). */
    public static final double GAP = 2;
    /** Space between the tiles and the colour bar. */
    static final double COLOR_BAR_GAP = 8;

    /**
     * Every text the grid shows, for translations; "{0}", "{1}", "{2}" are replaced by the values
     * (numbers arrive formatted). Separator goes between the tooltip's parts.
     */
    public record Texts(String unit, String activation, String z, String bias, String weightAt,
                        String separator, String captionNoNetwork, String captionShared,
                        String captionPerUnit, String captionSelectedUnit) {
        /** The texts in the current language ({@link I18n}). */
        public static Texts current() {
            return new Texts(I18n.t("workbench.grid.unit"), I18n.t("workbench.grid.activation"),
                    I18n.t("workbench.grid.z"), I18n.t("workbench.grid.bias"), I18n.t("workbench.grid.weightAt"),
                    I18n.t("workbench.grid.separator"), I18n.t("workbench.grid.caption"),
                    I18n.t("workbench.grid.caption.shared"), I18n.t("workbench.grid.caption.perUnit"),
                    I18n.t("workbench.grid.caption.selectedUnit"));
        }
    }

    private final Pane tileLayer = new Pane();
    private final ColorBar colorBar = new ColorBar();
    private final List<HiddenUnitTile> tiles = new ArrayList<>();
    private int[] pixelBuffer = new int[0];
    /** Θ1 of {@link #network}, copied into this reused buffer at each repaint (the network's weights are read-only). */
    private double[] theta1Buffer = new double[0];
    /** The tiles' scale at the last layout (new tiles start with it). */
    private int lastImageScale = DEFAULT_IMAGE_SCALE;
    /** Tiles per row at the last layout (the arrow keys follow it). */
    private int lastColumns = 1;

    private Network network;
    /** The network shown before {@link #network} (the Δ view's reference), or null. */
    private Network previousNetwork;
    private final BooleanProperty deltaView = new SimpleBooleanProperty(this, "deltaView", false);
    private ForwardPass forwardPass;
    /** Display position → unit; null: unit order. */
    private int[] unitOrder;
    /** Per unit, the saturation sentence for its tooltip (null: not saturated); null: no marks. */
    private String[] saturationNotes;
    /** Per-unit scores in [0, 1] shown as tints; null: none. */
    private double[] unitScores;

    private final ObjectProperty<WeightPictures.Scale> scale =
            new SimpleObjectProperty<>(this, "scale", WeightPictures.Scale.SHARED);
    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(this, "palette", DivergingPalette.BLUE_WHITE_RED);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", -1);
    private final ObjectProperty<Texts> texts = new SimpleObjectProperty<>(this, "texts", Texts.current());

    public HiddenUnitGrid() {
        getStyleClass().add(Styles.HIDDEN_UNIT_GRID);
        tileLayer.setManaged(false);
        tileLayer.getStyleClass().add(Styles.HIDDEN_UNIT_TILES);
        getChildren().addAll(tileLayer, colorBar);
        setFocusTraversable(true);
        colorBar.paletteProperty().bind(palette);
        colorBar.parentProperty().addListener((obs, old, now) -> requestLayout());

        scale.addListener((obs, old, now) -> repaintWeights());
        deltaView.addListener((obs, old, now) -> repaintWeights());
        palette.addListener((obs, old, now) -> repaintWeights());
        selectedUnit.addListener((obs, old, now) -> {
            updateSelectionStyle();
            updateColorBar();
        });
        texts.addListener((obs, old, now) -> updateColorBar());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ---- public API ------------------------------------------------------------------------

    /**
     * Shows a network's hidden units: repaints every tile, and rebuilds them only if the number of
     * units or the input size changed. Clears the forward pass if its size no longer fits.
     *
     * @param copy a network nobody modifies any more (e.g. from a training snapshot); null: no tiles
     */
    public void setNetwork(Network copy) {
        NetworkSpec old = network == null ? null : network.spec();
        if (copy != network) {
            previousNetwork = network;
        }
        network = copy;
        if (copy == null) {
            rebuildTiles(0);
        } else if (old == null || old.hiddenSize() != copy.spec().hiddenSize()) {
            rebuildTiles(copy.spec().hiddenSize());
        }
        if (forwardPass != null && !fits(forwardPass)) {
            forwardPass = null;
        }
        repaintWeights();
        updateActivations();
        if (selectedUnit.get() >= tiles.size()) {
            selectedUnit.set(-1);
        }
    }

    public Network getNetwork() {
        return network;
    }

    /**
     * Δ view: each tile shows how its weights changed since the previous network shown
     * (Δ = Θ1 − Θ1 of the previous snapshot), on a symmetric colour scale of its own (max |Δ| per
     * unit or over all units, as {@link #scaleProperty()} says). With no previous network of the
     * same shape, the tiles show the weights.
     */
    public BooleanProperty deltaViewProperty() {
        return deltaView;
    }

    /** Switches the Δ view on or off (the V key). */
    public void toggleDeltaView() {
        deltaView.set(!deltaView.get());
    }

    /** Whether the tiles show changes now (Δ view on and a previous network of the same shape). */
    public boolean showsDelta() {
        return deltaView.get() && network != null && previousNetwork != null
                && previousNetwork.spec().equals(network.spec());
    }

    /**
     * Shows each unit's activation a2[j+1] for the current drawing. Null (or a pass whose hidden
     * size does not match the network) shows none.
     */
    public void setForwardPass(ForwardPass pass) {
        forwardPass = pass != null && fits(pass) ? pass : null;
        updateActivations();
    }

    public ForwardPass getForwardPass() {
        return forwardPass;
    }

    /** Shared scale (compares units) or per-unit scale (shows each pattern best). */
    public ObjectProperty<WeightPictures.Scale> scaleProperty() {
        return scale;
    }

    public void setScale(WeightPictures.Scale value) {
        scale.set(value);
    }

    /** {@link DivergingPalette#BLUE_WHITE_RED} for light themes, BLUE_BLACK_RED for dark. */
    public ObjectProperty<DivergingPalette> paletteProperty() {
        return palette;
    }

    public void setPalette(DivergingPalette value) {
        palette.set(value);
    }

    /** The selected unit's 0-based index, −1 for none. */
    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public int getSelectedUnit() {
        return selectedUnit.get();
    }

    public void setSelectedUnit(int unit) {
        selectedUnit.set(unit);
    }

    /** The texts shown (default {@link Texts#current()}). */
    public ObjectProperty<Texts> textsProperty() {
        return texts;
    }

    public void setTexts(Texts value) {
        texts.set(value);
    }

    /**
     * Shows the tiles in another order: {@code order[p]} is the unit shown at position p (reading
     * order). Null, or an array that is not a permutation of the units, shows them by number. The
     * arrow keys follow the positions on screen.
     */
    public void setUnitOrder(int[] order) {
        unitOrder = UnitOrdering.isPermutation(order, tiles.size()) ? order.clone() : null;
        requestLayout();
    }

    /** Display position → unit (a copy); the identity when shown by number. */
    public int[] getUnitOrder() {
        int[] order = new int[tiles.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = unitAt(p);
        }
        return order;
    }

    /**
     * Tints each tile by a score in [0, 1] (e.g. importance); null, or an array of the wrong
     * length, removes the tints.
     */
    public void setUnitScores(double[] scores) {
        unitScores = scores != null && scores.length == tiles.size() ? scores.clone() : null;
        updateScores();
    }

    /** A short mark per unit (e.g. "always on"; null or empty: none); null or a wrong length clears them. */
    public void setUnitFlags(String[] flags) {
        for (HiddenUnitTile tile : tiles) {
            tile.setFlag(flags != null && flags.length == tiles.size() ? flags[tile.unit()] : null);
        }
    }

    /**
     * Marks the saturated units (always on / always off over the training set): a small mark on
     * the tile's corner, and a sentence in its tooltip and accessible text ({@link SaturationMarks}).
     * Null, or an array of the wrong length, removes the marks. Does not repaint the pictures.
     */
    public void setSaturation(ActivationRange.Saturation[] saturation) {
        saturationNotes = SaturationMarks.notes(saturation, tiles.size());
        if (!getStyleClass().contains(Styles.HIDDEN_UNIT_SATURATION)) {
            getStyleClass().add(Styles.HIDDEN_UNIT_SATURATION);
        }
        for (HiddenUnitTile tile : tiles) {
            SaturationMarks.mark(tile, saturationNotes == null ? null : saturation[tile.unit()],
                    texts.get().unit());
        }
    }

    /** The tiles, in unit order (read-only). */
    public List<HiddenUnitTile> getTiles() {
        return Collections.unmodifiableList(tiles);
    }

    /**
     * The colour legend, kept up to date by the grid. It sits under the tiles; put it into another
     * container to show it elsewhere (the grid then stops reserving room for it).
     */
    public ColorBar getColorBar() {
        return colorBar;
    }

    /** Unit j (0-based) as people count it: j + 1. */
    public static int displayNumber(int unit) {
        return unit + 1;
    }

    /**
     * The colour scale of unit j's picture: its own max |w| for per-unit scaling, else
     * {@code sharedMaxAbs}.
     */
    public static double tileMaxAbs(double[] theta1, NetworkSpec spec, int unit,
                                    WeightPictures.Scale scale, double sharedMaxAbs) {
        return scale == WeightPictures.Scale.PER_UNIT ? WeightPictures.maxAbs(theta1, spec, unit) : sharedMaxAbs;
    }

    /**
     * The pure pixel work of a repaint: every unit's picture into {@code pixels[j]}.
     *
     * @param pixels hidden × inputSize ARGB values. Modified.
     */
    public static void renderAll(Network network, WeightPictures.Scale scale, DivergingPalette palette,
                                 int[][] pixels) {
        NetworkSpec spec = network.spec();
        double[] theta1 = network.theta1Copy();
        double shared = scale == WeightPictures.Scale.SHARED ? WeightPictures.maxAbs(theta1, spec) : Double.NaN;
        for (int j = 0; j < spec.hiddenSize(); j++) {
            WeightPictures.render(theta1, spec, j, tileMaxAbs(theta1, spec, j, scale, shared), palette, pixels[j]);
        }
    }

    // ---- painting --------------------------------------------------------------------------

    private boolean fits(ForwardPass pass) {
        return network != null && pass.z2().length == network.spec().hiddenSize();
    }

    /** The unit shown at display position p. */
    private int unitAt(int position) {
        return unitOrder == null ? position : unitOrder[position];
    }

    /** The display position of {@code unit}. */
    private int positionOf(int unit) {
        if (unitOrder == null) {
            return unit;
        }
        for (int p = 0; p < unitOrder.length; p++) {
            if (unitOrder[p] == unit) {
                return p;
            }
        }
        return unit;
    }

    private void updateScores() {
        for (HiddenUnitTile tile : tiles) {
            tile.setScore(unitScores == null ? Double.NaN : unitScores[tile.unit()]);
        }
    }

    private void rebuildTiles(int count) {
        unitOrder = null;
        unitScores = null;
        saturationNotes = null;
        lastColumns = WeightPictures.gridColumns(Math.max(1, count)); // until the next layout says
        tiles.clear();
        tileLayer.getChildren().clear();
        for (int j = 0; j < count; j++) {
            HiddenUnitTile tile = new HiddenUnitTile(j);
            tile.setImageScale(lastImageScale);
            tile.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(tile, e));
            tile.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> updateTooltip(tile, e));
            tile.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    requestFocus();
                    selectedUnit.set(tile.unit());
                }
            });
            tiles.add(tile);
            tileLayer.getChildren().add(tile);
        }
        updateSelectionStyle();
        requestLayout();
    }

    private void updateTooltip(HiddenUnitTile tile, MouseEvent e) {
        if (network == null) {
            return;
        }
        String note = saturationNotes == null ? null : saturationNotes[tile.unit()];
        tile.getTooltip().setText(HiddenUnitTooltip.text(network, forwardPass, tile.unit(), tile.pixelAt(e.getX(), e.getY()),
                texts.get()) + (note == null ? "" : "\n" + note));
    }

    private void repaintWeights() {
        if (network == null) {
            updateColorBar();
            return;
        }
        NetworkSpec spec = network.spec();
        double[] theta1 = shownTheta1();
        if (pixelBuffer.length != spec.inputSize()) {
            pixelBuffer = new int[spec.inputSize()];
        }
        WeightPictures.Scale mode = scale.get();
        double shared = mode == WeightPictures.Scale.SHARED ? WeightPictures.maxAbs(theta1, spec) : Double.NaN;
        for (HiddenUnitTile tile : tiles) {
            int j = tile.unit();
            WeightPictures.render(theta1, spec, j, tileMaxAbs(theta1, spec, j, mode, shared), palette.get(), pixelBuffer);
            tile.setPixels(pixelBuffer, spec.inputWidth(), spec.inputHeight());
        }
        updateColorBar();
    }

    /** What the tiles picture: Θ1, or in the Δ view its change since the previous network. */
    private double[] shownTheta1() {
        NetworkSpec spec = network.spec();
        int length = spec.hiddenSize() * (spec.inputSize() + 1);
        if (theta1Buffer.length != length) {
            theta1Buffer = new double[length];
        }
        network.copyTheta1Into(theta1Buffer);
        return showsDelta() ? WeightPictures.delta(theta1Buffer, previousNetwork.theta1Copy()) : theta1Buffer;
    }

    private void updateColorBar() {
        if (network == null) {
            colorBar.setRelative(false);
            colorBar.setMaxAbs(Double.NaN);
            colorBar.setCaption(texts.get().captionNoNetwork());
            return;
        }
        NetworkSpec spec = network.spec();
        double[] theta1 = shownTheta1();
        String deltaPrefix = showsDelta() ? I18n.t("workbench.watch.delta.caption") + " " : "";
        if (scale.get() == WeightPictures.Scale.SHARED) {
            colorBar.setRelative(false);
            colorBar.setMaxAbs(WeightPictures.maxAbs(theta1, spec));
            colorBar.setCaption(deltaPrefix + texts.get().captionShared());
        } else if (selectedUnit.get() >= 0 && selectedUnit.get() < spec.hiddenSize()) {
            int unit = selectedUnit.get();
            colorBar.setRelative(false);
            colorBar.setMaxAbs(WeightPictures.maxAbs(theta1, spec, unit));
            colorBar.setCaption(deltaPrefix + HiddenUnitTooltip.fill(texts.get().captionSelectedUnit(), displayNumber(unit)));
        } else {
            colorBar.setRelative(true);
            colorBar.setCaption(deltaPrefix + texts.get().captionPerUnit());
        }
    }

    private void updateActivations() {
        if (forwardPass == null || network == null) {
            tiles.forEach(tile -> tile.setActivation(Double.NaN));
            return;
        }
        // Each activation on its own range (sigmoid 0…1, tanh −1…1, ReLU 0…max now).
        Activation g = network.spec().hiddenActivation();
        double[] a2 = Arrays.copyOfRange(forwardPass.a2(), 1, forwardPass.a2().length);
        ActivationBars.Bar[] bars = ActivationBars.bars(g, a2);
        for (HiddenUnitTile tile : tiles) {
            int j = tile.unit();
            if (j < a2.length) {
                tile.setActivation(a2[j], bars[j], ActivationBars.strength(g, bars[j]));
            }
        }
    }

    private void updateSelectionStyle() {
        int selected = selectedUnit.get();
        for (HiddenUnitTile tile : tiles) {
            boolean on = tile.unit() == selected;
            if (on && !tile.getStyleClass().contains(Styles.HIDDEN_UNIT_SELECTED)) {
                tile.getStyleClass().add(Styles.HIDDEN_UNIT_SELECTED);
            } else if (!on) {
                tile.getStyleClass().remove(Styles.HIDDEN_UNIT_SELECTED);
            }
        }
    }

    private void onKey(KeyEvent e) {
        int count = tiles.size();
        if (count == 0) {
            return;
        }
        int columns = Math.max(1, Math.min(lastColumns, count));
        int current = selectedUnit.get() < 0 ? -1 : positionOf(selectedUnit.get());
        int next;
        switch (e.getCode()) {
            case LEFT -> next = current < 0 ? 0 : Math.max(0, current - 1);
            case RIGHT -> next = current < 0 ? 0 : Math.min(count - 1, current + 1);
            case UP -> next = current < 0 ? 0 : (current - columns >= 0 ? current - columns : current);
            case DOWN -> next = current < 0 ? 0 : (current + columns < count ? current + columns : current);
            case HOME -> next = 0;
            case END -> next = count - 1;
            case ESCAPE -> next = -1;
            default -> {
                return;
            }
        }
        selectedUnit.set(next < 0 ? -1 : unitAt(next));
        e.consume();
    }

    // ---- layout ----------------------------------------------------------------------------

    private int inputWidth() {
        return network == null ? 20 : network.spec().inputWidth();
    }

    private int inputHeight() {
        return network == null ? 20 : network.spec().inputHeight();
    }

    /** The tiles' layout in a box of this size (the colour bar's room, when the grid holds it, excluded). */
    public TileSizing sizing(double width, double height) {
        return TileSizing.fit(Math.max(1, tiles.size()), inputWidth(), inputHeight(), width, height,
                HiddenUnitTile.CHROME_WIDTH, HiddenUnitTile.CHROME_HEIGHT, GAP);
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double barHeight = colorBarRoom(width);
        double tilesHeight = Math.max(0, height - barHeight);

        TileSizing sizing = sizing(width, tilesHeight);
        int columns = sizing.columns();
        lastColumns = columns;
        int imageScale = sizing.imageScale();
        lastImageScale = imageScale;
        double tileWidth = sizing.tileWidth();
        double tileHeight = sizing.tileHeight();
        double gridWidth = sizing.gridWidth();
        double gridHeight = sizing.gridHeight();
        double x0 = left + Math.max(0, Math.floor((width - gridWidth) / 2));
        double y0 = top;
        tileLayer.resizeRelocate(x0, y0, gridWidth, gridHeight);
        for (HiddenUnitTile tile : tiles) {
            int position = positionOf(tile.unit());
            tile.setImageScale(imageScale);
            tile.resizeRelocate((position % columns) * (tileWidth + GAP), (position / columns) * (tileHeight + GAP),
                    tileWidth, tileHeight);
        }
        if (ownsColorBar()) {
            double barWidth = Math.min(width, Math.max(gridWidth, 160));
            colorBar.resizeRelocate(left + Math.floor((width - barWidth) / 2), y0 + gridHeight + COLOR_BAR_GAP,
                    barWidth, colorBar.prefHeight(barWidth));
        }
    }

    /** Screen pixels per weight pixel at the last layout. */
    public int imageScale() {
        return lastImageScale;
    }

    private boolean ownsColorBar() {
        return colorBar.getParent() == this;
    }

    /** Height the colour bar takes under the tiles, gap included (0 once it lives elsewhere). */
    private double colorBarRoom(double width) {
        return ownsColorBar() ? colorBar.prefHeight(width) + COLOR_BAR_GAP : 0;
    }

    private double prefGridWidth() {
        int columns = WeightPictures.gridColumns(Math.max(1, tiles.size()));
        return columns * (inputWidth() * DEFAULT_IMAGE_SCALE + HiddenUnitTile.CHROME_WIDTH) + (columns - 1) * GAP;
    }

    private double prefGridHeight() {
        int rows = WeightPictures.gridRows(Math.max(1, tiles.size()));
        return rows * (inputHeight() * DEFAULT_IMAGE_SCALE + HiddenUnitTile.CHROME_HEIGHT) + (rows - 1) * GAP;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + prefGridWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + prefGridHeight() + colorBarRoom(-1) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        int columns = WeightPictures.gridColumns(Math.max(1, tiles.size()));
        return snappedLeftInset() + columns * (inputWidth() + HiddenUnitTile.CHROME_WIDTH) + (columns - 1) * GAP
                + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        int rows = WeightPictures.gridRows(Math.max(1, tiles.size()));
        return snappedTopInset() + rows * (inputHeight() + HiddenUnitTile.CHROME_HEIGHT) + (rows - 1) * GAP
                + colorBarRoom(-1) + snappedBottomInset();
    }
}
