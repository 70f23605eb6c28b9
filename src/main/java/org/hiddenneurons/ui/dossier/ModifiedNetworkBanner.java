package org.hiddenneurons.ui.dossier;

import java.util.Map;
import java.util.StringJoiner;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The "modified network" indicator: a strip, shown only while an experiment is active, that says
 * which units are changed and the test accuracy with and without the change, with a one-click
 * Restore. Place it above the main content; it hides itself (visible and managed) otherwise.
 */
public final class ModifiedNetworkBanner extends HBox {

    private final DossierModel model;
    private final Label text = new Label();
    private final Button restore = new Button(I18n.t("pages.dossier.banner.restore"));

    public ModifiedNetworkBanner(DossierModel model) {
        this.model = model;
        getStyleClass().add(DossierStyles.BANNER);
        DossierStyles.install(this);
        Label icon = new Label("\u26a0");
        icon.getStyleClass().add("hn-modified-banner-icon");
        text.getStyleClass().add(DossierStyles.BANNER_TEXT);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        restore.setOnAction(e -> model.restore());
        restore.setDefaultButton(false);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        getChildren().addAll(icon, text, restore);
        visibleProperty().bind(model.modifiedProperty());
        managedProperty().bind(visibleProperty());
        model.experimentProperty().addListener((obs, old, now) -> refresh());
        model.experimentAccuracyProperty().addListener((obs, old, now) -> refresh());
        model.intactAccuracyProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The Restore button (for tests and for hosts that want to focus it). */
    public Button restoreButton() {
        return restore;
    }

    /** The banner's sentence (for tests). */
    public String text() {
        return text.getText();
    }

    /** "unit 3 off, unit 7 clamped to 1, unit 9 clamped to its mean". */
    static String describe(UnitExperiment experiment) {
        StringJoiner joiner = new StringJoiner(I18n.t("pages.dossier.listSeparator"));
        for (Map.Entry<Integer, UnitExperiment.Mode> e : experiment.modes().entrySet()) {
            int unit = e.getKey() + 1;
            joiner.add(switch (e.getValue()) {
                case OFF -> I18n.t("pages.dossier.mode.describe.off", unit);
                case ONE -> I18n.t("pages.dossier.mode.describe.one", unit);
                case MEAN -> I18n.t("pages.dossier.mode.describe.mean", unit);
            });
        }
        return joiner.toString();
    }

    private void refresh() {
        UnitExperiment experiment = model.getExperiment();
        if (experiment.isEmpty()) {
            text.setText("");
            return;
        }
        double modified = model.experimentAccuracyProperty().get();
        double intact = model.intactAccuracyProperty().get();
        text.setText(I18n.t("pages.dossier.banner.text", describe(experiment), ColorBarTexts.percent(modified),
                ColorBarTexts.percent(intact), ColorBarTexts.points(modified - intact)));
    }
}
