package org.hiddenneurons.ui.backprop;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.walkthrough.GradientCheckResult;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.viz.WalkthroughPictures;
import org.hiddenneurons.core.walkthrough.WeightRef;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The backprop page's gradient-check panel: the selected unit's Θ¹ row and Θ² to click a weight
 * in, then backprop's ∂J/∂θ beside the central difference (J(θ+ε) − J(θ−ε)) / 2ε, their relative
 * difference and a verdict. Writes the clicked weight to {@link BackpropViewModel#checkedWeightProperty()}
 * and shows {@link BackpropViewModel#checkResultProperty()}. FX thread only.
 */
final class GradientCheckPanel extends VBox {

    static final int CHECK_SCALE = 8;
    /** Below this relative difference backprop and central differences agree (the course's 1e-9, with room for ε²). */
    static final double AGREEMENT = 1e-7;
    /** The central difference, typeset. */
    static final String CENTRAL_DIFFERENCE = "\\frac{J(\\theta + \\varepsilon) - J(\\theta - \\varepsilon)}{2\\varepsilon}";

    private final BackpropViewModel model;
    private final Heatmap unitPicture = new Heatmap();
    private final Heatmap theta2Picture = new Heatmap();
    private final GridPane numbers = new GridPane();
    private final Label verdict = new Label();

    GradientCheckPanel(BackpropViewModel model, javafx.beans.value.ObservableValue<? extends DivergingPalette> palette) {
        super(10);
        this.model = model;
        Label title = new Label(I18n.t("pages.backprop.check.title"));
        title.getStyleClass().add(BackpropView.TABLE_TITLE);
        Label hint = new Label(I18n.t("pages.backprop.check.hint"));
        hint.getStyleClass().add(BackpropView.CAPTION_SMALL);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        unitPicture.setOnPixelClicked((x, y) -> {
            Walkthrough w = model.getWalkthrough();
            if (w != null) {
                model.checkedWeightProperty().set(WeightRef.pixel(w.spec(), model.selectedUnitProperty().get(), x, y));
            }
        });
        theta2Picture.setOnPixelClicked((x, y) -> model.checkedWeightProperty().set(new WeightRef(2, y, x)));
        numbers.setHgap(10);
        numbers.setVgap(4);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add(BackpropView.CAPTION_SMALL);
        getChildren().addAll(title, hint, unitPicture, theta2Picture, numbers, verdict);
        getStyleClass().add(BackpropView.PANEL);
        setPrefWidth(300);
        setMinWidth(260);
        model.checkResultProperty().addListener(o -> refreshNumbers());
    }

    /** Shows unit {@code unit}'s pictures of {@code w} (null: nothing to check) and the current result. */
    void refresh(Walkthrough w, int unit, DivergingPalette colours) {
        if (w != null) {
            NetworkSpec spec = w.spec();
            int inputs = spec.inputSize();
            double[] theta1 = w.network().theta1Copy();
            int row = unit * (inputs + 1) + 1;
            unitPicture.show(WalkthroughPictures.diverging(theta1, row, inputs,
                            WalkthroughPictures.maxAbs(theta1, row, inputs), colours),
                    Arrays.copyOfRange(theta1, row, row + inputs), spec.inputWidth(), spec.inputHeight(),
                    CHECK_SCALE, I18n.t("pages.backprop.check.unitTheta1", HiddenUnitGrid.displayNumber(unit)));
            double[] theta2 = w.network().theta2Copy();
            theta2Picture.show(WalkthroughPictures.diverging(theta2, 0, theta2.length,
                            WalkthroughPictures.maxAbs(theta2, 0, theta2.length), colours), theta2,
                    spec.hiddenSize() + 1, spec.outputSize(), CHECK_SCALE,
                    "Θ² (" + spec.outputSize() + "×" + (spec.hiddenSize() + 1) + ")");
        }
        refreshNumbers();
    }

    private void refreshNumbers() {
        numbers.getChildren().clear();
        GradientCheckResult result = model.checkResultProperty().get();
        if (result == null) {
            verdict.setText(model.getWalkthrough() == null ? "" : I18n.t("pages.backprop.check.none"));
            return;
        }
        FormulaLabel central = new FormulaLabel();
        central.setLatex(CENTRAL_DIFFERENCE);
        Node[][] rows = {
            {name(I18n.t("pages.backprop.check.weight")), number(result.weight().label())},
            {name(I18n.t("pages.backprop.check.value")), number(WalkthroughFormat.display(result.value()))},
            {name(I18n.t("pages.backprop.check.backprop")), number(WalkthroughFormat.display(result.backprop()))},
            {central, number(WalkthroughFormat.display(result.numerical()))},
            {name("ε"), number(WalkthroughFormat.display(result.epsilon()))},
            {name(I18n.t("pages.backprop.check.relativeDifference")),
                number(WalkthroughFormat.display(result.relativeDifference()))},
        };
        for (int r = 0; r < rows.length; r++) {
            numbers.addRow(r, rows[r]);
        }
        verdict.setText(result.relativeDifference() < AGREEMENT
                ? I18n.t("pages.backprop.check.agree")
                : I18n.t("pages.backprop.check.differ", String.format(Locale.ROOT, "%.0e", AGREEMENT)));
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-muted");
        return label;
    }

    private static Label number(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-bp-number");
        return label;
    }

    Heatmap unitPicture() {
        return unitPicture;
    }

    Heatmap theta2Picture() {
        return theta2Picture;
    }
}
