package org.hiddenneurons.ui.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hiddenneurons.io.handout.WalkthroughWords;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.walkthrough.WalkthroughFixtures;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.core.walkthrough.WeightRef;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.PresentationMode;
import org.hiddenneurons.ui.Themes;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The backprop view in a real (headless) window: every step forward and back by keyboard, tables,
 * gradient check, export and presentation mode. With {@code -Dhn.backprop.snapshots=DIR} it also
 * trains a network briefly and writes DIR/backprop-*.png for a visual check.
 */
@ExtendWith(ApplicationExtension.class)
class BackpropViewTest {

    private static final double AGREEMENT = 1e-7;
    private static Split split;

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ObjectProperty<Preprocessor.Result> drawing = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> data = new SimpleObjectProperty<>();
    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(DivergingPalette.BLUE_WHITE_RED);
    private BackpropView view;
    private Stage stage;

    @BeforeAll
    static void loadData() {
        split = DigitsImage.loadBundled().standardSplit();
    }

    @Start
    void start(Stage window) {
        stage = window;
        network.set(WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, new Random(WalkthroughFixtures.SEED), 0.1));
        data.set(split);
        view = new BackpropView(network, drawing, data, palette);
        view.getModel().sourceProperty().set(BackpropViewModel.Source.TRAINING_SAMPLE);
        view.getModel().sampleIndexProperty().set(7);
        Scene scene = new Scene(view, Integer.getInteger("hn.backprop.width", 1260), Integer.getInteger("hn.backprop.height", 780));
        Themes.apply(scene, Themes.Theme.LIGHT);
        window.setScene(scene);
        window.show();
        view.requestFocus();
    }

    @Test
    void walksEveryStepForwardAndBackWithTheKeyboard(FxRobot robot) {
        BackpropViewModel model = view.getModel();
        assertNotNull(model.getWalkthrough());
        Set<String> formulas = new HashSet<>();
        for (WalkthroughStep step : WalkthroughStep.values()) {
            assertEquals(step, model.stepProperty().get());
            assertEquals(I18n.t("pages.backprop.stepTitle", step.number(), 10, WalkthroughWords.title(step, I18n.locale())),
                    view.stepTitleText());
            assertFalse(view.captionText().isBlank(), step.toString());
            assertFalse(view.tableViews().isEmpty(), step.toString());
            formulas.add(view.formulaText());
            robot.type(KeyCode.RIGHT);
        }
        assertEquals(WalkthroughStep.UPDATE, model.stepProperty().get(), "stays at the last step");
        assertEquals(10, formulas.size(), "every step has its own formula");
        for (int i = 9; i >= 1; i--) {
            robot.type(KeyCode.LEFT);
            assertEquals(i, model.stepProperty().get().number());
        }
        robot.type(KeyCode.END);
        assertEquals(WalkthroughStep.UPDATE, model.stepProperty().get());
        robot.type(KeyCode.HOME);
        assertEquals(WalkthroughStep.INPUT, model.stepProperty().get());
    }

    @Test
    void tablesHighlightWhatChangedAndCopyAtFullPrecision(FxRobot robot) {
        robot.interact(() -> view.getModel().stepProperty().set(WalkthroughStep.OUTPUT_ERROR));
        NumberTableView table = view.tableViews().get(0);
        assertTrue(table.tableView().getColumns().stream()
                .anyMatch(c -> c.getStyleClass().contains(NumberTableView.CHANGED)));
        double[] delta3 = view.getModel().getWalkthrough().delta3();
        robot.interact(() -> table.tableView().getSelectionModel().select(3));
        String copied = table.copyText();
        assertTrue(copied.startsWith(table.table().rowHeader() + "\ta³ₖ\tyₖ\tδ³ₖ\n3\t"), copied);
        assertTrue(copied.trim().endsWith(String.valueOf(delta3[3])), copied);
    }

    @Test
    void clickingAPixelOfTheUnitPictureChecksThatWeight(FxRobot robot) {
        Heatmap picture = view.checkUnitPicture();
        Node image = picture.getChildren().get(0);
        robot.clickOn(image);
        WaitForAsyncUtils.waitForFxEvents();
        WeightRef weight = view.getModel().checkedWeightProperty().get();
        assertNotNull(weight, "a click picks a weight");
        assertEquals(1, weight.layer());
        assertEquals(view.getModel().selectedUnitProperty().get(), weight.row());
        var result = view.getModel().checkResultProperty().get();
        assertTrue(result.relativeDifference() < AGREEMENT, result.toString());
        robot.interact(() -> view.getModel().checkedWeightProperty().set(new WeightRef(2, 3, 5)));
        assertEquals(2, view.getModel().checkResultProperty().get().weight().layer());
    }

    @Test
    void aBlankDrawingShowsWhyThereIsNothingToWalk(FxRobot robot) {
        robot.interact(() -> view.getModel().sourceProperty().set(BackpropViewModel.Source.DRAWING));
        assertNull(view.getModel().getWalkthrough());
        assertEquals(I18n.t("pages.backprop.noDrawing"), view.getModel().messageProperty().get());
        double[] input = split.train().sample(11);
        robot.interact(() -> {
            view.getModel().drawingLabelProperty().set(split.train().label(11));
            drawing.set(new Preprocessor.Result(false, null, null, null, null, input));
        });
        assertNotNull(view.getModel().getWalkthrough());
        assertEquals(split.train().label(11), view.getModel().getWalkthrough().label());
    }

    @Test
    void exportWritesTheHandoutAndTheCsv(FxRobot robot, @TempDir Path folder) {
        AtomicReference<Boolean> written = new AtomicReference<>();
        robot.interact(() -> written.set(view.export(folder.resolve("walk"))));
        assertTrue(written.get());
        assertTrue(Files.exists(folder.resolve("walk.html")));
        assertTrue(Files.exists(folder.resolve("walk.csv")));
    }

    @Test
    void presentationModeHidesControlsEnlargesTypeAndStaysKeyboardDriven(FxRobot robot) throws IOException {
        AtomicReference<PresentationMode> mode = new AtomicReference<>();
        robot.interact(() -> mode.set(PresentationMode.install(view.getScene())));
        double normalSize = fontSize(robot);
        Node controls = view.lookup("." + PresentationMode.CONTROLS);
        assertTrue(controls.isVisible());
        robot.interact(() -> mode.get().toggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getStyleClass().contains(PresentationMode.ROOT_STYLE));
        assertFalse(controls.isVisible(), "controls hidden");
        assertFalse(controls.isManaged(), "controls take no room");
        assertTrue(fontSize(robot) > normalSize * 1.3, "larger type");
        assertTrue(stage.isFullScreen());
        robot.interact(() -> Themes.apply(view.getScene(), Themes.Theme.DARK));
        assertTrue(view.getScene().getStylesheets().contains(PresentationMode.stylesheet()), "survives a theme switch");
        robot.type(KeyCode.RIGHT);
        assertEquals(WalkthroughStep.HIDDEN_SUM, view.getModel().stepProperty().get());
        snapshotIfAsked(robot, "presentation");
        robot.interact(() -> mode.get().toggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.getStyleClass().contains(PresentationMode.ROOT_STYLE));
        assertTrue(controls.isVisible());
        assertFalse(stage.isFullScreen());
    }

    private double fontSize(FxRobot robot) {
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> {
            view.applyCss();
            Label formula = (Label) view.lookup("." + BackpropView.FORMULA);
            size.set(formula.getFont().getSize());
        });
        return size.get();
    }

    /**
     * A briefly trained network through every step, light then dark: each step's picture is written
     * (to -Dhn.backprop.snapshots=DIR when given, for a person to look at; else a temp folder) and
     * read back at the window's size, and the dark theme really darkens the page.
     */
    @Test
    void writesAPictureOfEveryStepInBothThemes(FxRobot robot, @TempDir Path tempFolder) throws Exception {
        String asked = System.getProperty("hn.backprop.snapshots");
        Path folder = asked == null ? tempFolder : Path.of(asked);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(3);
        Network initial = config.initialNetwork(20, 20, 10);
        Trainer trainer = new Trainer(config, initial, split.train(), split.test());
        trainer.run();
        Network trained = trainer.network().copy();
        robot.interact(() -> {
            network.set(trained);
            view.getModel().selectedUnitProperty().set(6);
        });
        double lightLuminance = 0;
        for (WalkthroughStep step : WalkthroughStep.values()) {
            robot.interact(() -> view.getModel().stepProperty().set(step));
            BufferedImage written = writeSnapshot(robot, folder, "light-" + step.number());
            if (step == WalkthroughStep.GRADIENTS) {
                lightLuminance = meanLuminance(written);
            }
        }
        robot.interact(() -> {
            Themes.apply(view.getScene(), Themes.Theme.DARK);
            palette.set(Themes.Theme.DARK.palette());
            view.getModel().stepProperty().set(WalkthroughStep.GRADIENTS);
        });
        double darkLuminance = meanLuminance(writeSnapshot(robot, folder, "dark-9"));
        assertTrue(darkLuminance < lightLuminance, "dark " + darkLuminance + " vs light " + lightLuminance);
        robot.interact(() -> view.export(folder.resolve("backprop-handout")));
    }

    /** Mean of (R + G + B) / 3 over the image, 0..255. */
    private static double meanLuminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }

    /** Writes the scene as backprop-NAME.png in {@code folder} and returns the file read back. */
    private BufferedImage writeSnapshot(FxRobot robot, Path folder, String name) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> image.set(view.getScene().snapshot(null)));
        int w = (int) image.get().getWidth();
        int h = (int) image.get().getHeight();
        int[] argb = new int[w * h];
        image.get().getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path file = folder.resolve("backprop-" + name + ".png");
        ImageIO.write(out, "png", file.toFile());
        BufferedImage read = ImageIO.read(file.toFile());
        assertNotNull(read, file + " is not a PNG");
        assertEquals(w, read.getWidth());
        assertEquals(h, read.getHeight());
        return read;
    }

    /** With -Dhn.backprop.snapshots=DIR: writes the scene as backprop-NAME.png there (for a person to look at). */
    private void snapshotIfAsked(FxRobot robot, String name) throws IOException {
        String asked = System.getProperty("hn.backprop.snapshots");
        if (asked != null) {
            writeSnapshot(robot, Path.of(asked), name);
        }
    }
}
