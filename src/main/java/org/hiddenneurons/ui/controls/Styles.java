package org.hiddenneurons.ui.controls;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * Style-class names used by the workbench components, and the stylesheet that styles them
 * ({@code components.css}, next to this class). One place for every name, so views, CSS and tests
 * agree.
 *
 * <p>The stylesheet reads the theme's looked-up colours ({@code -hn-background},
 * {@code -hn-foreground}, {@code -hn-accent}, {@code -hn-surface}, {@code -hn-border}) and defines
 * light fallbacks for them on {@code .root}; add it to the scene BEFORE the theme stylesheet (see
 * {@link #install(Scene)}) so the theme's values win.
 */
public final class Styles {

    private Styles() {
    }

    /** Classpath location of the components' stylesheet. */
    public static final String COMPONENTS_CSS_RESOURCE = "components.css";

    // DrawingPad
    public static final String DRAWING_PAD = "hn-drawing-pad";
    /** The square drawing surface inside the pad (background, rounded corners). */
    public static final String DRAWING_PAD_SURFACE = "hn-drawing-pad-surface";
    /** Added to the pad while nothing is drawn (shows the hint). */
    public static final String DRAWING_PAD_EMPTY = "hn-drawing-pad-empty";
    public static final String DRAWING_PAD_HINT = "hn-drawing-pad-hint";

    // PreprocessStrip
    public static final String PREPROCESS_STRIP = "hn-preprocess-strip";
    public static final String PREPROCESS_STEP = "hn-preprocess-step";
    /** The strip in its narrow column layout (beside the drawing pad). */
    public static final String PREPROCESS_STRIP_COLUMN = "hn-preprocess-strip-column";
    public static final String PREPROCESS_ARROW_DOWN = "hn-preprocess-arrow-down";
    /** The last step (what the network sees), shown larger. */
    public static final String PREPROCESS_STEP_FINAL = "hn-preprocess-step-final";
    public static final String PREPROCESS_FRAME = "hn-preprocess-frame";
    public static final String PREPROCESS_ARROW = "hn-preprocess-arrow";
    public static final String PREPROCESS_HINT = "hn-preprocess-hint";

    // PredictionBars
    public static final String PREDICTION_BARS = "hn-prediction-bars";
    public static final String PREDICTION_ROW = "hn-prediction-row";
    /** Added to the row of the largest output. */
    public static final String PREDICTION_WINNER = "hn-prediction-winner";
    public static final String PREDICTION_DIGIT = "hn-prediction-digit";
    public static final String PREDICTION_TRACK = "hn-prediction-track";
    public static final String PREDICTION_FILL = "hn-prediction-fill";
    public static final String PREDICTION_VALUE = "hn-prediction-value";
    /** The box of the ten rows (its spacing is styled in presentation mode). */
    public static final String PREDICTION_ROWS = "hn-prediction-rows";
    /** The "probability" / "activation" line above the rows. */
    public static final String PREDICTION_CAPTION = "hn-prediction-caption";

    // HiddenUnitGrid and its tiles
    public static final String HIDDEN_UNIT_GRID = "hn-hidden-unit-grid";
    public static final String HIDDEN_UNIT_TILE = "hn-hidden-unit-tile";
    /** Added to the tile of the selected unit. */
    public static final String HIDDEN_UNIT_SELECTED = "hn-hidden-unit-selected";
    /**
     * The pane holding the tiles; on a card it is painted in the card's colour, so the renderer
     * repaints a changed tile from this opaque square rather than from the rounded card beneath.
     */
    public static final String HIDDEN_UNIT_TILES = "hn-hidden-unit-tiles";
    /** The glow border whose opacity is the unit's activation. */
    public static final String HIDDEN_UNIT_GLOW = "hn-hidden-unit-glow";
    /** Tint behind a tile whose strength is the unit's score (importance or activation ordering). */
    public static final String HIDDEN_UNIT_SCORE = "hn-hidden-unit-score";
    /** The saturation mark in a tile's corner ("always on"/"always off"). */
    public static final String HIDDEN_UNIT_FLAG = "hn-hidden-unit-flag";
    /** On a grid whose flags are saturation glyphs (● / ○, {@link HiddenUnitGrid#setSaturation}): calmer flags. */
    public static final String HIDDEN_UNIT_SATURATION = "hn-saturation-marks";
    public static final String ACTIVATION_TRACK = "hn-activation-track";
    public static final String ACTIVATION_FILL = "hn-activation-fill";

    // ColorBar
    public static final String COLOR_BAR = "hn-color-bar";
    public static final String COLOR_BAR_GRADIENT = "hn-color-bar-gradient";
    public static final String COLOR_BAR_LABEL = "hn-color-bar-label";
    public static final String COLOR_BAR_CAPTION = "hn-color-bar-caption";

    // OutputWeightsView
    public static final String OUTPUT_WEIGHTS = "hn-output-weights";
    public static final String OUTPUT_WEIGHTS_AXIS = "hn-output-weights-axis";
    /** The outline around the selected hidden unit's column. */
    public static final String OUTPUT_WEIGHTS_HIGHLIGHT = "hn-output-weights-highlight";

    // Shared
    /** Secondary text (captions, axis labels): the foreground at reduced opacity. */
    public static final String MUTED = "hn-muted";
    /** Calm placeholder text of an empty component. */
    public static final String EMPTY_HINT = "hn-empty-hint";

    /** The URL of {@code components.css} as a stylesheet string. */
    public static String componentsStylesheet() {
        URL url = Objects.requireNonNull(Styles.class.getResource(COMPONENTS_CSS_RESOURCE),
                "missing resource " + COMPONENTS_CSS_RESOURCE);
        return url.toExternalForm();
    }

    /**
     * Adds {@code components.css} at the FRONT of the scene's stylesheets (once), so a theme
     * stylesheet added before or after it still overrides the fallback colours.
     */
    public static void install(Scene scene) {
        String css = componentsStylesheet();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(0, css);
        }
    }
}
