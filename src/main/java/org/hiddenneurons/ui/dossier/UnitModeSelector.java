package org.hiddenneurons.ui.dossier;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Four toggle buttons — Normal, Off, Clamp to 1, Clamp to mean — that set the selected unit's mode
 * in the model's experiment and follow it when it changes elsewhere. Disabled without a selection.
 */
public final class UnitModeSelector extends HBox {

    static final UnitExperiment.Mode[] MODES = {null, UnitExperiment.Mode.OFF, UnitExperiment.Mode.ONE,
        UnitExperiment.Mode.MEAN};

    private final DossierModel model;
    private final IntegerProperty selectedUnit;
    private final ToggleGroup group = new ToggleGroup();
    private boolean updating;

    public UnitModeSelector(DossierModel model, IntegerProperty selectedUnit) {
        this.model = model;
        this.selectedUnit = selectedUnit;
        getStyleClass().add(DossierStyles.MODE_BUTTONS);
        for (UnitExperiment.Mode mode : MODES) {
            ToggleButton button = new ToggleButton(text(mode));
            button.setToggleGroup(group);
            button.setUserData(mode);
            button.setOnAction(e -> {
                int unit = selectedUnit.get();
                if (unit >= 0 && !updating) {
                    model.setMode(unit, mode);
                }
                refresh();
            });
            getChildren().add(button);
        }
        selectedUnit.addListener((obs, old, now) -> refresh());
        model.experimentProperty().addListener((obs, old, now) -> refresh());
        model.statisticsProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The button text of a mode (null: Normal). */
    static String text(UnitExperiment.Mode mode) {
        if (mode == null) {
            return I18n.t("pages.dossier.mode.normal");
        }
        return switch (mode) {
            case OFF -> I18n.t("pages.dossier.mode.off");
            case ONE -> I18n.t("pages.dossier.mode.one");
            case MEAN -> I18n.t("pages.dossier.mode.mean");
        };
    }

    /** The button of a mode (null: Normal), for tests. */
    ToggleButton button(UnitExperiment.Mode mode) {
        for (int i = 0; i < MODES.length; i++) {
            if (MODES[i] == mode) {
                return (ToggleButton) getChildren().get(i);
            }
        }
        throw new IllegalArgumentException(String.valueOf(mode));
    }

    private void refresh() {
        int unit = selectedUnit.get();
        setDisable(unit < 0);
        UnitExperiment.Mode mode = unit < 0 ? null : model.getExperiment().mode(unit);
        updating = true;
        group.getToggles().forEach(t -> t.setSelected(unit >= 0 && t.getUserData() == mode));
        // clamping to the mean needs the training-set means
        button(UnitExperiment.Mode.MEAN).setDisable(model.getStatistics() == null);
        updating = false;
    }
}
