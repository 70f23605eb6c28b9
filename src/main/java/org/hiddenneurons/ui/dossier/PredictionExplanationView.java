package org.hiddenneurons.ui.dossier;

import java.util.StringJoiner;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.PredictionExplanation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * "Explain this prediction": the predicted digit k's score z3[k] broken into the 25 hidden
 * contributions Θ2[k, j+1]·a_j plus the bias (a bar chart that adds up to z3[k]), and the saliency
 * map ∂z3[k]/∂x — which pixels would raise (red) or lower (blue) that score — drawn over the
 * drawing's ink. Follows the model's experiment: clamped units contribute their clamped value and
 * pass no gradient.
 */
public final class PredictionExplanationView extends VBox {

    /** Node id (lessons highlight it). */
    public static final String ID = "prediction-explanation";

    static final int SALIENCY_CELL = 9;
    static final double NOTE_WIDTH = 300;

    private final DossierModel model;
    private final Label predicted = Cards.formula();
    private final FormulaLabel formula = new FormulaLabel();
    private final Label leaders = Cards.note("", 2 * NOTE_WIDTH);
    private final SignedBarChart breakdown = new SignedBarChart();
    private final HeatmapView saliency = new HeatmapView();
    private final ColorBar saliencyBar = new ColorBar();
    private final Label saliencyReadout = new Label();
    private final Label empty = new Label(I18n.t("pages.dossier.explain.empty"));
    private final FlowPane content;
    private PredictionExplanation.Breakdown shown;
    private double[] shownSaliency;

    public PredictionExplanationView(DossierModel model, ObjectProperty<DivergingPalette> palette) {
        this.model = model;
        setId(ID);
        getStyleClass().add(DossierStyles.EXPLANATION);
        DossierStyles.install(this);
        setSpacing(10);
        Label title = new Label(I18n.t("pages.dossier.explain.title"));
        title.getStyleClass().add(DossierStyles.CARD_TITLE);
        empty.getStyleClass().add(DossierStyles.MUTED);
        breakdown.paletteProperty().bind(palette);
        breakdown.setShowValues(false);
        breakdown.setGeometry(120, 20);
        saliency.paletteProperty().bind(palette);
        saliency.setPreferredCell(SALIENCY_CELL);
        saliency.setDescriber(i -> "\u2202z\u2083/\u2202x = " + ColorBarTexts.signed(shownSaliency[i]));
        saliencyBar.paletteProperty().bind(palette);
        saliencyBar.setMaxWidth(SALIENCY_CELL * 20);
        saliencyReadout.getStyleClass().add(DossierStyles.MUTED);
        saliencyReadout.textProperty().bind(saliency.readoutProperty());
        formula.getStyleClass().add(DossierStyles.FORMULA);
        VBox left = Cards.card(I18n.t("pages.dossier.explain.scoreCard"), predicted, formula, breakdown, leaders);
        VBox right = Cards.card(I18n.t("pages.dossier.explain.pixelsCard"), saliency, saliencyBar, saliencyReadout,
                Cards.note(I18n.t("pages.dossier.explain.pixelsNote"), SALIENCY_CELL * 20));
        content = Cards.row(left, right);
        getChildren().addAll(title, empty, content);
        model.forwardPassProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The breakdown shown, or null (for tests). */
    PredictionExplanation.Breakdown breakdown() {
        return shown;
    }

    /** The saliency map shown, or null (for tests). */
    double[] saliency() {
        return shownSaliency;
    }

    private void refresh() {
        ForwardPass pass = model.forwardPassProperty().get();
        Network network = model.network().getValue();
        double[] input = model.drawingInput();
        boolean present = pass != null && network != null && input != null;
        content.setVisible(present);
        content.setManaged(present);
        empty.setVisible(!present);
        empty.setManaged(!present);
        if (!present) {
            shown = null;
            shownSaliency = null;
            return;
        }
        int k = pass.predictedClass();
        shown = PredictionExplanation.breakdown(network, pass, k);
        int hidden = network.spec().hiddenSize();
        double[] values = new double[hidden + 1];
        String[] names = new String[hidden + 1];
        System.arraycopy(shown.contributions(), 0, values, 0, hidden);
        values[hidden] = shown.bias();
        for (int j = 0; j < hidden; j++) {
            names[j] = Integer.toString(j + 1);
        }
        names[hidden] = "b";
        breakdown.setData(values, names);
        predicted.setText(I18n.t("pages.dossier.explain.predicted", k));
        formula.setLatex(DossierFormulas.predictedScore(k, hidden, shown.total()));
        leaders.setText(leadersText(shown));
        shownSaliency = PredictionExplanation.saliency(network, model.getExperiment(), input, k);
        saliency.setValues(shownSaliency, network.spec().inputWidth(), network.spec().inputHeight(),
                HeatmapView.Mode.DIVERGING, Double.NaN);
        saliency.setOverlay(input);
        saliencyBar.setMaxAbs(saliency.getScale());
        saliencyBar.setCaption(I18n.t("pages.dossier.explain.saliencyCaption", k));
    }

    /** "For it most: unit 12 (+2.1), unit 4 (+1.3).  Against it most: unit 9 (−1.1)." (in the UI language). */
    static String leadersText(PredictionExplanation.Breakdown b) {
        double[] c = b.contributions();
        int[] order = org.hiddenneurons.analysis.UnitOrdering.descending(c, c.length);
        StringJoiner forIt = new StringJoiner(I18n.t("pages.dossier.listSeparator"));
        for (int i = 0; i < Math.min(3, order.length) && c[order[i]] > 0; i++) {
            forIt.add(I18n.t("pages.dossier.explain.leader", order[i] + 1, ColorBarTexts.signed(c[order[i]], 2)));
        }
        StringJoiner against = new StringJoiner(I18n.t("pages.dossier.listSeparator"));
        for (int i = 0; i < Math.min(3, order.length) && c[order[order.length - 1 - i]] < 0; i++) {
            int j = order[order.length - 1 - i];
            against.add(I18n.t("pages.dossier.explain.leader", j + 1, ColorBarTexts.signed(c[j], 2)));
        }
        return I18n.t("pages.dossier.explain.leaders", forIt.toString(), against.toString());
    }
}
