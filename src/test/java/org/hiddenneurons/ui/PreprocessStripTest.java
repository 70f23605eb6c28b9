package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.ui.controls.Styles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PreprocessStripTest {

    private PreprocessStrip strip;

    @Start
    void start(Stage stage) {
        strip = new PreprocessStrip();
        Scene scene = new Scene(new StackPane(strip));
        Styles.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void croppedScaledAndCentredPicturesSayWhatTheStepsDoToPenSizeAndBrightness() {
        assertEquals(I18n.t("workbench.strip.cropped.tooltip"), strip.stepTooltip(PreprocessStrip.SCALED - 1));
        assertEquals(I18n.t("workbench.strip.scaled.tooltip"), strip.stepTooltip(PreprocessStrip.SCALED));
        assertEquals(I18n.t("workbench.strip.centred.tooltip"), strip.stepTooltip(PreprocessStrip.STEP_COUNT - 1));
        assertNull(strip.stepTooltip(0), "the drawing itself needs no explanation");
    }

    @Test
    void blankResultShowsTheHint(FxRobot robot) {
        assertTrue(strip.isShowingHint());
        GrayImage empty = new GrayImage(280, 280, new double[280 * 280]);
        robot.interact(() -> strip.setResult(new Preprocessor.Result(true, empty, null, null, null, null)));
        assertTrue(strip.isShowingHint());
    }

    @Test
    void networkInputIsShownCrispAtAWholeNumberScale(FxRobot robot) {
        Preprocessor.Result result = handMade();
        robot.interact(() -> strip.setResult(result));
        assertFalse(strip.isShowingHint());
        WritableImage centred = strip.stepImage(3);
        int scale = (int) PreprocessStrip.displayScale(20, 20, PreprocessStrip.FINAL_BOX - 2 * PreprocessStrip.FRAME_MARGIN);
        assertEquals(6, scale);
        assertEquals(20 * scale, (int) centred.getWidth());
        PixelReader reader = centred.getPixelReader();
        // pixel (5, 7) is ink (1.0), pixel (6, 7) is half ink: every screen pixel of a block is exact
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                assertEquals(0xffffffff, reader.getArgb(5 * scale + dx, 7 * scale + dy));
                assertEquals(0xff808080, reader.getArgb(6 * scale + dx, 7 * scale + dy));
                assertEquals(0xff000000, reader.getArgb(dx, dy));
            }
        }
        assertFalse(strip.stepView(3).isSmooth());
        assertTrue(strip.stepView(0).isSmooth(), "the full drawing is reduced, smoothly");
    }

    @Test
    void imagesAreReusedWhileTheSizeStaysTheSame(FxRobot robot) {
        robot.interact(() -> strip.setResult(handMade()));
        WritableImage first = strip.stepImage(3);
        robot.interact(() -> strip.setResult(handMade()));
        assertSame(first, strip.stepImage(3));
    }

    @Test
    void padDrawingsGoThroughTheRealPreprocessorIntoTheStrip(FxRobot robot) {
        robot.interact(() -> {
            DrawingPad pad = new DrawingPad();
            Preprocessor preprocessor = Preprocessor.forBundledDigits();
            DrawingPad.Drawing blank = pad.getDrawing();
            strip.setResult(preprocessor.process(blank.width(), blank.height(), blank.argb()));
            assertTrue(strip.isShowingHint(), "an empty pad is blank to the preprocessor");
            ComponentFixtures.seven().forEach(pad::addStroke);
            DrawingPad.Drawing seven = pad.getDrawing();
            Preprocessor.Result result = preprocessor.process(seven.width(), seven.height(), seven.argb());
            strip.setResult(result);
        });
        assertFalse(strip.isShowingHint());
        Preprocessor.Result result = strip.getResult();
        assertEquals(400, result.networkInput().length);
        assertEquals(120, (int) strip.stepImage(3).getWidth());
        double ink = 0;
        for (double v : result.networkInput()) {
            ink += v;
        }
        assertTrue(ink > 10, "white ink on black reaches the network as ink, got " + ink);
    }

    @Test
    void aDeskewModelsStepIsItsOwnPictureAndCaptionOnlyWhileOn(FxRobot robot) {
        Preprocessor.Result plain = handMade();
        double[] deskewed = new double[400];
        deskewed[7 * 20 + 9] = 1.0; // moved: the large picture must show this input, not the centred one
        Preprocessor.Result seen = new Preprocessor.Result(false, plain.grayscale(), plain.cropped(), plain.scaled(),
                plain.centred(), deskewed);
        String inputCaption = strip.inputCaption();
        robot.interact(() -> strip.setResult(seen, I18n.t("workbench.strip.deskewed")));
        assertTrue(strip.isShowingModelSteps());
        assertEquals(org.hiddenneurons.ui.i18n.I18n.t("workbench.strip.deskewed"), strip.inputCaption());
        int scale = 6;
        PixelReader large = strip.stepImage(3).getPixelReader();
        assertEquals(0xffffffff, large.getArgb(9 * scale, 7 * scale));
        assertEquals(0xff000000, large.getArgb(5 * scale, 7 * scale));
        PixelReader centred = strip.centredStepImage().getPixelReader();
        int small = (int) PreprocessStrip.displayScale(20, 20, PreprocessStrip.STEP_BOX - 2 * PreprocessStrip.FRAME_MARGIN);
        assertEquals(0xffffffff, centred.getArgb(5 * small, 7 * small));

        robot.interact(() -> strip.setResult(plain, ""));
        assertFalse(strip.isShowingModelSteps());
        assertEquals(inputCaption, strip.inputCaption());
        assertNull(strip.centredStepImage());
        assertEquals(0xffffffff, strip.stepImage(3).getPixelReader().getArgb(5 * scale, 7 * scale));
    }

    @Test
    void grayBecomesWhiteInkOnBlack() {
        int[] out = new int[3];
        PreprocessStrip.grayToArgb(new GrayImage(3, 1, new double[] {0, 1, 1.5}), out);
        assertEquals(0xff000000, out[0]);
        assertEquals(0xffffffff, out[1]);
        assertEquals(0xffffffff, out[2]);
    }

    private static Preprocessor.Result handMade() {
        double[] centred = new double[400];
        centred[7 * 20 + 5] = 1.0;
        centred[7 * 20 + 6] = 128 / 255.0;
        double[] drawn = new double[280 * 280];
        drawn[100 * 280 + 100] = 1;
        return new Preprocessor.Result(false, new GrayImage(280, 280, drawn),
                new GrayImage(30, 60, new double[1800]), new GrayImage(8, 15, new double[120]),
                new GrayImage(20, 20, centred), centred.clone());
    }
}
