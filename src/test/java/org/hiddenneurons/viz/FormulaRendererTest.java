package org.hiddenneurons.viz;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;
import org.hiddenneurons.io.handout.WalkthroughTexts;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFixtures;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.junit.jupiter.api.Test;

class FormulaRendererTest {

    private static final String SOFTMAX = "a^{3}_{k} = \\frac{e^{z^{3}_{k}}}{\\sum_{l=0}^{9} e^{z^{3}_{l}}}";
    private static final int BLACK = 0xFF000000;
    private static final int LIGHT_INK = 0xFFE6E6E6;

    @Test
    void rendersAKnownFormulaToANonEmptyImageOfPlausibleSize() {
        BufferedImage image = new FormulaRenderer().render(SOFTMAX, 20, BLACK);
        // A fraction with a sum below: wider than tall, taller than one line of 20 px text, not a page.
        assertTrue(image.getWidth() > 80 && image.getWidth() < 600, "width " + image.getWidth());
        assertTrue(image.getHeight() > 30 && image.getHeight() < 200, "height " + image.getHeight());
        assertTrue(inkPixels(image) > 200, "ink pixels " + inkPixels(image));
    }

    @Test
    void largerTextGivesALargerImage() {
        FormulaRenderer renderer = new FormulaRenderer();
        BufferedImage normal = renderer.render(SOFTMAX, 16, BLACK);
        BufferedImage large = renderer.render(SOFTMAX, 32, BLACK);
        assertTrue(large.getWidth() > 1.7 * normal.getWidth(), normal.getWidth() + " → " + large.getWidth());
    }

    @Test
    void aCacheHitReturnsTheSameImageAndTheKeyIncludesSizeAndColour() {
        FormulaRenderer renderer = new FormulaRenderer();
        BufferedImage first = renderer.render(SOFTMAX, 20, BLACK);
        assertSame(first, renderer.render(SOFTMAX, 20, BLACK));
        assertNotSame(first, renderer.render(SOFTMAX, 24, BLACK));
        assertNotSame(first, renderer.render(SOFTMAX, 20, LIGHT_INK));
        assertTrue(renderer.cachedCount() == 3, "cached " + renderer.cachedCount());
    }

    @Test
    void theDarkThemesInkChangesThePixels() {
        FormulaRenderer renderer = new FormulaRenderer();
        BufferedImage light = renderer.render(SOFTMAX, 20, BLACK);
        BufferedImage dark = renderer.render(SOFTMAX, 20, LIGHT_INK);
        int opaqueLight = 0;
        int opaqueDark = 0;
        for (int y = 0; y < light.getHeight(); y++) {
            for (int x = 0; x < light.getWidth(); x++) {
                // Solid ink pixels (anti-aliased edges aside): near black in one, near the light ink in the other.
                if ((light.getRGB(x, y) >>> 24) > 200 && brightness(light.getRGB(x, y)) < 40) {
                    opaqueLight++;
                }
                if ((dark.getRGB(x, y) >>> 24) > 200 && brightness(dark.getRGB(x, y)) > 200) {
                    opaqueDark++;
                }
            }
        }
        assertTrue(opaqueLight > 50, "black ink " + opaqueLight);
        assertTrue(opaqueDark > 50, "light ink " + opaqueDark);
    }

    @Test
    void aFormulaThatDoesNotParseIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FormulaRenderer().render("\\left( x", 20, BLACK));
        assertTrue(e.getMessage().contains("\\left( x"), e.getMessage());
    }

    @Test
    void everyWalkthroughFormulaTypesetsForEveryActivationAndOutput() {
        FormulaRenderer renderer = new FormulaRenderer();
        for (Activation g : Activation.values()) {
            for (OutputLayer output : OutputLayer.values()) {
                NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, g, output);
                Random random = new Random(WalkthroughFixtures.SEED);
                Walkthrough w = Walkthrough.of(WalkthroughFixtures.randomNetwork(spec, random, 0.1),
                        WalkthroughFixtures.randomInput(spec, random), 3, 0.01, 1);
                for (WalkthroughStep step : WalkthroughStep.values()) {
                    BufferedImage image = renderer.render(WalkthroughTexts.content(w, step, Locale.ENGLISH).formula(), 18, BLACK);
                    assertTrue(inkPixels(image) > 20, g + " " + output + " " + step);
                }
            }
        }
    }

    private static int brightness(int argb) {
        return ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
    }

    private static int inkPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 128) {
                    count++;
                }
            }
        }
        return count;
    }
}
