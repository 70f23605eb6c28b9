package org.hiddenneurons.ui.dossier;

import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Causal experiments on the hidden layer: switch the selected unit off or clamp it (to 0 via Off,
 * to 1, or to its mean activation), see every modified unit as a removable chip, the prediction
 * of the modified network for the current drawing and its test accuracy beside the intact one, and
 * Restore. Also chooses what the host's grid is ordered/coloured by
 * ({@link DossierModel#orderKeyProperty()}). Never changes the trained weights.
 */
public final class ExperimentsPanel extends VBox {

    /** Node id (lessons highlight it). */
    public static final String ID = "experiments";

    private final DossierModel model;
    private final FlowPane chips = new FlowPane(6, 6);
    private final Label accuracy = Cards.formula();
    private final Label selection = new Label();
    private final Label intactAnswer = new Label();
    private final PredictionBars bars = new PredictionBars();
    private final Button restore = new Button(I18n.t("pages.dossier.experiments.restore"));

    /**
     * @param model        the shared dossier model
     * @param selectedUnit the unit the mode buttons act on (0-based, −1: none); read only
     */
    public ExperimentsPanel(DossierModel model, IntegerProperty selectedUnit) {
        this.model = model;
        setId(ID);
        getStyleClass().addAll(DossierStyles.EXPERIMENTS);
        DossierStyles.install(this);
        setSpacing(10);
        Label title = new Label(I18n.t("pages.dossier.experiments.title"));
        title.getStyleClass().add(DossierStyles.CARD_TITLE);
        selection.getStyleClass().add(DossierStyles.MUTED);
        selection.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> selectedUnit.get() < 0
                ? I18n.t("pages.dossier.experiments.selectUnit")
                : I18n.t("pages.dossier.experiments.unit", selectedUnit.get() + 1),
                selectedUnit));
        UnitModeSelector selector = new UnitModeSelector(model, selectedUnit);
        HBox selectorRow = new HBox(10, selection, selector);
        selectorRow.setAlignment(Pos.CENTER_LEFT);
        restore.setOnAction(e -> model.restore());
        restore.disableProperty().bind(model.modifiedProperty().not());
        intactAnswer.getStyleClass().add(DossierStyles.MUTED);
        bars.setAnimated(false);

        ChoiceBox<UnitOrdering.Key> order = new ChoiceBox<>(FXCollections.observableArrayList(UnitOrdering.Key.values()));
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(UnitOrdering.Key key) {
                return key == null ? "" : switch (key) {
                    case NUMBER -> I18n.t("pages.dossier.order.number");
                    case IMPORTANCE -> I18n.t("pages.dossier.order.importance");
                    case ACTIVATION -> I18n.t("pages.dossier.order.activation");
                };
            }

            @Override
            public UnitOrdering.Key fromString(String s) {
                return null;
            }
        });
        order.valueProperty().bindBidirectional(model.orderKeyProperty());
        Label orderLabel = new Label(I18n.t("pages.dossier.order.label"));
        orderLabel.getStyleClass().add(DossierStyles.MUTED);
        HBox orderRow = new HBox(8, orderLabel, order);
        orderRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, selectorRow, chips, accuracy, bars, intactAnswer, restore, orderRow);
        model.experimentProperty().addListener((obs, old, now) -> refresh());
        model.experimentAccuracyProperty().addListener((obs, old, now) -> refresh());
        model.intactAccuracyProperty().addListener((obs, old, now) -> refresh());
        model.forwardPassProperty().addListener((obs, old, now) -> refresh());
        model.network().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The prediction bars of the modified network (for tests). */
    public PredictionBars predictionBars() {
        return bars;
    }

    /** The accuracy line (for tests). */
    String accuracyText() {
        return accuracy.getText();
    }

    private void refresh() {
        UnitExperiment experiment = model.getExperiment();
        chips.getChildren().clear();
        for (Map.Entry<Integer, UnitExperiment.Mode> e : experiment.modes().entrySet()) {
            int unit = e.getKey();
            Button chip = new Button(ModifiedNetworkBanner.describe(UnitExperiment.NONE.with(unit, e.getValue())) + "  \u2715");
            chip.getStyleClass().add("hn-experiment-chip");
            chip.setOnAction(a -> model.setMode(unit, null));
            chips.getChildren().add(chip);
        }
        if (experiment.isEmpty()) {
            Label none = new Label(I18n.t("pages.dossier.experiments.none"));
            none.getStyleClass().add(DossierStyles.MUTED);
            chips.getChildren().add(none);
        }
        double intact = model.intactAccuracyProperty().get();
        double modified = model.experimentAccuracyProperty().get();
        accuracy.setText(experiment.isEmpty() ? I18n.t("pages.dossier.testAccuracy", ColorBarTexts.percent(intact))
                : I18n.t("pages.dossier.experiments.accuracy", ColorBarTexts.percent(modified),
                        ColorBarTexts.percent(intact), ColorBarTexts.points(modified - intact)));
        Network network = model.network().getValue();
        if (network != null) {
            bars.setOutputLayer(network.spec().outputLayer());
        }
        ForwardPass pass = model.forwardPassProperty().get();
        bars.setProbabilities(pass == null ? null : pass.a3());
        ForwardPass intactPass = model.intactPassProperty().get();
        intactAnswer.setText(pass == null || experiment.isEmpty() ? ""
                : I18n.t("pages.dossier.experiments.answers", intactPass.predictedClass(), pass.predictedClass()));
    }
}
