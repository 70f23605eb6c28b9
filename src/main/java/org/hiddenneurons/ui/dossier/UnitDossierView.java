package org.hiddenneurons.ui.dossier;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.UnitDossier;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.controls.ColorBar;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * "What is this neuron doing?" — everything about one hidden unit j on one page: its weights
 * large (hover for weight and pixel), what it computes on the current drawing (z = w·x + b, the
 * activation and the contribution map w ⊙ x), its preferred input (w/‖w‖ and the most exciting
 * valid image, with why), the training digits that excite it most and least, its votes Θ2[:, j+1]
 * and their share of each output now, and its importance (test accuracy without it), with
 * controls to switch it off or clamp it.
 *
 * <p>Follows {@code selectedUnit} (0-based; −1 shows a hint). The numbers come from
 * {@link UnitDossier#compute} over the model's {@link NetworkStatistics}, which the model computes
 * off the FX thread; opening a unit only scans cached tables. FX thread only.
 */
public final class UnitDossierView extends VBox {

    /** Node id (lessons highlight it). */
    public static final String ID = "unit-dossier";

    /** Screen pixels per weight in the large picture (gridlines show from 8). */
    static final int LARGE_CELL = 12;
    static final int MEDIUM_CELL = 6;
    static final int SMALL_CELL = 5;
    static final int EXAMPLE_CELL = 2;
    static final int EXAMPLE_COLUMNS = 3;
    static final double NOTE_WIDTH = 250;

    private final DossierModel model;
    private final IntegerProperty selectedUnit;

    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label hint = new Label();
    private final HeatmapView weights = new HeatmapView();
    private final ColorBar colorBar = new ColorBar();
    private final Label weightReadout = new Label();
    private final HeatmapView contributions = new HeatmapView();
    private final FormulaLabel drawingFormula = new FormulaLabel();
    private final Label drawingHint = Cards.note(I18n.t("pages.dossier.unit.noDrawing"), NOTE_WIDTH);
    private final HeatmapView exciting = new HeatmapView();
    private final FormulaLabel excitingFormula = new FormulaLabel();
    /** The summary line typeset (shown instead of {@link #summary} while something is drawn). */
    private final FormulaLabel summaryFormula = new FormulaLabel();
    private final FormulaLabel votesNowFormula = new FormulaLabel();
    private final List<HeatmapView> topViews = new ArrayList<>();
    private final List<Label> topCaptions = new ArrayList<>();
    private final List<HeatmapView> bottomViews = new ArrayList<>();
    private final List<Label> bottomCaptions = new ArrayList<>();
    private final SignedBarChart votes = new SignedBarChart();
    private final SignedBarChart votesNow = new SignedBarChart();
    private final Label votesNowCaption = new Label();
    private final Label importance = Cards.formula();
    private final UnitRangeView range = new UnitRangeView();
    private final DirectionView directions = new DirectionView();
    /** The statistics and unit whose drawing-independent parts are on screen (null, −1: none). */
    private NetworkStatistics shownStatistics;
    private int shownUnit = -1;
    private final VBox content;
    private UnitDossier dossier;

    /** Builds its own {@link DossierModel} from the workbench's observables. */
    public UnitDossierView(ObservableValue<Network> network, ObservableValue<Preprocessor.Result> drawing,
                           ObservableValue<Split> data, IntegerProperty selectedUnit,
                           ObjectProperty<DivergingPalette> palette, BackgroundWork background) {
        this(new DossierModel(network, drawing, data, background), selectedUnit, palette);
    }

    /**
     * @param model        shared with the other dossier views
     * @param selectedUnit the unit shown (0-based, −1: none); the view reads it, never writes it
     * @param palette      the weight palette (the grid's)
     */
    public UnitDossierView(DossierModel model, IntegerProperty selectedUnit, ObjectProperty<DivergingPalette> palette) {
        this.model = model;
        this.selectedUnit = selectedUnit;
        setId(ID);
        getStyleClass().add(DossierStyles.DOSSIER);
        DossierStyles.install(this);
        setSpacing(12);

        title.getStyleClass().add(DossierStyles.TITLE);
        summary.getStyleClass().add(DossierStyles.FORMULA);
        hint.getStyleClass().add(DossierStyles.MUTED);
        hint.setWrapText(true);

        for (FormulaLabel formula : new FormulaLabel[] {drawingFormula, excitingFormula, summaryFormula, votesNowFormula}) {
            formula.getStyleClass().add(DossierStyles.FORMULA);
        }
        votesNowCaption.setText(I18n.t("pages.dossier.unit.votesNowWords"));
        votesNowCaption.setWrapText(true);
        votesNowCaption.setMaxWidth(NOTE_WIDTH);
        weights.setPreferredCell(LARGE_CELL);
        contributions.setPreferredCell(MEDIUM_CELL);
        exciting.setPreferredCell(SMALL_CELL);
        for (HeatmapView map : new HeatmapView[] {weights, contributions}) {
            map.paletteProperty().bind(palette);
        }
        colorBar.paletteProperty().bind(palette);
        colorBar.setCaption(I18n.t("pages.dossier.unit.weightCaption"));
        colorBar.setMaxWidth(LARGE_CELL * 20);
        weightReadout.getStyleClass().add(DossierStyles.MUTED);
        weightReadout.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> weights.readoutProperty().get().isEmpty() ? I18n.t("pages.dossier.unit.hover")
                        : weights.readoutProperty().get(), weights.readoutProperty()));
        contributions.setDescriber(i -> I18n.t("pages.dossier.unit.contribution", ColorBarTexts.signed(dossier.contributions()[i]),
                ColorBarTexts.signed(dossier.weights()[i]), ColorBarTexts.plain(model.drawingInput()[i], 2)));
        exciting.setDescriber(i -> dossier.mostExcitingImage()[i] > 0 ? I18n.t("pages.dossier.unit.pixelOn")
                : I18n.t("pages.dossier.unit.pixelOff"));
        weights.setDescriber(i -> I18n.t("pages.dossier.unit.weight", ColorBarTexts.signed(dossier.weights()[i])));
        Label contributionReadout = new Label();
        contributionReadout.getStyleClass().add(DossierStyles.MUTED);
        contributionReadout.textProperty().bind(contributions.readoutProperty());

        VBox weightsCard = Cards.card(I18n.t("pages.dossier.unit.weightsCard"), weights, colorBar, weightReadout);
        VBox drawingCard = Cards.card(I18n.t("pages.dossier.unit.drawingCard"), drawingFormula, contributions, contributionReadout,
                drawingHint, Cards.note(I18n.t("pages.dossier.unit.drawingNote"), NOTE_WIDTH));
        // w/‖w‖ would be the weight picture again (same picture, rescaled): only the best valid image is shown.
        Label excitingCaption = caption(I18n.t("pages.dossier.unit.mostExciting"));
        HBox preferredRow = new HBox(12, new VBox(4, exciting, excitingCaption));
        VBox preferredCard = Cards.card(I18n.t("pages.dossier.unit.preferredCard"), preferredRow, excitingFormula,
                Cards.note(I18n.t("pages.dossier.unit.why"), NOTE_WIDTH));
        preferredCard.setMaxWidth(NOTE_WIDTH + 32);

        VBox topCard = Cards.card(I18n.t("pages.dossier.unit.topCard"), exampleGrid(topViews, topCaptions));
        VBox bottomCard = Cards.card(I18n.t("pages.dossier.unit.bottomCard"), exampleGrid(bottomViews, bottomCaptions));

        votes.paletteProperty().bind(palette);
        votesNow.paletteProperty().bind(palette);
        votesNowCaption.getStyleClass().add(DossierStyles.MUTED);
        VBox votesCard = Cards.card(I18n.t("pages.dossier.unit.votesCard"), votes,
                Cards.note(I18n.t("pages.dossier.unit.votesNote"), NOTE_WIDTH),
                votesNowCaption, votesNowFormula, votesNow);

        // Experiments live in one place (the Causal experiments panel below); this card only reports.
        VBox importanceCard = Cards.card(I18n.t("pages.dossier.unit.importanceCard"), importance,
                Cards.note(I18n.t("pages.dossier.unit.importanceShown"), 2 * NOTE_WIDTH),
                Cards.note(I18n.t("pages.dossier.unit.importanceNote"), 2 * NOTE_WIDTH));

        // Each row of cards wraps (a card keeps its own width) instead of squeezing or running past the window.
        FlowPane row1 = Cards.row(weightsCard, drawingCard, preferredCard);
        FlowPane row2 = Cards.row(topCard, bottomCard, votesCard);
        VBox rangeCard = Cards.card(I18n.t("pages.dossier.range.card"), range,
                Cards.note(I18n.t("pages.dossier.range.note"), UnitRangeView.CHART_WIDTH));
        VBox directionCard = Cards.card(I18n.t("pages.dossier.direction.card"), directions,
                Cards.note(I18n.t("pages.dossier.direction.note"), 2 * NOTE_WIDTH));
        FlowPane row3 = Cards.row(rangeCard, directionCard);
        content = new VBox(12, row1, row2, row3, importanceCard);
        VBox header = new VBox(2, title, summary, summaryFormula);
        getChildren().addAll(header, hint, content);

        selectedUnit.addListener((obs, old, now) -> refresh());
        model.statisticsProperty().addListener((obs, old, now) -> refresh());
        model.intactPassProperty().addListener((obs, old, now) -> refresh());
        model.busyProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The model behind this view (for hosts that create the view with observables). */
    public DossierModel model() {
        return model;
    }

    /** The dossier's title ("Hidden unit 7"), for a header that stays in view while the page scrolls. */
    public javafx.beans.value.ObservableStringValue titleText() {
        return title.textProperty();
    }

    UnitRangeView rangeView() {
        return range;
    }

    DirectionView directionView() {
        return directions;
    }

    /** The dossier shown, or null (for tests). */
    UnitDossier dossier() {
        return dossier;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(DossierStyles.TILE_CAPTION, DossierStyles.MUTED);
        return label;
    }

    private GridPane exampleGrid(List<HeatmapView> views, List<Label> captions) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        for (int i = 0; i < UnitDossier.EXAMPLES_SHOWN; i++) {
            HeatmapView view = new HeatmapView();
            view.setPreferredCell(EXAMPLE_CELL);
            view.getStyleClass().add(DossierStyles.EXAMPLE_FRAME);
            Label label = caption("");
            VBox cell = new VBox(1, view, label);
            cell.setAlignment(Pos.CENTER);
            cell.getStyleClass().add(DossierStyles.EXAMPLE);
            views.add(view);
            captions.add(label);
            grid.add(cell, i % EXAMPLE_COLUMNS, i / EXAMPLE_COLUMNS);
        }
        return grid;
    }

    private void refresh() {
        int unit = selectedUnit.get();
        NetworkStatistics stats = model.getStatistics();
        boolean show = unit >= 0 && stats != null && unit < stats.network().spec().hiddenSize();
        content.setVisible(show);
        content.setManaged(show);
        title.setText(unit < 0 ? I18n.t("pages.dossier.unit.titleNone") : I18n.t("pages.dossier.unit.title", unit + 1));
        hint.setText(unit < 0 ? I18n.t("pages.dossier.unit.noUnit") : stats == null ? I18n.t("pages.dossier.unit.waiting")
                : model.busyProperty().get() ? I18n.t("pages.dossier.unit.updating") : "");
        hint.setVisible(!hint.getText().isEmpty());
        hint.setManaged(hint.isVisible());
        if (!show) {
            dossier = null;
            summary.setText("");
            return;
        }
        double[] input = model.drawingInput();
        if (input != null && input.length != stats.network().spec().inputSize()) {
            input = null;
        }
        dossier = UnitDossier.compute(stats, unit, input);
        show(stats, dossier, input);
    }

    private void show(NetworkStatistics stats, UnitDossier d, double[] input) {
        Network network = stats.network();
        // What depends only on the unit and the network (its picture, the examples, the range and
        // direction views) is built again only when they change, not on every drag of the pen.
        boolean sameUnit = stats == shownStatistics && d.unit() == shownUnit;
        shownStatistics = stats;
        shownUnit = d.unit();
        int width = network.spec().inputWidth();
        int height = network.spec().inputHeight();
        weights.setValues(d.weights(), width, height, HeatmapView.Mode.DIVERGING, Double.NaN);
        colorBar.setMaxAbs(weights.getScale());
        boolean drawn = input != null;
        String activationName = network.spec().hiddenActivation().id();
        if (drawn) {
            summaryFormula.setLatex(DossierFormulas.summary(d.preactivation(), activationName, d.activation()));
            double sum = d.preactivation() - d.bias();
            drawingFormula.setLatex(DossierFormulas.drawing(sum, d.bias(), d.preactivation(), d.activation()));
            contributions.setValues(d.contributions(), width, height, HeatmapView.Mode.DIVERGING, Double.NaN);
        } else {
            summary.setText(I18n.t("pages.dossier.unit.summary", ColorBarTexts.signed(d.bias(), 2),
                    ColorBarTexts.plain(d.meanActivation(), 2)));
            summaryFormula.setLatex("");
            drawingFormula.setLatex("");
            contributions.setValues(null, width, height, HeatmapView.Mode.DIVERGING, Double.NaN);
        }
        summary.setVisible(!drawn);
        summary.setManaged(!drawn);
        summaryFormula.setVisible(drawn);
        summaryFormula.setManaged(drawn);
        drawingHint.setVisible(!drawn);
        drawingHint.setManaged(!drawn);
        contributions.setVisible(drawn);
        contributions.setManaged(drawn);
        exciting.setValues(d.mostExcitingImage(), width, height, HeatmapView.Mode.GRAY, 1);
        excitingFormula.setLatex(DossierFormulas.exciting(d.mostExcitingPreactivation(),
                network.spec().hiddenActivation().apply(d.mostExcitingPreactivation())));
        if (!sameUnit) {
            Dataset train = stats.split().train();
            range.show(stats, d.unit());
            directions.show(stats, d.unit());
            fillExamples(topViews, topCaptions, d.topExamples(), stats, d.unit(), train);
            fillExamples(bottomViews, bottomCaptions, d.bottomExamples(), stats, d.unit(), train);
        }
        String[] digits = Cards.digitNames(network.spec().outputSize());
        votes.setData(d.outgoingWeights(), digits);
        int predicted = model.intactPassProperty().get() == null ? -1 : model.intactPassProperty().get().predictedClass();
        votes.setHighlight(predicted);
        if (drawn) {
            votesNowFormula.setLatex(DossierFormulas.outputShare(d.unit() + 1, d.activation()));
            votesNow.setData(d.outputContributions(), digits);
            votesNow.setScale(maxAbs(d.outgoingWeights()));
            votesNow.setHighlight(predicted);
        }
        votesNow.setVisible(drawn);
        votesNow.setManaged(drawn);
        votesNowCaption.setVisible(drawn);
        votesNowCaption.setManaged(drawn);
        votesNowFormula.setVisible(drawn);
        votesNowFormula.setManaged(drawn);
        importance.setText(I18n.t("pages.dossier.unit.importance", ColorBarTexts.percent(d.ablatedAccuracy()),
                ColorBarTexts.percent(d.intactAccuracy()), ColorBarTexts.points(-d.importance()))
                + "\n" + I18n.t("pages.dossier.unit.importanceMean", ColorBarTexts.plain(d.meanActivation(), 2),
                ColorBarTexts.percent(d.meanClampedAccuracy()),
                ColorBarTexts.points(d.meanClampedAccuracy() - d.intactAccuracy())));
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void fillExamples(List<HeatmapView> views, List<Label> captions, int[] indices,
                                     NetworkStatistics stats, int unit, Dataset train) {
        for (int i = 0; i < views.size(); i++) {
            boolean present = i < indices.length;
            views.get(i).setVisible(present);
            if (!present) {
                captions.get(i).setText("");
                continue;
            }
            int example = indices[i];
            views.get(i).setValues(train.sample(example), train.width(), train.height(), HeatmapView.Mode.GRAY, 1);
            captions.get(i).setText(I18n.t("pages.dossier.unit.exampleActivation",
                    ColorBarTexts.plain(stats.train().get(example, unit), 2)));
        }
    }
}
