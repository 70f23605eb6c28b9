package org.hiddenneurons.ui;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javafx.scene.Scene;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The light and dark themes. Every scene gets base.css (spacing, type, structure: colours only as
 * looked-up colours), the components' stylesheet ({@link Styles#componentsStylesheet()}, in
 * ui.controls), and one theme sheet that defines the looked-up colours on {@code .root}:
 * -hn-background, -hn-surface, -hn-foreground, -hn-muted,
 * -hn-accent, -hn-positive, -hn-negative (plus -hn-border, -hn-accent-2, -hn-warning-*).
 *
 * <p>The weight palette is a function of theme × {@link Colours} ({@link #palette}); the text size
 * ({@link TextSize}) is one more sheet, after the theme, that sets the root font size — every other
 * size in the sheets is in em, so everything scales with it. Presentation mode's sheet comes last
 * and sets its own (larger) root size while active.
 */
public final class Themes {

    /** A colour scheme and the weight palette that reads well on it. */
    public enum Theme {
        LIGHT("light.css", DivergingPalette.BLUE_WHITE_RED),
        DARK("dark.css", DivergingPalette.BLUE_BLACK_RED);

        private final String stylesheet;
        private final DivergingPalette palette;

        Theme(String stylesheet, DivergingPalette palette) {
            this.stylesheet = stylesheet;
            this.palette = palette;
        }

        /** The diverging palette for weight pictures on this theme's background. */
        public DivergingPalette palette() {
            return palette;
        }

        public Theme other() {
            return this == LIGHT ? DARK : LIGHT;
        }
    }

    /** Which family of weight palettes: the classic red–blue, or the colour-blind-safe blue–orange. */
    public enum Colours {
        RED_BLUE(DivergingPalette.BLUE_WHITE_RED, DivergingPalette.BLUE_BLACK_RED),
        COLOUR_BLIND_SAFE(DivergingPalette.BLUE_WHITE_ORANGE, DivergingPalette.BLUE_BLACK_ORANGE);

        private final DivergingPalette onLight;
        private final DivergingPalette onDark;

        Colours(DivergingPalette onLight, DivergingPalette onDark) {
            this.onLight = onLight;
            this.onDark = onDark;
        }
    }

    /** The root font size, in px; every other size scales with it. */
    public enum TextSize {
        SMALL(12), NORMAL(14), LARGE(17), EXTRA_LARGE(20);

        private final int pixels;

        TextSize(int pixels) {
            this.pixels = pixels;
        }

        public int pixels() {
            return pixels;
        }

        /** The next size up (the largest stays). */
        public TextSize larger() {
            return values()[Math.min(ordinal() + 1, values().length - 1)];
        }

        /** The next size down (the smallest stays). */
        public TextSize smaller() {
            return values()[Math.max(ordinal() - 1, 0)];
        }
    }

    public static final Theme DEFAULT_THEME = Theme.LIGHT;
    public static final Colours DEFAULT_COLOURS = Colours.RED_BLUE;
    public static final TextSize DEFAULT_TEXT_SIZE = TextSize.NORMAL;
    /** Tooltips are a little smaller than the text (13 px at the 14 px Normal size, as base.css). */
    static final double TOOLTIP_TO_ROOT_FONT = 13.0 / 14.0;
    static final String BASE = "base.css";

    private Themes() {
    }

    /** The weight palette for {@code colours} on {@code theme}'s background. */
    public static DivergingPalette palette(Theme theme, Colours colours) {
        return theme == Theme.DARK ? colours.onDark : colours.onLight;
    }

    /** Replaces the scene's stylesheets with those of {@code theme}. */
    public static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(stylesheets(theme));
    }

    /** Replaces the scene's stylesheets with those of {@code theme} at {@code textSize}. */
    public static void apply(Scene scene, Theme theme, TextSize textSize) {
        List<String> sheets = stylesheets(theme);
        sheets.add(textSizeStylesheet(textSize));
        scene.getStylesheets().setAll(sheets);
    }

    /**
     * A small stylesheet (a data: URL) that sets the root font size, and the same size for the
     * popups (menus, tooltips), which are outside the root's em.
     */
    public static String textSizeStylesheet(TextSize textSize) {
        long tooltip = Math.round(textSize.pixels() * TOOLTIP_TO_ROOT_FONT);
        String css = ".root, .context-menu { -fx-font-size: " + textSize.pixels() + "px; }\n"
                + ".tooltip { -fx-font-size: " + tooltip + "px; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The stylesheet URLs of {@code theme}, in cascade order. */
    public static List<String> stylesheets(Theme theme) {
        List<String> sheets = new ArrayList<>();
        sheets.add(require(BASE));
        sheets.add(Styles.componentsStylesheet());
        sheets.add(require(theme.stylesheet));
        return sheets;
    }

    private static String require(String name) {
        URL url = Themes.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("stylesheet " + name + " is missing from the classpath");
        }
        return url.toExternalForm();
    }
}
