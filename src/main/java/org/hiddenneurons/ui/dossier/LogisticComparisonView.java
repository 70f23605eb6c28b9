package org.hiddenneurons.ui.dossier;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.LogisticRegression;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.UnitAnalysis;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * "No hidden layer, side by side": the network's hidden units beside the 10 class templates of a
 * logistic-regression model (10×401, trained in the background on the same training split), with
 * both test accuracies. Each picture is drawn on its own scale. The regression is retrained when
 * the data change; a run for data that were replaced meanwhile is cancelled and dropped.
 */
public final class LogisticComparisonView extends VBox {

    /** Node id (lessons highlight it). */
    public static final String ID = "logistic-comparison";

    /** Screen pixels per weight: hidden units (25 of them) and class templates (10, drawn larger). */
    static final int CELL = 4;
    static final int TEMPLATE_CELL = 7;
    /**
     * λ of the regression shown: the smallest of the measured values whose templates read as strokes
     * rather than speckle, at little cost in test accuracy (the measurement: docs/design-notes.md,
     * {@code bench.LogisticLambdaSweep}).
     */
    public static final double READABLE_LAMBDA = 10;
    static final double NOTE_WIDTH = 620;

    private final DossierModel model;
    private final ObjectProperty<DivergingPalette> palette;
    private final GridPane units = new GridPane();
    private final GridPane templates = new GridPane();
    private final Label networkAccuracy = Cards.formula();
    private final Label regressionAccuracy = Cards.formula();
    private final ReadOnlyObjectWrapper<LogisticRegression.Model> regression =
            new ReadOnlyObjectWrapper<>(this, "regression");
    private final AblationCurveView ablation;
    private AtomicBoolean running;
    /** Why the last regression failed (null: it did not). */
    private String failure;
    /** Trains the regression: {@link LogisticRegression#train} (a test may put a failing one in). */
    private RegressionTrainer trainer = LogisticRegression::train;

    /** {@link LogisticRegression#train}'s shape. */
    @FunctionalInterface
    interface RegressionTrainer {
        LogisticRegression.Model train(Split split, double lambda, int iterations, java.util.function.BooleanSupplier cancelled);
    }

    /** Builds its own {@link DossierModel} (no drawing needed). */
    public LogisticComparisonView(ObservableValue<Network> network, ObservableValue<Split> data,
                                  ObjectProperty<DivergingPalette> palette, BackgroundWork background) {
        this(new DossierModel(network, new ReadOnlyObjectWrapper<>(), data, background), palette);
    }

    public LogisticComparisonView(DossierModel model, ObjectProperty<DivergingPalette> palette) {
        this.model = model;
        this.palette = palette;
        this.ablation = new AblationCurveView(model);
        setId(ID);
        getStyleClass().add(DossierStyles.COMPARISON);
        DossierStyles.install(this);
        setSpacing(10);
        Label title = new Label(I18n.t("pages.dossier.logistic.title"));
        title.getStyleClass().add(DossierStyles.CARD_TITLE);
        for (GridPane grid : new GridPane[] {units, templates}) {
            grid.setHgap(6);
            grid.setVgap(6);
        }
        VBox left = Cards.card(I18n.t("pages.dossier.logistic.network"), units, networkAccuracy);
        VBox right = Cards.card(I18n.t("pages.dossier.logistic.regression"), templates, regressionAccuracy);
        HBox row = new HBox(12, left, right);
        row.setFillHeight(false);
        Label story = new Label();
        story.getStyleClass().add(DossierStyles.FORMULA);
        story.setWrapText(true);
        story.setMaxWidth(NOTE_WIDTH);
        story.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of "…"
        story.textProperty().bind(model.network().map(n -> I18n.t("pages.dossier.logistic.story",
                Integer.toString(n.spec().hiddenSize()))).orElse(""));
        getChildren().addAll(title, story, row, Cards.note(I18n.t("pages.dossier.logistic.explanation"), NOTE_WIDTH),
                Cards.note(I18n.t("pages.dossier.logistic.lambda", Double.toString(READABLE_LAMBDA)), NOTE_WIDTH),
                ablation);

        model.network().addListener((obs, old, now) -> refreshUnits());
        model.intactAccuracyProperty().addListener((obs, old, now) -> refreshUnits());
        model.statisticsProperty().addListener((obs, old, now) -> refreshUnits());
        model.data().addListener((obs, old, now) -> train());
        palette.addListener((obs, old, now) -> {
            refreshUnits();
            refreshTemplates();
        });
        regression.addListener((obs, old, now) -> refreshTemplates());
        refreshUnits();
        refreshTemplates();
        train();
    }

    /** Trains with {@code trainer} from the next data change on (tests: a trainer that fails). */
    void useTrainerForTests(RegressionTrainer trainer) {
        this.trainer = trainer;
    }

    /** The regression's status line (accuracy, "training…", or why it failed). */
    String regressionStatusForTests() {
        return regressionAccuracy.getText();
    }

    /** The model behind this view. */
    DossierModel modelForTests() {
        return model;
    }

    AblationCurveView ablationView() {
        return ablation;
    }

    /** The trained regression, null until it is ready. */
    public ReadOnlyObjectProperty<LogisticRegression.Model> regressionProperty() {
        return regression.getReadOnlyProperty();
    }

    private void train() {
        if (running != null) {
            running.set(true); // cancel the run for the old data
        }
        regression.set(null);
        Split split = model.data().getValue();
        if (split == null) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean(false);
        running = cancelled;
        failure = null;
        RegressionTrainer training = trainer;
        model.background().submit(() -> training.train(split, READABLE_LAMBDA,
                        LogisticRegression.DEFAULT_ITERATIONS, cancelled::get),
                trained -> {
                    if (!cancelled.get()) {
                        regression.set(trained);
                    }
                },
                error -> {
                    if (!cancelled.get()) {
                        failure = error.getMessage() == null ? error.toString() : error.getMessage();
                        refreshTemplates();
                    }
                });
        refreshTemplates();
    }

    private void refreshUnits() {
        Network network = model.network().getValue();
        units.getChildren().clear();
        if (network == null) {
            networkAccuracy.setText(I18n.t("pages.dossier.logistic.noNetwork"));
            return;
        }
        int hidden = network.spec().hiddenSize();
        int columns = WeightPictures.gridColumns(hidden);
        NetworkStatistics stats = model.getStatistics();
        String[] flags = SaturationFlags.flags(stats != null && stats.network() == network ? stats : null, hidden);
        for (int j = 0; j < hidden; j++) {
            // Saturated units are flagged under their picture; the others keep an empty line so the grid stays aligned.
            units.add(picture(UnitAnalysis.weights(network, j), network.spec().inputWidth(),
                    network.spec().inputHeight(), flags[j] == null ? "\u00a0" : flags[j], CELL), j % columns, j / columns);
        }
        networkAccuracy.setText(I18n.t("pages.dossier.testAccuracy", ColorBarTexts.percent(model.intactAccuracyProperty().get())));
    }

    private void refreshTemplates() {
        LogisticRegression.Model m = regression.get();
        templates.getChildren().clear();
        Split split = model.data().getValue();
        if (m == null) {
            regressionAccuracy.setText(split == null ? I18n.t("pages.dossier.logistic.noData")
                    : failure != null ? I18n.t("pages.dossier.logistic.failed", failure)
                    : I18n.t("pages.dossier.logistic.training"));
            return;
        }
        int width = split == null ? 20 : split.train().width();
        int height = split == null ? 20 : split.train().height();
        int columns = Math.max(1, (m.classCount() + 1) / 2);
        for (int k = 0; k < m.classCount(); k++) {
            templates.add(picture(m.template(k), width, height, Integer.toString(k), TEMPLATE_CELL), k % columns, k / columns);
        }
        regressionAccuracy.setText(I18n.t("pages.dossier.logistic.accuracy", ColorBarTexts.percent(m.testAccuracy()),
                ColorBarTexts.percent(m.trainAccuracy())));
    }

    private VBox picture(double[] values, int width, int height, String caption, int cell) {
        HeatmapView view = new HeatmapView();
        view.setPreferredCell(cell);
        view.paletteProperty().bind(palette);
        view.setValues(values, width, height, HeatmapView.Mode.DIVERGING, Double.NaN);
        VBox box = new VBox(2, view);
        box.setAlignment(Pos.CENTER);
        if (caption != null) {
            Label label = new Label(caption);
            label.getStyleClass().add(DossierStyles.TILE_CAPTION);
            box.getChildren().add(label);
        }
        return box;
    }
}
