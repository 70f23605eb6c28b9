package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.ui.backprop.BackpropView;
import org.hiddenneurons.ui.backprop.BackpropViewModel;
import org.hiddenneurons.ui.i18n.I18n;
import org.testfx.api.FxRobot;

/**
 * The workbench page at the window sizes of a laptop and two projectors, normal and presenting:
 * the hidden layer's pictures are large whole-number scalings, the pad is at least 280 px, and no
 * control, label, chart or the grid is cut off by the window or its column.
 */
class WorkbenchLayoutWindowTest extends WindowTestBase {

    /** The issue's target: pictures of at least 96 px at 1280×800; whole-number scales of 20 px give 100. */
    static final double MIN_PICTURE_AT_DEFAULT = 96;
    static final double MIN_PAD_SIDE = 280;
    /** Presenting, the grid takes at least this share of the screen's height. */
    static final double MIN_PRESENTING_GRID_SHARE = 0.6;
    /** Layout rounding. */
    static final double TOLERANCE_PX = 1;

    /** System property: a folder to write each measured window (PNG) and its tile size (text) into. */
    static final String LOOK_PROPERTY = "layoutTest.lookDir";

    private static final double[][] SIZES = {{1280, 800}, {1600, 1000}, {1920, 1080}};

    @AfterEach
    void leavePresentation() {
        onFx(() -> {
            view.presentationMode().setActive(false);
            return null;
        });
    }

    @Test
    void gridPadAndColumnsFitAtEveryWindowSize() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        int previousScale = 0;
        for (double[] size : SIZES) {
            Measured measured = measure(size[0], size[1], false);
            assertTrue(measured.imageScale >= previousScale, "the pictures grow with the window: " + measured);
            previousScale = measured.imageScale;
            assertTrue(measured.padSide >= MIN_PAD_SIDE, "pad " + measured);
            assertEquals(List.of(), measured.clipped, "cut off at " + measured);
        }
    }

    /**
     * The app's title is shown whole and ends before the page tabs begin (at 1280×800 it ran under
     * the Workbench tab), and the model description beside it is either readable or hidden.
     */
    @Test
    void theTitleStaysWholeBesideThePageTabsAtEveryWindowSizeInBothLanguages(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        List<String> broken = new ArrayList<>();
        try {
            for (Locale language : I18n.SUPPORTED) {
                switchTo(robot, language);
                for (double[] size : SIZES) {
                    resize(size[0], size[1], false);
                    broken.addAll(onFx(() -> {
                        Parent root = view.getScene().getRoot();
                        root.applyCss();
                        root.layout();
                        List<String> out = new ArrayList<>();
                        Labeled title = (Labeled) root.lookup(".hn-app-title");
                        Node tabs = root.lookup(".hn-navigation");
                        Labeled description = (Labeled) root.lookup("#" + WorkbenchView.MODEL_DESCRIPTION_ID);
                        Bounds titleBounds = title.localToScene(title.getLayoutBounds());
                        Bounds tabBounds = tabs.localToScene(tabs.getLayoutBounds());
                        String where = language + " " + size[0] + "×" + size[1] + ": ";
                        if (titleBounds.getMaxX() > tabBounds.getMinX() + TOLERANCE_PX) {
                            out.add(where + "title ends at " + titleBounds.getMaxX() + ", tabs begin at " + tabBounds.getMinX());
                        }
                        if (title.getWidth() + TOLERANCE_PX < title.prefWidth(-1)) {
                            out.add(where + "title " + title.getWidth() + " px of " + title.prefWidth(-1));
                        }
                        if (description.isVisible() && description.getWidth() < WorkbenchHeader.MODEL_DESCRIPTION_MIN_WIDTH) {
                            out.add(where + "model description shown " + description.getWidth() + " px wide");
                        }
                        return out;
                    }));
                }
            }
        } finally {
            switchTo(robot, Locale.ENGLISH);
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void defaultWindowShowsPicturesOfAtLeast96Pixels() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        Measured measured = measure(1280, 800, false);
        assertTrue(measured.pictureSide >= MIN_PICTURE_AT_DEFAULT, measured.toString());
    }

    /**
     * Presenting goes full screen: under the headless test screen (pom: {@code headless.geometry})
     * that is its size; the other sizes are measured by resizing the full-screen stage, which the
     * headless platform allows.
     */
    @Test
    void presentingTheGridTakesMostOfTheHeightAndNothingIsCutOff() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        for (double[] size : SIZES) {
            Measured measured = measure(size[0], size[1], true);
            assertTrue(measured.gridHeight >= MIN_PRESENTING_GRID_SHARE * measured.sceneHeight, measured.toString());
            assertTrue(measured.pictureSide >= MIN_PICTURE_AT_DEFAULT, measured.toString());
            assertEquals(List.of(), measured.clipped, "cut off at " + measured);
        }
    }

    /** Compare runs at 1280×800: both grids side by side at 80 px pictures at least (they were 60). */
    static final double MIN_COMPARE_PICTURE_AT_DEFAULT = 80;

    @Test
    void compareRunsGridsAreAsLargeAsFitBesideTheirChartsAndNothingIsCutOff() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        onFx(() -> {
            view.pageProperty().set(WorkbenchView.Page.COMPARE_RUNS);
            return null;
        });
        int previousScale = 0;
        for (double[] size : SIZES) {
            resize(size[0], size[1], false);
            String measured = onFx(() -> {
                Parent root = view.getScene().getRoot();
                root.applyCss();
                root.layout();
                StringBuilder report = new StringBuilder((int) size[0] + "×" + (int) size[1]);
                for (String id : List.of(CompareRunsView.LEFT_GRID_ID, CompareRunsView.RIGHT_GRID_ID)) {
                    HiddenUnitGrid grid = (HiddenUnitGrid) view.lookup("#" + id);
                    HiddenUnitTile tile = grid.getTiles().get(0);
                    double picture = tile.getWidth() - HiddenUnitTile.CHROME_WIDTH;
                    javafx.scene.layout.Region body = (javafx.scene.layout.Region) grid.getParent();
                    // One scale more would not fit beside the chart's least width, or not in the height.
                    org.hiddenneurons.viz.TileSizing larger = org.hiddenneurons.viz.TileSizing.of(5, 5,
                            grid.imageScale() + 1, 20, 20, HiddenUnitTile.CHROME_WIDTH, HiddenUnitTile.CHROME_HEIGHT,
                            HiddenUnitGrid.GAP);
                    boolean largest = larger.gridWidth() + CompareRunsView.BODY_GAP + CompareRunsView.CHART_MIN_WIDTH
                            > body.getWidth() || larger.gridHeight() > body.getHeight();
                    report.append(' ').append(id).append(": picture ").append(picture).append(" px, scale ")
                            .append(grid.imageScale()).append(largest ? "" : " NOT THE LARGEST");
                }
                List<String> clipped = new ArrayList<>();
                collectClipped(view.pageNode(WorkbenchView.Page.COMPARE_RUNS), pageRoom(view, size[0]), size[0], size[1],
                        clipped);
                if (!clipped.isEmpty()) {
                    report.append(" cut off ").append(clipped);
                }
                lookAt("compare-runs-" + (int) size[0] + "x" + (int) size[1], report.toString());
                return report.toString();
            });
            assertTrue(!measured.contains("NOT THE LARGEST") && !measured.contains("cut off"), measured);
            int scale = onFx(() -> ((HiddenUnitGrid) view.lookup("#" + CompareRunsView.LEFT_GRID_ID)).imageScale());
            assertEquals(scale, (int) onFx(() -> ((HiddenUnitGrid) view.lookup("#" + CompareRunsView.RIGHT_GRID_ID)).imageScale()),
                    "both sides alike: " + measured);
            assertTrue(scale >= previousScale, "the pictures grow with the window: " + measured);
            if (previousScale == 0) {
                assertTrue(20 * scale >= MIN_COMPARE_PICTURE_AT_DEFAULT, measured);
            }
            previousScale = scale;
        }
    }

    /**
     * Compare runs' figures at every window size, in English and Chinese, with the widest values a
     * run shows (a five-digit step, "100.0 %"): each label and value is shown whole on one line and
     * lies inside its side's column beside the grid (before, "epoch / 35" and "95.6 / %" broke at
     * 1280×800).
     */
    @Test
    void compareRunsFiguresStayWholeAtEveryWindowSizeInBothLanguages(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        List<String> broken = new ArrayList<>();
        try {
            for (Locale language : I18n.SUPPORTED) {
                switchTo(robot, language);
                onFx(() -> {
                    view.pageProperty().set(WorkbenchView.Page.COMPARE_RUNS);
                    return null;
                });
                // The page sits in a scroll pane: its content is found once the pane has its skin.
                waitFor(() -> {
                    view.getScene().getRoot().applyCss();
                    return view.pageNode(WorkbenchView.Page.COMPARE_RUNS).lookup(".hn-compare-runs") != null;
                });
                onFx(() -> {
                    CompareRunsViewModel compare = ((CompareRunsView) view.pageNode(WorkbenchView.Page.COMPARE_RUNS)
                            .lookup(".hn-compare-runs")).model();
                    for (CompareRunsViewModel.Side side : List.of(compare.left(), compare.right())) {
                        side.stepProperty().set(14_000);
                        side.shownEpochProperty().set(35);
                        side.testAccuracyProperty().set(1.0);
                        side.smoothnessProperty().set(0.55);
                    }
                    return null;
                });
                for (double[] size : SIZES) {
                    resize(size[0], size[1], false);
                    String where = language.toLanguageTag() + " " + (int) size[0] + "×" + (int) size[1] + ": ";
                    broken.addAll(onFx(() -> {
                        Parent root = view.getScene().getRoot();
                        root.applyCss();
                        root.layout();
                        List<String> out = new ArrayList<>();
                        for (Node figures : view.lookupAll("." + CompareRunsView.FIGURES_STYLE)) {
                            Bounds column = figures.getParent().localToScene(figures.getParent().getLayoutBounds());
                            for (Node block : ((Parent) figures).getChildrenUnmodifiable()) {
                                for (Node each : ((Parent) block).getChildrenUnmodifiable()) {
                                    Labeled text = (Labeled) each;
                                    Bounds bounds = text.localToScene(text.getLayoutBounds());
                                    if (isShortenedAtAll(text) || text.isWrapText()) {
                                        out.add(where + "\"" + text.getText() + "\" shortened or wrapping");
                                    }
                                    if (bounds.getMinX() < column.getMinX() - TOLERANCE_PX
                                            || bounds.getMaxX() > column.getMaxX() + TOLERANCE_PX) {
                                        out.add(where + "\"" + text.getText() + "\" at " + round(bounds)
                                                + " outside its column " + round(column));
                                    }
                                }
                            }
                        }
                        if (view.lookupAll("." + CompareRunsView.FIGURES_STYLE).size() != 2) {
                            out.add(where + "no figures found");
                        }
                        lookAt("compare-figures-" + language.toLanguageTag() + "-" + (int) size[0] + "x" + (int) size[1],
                                out.toString());
                        return out;
                    }));
                }
            }
        } finally {
            robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
        }
        assertEquals(List.of(), broken);
    }

    /** Writes the window and {@code text} into the {@link #LOOK_PROPERTY} folder, when set. */
    private void lookAt(String name, String text) {
        String lookDir = System.getProperty(LOOK_PROPERTY);
        if (lookDir != null) {
            try {
                WindowImages.writePng(view.getScene(), java.nio.file.Path.of(lookDir, name + ".png"));
                java.nio.file.Files.writeString(java.nio.file.Path.of(lookDir, name + ".txt"), text + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The Hidden unit page (a unit's dossier, with a drawing) and every step of the Backprop page
     * at 1280×800 in English and Chinese, and the Hidden unit page presenting at every size: no
     * label, button or table cell shows its text shortened, and nothing lies outside the window or
     * beyond what its scroll pane can scroll to.
     */
    @Test
    void hiddenUnitAndBackpropPagesShowEveryTextWholeInBothLanguages(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        DrawingPad pad = robot.lookup("#" + WorkbenchView.DRAWING_PAD_ID).queryAs(DrawingPad.class);
        robot.moveTo(pad).moveBy(-40, -60).press(MouseButton.PRIMARY).moveBy(80, 0).moveBy(-40, 120)
                .release(MouseButton.PRIMARY);
        waitFor(() -> !pad.emptyProperty().get());
        List<String> cutOff = new ArrayList<>();
        try {
            for (Locale language : I18n.SUPPORTED) {
                switchTo(robot, language);
                cutOff.addAll(onPages(1280, 800, false, language.toLanguageTag()));
            }
            switchTo(robot, Locale.ENGLISH);
            for (double[] size : SIZES) {
                cutOff.addAll(onPages(size[0], size[1], true, "en"));
            }
        } finally {
            robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
        }
        assertEquals(List.of(), cutOff);
    }

    /** What is cut off on the Hidden unit page and (not presenting) on each step of the Backprop page. */
    private List<String> onPages(double width, double height, boolean presenting, String language)
            throws TimeoutException {
        List<String> cutOff = new ArrayList<>();
        String where = language + " " + (int) width + "×" + (int) height + (presenting ? " presenting" : "") + ": ";
        onFx(() -> {
            view.pageProperty().set(WorkbenchView.Page.HIDDEN_UNIT);
            view.hiddenUnitGrid().setSelectedUnit(6);
            return null;
        });
        onFx(() -> {
            view.openDossier();
            return null;
        });
        waitFor(() -> view.dossierModel().getStatistics() != null && !view.dossierModel().busyProperty().get());
        resize(width, height, presenting);
        for (String each : onFx(() -> reachable(WorkbenchView.Page.HIDDEN_UNIT, width, height))) {
            cutOff.add(where + "Hidden unit page: " + each);
        }
        // The dossier reads top to bottom: its cards wrap, never hiding past the right edge behind a sideways scroll.
        double[] dossierWidths = onFx(() -> {
            Node up = view.unitDossierView();
            while (!(up instanceof ScrollPane)) {
                up = up.getParent();
            }
            ScrollPane scroll = (ScrollPane) up;
            return new double[] {scroll.getContent().getLayoutBounds().getWidth(), scroll.getViewportBounds().getWidth()};
        });
        if (dossierWidths[0] > dossierWidths[1] + TOLERANCE_PX) {
            cutOff.add(where + "Hidden unit page: the dossier is " + dossierWidths[0] + " px wide in a "
                    + dossierWidths[1] + " px view");
        }
        if (presenting) {
            return cutOff;
        }
        onFx(() -> {
            view.pageProperty().set(WorkbenchView.Page.BACKPROP);
            return null;
        });
        BackpropViewModel backprop = ((BackpropView) onFx(() -> view.pageNode(WorkbenchView.Page.BACKPROP))).getModel();
        onFx(() -> {
            backprop.sourceProperty().set(BackpropViewModel.Source.TRAINING_SAMPLE);
            return null;
        });
        waitFor(() -> backprop.getWalkthrough() != null);
        for (WalkthroughStep step : WalkthroughStep.values()) {
            onFx(() -> {
                backprop.stepProperty().set(step);
                return null;
            });
            for (String each : onFx(() -> reachable(WorkbenchView.Page.BACKPROP, width, height))) {
                cutOff.add(where + "Backprop step " + step.number() + ": " + each);
            }
        }
        return cutOff;
    }

    /** Switches the window to {@code language} (the view is built anew) and takes the new view. */
    private void switchTo(FxRobot robot, Locale language) {
        robot.interact(() -> view.switchLanguage(language));
        view = app.view();
    }

    private void resize(double width, double height, boolean presenting) throws TimeoutException {
        onFx(() -> {
            view.presentationMode().setActive(presenting);
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        waitFor(() -> Math.abs(view.getScene().getWidth() - width) <= TOLERANCE_PX
                && Math.abs(view.getScene().getHeight() - height) <= TOLERANCE_PX);
    }

    /** FX thread: lays the window out and lists the texts on {@code page} that a student cannot read whole. */
    private List<String> reachable(WorkbenchView.Page page, double width, double height) {
        Parent root = view.getScene().getRoot();
        root.applyCss();
        root.layout();
        root.layout(); // sizes bound to the first pass's widths (cards narrowed to their row) settle in the second
        List<String> out = new ArrayList<>();
        collectUnreachable(view.pageNode(page), width, height, out);
        return out;
    }

    /**
     * Shown controls (scroll bars aside) outside the window, or outside a scroll pane's viewport
     * in a direction it does not scroll (its content fits, or its bar is off); and every labeled — table cells and column headers
     * in control skins included — whose shown text is not its whole text (an ellipsis).
     */
    private static void collectUnreachable(Node node, double width, double height, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && isShortenedAtAll(labeled)) {
            out.add(describe(node) + " shortened to \"" + ((Text) labeled.lookup(".text")).getText() + "\"");
        }
        if (node instanceof Control && !(node instanceof ScrollBar) && node.isManaged() && !inSkin(node)) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            double minX = 0;
            double minY = 0;
            double maxX = width;
            double maxY = height;
            for (Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up instanceof ScrollPane scroll && scroll.getContent() != null) {
                    Bounds view = scroll.localToScene(new javafx.geometry.BoundingBox(scroll.snappedLeftInset(),
                            scroll.snappedTopInset(), scroll.getViewportBounds().getWidth(),
                            scroll.getViewportBounds().getHeight()));
                    Bounds content = scroll.getContent().getLayoutBounds();
                    boolean acrossScrolls = scroll.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER
                            && content.getWidth() > view.getWidth() + TOLERANCE_PX;
                    boolean downScrolls = scroll.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER
                            && content.getHeight() > view.getHeight() + TOLERANCE_PX;
                    // What lies beyond in a direction the pane scrolls can be scrolled to.
                    minX = acrossScrolls ? Double.NEGATIVE_INFINITY : Math.max(minX, view.getMinX());
                    maxX = acrossScrolls ? Double.POSITIVE_INFINITY : Math.min(maxX, view.getMaxX());
                    minY = downScrolls ? Double.NEGATIVE_INFINITY : Math.max(minY, view.getMinY());
                    maxY = downScrolls ? Double.POSITIVE_INFINITY : Math.min(maxY, view.getMaxY());
                    if (acrossScrolls || downScrolls) {
                        break;
                    }
                }
            }
            boolean beyondX = bounds.getMinX() < minX - TOLERANCE_PX || bounds.getMaxX() > maxX + TOLERANCE_PX;
            boolean beyondY = bounds.getMinY() < minY - TOLERANCE_PX || bounds.getMaxY() > maxY + TOLERANCE_PX;
            if (bounds.getWidth() > 0 && (beyondX || beyondY)) {
                out.add(describe(node) + " at " + round(bounds) + " outside " + round(minX, minY, maxX, maxY));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectUnreachable(child, width, height, out);
            }
        }
    }

    /** Whether {@code node} is part of another control's skin (a table's cell, a spinner's field). */
    private static boolean inSkin(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Control && !(up instanceof ScrollPane)) {
                return true;
            }
        }
        return false;
    }

    /** Shown text differs from the text (the skin put an ellipsis in), wrapped or not. */
    static boolean isShortenedAtAll(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
            return false;
        }
        Node shown = labeled.lookup(".text");
        return shown instanceof Text t && !t.getText().replaceAll("\\s+", " ").strip()
                .equals(text.replaceAll("\\s+", " ").strip());
    }

    // ---------------------------------------------------------------- measuring

    record Measured(double sceneWidth, double sceneHeight, boolean presenting, int imageScale, double pictureSide,
                    double gridHeight, double padSide, List<String> clipped) {
        @Override
        public String toString() {
            return sceneWidth + "×" + sceneHeight + (presenting ? " presenting" : "") + ": scale " + imageScale
                    + ", picture " + pictureSide + " px, grid height " + gridHeight + ", pad " + padSide
                    + ", cut off " + clipped;
        }
    }

    private Measured measure(double width, double height, boolean presenting) throws TimeoutException {
        resize(width, height, presenting);
        return onFx(() -> {
            Parent root = view.getScene().getRoot();
            root.applyCss();
            root.layout();
            HiddenUnitGrid grid = (HiddenUnitGrid) view.lookup("#" + WorkbenchView.HIDDEN_GRID_ID);
            HiddenUnitTile tile = grid.getTiles().get(0);
            double picture = tile.getWidth() - HiddenUnitTile.CHROME_WIDTH;
            Bounds tiles = grid.getTiles().get(grid.getTiles().size() - 1).localToScene(
                    grid.getTiles().get(grid.getTiles().size() - 1).getLayoutBounds());
            double gridHeight = tiles.getMaxY() - tile.localToScene(tile.getLayoutBounds()).getMinY();
            Node pad = view.lookup("#" + WorkbenchView.DRAWING_PAD_ID);
            // to look at: the window as measured, and the tile size
            lookAt("layout-" + (int) width + "x" + (int) height + (presenting ? "-presenting" : ""),
                    "scale " + grid.imageScale() + ", picture " + picture + " px");
            List<String> clipped = new ArrayList<>();
            collectClipped(view.pageNode(WorkbenchView.Page.WORKBENCH), pageRoom(view, width), width, height, clipped);
            return new Measured(view.getScene().getWidth(), view.getScene().getHeight(), presenting,
                    grid.imageScale(), picture, gridHeight, pad.getLayoutBounds().getWidth(), clipped);
        });
    }

    /**
     * The page's room: under the header, above the status bar (a page taller than its room is drawn
     * on, under the status bar, and the scroll pane around it grows with it).
     */
    private static Bounds pageRoom(WorkbenchView view, double width) {
        double pageTop = view.getTop().localToScene(view.getTop().getLayoutBounds()).getMaxY();
        double pageBottom = view.getBottom().localToScene(view.getBottom().getLayoutBounds()).getMinY();
        return new javafx.geometry.BoundingBox(0, pageTop, width, pageBottom - pageTop);
    }

    /**
     * Shown controls, labels, charts and the grid that reach beyond the window, the page (so under
     * the header or the status bar) or their scroll pane's viewport, or whose text is shortened.
     */
    private static void collectClipped(Node node, Bounds page, double width, double height, List<String> out) {
        // Hidden nodes (and presentation mode's hidden controls, also unmanaged) show nothing; a
        // visible unmanaged node (the scroll pane's viewport around the page) is walked into.
        if (!node.isVisible()) {
            return;
        }
        // A scroll pane's own bar lies beside its viewport, inside the scroll pane (checked itself).
        boolean scrollPanesBar = node instanceof ScrollBar && node.getParent() instanceof ScrollPane;
        if (!scrollPanesBar && (node instanceof Control || node instanceof Chart || node instanceof HiddenUnitGrid)) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            Bounds viewport = viewport(node);
            double minX = Math.max(page.getMinX(), viewport == null ? 0 : viewport.getMinX());
            double minY = Math.max(page.getMinY(), viewport == null ? 0 : viewport.getMinY());
            double maxX = Math.min(page.getMaxX(), viewport == null ? width : viewport.getMaxX());
            double maxY = Math.min(page.getMaxY(), viewport == null ? height : viewport.getMaxY());
            if (bounds.getWidth() > 0 && (bounds.getMinX() < minX - TOLERANCE_PX || bounds.getMinY() < minY - TOLERANCE_PX
                    || bounds.getMaxX() > maxX + TOLERANCE_PX || bounds.getMaxY() > maxY + TOLERANCE_PX)) {
                out.add(describe(node) + " at " + round(bounds) + " outside " + round(minX, minY, maxX, maxY));
            }
            if (node instanceof Labeled labeled && isShortened(labeled)) {
                out.add(describe(node) + " shortened");
            }
        }
        // Into layouts and scroll panes (their content sits in their skin), not into other controls' skins.
        boolean inside = node instanceof ScrollPane || !(node instanceof Control);
        if (inside && node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectClipped(child, page, width, height, out);
            }
        }
    }

    /** The scene bounds of the innermost scroll pane's viewport around {@code node}, or null. */
    private static Bounds viewport(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane scroll && up != node) {
                Bounds view = scroll.getViewportBounds();
                return scroll.localToScene(new javafx.geometry.BoundingBox(scroll.snappedLeftInset(),
                        scroll.snappedTopInset(), view.getWidth(), view.getHeight()));
            }
        }
        return null;
    }

    /** A label that does not wrap shows its text shortened ({@link #isShortenedAtAll}). */
    private static boolean isShortened(Labeled labeled) {
        return !labeled.isWrapText() && isShortenedAtAll(labeled);
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private static String round(Bounds b) {
        return round(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    private static String round(double minX, double minY, double maxX, double maxY) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f – %.0f,%.0f]", minX, minY, maxX, maxY);
    }
}
