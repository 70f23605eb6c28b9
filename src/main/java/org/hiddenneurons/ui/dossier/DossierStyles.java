package org.hiddenneurons.ui.dossier;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Parent;

/**
 * Style-class names of the dossier views and their stylesheet ({@code dossier.css}, next to this
 * class). Each view adds the stylesheet to itself, so the host only needs its usual theme (which
 * defines -hn-background, -hn-surface, -hn-foreground, -hn-muted, -hn-border, -hn-accent,
 * -hn-accent-2).
 */
public final class DossierStyles {

    private DossierStyles() {
    }

    static final String CSS_RESOURCE = "dossier.css";

    public static final String DOSSIER = "hn-dossier";
    public static final String CARD = "hn-dossier-card";
    public static final String CARD_TITLE = "hn-dossier-card-title";
    public static final String TITLE = "hn-dossier-title";
    public static final String FORMULA = "hn-dossier-formula";
    public static final String NOTE = "hn-dossier-note";
    public static final String BIG_NUMBER = "hn-dossier-big-number";
    public static final String HEATMAP = "hn-heatmap";
    public static final String BAR_CHART = "hn-bar-chart";
    public static final String BAR_AXIS = "hn-bar-axis";
    public static final String BAR_LABEL = "hn-bar-label";
    public static final String BAR_VALUE = "hn-bar-value";
    /** Added to the emphasised bar's label. */
    public static final String BAR_HIGHLIGHT = "hn-bar-highlight";
    public static final String EXAMPLE = "hn-dossier-example";
    public static final String EXAMPLE_FRAME = "hn-dossier-example-frame";
    public static final String BANNER = "hn-modified-banner";
    public static final String BANNER_TEXT = "hn-modified-banner-text";
    public static final String EXPERIMENTS = "hn-experiments";
    public static final String MODE_BUTTONS = "hn-mode-buttons";
    public static final String EXPLANATION = "hn-prediction-explanation";
    public static final String COMPARISON = "hn-logistic-comparison";
    public static final String TILE_CAPTION = "hn-dossier-tile-caption";
    /** Secondary text (the theme's -hn-muted). */
    public static final String MUTED = "hn-muted";

    /** The stylesheet's URL. */
    public static String stylesheet() {
        URL url = Objects.requireNonNull(DossierStyles.class.getResource(CSS_RESOURCE), "missing " + CSS_RESOURCE);
        return url.toExternalForm();
    }

    /** Adds the stylesheet to {@code parent} (once). */
    static void install(Parent parent) {
        String css = stylesheet();
        if (!parent.getStylesheets().contains(css)) {
            parent.getStylesheets().add(css);
        }
    }
}
