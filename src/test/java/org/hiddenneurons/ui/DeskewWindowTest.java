package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.MouseButton;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window with a model file that names the deskew step: the preprocessing strip shows the
 * step, a slanted drawing reaches the network deskewed, the data views score the deskewed split;
 * a model without the step hides it again.
 */
class DeskewWindowTest extends WindowTestBase {

    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path folder;

    private Path modelFile(String name, boolean deskew) throws IOException {
        Network weights = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 11);
        Path file = folder.resolve(name);
        ModelFile.save(file, new SavedModel(weights, TrainingConfig.defaults().withDeskew(deskew).withInputBlur(0.0), "digits", "", 2));
        return file;
    }

    @Test
    void aDeskewModelsStripShowsTheStepAndItsViewsSeeDeskewedInputs(FxRobot robot)
            throws IOException, TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        Path deskewModel = modelFile("deskew.json", true);
        robot.interact(() -> view.dropRouter().route(deskewModel));
        // The bundled model deskews too (and blurs): wait for this file's steps, deskewing alone.
        waitFor(() -> "deskewed".equals(model.inputSteps().stepsProperty().get()));

        // A slanted stroke, drawn with the mouse from the top right to the bottom left.
        DrawingPad pad = view.drawingPad();
        double side = onFx(pad::getWidth);
        robot.moveTo(pad.localToScreen(0.65 * side, 0.15 * side));
        robot.press(MouseButton.PRIMARY);
        for (int step = 1; step <= 10; step++) {
            double t = step / 10.0;
            robot.moveTo(pad.localToScreen((0.65 - 0.3 * t) * side, (0.15 + 0.7 * t) * side));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> model.prediction().seenProperty().get() != null);

        PreprocessStrip strip = onFx(() -> (PreprocessStrip) view.lookup("." + Styles.PREPROCESS_STRIP));
        assertTrue(onFx(strip::isShowingModelSteps));
        assertEquals(I18n.t("workbench.strip.deskewed"), onFx(strip::inputCaption));
        assertTrue(onFx(() -> strip.centredStepImage() != null), "the centred picture is a step of its own");

        Preprocessor.Result raw = onFx(() -> model.preprocessedProperty().get());
        double[] expected = Deskew.apply(new GrayImage(20, 20, raw.networkInput())).values();
        assertArrayEquals(expected, onFx(() -> model.prediction().seenProperty().get().networkInput()), TOLERANCE);
        assertArrayEquals(onFx(() -> model.networkProperty().get()).forward(expected).a3(),
                onFx(() -> model.probabilitiesProperty().get()), TOLERANCE);

        Split loaded = onFx(() -> model.dataProperty().get());
        // The views' split is prepared off the FX thread (ModelInputSteps.prepareWith): wait for it.
        waitFor(() -> !model.inputSteps().preparingProperty().get());
        Split scored = onFx(() -> model.inputSteps().preparedDataProperty().get());
        assertArrayEquals(Deskew.apply(new GrayImage(20, 20, loaded.test().sample(0))).values(),
                scored.test().sample(0), TOLERANCE);

        Path plainModel = modelFile("plain.json", false);
        robot.interact(() -> view.dropRouter().route(plainModel));
        waitFor(() -> model.inputSteps().stepsProperty().get().isEmpty());
        assertFalse(onFx(strip::isShowingModelSteps));
        assertArrayEquals(raw.networkInput(), onFx(() -> model.prediction().seenProperty().get().networkInput()),
                TOLERANCE);
        assertEquals(loaded, onFx(() -> model.inputSteps().preparedDataProperty().get()));
    }
}
