package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    private static boolean isShortened(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        Node shown = labeled.lookup(".text");
        return shown instanceof Text t && !t.getText().replace("\n", " ").equals(text.replace("\n", " "))
                && !labeled.isWrapText();
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
