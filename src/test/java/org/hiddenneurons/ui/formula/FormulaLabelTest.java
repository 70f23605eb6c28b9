package org.hiddenneurons.ui.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.ui.Themes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A typeset formula follows the theme's text colour and the text size, and comes from the cache when seen before. */
@ExtendWith(ApplicationExtension.class)
class FormulaLabelTest {

    private static final String FORMULA = "z^{2}_{j} = \\Theta^{1}_{j0} + \\sum_{i=1}^{400} \\Theta^{1}_{ji}\\, x_{i}";
    private static final long TIMEOUT_SECONDS = 20;
    /** Mean channel value below which a solid pixel counts as dark ink, above which as light ink. */
    private static final int DARK_INK = 80;
    private static final int LIGHT_INK = 180;

    private FormulaLabel label;
    private Scene scene;

    @Start
    void start(Stage stage) {
        label = new FormulaLabel();
        scene = new Scene(new StackPane(label), 600, 200);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void followsTheThemeAndTheTextSizeAndReusesCachedImages(FxRobot robot) throws Exception {
        robot.interact(() -> label.setLatex(FORMULA));
        Image light = typeset(robot);
        assertTrue(light.getWidth() > 100 && light.getHeight() > 20, light.getWidth() + "×" + light.getHeight());
        assertEquals(FORMULA, label.getAccessibleText());
        assertTrue(inkBrightness(light, true) < DARK_INK, "dark ink on the light theme");

        robot.interact(() -> Themes.apply(scene, Themes.Theme.DARK));
        Image dark = typeset(robot);
        assertNotSame(light, dark);
        assertTrue(inkBrightness(dark, false) > LIGHT_INK, "light ink on the dark theme");

        robot.interact(() -> Themes.apply(scene, Themes.Theme.DARK, Themes.TextSize.EXTRA_LARGE));
        Image large = typeset(robot);
        assertTrue(large.getWidth() > dark.getWidth() * 1.1, dark.getWidth() + " → " + large.getWidth());

        robot.interact(() -> Themes.apply(scene, Themes.Theme.LIGHT));
        assertSame(light, typeset(robot), "the light image again, from the cache");
    }

    private Image typeset(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> label.isTypeset());
        AtomicReference<Image> image = new AtomicReference<>();
        robot.interact(() -> image.set(label.image()));
        assertNotNull(image.get());
        return image.get();
    }

    /** The darkest (or brightest) mean channel value among the solid pixels. */
    private static int inkBrightness(Image image, boolean darkest) {
        int best = darkest ? 255 : 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getPixelReader().getArgb(x, y);
                if ((argb >>> 24) > 200) {
                    int mean = ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
                    best = darkest ? Math.min(best, mean) : Math.max(best, mean);
                }
            }
        }
        return best;
    }
}
