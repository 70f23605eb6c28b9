package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.section;
import static org.hiddenneurons.ui.WorkbenchControls.titleRow;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The workbench's centre column: the hidden layer's tiles (weights and the drawing's activations)
 * with the colour scale and its mode, the replay timeline, and Θ2 (hidden → output weights). The
 * timeline decides which network they show: the live one or a snapshot of the run. While training
 * runs their repaints are spread over frames ({@link PulseSpreader}).
 */
final class HiddenLayerColumn {

    static final double COLOUR_BAR_MIN_WIDTH = 170;
    static final double COLOUR_BAR_MAX_WIDTH = 420;
    /** Θ2 view: 10 rows of cells, axis and colour bar. */
    static final double OUTPUT_WEIGHTS_HEIGHT = 150;
    /** Detail the projector cannot show legibly: hidden in presentation mode (rule in presentation.css). */
    static final String PRESENTATION_DETAIL = "hn-presentation-detail";

    private final WorkbenchViewModel model;
    private final HiddenUnitGrid grid = new HiddenUnitGrid();
    private final OutputWeightsView outputWeights = new OutputWeightsView();
    private final ReplayBar replayBar;
    /** Which units are saturated, for the tiles' marks; null until {@link #showSaturation}. */
    private SaturationWatch saturation;
    /** Other grids that show the drawing's activations with this one (the Hidden-unit page's picker). */
    private final List<HiddenUnitGrid> passFollowers = new ArrayList<>();
    private final VBox column;
    /** The colour-scale legend and the Θ2 section: shown only when the window has room ({@link WorkbenchLayout}). */
    private final Node scaleLegend;
    private final VBox outputSection;

    /**
     * @param openDossier what a double click on a selected tile does
     */
    HiddenLayerColumn(WorkbenchViewModel model, PulseSpreader spreader, ViewPreferences viewPreferences,
            ViewScope scope, Runnable openDossier) {
        this.model = model;
        grid.setId(WorkbenchView.HIDDEN_GRID_ID);
        grid.scaleProperty().bind(model.weightScaleProperty());
        grid.paletteProperty().bind(viewPreferences.paletteProperty()); // every other view follows the grid's
        outputWeights.paletteProperty().bind(viewPreferences.paletteProperty());
        outputWeights.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        Runnable showOutputWeights = () -> outputWeights.setNetwork(model.replay().shownNetworkProperty().get());
        scope.listen(model.replay().shownNetworkProperty(), (o, old, now) -> {
            spreader.post(WorkbenchView.Spread.GRID, this::showGrid);
            spreader.post(WorkbenchView.Spread.OUTPUT_WEIGHTS, showOutputWeights);
        });
        scope.listen(model.replay().shownPassProperty(),
                (o, old, now) -> spreader.post(WorkbenchView.Spread.GRID, this::showGrid));
        showGrid();
        showOutputWeights.run();
        grid.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && grid.getSelectedUnit() >= 0) {
                openDossier.run();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(0);

        SegmentedButton scale = scaleChooser();
        ColorBar colourBar = grid.getColorBar();
        colourBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        colourBar.setMaxWidth(COLOUR_BAR_MAX_WIDTH);
        HBox.setHgrow(colourBar, Priority.ALWAYS);
        // The mode is said here, so the bar itself needs no caption (keeps the tiles large).
        grid.setTexts(gridTexts());
        Label legend = new Label();
        legend.textProperty().bind(model.weightScaleProperty().map(mode -> mode == WeightPictures.Scale.SHARED
                ? I18n.t("workbench.scale.legend.shared") : I18n.t("workbench.scale.legend.perUnit")));
        legend.getStyleClass().addAll("hn-muted", PRESENTATION_DETAIL);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        legend.setMinHeight(Region.USE_PREF_SIZE); // all its lines, whatever the grid would like
        scaleLegend = legend;
        // The bar and its legend sit beside the title, above the tiles: every pixel of height goes to the tiles.
        HBox scaleRow = new HBox(colourBar, legend, scale);
        scaleRow.getStyleClass().addAll("hn-toolbar", "hn-scale-row");
        scale.getStyleClass().add(PresentationMode.CONTROLS);
        scaleRow.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(scaleRow, Priority.ALWAYS);
        Tooltip.install(grid, new Tooltip(I18n.t("workbench.grid.tooltip")));

        replayBar = new ReplayBar(model.replay());
        VBox hiddenSection = section(titleRow(I18n.t("workbench.section.hiddenLayer"), scaleRow), grid, replayBar);

        outputWeights.setPrefHeight(OUTPUT_WEIGHTS_HEIGHT);
        outputWeights.setMinHeight(Region.USE_PREF_SIZE);
        outputWeights.setTexts(outputTexts());
        ColorBar outputBar = outputWeights.getColorBar();
        outputBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        outputBar.setPrefWidth(COLOUR_BAR_MIN_WIDTH);
        outputSection = section(titleRow(I18n.t("workbench.section.outputWeights"), outputBar), outputWeights);
        outputSection.getStyleClass().add(PRESENTATION_DETAIL); // under the training charts (TrainingColumn)
        VBox.setVgrow(outputWeights, Priority.ALWAYS);
        Tooltip.install(outputSection, new Tooltip(I18n.t("workbench.outputWeights.tooltip")));

        replayBar.markWhileReplaying(hiddenSection, outputSection);
        VBox.setVgrow(hiddenSection, Priority.ALWAYS);
        column = new VBox(hiddenSection);
        column.getStyleClass().addAll("hn-column", "hn-centre");
        column.setMinWidth(0);
    }

    /** Per unit / Shared: the colour scale of the hidden-unit pictures. */
    private SegmentedButton scaleChooser() {
        ToggleButton perUnit = new ToggleButton(I18n.t("workbench.scale.perUnit"));
        perUnit.setTooltip(new Tooltip(I18n.t("workbench.scale.perUnit.tooltip")));
        perUnit.setUserData(WeightPictures.Scale.PER_UNIT);
        ToggleButton shared = new ToggleButton(I18n.t("workbench.scale.shared"));
        shared.setTooltip(new Tooltip(I18n.t("workbench.scale.shared.tooltip")));
        shared.setUserData(WeightPictures.Scale.SHARED);
        SegmentedButton scale = new SegmentedButton(perUnit, shared);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup scaleGroup = scale.getToggleGroup();
        (model.weightScaleProperty().get() == WeightPictures.Scale.SHARED ? shared : perUnit).setSelected(true);
        scaleGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.weightScaleProperty().set((WeightPictures.Scale) now.getUserData());
            }
        });
        return scale;
    }

    /** The grid shows the shown network's weights and the shown drawing's activations. */
    private void showGrid() {
        Network network = model.replay().shownNetworkProperty().get();
        if (grid.getNetwork() != network) {
            int units = grid.getTiles().size();
            grid.setNetwork(network);
            if (saturation != null && grid.getTiles().size() != units) {
                grid.setSaturation(saturation.saturationProperty().get()); // new tiles: marks of a fitting size only
            }
        }
        ForwardPass pass = model.replay().shownPassProperty().get();
        grid.setForwardPass(pass);
        for (HiddenUnitGrid follower : passFollowers) {
            follower.setForwardPass(pass);
        }
    }

    /** The tiles mark the units {@code watch} finds saturated (always on / always off over the training set). */
    void showSaturation(SaturationWatch watch, ViewScope scope) {
        saturation = watch;
        scope.listen(watch.saturationProperty(), (o, old, now) -> grid.setSaturation(now));
        grid.setSaturation(watch.saturationProperty().get());
    }

    /** {@code other} shows the drawing's activations whenever the grid does. */
    void showPassAlsoOn(HiddenUnitGrid other) {
        passFollowers.add(other);
        other.setForwardPass(model.replay().shownPassProperty().get());
    }

    /** Θ2's texts without the colour-bar caption (its bar sits in the section title). */
    static OutputWeightsView.Texts outputTexts() {
        OutputWeightsView.Texts texts = OutputWeightsView.Texts.current();
        return new OutputWeightsView.Texts(texts.digitFromUnit(), texts.digitFromBias(), texts.bias(), "");
    }

    /** The grid's texts without colour-bar captions (the legend beside the bar says the mode). */
    static HiddenUnitGrid.Texts gridTexts() {
        HiddenUnitGrid.Texts texts = HiddenUnitGrid.Texts.current();
        return new HiddenUnitGrid.Texts(texts.unit(), texts.activation(), texts.z(), texts.bias(), texts.weightAt(),
                texts.separator(), "", "", "", "");
    }

    /** The colour-scale legend ({@link WorkbenchLayout} hides it in a small window). */
    Node scaleLegend() {
        return scaleLegend;
    }

    /** Θ2 and its colour bar: placed under the training charts by {@link TrainingColumn}. */
    VBox outputSection() {
        return outputSection;
    }

    VBox node() {
        return column;
    }

    HiddenUnitGrid grid() {
        return grid;
    }

    OutputWeightsView outputWeights() {
        return outputWeights;
    }

    ReplayBar replayBar() {
        return replayBar;
    }
}
