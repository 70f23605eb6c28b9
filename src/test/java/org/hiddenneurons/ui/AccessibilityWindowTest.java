package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Keyboard and visual access on the real window: Tab reaches every control of the workbench page
 * and the header, a Tab-focused control is drawn differently, Enter presses the focused control,
 * and the colour and text-size choices reach the views.
 */
class AccessibilityWindowTest extends WindowTestBase {

    /** A focus ring changes at least this many pixels around a control (a 3 px ring around a button: hundreds). */
    private static final int MIN_RING_PIXELS = 40;
    private static final double FONT_TOLERANCE = 0.01;
    /** More Tab presses than the window has stops. */
    private static final int MAX_TABS = 200;

    @Test
    void tabReachesEveryEnabledVisibleControlOfTheWorkbenchPage(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        List<Node> controls = onFx(() -> keyboardControls(view));
        assertTrue(controls.size() >= 15, "the workbench has many controls: " + controls.size());
        assertTrue(controls.contains(view.drawingPad()), "the pad is a Tab stop");
        assertTrue(controls.contains(view.hiddenUnitGrid()), "the grid is a Tab stop");
        Set<Node> reached = new LinkedHashSet<>();
        int presses = controls.size() * 3 + 20;
        for (int i = 0; i < presses && !reachedAll(reached, controls); i++) {
            Node owner = onFx(this::tab);
            assertNotNull(owner, "Tab never drops the focus");
            for (Node control : controls) {
                if (isSameOrInside(owner, control) || sameToggleGroup(owner, control)) {
                    reached.add(control); // a toggle group is one Tab stop; arrows move inside it
                }
            }
        }
        List<String> missed = new ArrayList<>();
        for (Node control : controls) {
            if (!reached.contains(control)) {
                missed.add(describe(control));
            }
        }
        assertEquals(List.of(), missed, "controls Tab never reached");
        assertFalse(onFx(() -> model.runningProperty().get()), "tabbing pressed nothing");
    }

    @Test
    void shiftTabGoesBackToThePreviousControl(FxRobot robot) {
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.TAB);
        Node second = onFx(() -> view.getScene().getFocusOwner());
        robot.type(KeyCode.TAB);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertSame(second, onFx(() -> view.getScene().getFocusOwner()));
    }

    @Test
    void aTabFocusedControlIsDrawnWithAVisibleRingInBothThemes(FxRobot robot) {
        for (Themes.Theme theme : Themes.Theme.values()) {
            onFx(() -> {
                view.themeProperty().set(theme);
                return null;
            });
            for (String id : List.of(WorkbenchView.THEME_BUTTON_ID, WorkbenchView.DRAWING_PAD_ID, WorkbenchView.HIDDEN_GRID_ID,
                    "page-workbench", AppMenus.VIEW_MENU_ID)) {
                Node node = robot.lookup("#" + id).query();
                onFx(() -> {
                    view.getScene().getRoot().requestFocus();
                    return null;
                });
                int[] before = onFx(() -> around(node));
                focusByTab(robot, node);
                assertTrue(onFx(node::isFocusVisible), id + " shows keyboard focus");
                int[] after = onFx(() -> around(node));
                int changed = 0;
                for (int i = 0; i < before.length; i++) {
                    if (before[i] != after[i]) {
                        changed++;
                    }
                }
                assertTrue(changed >= MIN_RING_PIXELS, theme + " " + id + ": only " + changed + " pixels change with focus");
            }
        }
    }

    @Test
    void enterPressesTheFocusedControlAndArrowsMoveAlongTheTabs(FxRobot robot) {
        ToggleButton dark = robot.lookup("#" + WorkbenchView.THEME_BUTTON_ID).queryAs(ToggleButton.class);
        focusByTab(robot, dark);
        robot.type(KeyCode.ENTER);
        assertEquals(Themes.Theme.DARK, onFx(() -> view.themeProperty().get()), "Enter pressed the focused theme button");
        robot.type(KeyCode.ENTER);
        assertEquals(Themes.Theme.LIGHT, onFx(() -> view.themeProperty().get()));
        ToggleButton workbench = robot.lookup("#page-workbench").queryAs(ToggleButton.class);
        focusByTab(robot, workbench);
        robot.type(KeyCode.RIGHT);
        assertEquals("page-backprop", onFx(() -> view.getScene().getFocusOwner().getId()), "arrows move along the page tabs");
        robot.type(KeyCode.ENTER);
        assertEquals(WorkbenchView.Page.BACKPROP, onFx(() -> view.pageProperty().get()), "Enter on a page tab opens it");
    }

    @Test
    void colourChoiceReachesEveryWeightViewAndFollowsTheTheme() {
        ViewPreferences preferences = view.viewPreferences();
        int[] redBlue = onFx(() -> tilePixels(view.hiddenUnitGrid()));
        onFx(() -> {
            preferences.coloursProperty().set(Themes.Colours.COLOUR_BLIND_SAFE);
            return null;
        });
        assertSame(DivergingPalette.BLUE_WHITE_ORANGE, onFx(() -> view.hiddenUnitGrid().paletteProperty().get()));
        assertSame(DivergingPalette.BLUE_WHITE_ORANGE, onFx(() -> view.outputWeightsView().paletteProperty().get()));
        assertSame(DivergingPalette.BLUE_WHITE_ORANGE, onFx(() -> view.hiddenUnitGrid().getColorBar().paletteProperty().get()));
        assertFalse(Arrays.equals(redBlue, onFx(() -> tilePixels(view.hiddenUnitGrid()))), "the tiles are repainted");
        onFx(() -> {
            view.themeProperty().set(Themes.Theme.DARK);
            return null;
        });
        assertSame(DivergingPalette.BLUE_BLACK_ORANGE, onFx(() -> view.hiddenUnitGrid().paletteProperty().get()));
        assertSame(DivergingPalette.BLUE_BLACK_ORANGE, onFx(() -> view.outputWeightsView().paletteProperty().get()));
    }

    @Test
    void textSizeShortcutsScaleEveryLabelAndPresentationModeStillWins(FxRobot robot) throws TimeoutException {
        Labeled title = onFx(() -> firstLabeled(view, "Hidden layer"));
        assertNotNull(title, "the section title");
        double normal = onFx(() -> title.getFont().getSize());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(Themes.TextSize.LARGE, onFx(() -> view.viewPreferences().textSizeProperty().get()));
        double large = onFx(() -> {
            view.getScene().getRoot().applyCss();
            return title.getFont().getSize();
        });
        double ratio = (double) Themes.TextSize.LARGE.pixels() / Themes.TextSize.NORMAL.pixels();
        assertEquals(normal * ratio, large, normal * FONT_TOLERANCE, "the title scales with the root");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(Themes.TextSize.NORMAL, onFx(() -> view.viewPreferences().textSizeProperty().get()));
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(Themes.TextSize.SMALL, onFx(() -> view.viewPreferences().textSizeProperty().get()));
        double presentationTitle = onFx(() -> {
            view.presentationMode().setActive(true);
            view.getScene().getRoot().applyCss();
            return title.getFont().getSize();
        });
        onFx(() -> {
            view.presentationMode().setActive(false);
            return null;
        });
        assertTrue(presentationTitle > large, "presentation mode keeps its large type at Small text: " + presentationTitle);
    }

    @Test
    void atLargeTextTheWorkbenchScrollsSidewaysInsteadOfCuttingColumnsOff() throws TimeoutException {
        double[] size = onFx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        try {
            largeTextScrollsSideways();
        } finally {
            onFx(() -> { // the stage is shared with later tests
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
        }
    }

    private void largeTextScrollsSideways() throws TimeoutException {
        onFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            view.viewPreferences().textSizeProperty().set(Themes.TextSize.LARGE);
            return null;
        });
        ScrollPane page = onFx(() -> (ScrollPane) view.pageNode(WorkbenchView.Page.WORKBENCH));
        ScrollPane training = onFx(() -> (ScrollPane) view.lookup(".hn-right-scroll"));
        waitFor(() -> {
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
            Region column = (Region) training.getContent();
            return page.getHbarPolicy() == ScrollPane.ScrollBarPolicy.AS_NEEDED
                    // as wide as the column asks (its own scroll bar may still take a strip of that)
                    && training.getWidth() >= column.prefWidth(-1) - 1
                    && page.getContent().getLayoutBounds().getWidth() > page.getViewportBounds().getWidth();
        });
        onFx(() -> {
            view.viewPreferences().textSizeProperty().set(Themes.TextSize.NORMAL);
            return null;
        });
        waitFor(() -> {
            view.getScene().getRoot().layout();
            return page.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                    && page.getContent().getLayoutBounds().getWidth() <= page.getViewportBounds().getWidth() + 1;
        });
    }

    // ---------------------------------------------------------------- helpers (FX thread unless said)

    /**
     * One Tab key press, delivered to the focus owner through the scene's event dispatch (as the
     * window delivers it: the scene's traversal handles it) — much faster than the robot's key
     * strokes, which wait for several pulses each. Returns the new focus owner.
     */
    private Node tab() {
        Node owner = view.getScene().getFocusOwner();
        Node target = owner == null ? view.getScene().getRoot() : owner;
        javafx.event.Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB,
                false, false, false, false));
        javafx.event.Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.TAB,
                false, false, false, false));
        return view.getScene().getFocusOwner();
    }

    /** Tab (not requestFocus) until {@code target} has the focus, so it shows keyboard focus. Test thread. */
    private void focusByTab(FxRobot robot, Node target) {
        for (int i = 0; i < MAX_TABS && !onFx(() -> isSameOrInside(view.getScene().getFocusOwner(), target)); i++) {
            onFx(this::tab);
        }
        assertTrue(onFx(() -> isSameOrInside(view.getScene().getFocusOwner(), target)), "Tab reaches " + target);
    }

    /** Every enabled, visible control a keyboard user must reach: header and workbench page. */
    private static List<Node> keyboardControls(Node root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Node> found) {
        if (!node.isVisible() || !node.isManaged() && !(node.getParent() instanceof ScrollPane) || node.isDisabled()) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof Slider || node instanceof Spinner || node instanceof ComboBoxBase
                || node instanceof ChoiceBox || node instanceof TextInputControl
                || node instanceof DrawingPad || node instanceof HiddenUnitGrid) {
            found.add(node);
            return; // a control's insides (a spinner's buttons, a combo's field) are the control
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), found);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    private static boolean sameToggleGroup(Node owner, Node control) {
        return owner instanceof ToggleButton focused && control instanceof ToggleButton other
                && focused.getToggleGroup() != null && focused.getToggleGroup() == other.getToggleGroup();
    }

    private static boolean reachedAll(Set<Node> reached, List<Node> controls) {
        return reached.size() == controls.size();
    }

    private static boolean isSameOrInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    /** The scene's pixels in a margin of 8 px around {@code node}. */
    private int[] around(Node node) {
        view.getScene().getRoot().applyCss();
        view.getScene().getRoot().layout();
        WritableImage image = view.getScene().snapshot(null);
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        int margin = 8;
        int x0 = (int) Math.max(0, Math.floor(bounds.getMinX()) - margin);
        int y0 = (int) Math.max(0, Math.floor(bounds.getMinY()) - margin);
        int x1 = (int) Math.min(image.getWidth(), Math.ceil(bounds.getMaxX()) + margin);
        int y1 = (int) Math.min(image.getHeight(), Math.ceil(bounds.getMaxY()) + margin);
        int[] argb = new int[(x1 - x0) * (y1 - y0)];
        image.getPixelReader().getPixels(x0, y0, x1 - x0, y1 - y0, PixelFormat.getIntArgbInstance(), argb, 0, x1 - x0);
        return argb;
    }

    private static int[] tilePixels(HiddenUnitGrid grid) {
        WritableImage image = grid.getTiles().get(0).image();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    private static Labeled firstLabeled(Node node, String content) {
        if (node instanceof Labeled labeled && content.equals(labeled.getText())) {
            return labeled;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Labeled found = firstLabeled(child, content);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            return firstLabeled(scroll.getContent(), content);
        }
        return null;
    }
}
