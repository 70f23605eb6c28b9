package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Hidden unit page: the unit picker for any hidden size, and the unit's title on E. */
class HiddenUnitPageWindowTest extends WindowTestBase {

    /** A picture is drawn at least 1:1: its 20 weight pixels need 20 screen pixels. */
    private static final double MIN_PICTURE_SIDE = 20;

    @Test
    void thePickerShowsEveryUnitOfALargeNetworkWholeAndInReach(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        for (int hidden : new int[] {5, 100}) {
            NetworkSpec spec = WorkbenchViewModel.defaultSpec().withHiddenSize(hidden);
            robot.interact(() -> model.useNetwork(WorkbenchViewModel.randomNetwork(spec, 3), "test"));
            robot.interact(() -> view.pageProperty().set(WorkbenchView.Page.HIDDEN_UNIT));
            HiddenUnitGrid picker = robot.lookup("#" + WorkbenchView.UNIT_PICKER_ID).queryAs(HiddenUnitGrid.class);
            waitFor(() -> picker.getTiles().size() == hidden);
            Node side = picker.getParent();
            while (!(side instanceof ScrollPane)) {
                side = side.getParent();
            }
            ScrollPane column = (ScrollPane) side;
            for (HiddenUnitTile tile : onFx(picker::getTiles)) {
                Bounds inPicker = onFx(tile::getBoundsInParent);
                assertTrue(inPicker.getWidth() >= MIN_PICTURE_SIDE, hidden + " units: tile " + tile.unit() + " is "
                        + inPicker.getWidth() + " px wide");
                assertTrue(inPicker.getMaxX() <= onFx(picker::getWidth) + 0.5
                        && inPicker.getMaxY() <= onFx(picker::getHeight) + 0.5,
                        hidden + " units: tile " + tile.unit() + " lies outside the picker: " + inPicker);
            }
            // The picker fits its column, or the column scrolls sideways to it (nothing cut off).
            double pickerWidth = onFx(picker::getWidth);
            double viewport = onFx(() -> column.getViewportBounds().getWidth());
            assertTrue(pickerWidth <= viewport + 0.5
                    || onFx(() -> column.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER),
                    hidden + " units: a " + pickerWidth + " px picker in a " + viewport + " px column that cannot scroll");
        }
    }

    @Test
    void eKeepsTheUnitsTitleInViewBesideTheExplanation(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> view.hiddenUnitGrid().setSelectedUnit(6));
        robot.interact(view::openDossier); // the dossier is analysed while its page is shown
        waitFor(() -> view.dossierModel().getStatistics() != null);
        robot.interact(() -> view.pageProperty().set(WorkbenchView.Page.WORKBENCH));
        robot.interact(() -> view.hiddenUnitGrid().requestFocus());
        robot.type(KeyCode.E);
        waitFor(() -> view.pageProperty().get() == WorkbenchView.Page.HIDDEN_UNIT);
        Label pinned = robot.lookup("#" + HiddenUnitPage.PINNED_TITLE_ID).queryAs(Label.class);
        waitFor(pinned::isVisible);
        assertEquals("Hidden unit 7", onFx(pinned::getText));
        robot.interact(() -> view.openDossier()); // back at the top: the dossier's own title shows
        waitFor(() -> !pinned.isVisible());
        assertFalse(onFx(pinned::isManaged));
    }
}
