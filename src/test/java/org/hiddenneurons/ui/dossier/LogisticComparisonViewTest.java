package org.hiddenneurons.ui.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.analysis.LogisticRegression;
import org.hiddenneurons.core.Network;
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

/** The no-hidden-layer comparison trains its regression in the background and shows 10 templates. */
@ExtendWith(ApplicationExtension.class)
class LogisticComparisonViewTest {

    private static final long TIMEOUT_SECONDS = 60;
    /** Training examples for the regression here (the full 4000 in the app). */
    private static final int TRAIN_COUNT = 1000;
    /** A linear model on 1000 digits clearly beats chance (10 %); the course reports ~90 % on 5000. */
    private static final double MIN_ACCURACY = 0.75;

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> data = new SimpleObjectProperty<>();
    private final ObjectProperty<DivergingPalette> palette = new SimpleObjectProperty<>(DivergingPalette.BLUE_WHITE_RED);
    private LogisticComparisonView view;

    @Start
    void start(Stage stage) {
        view = new LogisticComparisonView(network, data, palette, new BackgroundWork());
        Scene scene = new Scene(new StackPane(view), 1000, 600);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void trainsTheRegressionInTheBackgroundAndShowsTenTemplates(FxRobot robot) throws Exception {
        assertNull(view.regressionProperty().get());
        Split split = DossierFixtures.smallDigits(TRAIN_COUNT);
        robot.interact(() -> {
            network.set(DossierFixtures.trainedNetwork());
            data.set(split);
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> view.regressionProperty().get() != null);
        LogisticRegression.Model model = view.regressionProperty().get();
        assertEquals(10, model.classCount());
        assertEquals(10 * 401, model.theta().length);
        assertTrue(model.testAccuracy() > MIN_ACCURACY, "test accuracy " + model.testAccuracy());
        assertEquals(model.testAccuracy(), LogisticRegression.accuracy(model.theta(), 10, split.test()));
        String dir = System.getProperty("hn.dossier.gallery");
        if (dir != null) {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                    () -> !Double.isNaN(view.modelForTests().intactAccuracyProperty().get()));
            Files.createDirectories(Path.of(dir));
            robot.interact(() -> {
                try {
                    DossierFixtures.writePng(view, Path.of(dir, "dossier-logistic-light.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void showsWhyTheRegressionFailed(FxRobot robot) throws Exception {
        String reason = "no memory left for the templates";
        robot.interact(() -> {
            view.useTrainerForTests((split, lambda, iterations, cancelled) -> {
                throw new IllegalStateException(reason);
            });
            data.set(DossierFixtures.smallDigits(TRAIN_COUNT));
        });
        String expected = I18n.t("pages.dossier.logistic.failed", reason);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> expected.equals(view.regressionStatusForTests()));
        assertNull(view.regressionProperty().get());
    }
}
