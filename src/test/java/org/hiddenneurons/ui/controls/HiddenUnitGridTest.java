package org.hiddenneurons.ui.controls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.ui.ComponentFixtures;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HiddenUnitGridTest {

    private static final double TOLERANCE = 1e-12;
    private HiddenUnitGrid grid;
    private Network network;

    @Start
    void start(Stage stage) {
        network = ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT, ComponentFixtures.SEED);
        grid = new HiddenUnitGrid();
        grid.setNetwork(network);
        Scene scene = new Scene(new StackPane(grid));
        Styles.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Near-square as the layout promises (TileSizing): no more empty cells than the square layout
     * ⌈√n⌉ × ⌈n / ⌈√n⌉⌉ leaves, and columns and rows within a factor 2.5 of each other.
     */
    private static void assertNearSquare(int tiles, int columns) {
        int rows = (tiles + columns - 1) / columns;
        int squareColumns = (int) Math.ceil(Math.sqrt(tiles));
        int squareRows = (tiles + squareColumns - 1) / squareColumns;
        assertTrue(columns * rows - tiles <= squareColumns * squareRows - tiles,
                columns + " columns leave more empty cells than the square layout");
        assertTrue(Math.max(columns, rows) <= 2.5 * Math.min(columns, rows), columns + "×" + rows + " is not near-square");
    }

    @Test
    void showsOneTilePerHiddenUnitInANearSquareGrid(FxRobot robot) {
        assertEquals(25, grid.getTiles().size());
        assertEquals(5, distinctColumns());
        robot.interact(() -> grid.setNetwork(ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT.withHiddenSize(36), 7)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(36, grid.getTiles().size());
        assertNearSquare(36, (int) distinctColumns());
        robot.interact(() -> grid.setNetwork(ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT.withHiddenSize(7), 7)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, grid.getTiles().size());
        assertNearSquare(7, (int) distinctColumns());
        robot.interact(() -> grid.setNetwork(network));
    }

    /** max |Θ1[unit][i]| over the pixel weights i = 1..inputs (bias left out), written out here as the oracle. */
    private static double unitMaxAbs(Network network, int unit) {
        int columns = network.spec().inputSize() + 1;
        return java.util.stream.IntStream.range(1, columns)
                .mapToDouble(i -> Math.abs(network.theta1Copy()[unit * columns + i])).max().orElse(0);
    }

    /** The largest {@link #unitMaxAbs} over all units. */
    private static double sharedMaxAbs(Network network) {
        return java.util.stream.IntStream.range(0, network.spec().hiddenSize())
                .mapToDouble(unit -> unitMaxAbs(network, unit)).max().orElse(0);
    }

    @Test
    void tilePixelsAreTheUnitsWeightsInThePaletteAtAnIntegerScale(FxRobot robot) {
        robot.interact(() -> grid.setScale(WeightPictures.Scale.PER_UNIT));
        HiddenUnitTile tile = grid.getTiles().get(3);
        int scale = tile.getImageScale();
        assertEquals(20 * scale, (int) tile.image().getWidth());
        PixelReader reader = tile.image().getPixelReader();
        double max = unitMaxAbs(network, 3);
        for (int[] xy : new int[][] {{0, 0}, {12, 5}, {19, 19}, {7, 14}}) {
            double weight = network.theta1Copy()[3 * 401 + 1 + xy[1] * 20 + xy[0]];
            int expected = DivergingPalette.BLUE_WHITE_RED.argb(weight, max);
            assertEquals(expected, reader.getArgb(xy[0] * scale, xy[1] * scale));
            assertEquals(expected, reader.getArgb(xy[0] * scale + scale - 1, xy[1] * scale + scale - 1),
                    "every screen pixel of a weight has its colour (nearest neighbour)");
        }
        robot.interact(() -> grid.setScale(WeightPictures.Scale.SHARED));
    }

    @Test
    void colorBarShowsTheSharedRangeOrSaysPerUnit(FxRobot robot) {
        robot.interact(() -> grid.setScale(WeightPictures.Scale.SHARED));
        assertFalse(grid.getColorBar().relativeProperty().get());
        assertEquals(sharedMaxAbs(network), grid.getColorBar().maxAbsProperty().get(),
                TOLERANCE);
        robot.interact(() -> {
            grid.setSelectedUnit(-1);
            grid.setScale(WeightPictures.Scale.PER_UNIT);
        });
        assertTrue(grid.getColorBar().relativeProperty().get());
        robot.interact(() -> grid.setSelectedUnit(4));
        assertFalse(grid.getColorBar().relativeProperty().get());
        assertEquals(unitMaxAbs(network, 4),
                grid.getColorBar().maxAbsProperty().get(), TOLERANCE);
        robot.interact(() -> {
            grid.setSelectedUnit(-1);
            grid.setScale(WeightPictures.Scale.SHARED);
        });
    }

    @Test
    void forwardPassSetsEachTilesActivationAndNullClearsThem(FxRobot robot) {
        double[] input = new double[400];
        java.util.Arrays.fill(input, 0.3);
        ForwardPass pass = network.forward(input);
        robot.interact(() -> grid.setForwardPass(pass));
        for (HiddenUnitTile tile : grid.getTiles()) {
            assertEquals(pass.a2()[tile.unit() + 1], tile.getActivation(), TOLERANCE);
        }
        ForwardPass wrongSize = ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT.withHiddenSize(9), 1).forward(input);
        robot.interact(() -> grid.setForwardPass(wrongSize));
        assertNull(grid.getForwardPass(), "a pass of another network is not shown");
        robot.interact(() -> grid.setForwardPass(null));
        assertTrue(Double.isNaN(grid.getTiles().get(0).getActivation()));
    }

    @Test
    void hoverTooltipNamesTheUnitAndTheWeightUnderThePointer(FxRobot robot) {
        robot.interact(() -> grid.setForwardPass(network.forward(new double[400])));
        HiddenUnitTile tile = grid.getTiles().get(6);
        Bounds bounds = tile.localToScreen(tile.getLayoutBounds());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + bounds.getWidth() / 2,
                bounds.getMinY() + HiddenUnitTile.FRAME + 2));
        WaitForAsyncUtils.waitForFxEvents();
        String text = tile.getTooltip().getText();
        assertTrue(text.startsWith("Unit 7 \u00b7 activation "), text);
        assertTrue(text.contains("weight at (x 10, y 0): "), text);
        robot.interact(() -> grid.setForwardPass(null));
    }

    @Test
    void clickSelectsAUnitAndArrowKeysMoveTheSelection(FxRobot robot) {
        robot.clickOn(grid.getTiles().get(6));
        assertEquals(6, grid.getSelectedUnit());
        assertTrue(grid.getTiles().get(6).getStyleClass().contains(Styles.HIDDEN_UNIT_SELECTED));
        robot.type(KeyCode.RIGHT);
        assertEquals(7, grid.getSelectedUnit());
        robot.type(KeyCode.DOWN);
        assertEquals(12, grid.getSelectedUnit());
        robot.type(KeyCode.UP, KeyCode.LEFT);
        assertEquals(6, grid.getSelectedUnit());
        assertFalse(grid.getTiles().get(7).getStyleClass().contains(Styles.HIDDEN_UNIT_SELECTED));
        robot.type(KeyCode.ESCAPE);
        assertEquals(-1, grid.getSelectedUnit());
    }

    @Test
    void tooltipTextHasTheRealNumbers() {
        NetworkSpec spec = new NetworkSpec(2, 2, 2, 2, Activation.SIGMOID, OutputLayer.SIGMOID_CROSS_ENTROPY);
        double[] theta1 = {0.1, 0, 0, 0, 0, -0.42, 0, 0.137, 0, 0};
        Network small = new Network(spec, theta1, new double[6]);
        ForwardPass pass = new ForwardPass(new double[5], new double[] {0, 1.61}, new double[] {1, 0.5, 0.83},
                new double[2], new double[2]);
        assertEquals("Unit 2 \u00b7 activation 0.83 \u00b7 z 1.61 \u00b7 bias \u22120.42 \u00b7 weight at (x 1, y 0): +0.137",
                HiddenUnitTooltip.text(small, pass, 1, new int[] {1, 0}));
        assertEquals("Unit 1 \u00b7 bias 0.10", HiddenUnitTooltip.text(small, null, 0, null));
        HiddenUnitGrid.Texts chinese = new HiddenUnitGrid.Texts("\u5355\u5143 {0}", "\u6fc0\u6d3b {0}", "z {0}",
                "\u504f\u7f6e {0}", "(x {0}, y {1}) \u6743\u91cd {2}", "\uff0c", "", "", "", "");
        assertEquals("\u5355\u5143 2\uff0c\u504f\u7f6e \u22120.42\uff0c(x 1, y 0) \u6743\u91cd +0.137",
                HiddenUnitTooltip.text(small, null, 1, new int[] {1, 0}, chinese));
    }

    @Test
    void renderAllUsesOneScaleOrEachUnitsOwn() {
        int[][] shared = new int[25][400];
        int[][] perUnit = new int[25][400];
        HiddenUnitGrid.renderAll(network, WeightPictures.Scale.SHARED, DivergingPalette.BLUE_WHITE_RED, shared);
        HiddenUnitGrid.renderAll(network, WeightPictures.Scale.PER_UNIT, DivergingPalette.BLUE_WHITE_RED, perUnit);
        int[] expected = new int[400];
        WeightPictures.render(network.theta1Copy(), network.spec(), 9,
                WeightPictures.maxAbs(network.theta1Copy(), network.spec()), DivergingPalette.BLUE_WHITE_RED, expected);
        assertArrayEquals(expected, shared[9]);
        WeightPictures.render(network.theta1Copy(), network.spec(), 9,
                WeightPictures.maxAbs(network.theta1Copy(), network.spec(), 9), DivergingPalette.BLUE_WHITE_RED, expected);
        assertArrayEquals(expected, perUnit[9]);
    }

    @Test
    void upscaleRepeatsEachPixelAsABlock() {
        int[] out = new int[4 * 6];
        HiddenUnitTile.upscale(new int[] {1, 2, 3, 4, 5, 6}, 2, 3, 2, out);
        assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4, 5, 5, 6, 6, 5, 5, 6, 6}, out);
    }

    private long distinctColumns() {
        return grid.getTiles().stream().mapToDouble(t -> t.getLayoutX()).distinct().count();
    }
}
