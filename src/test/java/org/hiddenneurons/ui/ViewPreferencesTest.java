package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.prefs.Preferences;
import org.hiddenneurons.viz.DivergingPalette;
import org.junit.jupiter.api.Test;

/** View choices are remembered in the given store and the palette is theme × colours (no toolkit needed). */
class ViewPreferencesTest {

    @Test
    void choicesSurviveIntoTheNextRunThroughTheSameStore() {
        Preferences store = new ViewPreferences.MemoryPreferences();
        ViewPreferences first = new ViewPreferences(store);
        first.themeProperty().set(Themes.Theme.DARK);
        first.coloursProperty().set(Themes.Colours.COLOUR_BLIND_SAFE);
        first.textSizeProperty().set(Themes.TextSize.EXTRA_LARGE);

        ViewPreferences next = new ViewPreferences(store);
        assertEquals(Themes.Theme.DARK, next.themeProperty().get());
        assertEquals(Themes.Colours.COLOUR_BLIND_SAFE, next.coloursProperty().get());
        assertEquals(Themes.TextSize.EXTRA_LARGE, next.textSizeProperty().get());
    }

    @Test
    void anEmptyOrUnreadableStoreGivesTheDefaults() {
        Preferences store = new ViewPreferences.MemoryPreferences();
        store.put(ViewPreferences.COLOURS_KEY, "PLAID"); // written by some other version
        ViewPreferences preferences = new ViewPreferences(store);
        assertEquals(Themes.DEFAULT_THEME, preferences.themeProperty().get());
        assertEquals(Themes.DEFAULT_COLOURS, preferences.coloursProperty().get());
        assertEquals(Themes.DEFAULT_TEXT_SIZE, preferences.textSizeProperty().get());
    }

    @Test
    void paletteFollowsThemeAndColours() {
        ViewPreferences preferences = ViewPreferences.inMemory();
        assertSame(DivergingPalette.BLUE_WHITE_RED, preferences.palette());
        preferences.coloursProperty().set(Themes.Colours.COLOUR_BLIND_SAFE);
        assertSame(DivergingPalette.BLUE_WHITE_ORANGE, preferences.palette());
        preferences.themeProperty().set(Themes.Theme.DARK);
        assertSame(DivergingPalette.BLUE_BLACK_ORANGE, preferences.palette());
        preferences.coloursProperty().set(Themes.Colours.RED_BLUE);
        assertSame(DivergingPalette.BLUE_BLACK_RED, preferences.palette());
        assertSame(Themes.Theme.DARK.palette(), preferences.palette(), "Theme.palette() is the red–blue choice");
    }

    @Test
    void textSizesStepUpAndDownAndStopAtTheEnds() {
        assertEquals(Themes.TextSize.LARGE, Themes.TextSize.NORMAL.larger());
        assertEquals(Themes.TextSize.EXTRA_LARGE, Themes.TextSize.EXTRA_LARGE.larger());
        assertEquals(Themes.TextSize.SMALL, Themes.TextSize.SMALL.smaller());
        for (Themes.TextSize size : Themes.TextSize.values()) {
            if (size != Themes.TextSize.EXTRA_LARGE) {
                assertTrue(size.larger().pixels() > size.pixels());
            }
        }
    }

    @Test
    void textSizeSheetSetsTheRootFontSize() {
        String url = Themes.textSizeStylesheet(Themes.TextSize.LARGE);
        String prefix = "data:text/css;base64,";
        assertTrue(url.startsWith(prefix));
        String css = new String(Base64.getDecoder().decode(url.substring(prefix.length())), StandardCharsets.UTF_8);
        assertTrue(css.contains(".root") && css.contains("-fx-font-size: " + Themes.TextSize.LARGE.pixels() + "px"), css);
    }
}
