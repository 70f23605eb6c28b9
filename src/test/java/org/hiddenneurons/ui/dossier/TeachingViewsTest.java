package org.hiddenneurons.ui.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.UnitAnalysis;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.Themes;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The issue-17 §4 views in a real (headless) window on a trained network and the real digits: the
 * activation range and the random direction in the unit dossier, the ablation chart on the compare
 * page, and saturation flags on a grid.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingViewsTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final int UNIT = 6;
    private static final double TOLERANCE = 1e-9;

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ObjectProperty<Preprocessor.Result> drawing = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> data = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<DivergingPalette> palette = new SimpleObjectProperty<>(DivergingPalette.BLUE_WHITE_RED);
    private DossierModel model;
    private UnitDossierView dossier;
    private AblationCurveView ablation;
    private HiddenUnitGrid grid;

    @Start
    void start(Stage stage) {
        model = new DossierModel(network, drawing, data, new BackgroundWork());
        dossier = new UnitDossierView(model, selected, palette);
        ablation = new AblationCurveView(model);
        grid = new HiddenUnitGrid();
        SaturationFlags.follow(model, grid);
        network.addListener((o, old, now) -> grid.setNetwork(now));
        Scene scene = new Scene(new ScrollPane(new VBox(8, dossier, ablation, grid)), 1200, 800);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheRangeADirectionTheAblationChartAndTheFlags(FxRobot robot) throws Exception {
        Network trained = DossierFixtures.trainedNetwork();
        Split split = DossierFixtures.digits();
        robot.interact(() -> {
            data.set(split);
            network.set(trained);
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> model.getStatistics() != null);
        robot.interact(() -> selected.set(UNIT));
        WaitForAsyncUtils.waitForFxEvents();
        NetworkStatistics stats = model.getStatistics();

        // Range: every training digit counted once; the highest point shows the unit's top example.
        ActivationRange range = dossier.rangeView().range();
        assertNotNull(range);
        assertEquals(UNIT, range.unit());
        assertEquals(split.train().size(), Arrays.stream(range.counts()).sum());
        int[] highest = range.examples()[range.examples().length - 1];
        assertEquals(UnitAnalysis.topExamples(stats.train(), UNIT, 1, true)[0], highest[highest.length - 1]);

        // Direction: a unit vector over the 25 units; "Another direction" draws a different one.
        double[] first = dossier.directionView().direction().direction();
        assertEquals(trained.spec().hiddenSize(), first.length);
        robot.interact(() -> dossier.directionView().anotherButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!Arrays.equals(first, dossier.directionView().direction().direction()), "a new direction");

        // Ablation chart: three series of h+1 points; the first is the intact accuracy, point 1 of
        // "most important first" is the single-unit ablation of the most important unit.
        assertEquals(3, ablation.chart().getData().size());
        for (XYChart.Series<Number, Number> series : ablation.chart().getData()) {
            assertEquals(trained.spec().hiddenSize() + 1, series.getData().size());
            assertEquals(100 * stats.testAccuracy(), series.getData().get(0).getYValue().doubleValue(), TOLERANCE);
        }
        int mostImportant = ablation.curve().importanceOrder()[0];
        assertEquals(100 * stats.ablatedAccuracy()[mostImportant],
                ablation.chart().getData().get(0).getData().get(1).getYValue().doubleValue(), TOLERANCE);

        // Flags: exactly the saturated units carry a mark.
        ActivationRange.Saturation[] saturations =
                ActivationRange.saturations(stats.train(), trained.spec().hiddenActivation());
        for (HiddenUnitTile tile : grid.getTiles()) {
            boolean saturated = saturations[tile.unit()] != ActivationRange.Saturation.NONE;
            assertEquals(saturated, !tile.getFlag().isEmpty(), "unit " + tile.unit());
        }
    }

    @Test
    void theDrawingsSumIsTypesetWithItsNumbers() {
        String latex = DossierFormulas.drawing(1.5, -0.25, 1.25, 0.777);
        assertEquals("z = \\sum_{i} w_{i} x_{i} + b = 1.50 - 0.25 = 1.25,\\qquad a = g(z) = 0.78", latex);
        assertTrue(new org.hiddenneurons.viz.FormulaRenderer().render(latex, 16, 0xFF000000).getWidth() > 100);
    }
}
