package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.named;
import static org.hiddenneurons.ui.WorkbenchControls.section;
import static org.hiddenneurons.ui.WorkbenchControls.settingLabel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.dossier.DossierModel;
import org.hiddenneurons.ui.dossier.ExperimentsPanel;
import org.hiddenneurons.ui.dossier.PredictionExplanationView;
import org.hiddenneurons.ui.dossier.UnitDossierView;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The Hidden-unit page: on the left the unit picker (the hidden layer's tiles, small), the unit
 * order, the drawing pad's slot and the experiments; in the centre the selected unit's dossier and
 * the explanation of the prediction, in one scroll pane.
 */
final class HiddenUnitPage {

    /** The page's left column (pad, unit picker, experiments). */
    static final double SIDE_COLUMN_WIDTH = 316;
    /** Screen pixels per weight pixel in the unit picker. */
    static final int PICKER_IMAGE_SCALE = 2;
    static final String PINNED_TITLE_ID = "pinned-unit-title";
    /** The experiments panel under the dossier: wide enough for its rows, no wider. */
    static final double EXPERIMENTS_MAX_WIDTH = 720;

    private final HiddenUnitGrid unitPicker = new HiddenUnitGrid();
    private final HiddenUnitGrid grid;
    private final Pane padSlot = new StackPane();
    private final UnitDossierView unitDossier;
    private final PredictionExplanationView explanation;
    private final ScrollPane dossierScroll;
    /** The unit's title pinned above the dossier once its own title has scrolled away (E, the explanation). */
    private final Label pinnedTitle = new Label();
    private final BorderPane page = new BorderPane();

    /**
     * @param hiddenLayer the workbench's hidden layer (the picker shares its selection and activations)
     * @param shown       true while this page is on screen (the picker follows the network only then)
     */
    HiddenUnitPage(WorkbenchViewModel model, DossierModel dossier, HiddenLayerColumn hiddenLayer,
            ObservableBooleanValue shown, ViewScope scope) {
        this.grid = hiddenLayer.grid();
        ObjectProperty<DivergingPalette> palette = grid.paletteProperty();
        unitPicker.setId(WorkbenchView.UNIT_PICKER_ID);
        unitPicker.setTexts(HiddenLayerColumn.gridTexts());
        unitPicker.paletteProperty().bind(palette);
        unitPicker.scaleProperty().bind(model.weightScaleProperty());
        unitPicker.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        hiddenLayer.showPassAlsoOn(unitPicker);
        // Off its page the picker would repaint its 25 tiles for every training snapshot.
        ObservableValue<Network> pickerNetwork = scope.follow(model.networkProperty(), shown);
        pickerNetwork.addListener((o, old, now) -> showInPicker(now));
        showInPicker(pickerNetwork.getValue());
        // The picker needs no legend of its own (the pictures are the workbench's): park its bar off-scene.
        new Group(unitPicker.getColorBar());
        Tooltip.install(unitPicker, new Tooltip(I18n.t("workbench.unitPicker.tooltip")));
        ExperimentsPanel experiments = new ExperimentsPanel(dossier, grid.selectedUnitProperty());
        Label unitsHint = new Label(I18n.t("workbench.unitPicker.keys"));
        unitsHint.getStyleClass().addAll("hn-muted", "hn-keys");
        unitsHint.setWrapText(true);
        ChoiceBox<UnitOrdering.Key> order = new ChoiceBox<>();
        order.getItems().addAll(UnitOrdering.Key.values());
        order.setConverter(named(key -> switch (key) {
            case NUMBER -> I18n.t("workbench.order.number");
            case IMPORTANCE -> I18n.t("workbench.order.importance");
            case ACTIVATION -> I18n.t("workbench.order.activation");
        }));
        order.valueProperty().bindBidirectional(dossier.orderKeyProperty());
        order.setTooltip(new Tooltip(I18n.t("workbench.order.tooltip")));
        HBox orderRow = new HBox(settingLabel(I18n.t("workbench.order.label")), order);
        orderRow.getStyleClass().add("hn-toolbar");
        orderRow.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(section(I18n.t("workbench.section.hiddenUnits"), unitPicker, orderRow, unitsHint),
                section(I18n.t("workbench.section.yourDrawing"), padSlot));
        side.getStyleClass().addAll("hn-column", "hn-side");
        ScrollPane sideScroll = WorkbenchControls.scroll(side);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED); // a picker of many units may be wider than the column
        sideScroll.setMinWidth(SIDE_COLUMN_WIDTH);
        sideScroll.setPrefWidth(SIDE_COLUMN_WIDTH);
        unitDossier = new UnitDossierView(dossier, grid.selectedUnitProperty(), palette);
        explanation = new PredictionExplanationView(dossier, palette);
        experiments.getStyleClass().add("hn-page-content");
        experiments.setMaxWidth(EXPERIMENTS_MAX_WIDTH);
        VBox dossierContent = new VBox(unitDossier, explanation, experiments);
        dossierContent.getStyleClass().addAll("hn-column", "hn-dossier-page");
        dossierScroll = new ScrollPane(dossierContent);
        dossierScroll.setFitToWidth(true);
        dossierScroll.getStyleClass().add("hn-scroll");
        page.setLeft(sideScroll);
        pinnedTitle.setId(PINNED_TITLE_ID);
        pinnedTitle.getStyleClass().addAll("hn-section-title", "hn-pinned-title");
        pinnedTitle.textProperty().bind(unitDossier.titleText());
        pinnedTitle.visibleProperty().bind(dossierScroll.vvalueProperty().greaterThan(0));
        pinnedTitle.managedProperty().bind(pinnedTitle.visibleProperty());
        VBox.setVgrow(dossierScroll, javafx.scene.layout.Priority.ALWAYS);
        page.setCenter(new VBox(pinnedTitle, dossierScroll));

        dossier.unitOrderProperty().addListener((o, old, now) -> unitPicker.setUnitOrder(now));
        dossier.unitScoresProperty().addListener((o, old, now) -> unitPicker.setUnitScores(now));
    }

    /** Shows {@code network} in the picker, sized for its hidden units (any number, 5 × 5 for the default 25). */
    private void showInPicker(Network network) {
        unitPicker.setNetwork(network);
        NetworkSpec spec = network == null ? NetworkSpec.DEFAULT : network.spec();
        unitPicker.setPrefSize(pickerSide(spec.hiddenSize(), spec.inputWidth()),
                pickerSide(spec.hiddenSize(), spec.inputHeight()));
    }

    /**
     * Width (or height) of a square unit picker for {@code units} tiles of pictures {@code pixels}
     * wide: ⌈√units⌉ tiles a side, at {@link #PICKER_IMAGE_SCALE} up to 5 × 5 and at 1:1 beyond, so
     * 100 units stay as wide as the side column allows.
     */
    static double pickerSide(int units, int pixels) {
        int tiles = (int) Math.ceil(Math.sqrt(Math.max(1, units)));
        int scale = tiles <= 5 ? PICKER_IMAGE_SCALE : 1;
        return tiles * (pixels * scale + HiddenUnitTile.CHROME_HEIGHT) + (tiles - 1) * HiddenUnitGrid.GAP;
    }

    /** On show: a unit is selected (the first in order if none was) and the picker has the focus. */
    void shown() {
        if (grid.getSelectedUnit() < 0 && !grid.getTiles().isEmpty()) {
            grid.setSelectedUnit(grid.getUnitOrder()[0]);
        }
        unitPicker.requestFocus();
    }

    /** Scrolls to the dossier's top (Enter / D). */
    void scrollToDossier() {
        dossierScroll.setVvalue(0);
    }

    /** Scrolls to the explanation of the prediction (E). */
    void scrollToExplanation() {
        dossierScroll.applyCss();
        dossierScroll.layout();
        double contentHeight = dossierScroll.getContent().getBoundsInLocal().getHeight();
        double viewport = dossierScroll.getViewportBounds().getHeight();
        double target = explanation.getBoundsInParent().getMinY();
        dossierScroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, target / (contentHeight - viewport)));
    }

    BorderPane node() {
        return page;
    }

    /** Where the drawing pad sits on this page. */
    Pane padSlot() {
        return padSlot;
    }

    HiddenUnitGrid unitPicker() {
        return unitPicker;
    }

    UnitDossierView unitDossier() {
        return unitDossier;
    }

    PredictionExplanationView explanation() {
        return explanation;
    }
}
