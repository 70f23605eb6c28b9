package org.hiddenneurons.ui.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.analysis.ExperimentalForward;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.UnitAnalysis;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.core.Network;
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

/**
 * Opens a hidden unit's dossier on a trained network and the real digits, runs an ablation from the
 * experiment controls and restores the network. With {@code -Dhn.dossier.gallery=DIR} it also writes
 * the views to DIR/dossier-*.png for a visual check.
 */
@ExtendWith(ApplicationExtension.class)
class DossierViewsTest {

    private static final double TOLERANCE = 1e-12;
    private static final int UNIT = 6;
    private static final long TIMEOUT_SECONDS = 30;

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ObjectProperty<Preprocessor.Result> drawing = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> data = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<DivergingPalette> palette = new SimpleObjectProperty<>(DivergingPalette.BLUE_WHITE_RED);
    private DossierModel model;
    private UnitDossierView dossier;
    private ExperimentsPanel experiments;
    private ModifiedNetworkBanner banner;
    private PredictionExplanationView explanation;

    @Start
    void start(Stage stage) {
        model = new DossierModel(network, drawing, data, new BackgroundWork());
        dossier = new UnitDossierView(model, selected, palette);
        experiments = new ExperimentsPanel(model, selected);
        banner = new ModifiedNetworkBanner(model);
        explanation = new PredictionExplanationView(model, palette);
        VBox root = new VBox(8, banner, experiments, dossier, explanation);
        Scene scene = new Scene(new ScrollPane(root), 1200, 800);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void opensADossierAndRunsAnAblation(FxRobot robot) throws Exception {
        Network trained = DossierFixtures.trainedNetwork();
        Split split = DossierFixtures.digits();
        robot.interact(() -> {
            data.set(split);
            network.set(trained);
            drawing.set(DossierFixtures.drawingOf(17));
        });
        assertNull(dossier.dossier(), "no unit selected yet");
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> model.getStatistics() != null);
        robot.interact(() -> selected.set(UNIT));
        WaitForAsyncUtils.waitForFxEvents();

        NetworkStatistics stats = model.getStatistics();
        assertEquals(trained, stats.network());
        assertNotNull(dossier.dossier());
        assertEquals(UNIT, dossier.dossier().unit());
        assertArrayEquals(UnitAnalysis.weights(trained, UNIT), dossier.dossier().weights());
        assertEquals(9, dossier.dossier().topExamples().length);
        assertEquals(trained.forward(split.test().sample(17)).a2()[UNIT + 1], dossier.dossier().activation(), TOLERANCE);
        assertNotNull(explanation.breakdown());
        assertEquals(model.forwardPassProperty().get().z3()[explanation.breakdown().output()],
                explanation.breakdown().total(), 1e-9);
        assertFalse(banner.isVisible());

        // ablate the unit with the experiment controls
        robot.clickOn(I18n.t("pages.dossier.mode.off"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(UnitExperiment.Mode.OFF, model.getExperiment().mode(UNIT));
        assertTrue(banner.isVisible());
        assertEquals(stats.ablatedAccuracy()[UNIT], model.experimentAccuracyProperty().get(), TOLERANCE);
        double[] expected = ExperimentalForward.forward(trained, model.getExperiment(), stats.meanActivations(),
                split.test().sample(17)).a3();
        assertArrayEquals(expected, experiments.predictionBars().getProbabilities(), TOLERANCE);
        assertTrue(banner.text().contains(I18n.t("pages.dossier.mode.describe.off", UNIT + 1)), banner.text());
        assertArrayEquals(DossierFixtures.trainedNetwork().theta2Copy(), trained.theta2Copy(), "weights untouched");
        writeGallery(robot, "light");
        if (System.getProperty("hn.dossier.gallery") != null) {
            robot.interact(() -> {
                Themes.apply(dossier.getScene(), Themes.Theme.DARK);
                palette.set(DivergingPalette.BLUE_BLACK_RED);
            });
            WaitForAsyncUtils.waitForFxEvents();
            writeGallery(robot, "dark");
            robot.interact(() -> {
                Themes.apply(dossier.getScene(), Themes.Theme.LIGHT);
                palette.set(DivergingPalette.BLUE_WHITE_RED);
            });
        }

        robot.interact(() -> banner.restoreButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.getExperiment().isEmpty());
        assertFalse(banner.isVisible());
        assertArrayEquals(trained.forward(split.test().sample(17)).a3(), experiments.predictionBars().getProbabilities(),
                TOLERANCE);
        assertEquals(stats.testAccuracy(), model.experimentAccuracyProperty().get(), TOLERANCE);
    }

    @Test
    void staleStatisticsAreDroppedWhenTheNetworkChanges(FxRobot robot) throws Exception {
        Network trained = DossierFixtures.trainedNetwork();
        WeightBuffers changed = trained.mutableCopy();
        changed.theta2()[1] += 1.0;
        Network other = changed.toNetwork();
        robot.interact(() -> {
            data.set(DossierFixtures.digits());
            network.set(trained);
            network.set(other);
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> model.getStatistics() != null && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other, model.getStatistics().network());
    }

    private void writeGallery(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("hn.dossier.gallery");
        if (dir == null) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        robot.interact(() -> {
            try {
                DossierFixtures.writePng(dossier, Path.of(dir, "dossier-unit-" + name + ".png"));
                DossierFixtures.writePng(experiments, Path.of(dir, "dossier-experiments-" + name + ".png"));
                DossierFixtures.writePng(banner, Path.of(dir, "dossier-banner-" + name + ".png"));
                DossierFixtures.writePng(explanation, Path.of(dir, "dossier-explanation-" + name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
