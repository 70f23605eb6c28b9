package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless tests of the whole window: pages by keyboard, presentation mode, dossier and experiments, startup model. */
class MainWindowTest extends WindowTestBase {

    /** The unit the tests pick (0-based): any but the first, so "selected" is not a default. */
    private static final int UNIT = 6;


    @Test
    void everyPageOpensWithItsShortcutAndShowsContent(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        for (WorkbenchView.Page page : WorkbenchView.Page.values()) {
            robot.press(KeyCode.CONTROL, page.key()).release(page.key(), KeyCode.CONTROL);
            assertEquals(page, onFx(() -> view.pageProperty().get()), "Ctrl+" + (page.ordinal() + 1));
            Node node = view.pageNode(page);
            assertTrue(onFx(() -> node.getScene() != null && node.isVisible()), page + " is in the window");
            waitFor(() -> node.getLayoutBounds().getWidth() > 100 && node.getLayoutBounds().getHeight() > 100);
            assertTrue(onFx(() -> visibleLabels(node) >= 3), page + " shows text");
            for (WorkbenchView.Page other : WorkbenchView.Page.values()) {
                if (other != page) {
                    assertTrue(onFx(() -> view.pageNode(other).getScene() == null), other + " is not shown with " + page);
                }
            }
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals(WorkbenchView.Page.WORKBENCH, onFx(() -> view.pageProperty().get()));
        assertSame(view.pageNode(WorkbenchView.Page.WORKBENCH),
                onFx(() -> findParentPage(view.drawingPad())), "the pad comes back to the workbench");
    }

    @Test
    void theDrawingPadTravelsToThePagesThatNeedIt(FxRobot robot) {
        for (WorkbenchView.Page page : List.of(WorkbenchView.Page.HIDDEN_UNIT, WorkbenchView.Page.MY_DRAWINGS,
                WorkbenchView.Page.WORKBENCH)) {
            robot.interact(() -> view.pageProperty().set(page));
            assertSame(view.pageNode(page), onFx(() -> findParentPage(view.drawingPad())), page.title());
        }
    }

    @Test
    void f5TogglesPresentationModeWhichHidesTheControls(FxRobot robot) {
        Node settings = robot.lookup("." + PresentationMode.CONTROLS).query();
        assertTrue(onFx(settings::isVisible));
        robot.type(KeyCode.F5);
        assertTrue(onFx(() -> view.presentationMode().isActive()));
        assertTrue(onFx(() -> view.getScene().getRoot().getStyleClass().contains(PresentationMode.ROOT_STYLE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> {
            settings.applyCss();
            return settings.isVisible();
        }), "controls are hidden while presenting");
        robot.type(KeyCode.F5);
        assertFalse(onFx(() -> view.presentationMode().isActive()));
        assertTrue(onFx(() -> {
            settings.applyCss();
            return settings.isVisible();
        }));
    }

    @Test
    void clickingATileThenEnterOpensThatUnitsDossier(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        HiddenUnitTile tile = onFx(() -> view.hiddenUnitGrid().getTiles().get(UNIT));
        robot.clickOn(tile);
        assertEquals(UNIT, onFx(() -> view.hiddenUnitGrid().getSelectedUnit()));
        robot.type(KeyCode.ENTER);
        assertEquals(WorkbenchView.Page.HIDDEN_UNIT, onFx(() -> view.pageProperty().get()));
        String title = I18n.t("pages.dossier.unit.title", HiddenUnitGrid.displayNumber(UNIT));
        waitFor(() -> visibleLabelWithText(view.unitDossierView(), title));
    }

    @Test
    void xSwitchesTheSelectedUnitOffAndRRestoresTheIntactNetwork(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> WorkbenchSnapshotTool.drawThree(view.drawingPad()));
        double[] intact = onFx(() -> model.probabilitiesProperty().get());
        assertNotNull(intact);
        robot.interact(() -> view.hiddenUnitGrid().setSelectedUnit(UNIT));
        robot.type(KeyCode.X);

        assertTrue(onFx(() -> view.dossierModel().modifiedProperty().get()));
        assertTrue(onFx(() -> view.modifiedBanner().isVisible()), "the banner says the network is modified");
        assertTrue(onFx(() -> model.predictionModifiedProperty().get()), "the prediction is the modified network's");
        double[] modified = onFx(() -> model.probabilitiesProperty().get());
        assertFalse(java.util.Arrays.equals(intact, modified), "switching a unit off changes the output");
        assertEquals(0.0, onFx(() -> view.hiddenUnitGrid().getTiles().get(UNIT).getActivation()),
                "the tile shows the unit off");
        waitFor(() -> view.modifiedBanner().text().contains("unit " + HiddenUnitGrid.displayNumber(UNIT) + " off"));

        robot.type(KeyCode.R);
        assertFalse(onFx(() -> view.dossierModel().modifiedProperty().get()));
        assertFalse(onFx(() -> view.modifiedBanner().isVisible()));
        assertFalse(onFx(() -> model.predictionModifiedProperty().get()));
        assertTrue(java.util.Arrays.equals(intact, onFx(() -> model.probabilitiesProperty().get())));
    }

    @Test
    void theBundledModelLoadsAtStartupAndTheHeaderSaysSo(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.modelDescriptionProperty().get().contains("bundled"));
        Label header = robot.lookup("#" + WorkbenchView.MODEL_DESCRIPTION_ID).queryAs(Label.class);
        assertTrue(onFx(header::getText).startsWith("Model bundled default"), onFx(header::getText));
        assertTrue(onFx(() -> model.epochProperty().get()) > 0, "the bundled model was trained");
        assertEquals(OutputLayer.SOFTMAX_CROSS_ENTROPY,
                onFx(() -> model.networkProperty().get().spec().outputLayer()));
        assertFalse(onFx(model::shouldAskBeforeClosing), "an opened model has nothing unsaved");
    }

    @Test
    void orderingByActivationRearrangesAndTintsTheTiles(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> WorkbenchSnapshotTool.drawThree(view.drawingPad()));
        robot.interact(() -> view.dossierModel().orderKeyProperty().set(org.hiddenneurons.analysis.UnitOrdering.Key.ACTIVATION));
        HiddenUnitGrid grid = view.hiddenUnitGrid();
        waitFor(() -> grid.getTiles().stream().allMatch(tile -> Double.isFinite(tile.getScore())));
        int[] order = onFx(grid::getUnitOrder);
        double first = onFx(() -> grid.getTiles().get(order[0]).getActivation());
        double last = onFx(() -> grid.getTiles().get(order[order.length - 1]).getActivation());
        assertTrue(first >= last, "most active first");
        double firstX = onFx(() -> grid.getTiles().get(order[0]).getBoundsInParent().getMinX());
        double firstY = onFx(() -> grid.getTiles().get(order[0]).getBoundsInParent().getMinY());
        assertEquals(0.0, firstX, 0.5, "the most active unit sits top left");
        assertEquals(0.0, firstY, 0.5);
    }

    /** Visible labels with text under {@code root}. FX thread. */
    private static int visibleLabels(Node root) {
        int count = 0;
        if (root instanceof Label label && label.isVisible() && label.getText() != null && !label.getText().isBlank()) {
            count++;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += visibleLabels(child);
            }
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            count += visibleLabels(scroll.getContent());
        }
        return count;
    }

    private static boolean visibleLabelWithText(Node root, String text) {
        if (root instanceof Label label && label.isVisible() && text.equals(label.getText())) {
            return true;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (visibleLabelWithText(child, text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The page node {@code node} is shown in, or null. FX thread. */
    private Node findParentPage(Node node) {
        Set<Node> pages = Set.copyOf(List.of(WorkbenchView.Page.values()).stream().map(view::pageNode).toList());
        for (Node at = node; at != null; at = at.getParent()) {
            if (pages.contains(at)) {
                return at;
            }
        }
        return null;
    }
}
