package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * components.css resolves the theme's looked-up colours in both themes. With
 * {@code -Dhn.gallery=DIR} it also writes every component, light and dark, to DIR/ui-views-*.png for
 * a visual check.
 */
@ExtendWith(ApplicationExtension.class)
class StylesTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void padInkFollowsTheThemeForegroundInLightAndDark(FxRobot robot) throws Exception {
        Gallery light = showGallery(robot, Themes.Theme.LIGHT, "light");
        Gallery dark = showGallery(robot, Themes.Theme.DARK, "dark");
        assertEquals(light.foreground, light.pad.inkColorProperty().get());
        assertEquals(dark.foreground, dark.pad.inkColorProperty().get());
        assertNotEquals(light.foreground, dark.foreground);
    }

    @Test
    void fallbackColoursApplyWithoutATheme(FxRobot robot) {
        robot.interact(() -> {
            DrawingPad pad = new DrawingPad();
            Scene scene = new Scene(new VBox(pad));
            Styles.install(scene);
            pad.applyCss();
            assertNotEquals(Color.WHITE, pad.inkColorProperty().get(), "light fallback: dark ink");
        });
    }

    /** A rendered gallery: its drawing pad and the theme's foreground colour. */
    private record Gallery(DrawingPad pad, Color foreground) {
    }

    @Test
    void stylesheetIsOnTheClasspathAndInstalledOnce(FxRobot robot) {
        robot.interact(() -> {
            Scene scene = new Scene(new VBox());
            Styles.install(scene);
            Styles.install(scene);
            assertEquals(1, scene.getStylesheets().size());
            assertNotNull(Styles.componentsStylesheet());
        });
    }

    private Gallery showGallery(FxRobot robot, Themes.Theme theme, String name) throws Exception {
        boolean dark = theme == Themes.Theme.DARK;
        AtomicReference<Gallery> galleryRef = new AtomicReference<>();
        AtomicReference<VBox> rootRef = new AtomicReference<>();
        robot.interact(() -> {
            DivergingPalette palette = dark ? DivergingPalette.BLUE_BLACK_RED : DivergingPalette.BLUE_WHITE_RED;
            Network network = ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT, ComponentFixtures.SEED);
            DrawingPad pad = new DrawingPad();
            ComponentFixtures.seven().forEach(pad::addStroke);
            DrawingPad.Drawing drawing = pad.getDrawing();
            Preprocessor.Result result = Preprocessor.forBundledDigits().process(drawing.width(), drawing.height(),
                    drawing.argb());
            PreprocessStrip strip = new PreprocessStrip();
            strip.setResult(result);
            ForwardPass pass = network.forward(result.networkInput());
            PredictionBars bars = new PredictionBars();
            bars.setAnimated(false);
            bars.setProbabilities(new double[] {0.01, 0.02, 0.05, 0.01, 0.03, 0.02, 0.0, 0.81, 0.02, 0.03},
                    OutputLayer.SOFTMAX_CROSS_ENTROPY);
            PredictionBars sigmoidBars = new PredictionBars();
            sigmoidBars.setAnimated(false);
            sigmoidBars.setProbabilities(pass.a3(), OutputLayer.SIGMOID_CROSS_ENTROPY);
            HiddenUnitGrid grid = new HiddenUnitGrid();
            grid.setPalette(palette);
            grid.setNetwork(network);
            grid.setForwardPass(pass);
            grid.setSelectedUnit(6);
            OutputWeightsView output = new OutputWeightsView();
            output.setPalette(palette);
            output.setNetwork(network);
            output.setSelectedUnit(6);
            DrawingPad emptyPad = new DrawingPad();
            emptyPad.setPrefSize(140, 140);
            PreprocessStrip emptyStrip = new PreprocessStrip();
            PredictionBars emptyBars = new PredictionBars();

            HBox top = new HBox(16, pad, new VBox(12, strip, new HBox(16, bars, sigmoidBars)));
            HBox middle = new HBox(16, grid, new VBox(12, output, new HBox(12, emptyPad, new VBox(8, emptyStrip, emptyBars))));
            top.setAlignment(Pos.TOP_LEFT);
            VBox root = new VBox(16, top, middle);
            root.setPadding(new Insets(16));
            root.setStyle("-fx-background-color: -hn-background;");
            Label probe = new Label("probe");
            probe.setStyle("-fx-text-fill: -hn-foreground;");
            probe.setManaged(false);
            probe.setVisible(false);
            root.getChildren().add(probe);
            // Not shown in a window (it is larger than the headless screen): CSS and layout run
            // on the scene, and Node.snapshot renders it.
            Scene scene = new Scene(root);
            Themes.apply(scene, theme);
            root.applyCss();
            root.layout();
            galleryRef.set(new Gallery(pad, (Color) probe.getTextFill()));
            rootRef.set(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String dir = System.getProperty("hn.gallery");
        if (dir != null) {
            robot.interact(() -> {
                try {
                    Path file = Path.of(dir, "ui-views-" + name + ".png");
                    Files.createDirectories(file.getParent());
                    ComponentFixtures.writePng(rootRef.get(), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return galleryRef.get();
    }
}
