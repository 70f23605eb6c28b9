package org.hiddenneurons.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The bottom line: a message (an error, in its colour, takes precedence until clicked away; then,
 * while the split is prepared as the model sees it, a {@link PreparingNote}),
 * then epoch (inside a lesson-paced epoch: step and epoch), loss, accuracy, speed and elapsed time
 * of the network in use.
 */
public final class StatusBar extends HBox {

    static final String STYLE = "hn-status-bar";
    static final String MESSAGE_ID = "status-message";
    static final String EPOCH_ID = "status-epoch";

    /** Restyles the message for errors; held here, since the view model only holds it weakly. */
    private final ChangeListener<String> errorStyle;

    public StatusBar(WorkbenchViewModel model) {
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.getStyleClass().add("hn-status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        // An error first; then, while the split is prepared as the model sees it, why its pages wait.
        var preparing = PreparingNote.of(model.inputSteps(), model.phaseProperty());
        message.textProperty().bind(Bindings.when(model.errorMessageProperty().isEmpty())
                .then(Bindings.when(preparing.isEmpty()).then(model.statusMessageProperty()).otherwise(preparing))
                .otherwise(model.errorMessageProperty()));
        errorStyle = (o, old, now) -> {
            message.getStyleClass().remove("hn-error");
            if (!now.isEmpty()) {
                message.getStyleClass().add("hn-error");
            }
        };
        // Weakly: the view model outlives this bar (a language switch builds a new one).
        model.errorMessageProperty().addListener(new WeakChangeListener<>(errorStyle));
        message.setOnMouseClicked(e -> model.clearError());
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(Bindings.concat(message.textProperty(), "\n", I18n.t("workbench.status.dismiss")));
        message.setTooltip(messageTip);

        Label epoch = field(I18n.t("workbench.status.epoch.tooltip"));
        epoch.setId(EPOCH_ID);
        ReadOnlyObjectProperty<EpochProgress> progress = model.session().epochProgressProperty();
        epoch.textProperty().bind(Bindings.createStringBinding(() -> progress.get().text(), progress));

        Label loss = field(I18n.t("workbench.status.loss.tooltip"));
        loss.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("workbench.status.loss", number(model.trainLossProperty().get()),
                        number(model.testLossProperty().get())),
                model.trainLossProperty(), model.testLossProperty()));

        Label accuracy = field(I18n.t("workbench.status.accuracy.tooltip"));
        accuracy.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("workbench.status.accuracy", WorkbenchViewModel.percent(model.trainAccuracyProperty().get()),
                        WorkbenchViewModel.percent(model.testAccuracyProperty().get())),
                model.trainAccuracyProperty(), model.testAccuracyProperty()));

        Label speed = field(I18n.t("workbench.status.speed.tooltip"));
        speed.textProperty().bind(Bindings.createStringBinding(() -> {
            double rate = model.epochsPerSecondProperty().get();
            return I18n.t("workbench.status.speed", Double.isFinite(rate) ? String.format(Locale.ROOT, "%.1f", rate) : "–");
        }, model.epochsPerSecondProperty()));

        Label elapsed = field(I18n.t("workbench.status.elapsed.tooltip"));
        elapsed.textProperty().bind(Bindings.createStringBinding(
                () -> duration(model.elapsedSecondsProperty().get()), model.elapsedSecondsProperty()));

        getChildren().addAll(message, epoch, loss, accuracy, speed, elapsed);
    }

    private static Label field(String tooltip) {
        Label label = new Label();
        label.getStyleClass().add("hn-status-field");
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setTooltip(new Tooltip(tooltip));
        return label;
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "–";
    }

    /** 75.3 s → "1:15". */
    static String duration(double seconds) {
        long whole = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
