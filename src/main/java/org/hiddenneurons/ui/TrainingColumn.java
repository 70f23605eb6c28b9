package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.button;
import static org.hiddenneurons.ui.WorkbenchControls.section;
import static org.hiddenneurons.ui.WorkbenchControls.settingLabel;
import static org.hiddenneurons.ui.WorkbenchControls.spacer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The workbench's right column: the training session (Train / Pause, Step, New network), the
 * {@link TrainingSettingsForm}, the speed, the model file row, and the progress charts. In a
 * scroll pane whose width the shell sets ({@code WorkbenchView}'s large-text policy).
 */
final class TrainingColumn {

    /** The column's width at Normal text and smaller. */
    static final double RIGHT_WIDTH = 400;

    private final TrainingSettingsForm form;
    private final VBox trainingSection;
    private final ScrollPane scroll;

    /** @param outputSection Θ2's section, placed under the charts (the hidden layer's column keeps its height for the tiles) */
    TrainingColumn(WorkbenchViewModel model, TrainingCharts charts, ModelFileActions files,
            ViewPreferences viewPreferences, ViewScope scope, Node outputSection) {
        TrainingSettingsViewModel settings = model.settings();
        Button train = button(I18n.t("workbench.train"), I18n.t("workbench.train.tooltip"), model::toggleTraining);
        train.setId(WorkbenchView.TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(WorkbenchControls.trainText(model.phaseProperty(),
                TrainingSessionViewModel.Phase.RUNNING, TrainingSessionViewModel.Phase.PAUSED));
        train.disableProperty().bind(model.dataReadyProperty().not());
        Button step = button(I18n.t("workbench.step"), I18n.t("workbench.step.tooltip"), model::step);
        step.setId(WorkbenchView.STEP_BUTTON_ID);
        step.disableProperty().bind(model.dataReadyProperty().not());
        Button fresh = button(I18n.t("workbench.newNetwork"), I18n.t("workbench.newNetwork.tooltip"),
                model::newNetwork);
        fresh.setId(WorkbenchView.NEW_NETWORK_BUTTON_ID);
        HBox buttons = new HBox(train, step, spacer(), fresh);
        buttons.getStyleClass().add("hn-toolbar");
        buttons.setAlignment(Pos.CENTER_LEFT);

        form = new TrainingSettingsForm(settings, scope, model::reportError);

        Label withDrawings = new Label();
        withDrawings.getStyleClass().add("hn-note");
        withDrawings.setWrapText(true);
        withDrawings.textProperty().bind(model.extraTrainingDataProperty().map(extra ->
                I18n.t("workbench.withDrawings", extra.size())).orElse(""));
        withDrawings.visibleProperty().bind(model.extraTrainingDataProperty().isNotNull());
        withDrawings.managedProperty().bind(withDrawings.visibleProperty());
        Button open = button(I18n.t("workbench.open"), I18n.t("workbench.open.tooltip"), files::openModel);
        Button save = button(I18n.t("workbench.save"), I18n.t("workbench.save.tooltip"), files::saveModel);
        Label unsaved = new Label(I18n.t("workbench.unsaved"));
        unsaved.getStyleClass().add("hn-muted");
        unsaved.setMinWidth(0);
        unsaved.visibleProperty().bind(model.unsavedChangesProperty());
        HBox fileRow = new HBox(settingLabel(I18n.t("workbench.modelFile")), open, save, unsaved);
        fileRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        trainingSection = section(I18n.t("workbench.section.training"), buttons);
        trainingSection.getChildren().addAll(form.nodes());
        trainingSection.getChildren().addAll(withDrawings, TrainingSettingsForm.speedRow(settings), fileRow);
        VBox chartSection = section(I18n.t("workbench.section.progress"), charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(chartSection, Priority.ALWAYS);

        VBox column = new VBox(trainingSection, chartSection, outputSection);
        column.getStyleClass().addAll("hn-column", "hn-right");
        scroll = new ScrollPane(column);
        WorkbenchControls.repaintInPlace(scroll);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // Above Normal text the column gets its natural width (the shell's large-text scroll), but
        // its own vertical scroll bar may take a strip of it: it scrolls sideways then.
        scroll.hbarPolicyProperty().bind(viewPreferences.textSizeProperty().map(size -> size.compareTo(
                Themes.TextSize.NORMAL) > 0 ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER));
        scroll.getStyleClass().addAll("hn-scroll", "hn-right-scroll");
    }

    /** The column's node. */
    ScrollPane node() {
        return scroll;
    }

    /** The settings form (a new setting: {@link TrainingSettingsForm#addRow}). */
    TrainingSettingsForm form() {
        return form;
    }

    /** The training section: add a row of controls with {@code trainingSection().getChildren().add(…)}. */
    VBox trainingSection() {
        return trainingSection;
    }
}
