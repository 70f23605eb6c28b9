package org.hiddenneurons.ui;

import java.net.URL;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Presentation mode for a projector, usable on any scene: larger type and thicker lines, the
 * controls hidden (every node with style class {@value #CONTROLS}), full screen; the views stay
 * keyboard-driven.
 *
 * <p>Use: {@code PresentationMode mode = PresentationMode.install(scene);} then bind a key to
 * {@link #toggle()} (F5 is suggested; {@link #isToggleKey} recognises it). While active the
 * scene's root carries the style class {@value #ROOT_STYLE} and the stylesheet
 * {@code backprop/presentation.css} (next to this class) is kept LAST in the scene's stylesheets
 * — re-added if a theme switch replaces them. Leaving full screen (Esc) ends presentation mode.
 */
public final class PresentationMode {

    /** Added to the scene's root while presenting. */
    public static final String ROOT_STYLE = "hn-presentation";
    /** Nodes with this style class are hidden (and take no room) while presenting. */
    public static final String CONTROLS = "hn-controls";
    /** The suggested key. */
    public static final javafx.scene.input.KeyCode TOGGLE_KEY = javafx.scene.input.KeyCode.F5;
    static final String STYLESHEET_RESOURCE = "backprop/presentation.css";

    private final Scene scene;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private boolean changingFullScreen;
    /** Leaving full screen by other means (Esc) ends presentation mode. */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenListener = (o, was, now) -> {
        if (!now && !changingFullScreen && isActive()) {
            setActive(false);
        }
    };

    private PresentationMode(Scene scene) {
        this.scene = scene;
        active.addListener((o, was, now) -> apply(now));
        scene.getStylesheets().addListener((ListChangeListener<String>) change -> {
            if (active.get() && !scene.getStylesheets().contains(stylesheet())) {
                scene.getStylesheets().add(stylesheet());
            }
        });
        watchFullScreen(null, scene.getWindow());
        scene.windowProperty().addListener((o, old, now) -> watchFullScreen(old, now));
        scene.rootProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.getStyleClass().remove(ROOT_STYLE);
            }
            if (now != null && active.get()) {
                now.getStyleClass().add(ROOT_STYLE);
            }
        });
    }

    /** Presentation mode for {@code scene} (off until {@link #toggle()} or {@link #setActive}). */
    public static PresentationMode install(Scene scene) {
        return new PresentationMode(Objects.requireNonNull(scene, "scene"));
    }

    /** The stylesheet's URL string. */
    public static String stylesheet() {
        URL url = Objects.requireNonNull(PresentationMode.class.getResource(STYLESHEET_RESOURCE),
                "missing resource " + STYLESHEET_RESOURCE);
        return url.toExternalForm();
    }

    /** True for the key that toggles presentation mode (F5). */
    public static boolean isToggleKey(javafx.scene.input.KeyEvent event) {
        return event.getCode() == TOGGLE_KEY;
    }

    public void toggle() {
        active.set(!active.get());
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    public void setActive(boolean value) {
        active.set(value);
    }

    private void watchFullScreen(Window old, Window now) {
        if (old instanceof Stage stage) {
            stage.fullScreenProperty().removeListener(fullScreenListener);
        }
        if (now instanceof Stage stage) {
            stage.fullScreenProperty().addListener(fullScreenListener);
        }
    }

    private void apply(boolean on) {
        Parent root = scene.getRoot();
        String css = stylesheet();
        if (on) {
            if (!scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(css);
            }
            if (root != null && !root.getStyleClass().contains(ROOT_STYLE)) {
                root.getStyleClass().add(ROOT_STYLE);
            }
        } else {
            scene.getStylesheets().remove(css);
            if (root != null) {
                root.getStyleClass().remove(ROOT_STYLE);
            }
        }
        Window window = scene.getWindow();
        if (window instanceof Stage stage && stage.isFullScreen() != on) {
            changingFullScreen = true;
            try {
                stage.setFullScreenExitHint("");
                stage.setFullScreen(on);
            } finally {
                changingFullScreen = false;
            }
        }
    }
}
