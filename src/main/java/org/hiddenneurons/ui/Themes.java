package org.hiddenneurons.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The light and dark themes. Every scene gets base.css (spacing, type, structure: colours only as
 * looked-up colours), the components' stylesheet when present, and one theme sheet that defines
 * the looked-up colours on {@code .root}: -hn-background, -hn-surface, -hn-foreground, -hn-muted,
 * -hn-accent, -hn-positive, -hn-negative (plus -hn-border, -hn-accent-2, -hn-warning-*).
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

    public static final Theme DEFAULT_THEME = Theme.LIGHT;
    static final String BASE = "base.css";
    /** The components' sheet (package org.hiddenneurons.ui, made by the views); optional. */
    static final String COMPONENTS = "components.css";

    private Themes() {
    }

    /** Replaces the scene's stylesheets with those of {@code theme}. */
    public static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(stylesheets(theme));
    }

    /** The stylesheet URLs of {@code theme}, in cascade order. */
    public static List<String> stylesheets(Theme theme) {
        List<String> sheets = new ArrayList<>();
        sheets.add(require(BASE));
        URL components = Themes.class.getResource(COMPONENTS);
        if (components != null) {
            sheets.add(components.toExternalForm());
        }
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
