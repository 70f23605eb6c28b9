package org.hiddenneurons.ui.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.Themes;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DossierComponentsTest {

    private static final int CELL = 20;
    private HeatmapView heatmap;
    private SignedBarChart chart;

    @Start
    void start(Stage stage) {
        heatmap = new HeatmapView();
        heatmap.setPreferredCell(CELL);
        heatmap.setValues(new double[] {-1, 0, 0.5, 0.25, 1, -0.5}, 3, 2, HeatmapView.Mode.DIVERGING, Double.NaN);
        chart = new SignedBarChart();
        chart.setData(new double[] {2, -1, 0.5}, new String[] {"a", "b", "c"});
        VBox root = new VBox(10, heatmap, chart);
        root.setFillWidth(false); // the heatmap at its preferred size: cell (x, y) at (x·CELL, y·CELL)
        Scene scene = new Scene(root, 400, 400);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void heatmapCellsAreThePalettesColoursAndHoverReadsTheValue(FxRobot robot) {
        assertEquals(1.0, heatmap.getScale());
        assertEquals(CELL, heatmap.cellSize());
        assertEquals(DivergingPalette.BLUE_WHITE_RED.argb(-1, 1), heatmap.colorOf(0));
        assertEquals(DivergingPalette.BLUE_WHITE_RED.argb(0.25, 1), heatmap.colorOf(3));
        Bounds bounds = heatmap.localToScreen(heatmap.getLayoutBounds());
        robot.moveTo(new Point2D(bounds.getMinX() + 2.5 * CELL, bounds.getMinY() + 1.5 * CELL));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, heatmap.hoveredProperty().get());
        assertEquals(I18n.t("pages.dossier.readout", 2, 1, "\u22120.50"), heatmap.readoutProperty().get());
        robot.interact(() -> heatmap.setValues(new double[] {0, 1}, 2, 1, HeatmapView.Mode.GRAY, 1));
        assertEquals(0xff000000, heatmap.colorOf(0));
        assertEquals(0xffffffff, heatmap.colorOf(1));
    }

    @Test
    void positiveBarsRiseAndNegativeBarsFallFromTheSameAxis(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double up = chart.bar(0).getLayoutY() + chart.bar(0).getHeight();
        double down = chart.bar(1).getLayoutY();
        assertTrue(Math.abs(up - down) <= 1, "both bars start at the zero line");
        assertEquals(2 * chart.bar(1).getHeight(), chart.bar(0).getHeight(), 1.0, "heights proportional to |value|");
        assertEquals(4 * chart.bar(2).getHeight(), chart.bar(0).getHeight(), 1.0);
    }

    @Test
    void experimentForgetsUnitsTheNewNetworkDoesNotHave(FxRobot robot) {
        ObjectProperty<Network> network = new SimpleObjectProperty<>(
                Initializer.values()[0].initialize(NetworkSpec.DEFAULT, new Random(DossierFixtures.SEED)));
        ObjectProperty<Preprocessor.Result> drawing = new SimpleObjectProperty<>();
        ObjectProperty<Split> data = new SimpleObjectProperty<>();
        robot.interact(() -> {
            DossierModel model = new DossierModel(network, drawing, data, new BackgroundWork());
            model.setMode(3, UnitExperiment.Mode.OFF);
            model.setMode(20, UnitExperiment.Mode.ONE);
            assertTrue(model.modifiedProperty().get());
            network.set(Initializer.values()[0].initialize(NetworkSpec.DEFAULT.withHiddenSize(10), new Random(1)));
            assertEquals(UnitExperiment.NONE.with(3, UnitExperiment.Mode.OFF), model.getExperiment());
            assertNull(model.getStatistics(), "no data: no statistics");
            model.toggleOff(3);
            assertTrue(model.getExperiment().isEmpty());
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, model.unitOrderProperty().get());
            model.orderKeyProperty().set(UnitOrdering.Key.ACTIVATION);
            drawing.set(DossierFixtures.drawingOf(3));
            double[] scores = model.scores(UnitOrdering.Key.ACTIVATION);
            assertArrayEquals(UnitOrdering.descending(scores, 10), model.unitOrderProperty().get());
        });
    }
}
