package org.hiddenneurons.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The guided lessons in a window: the Lessons menu, the running lesson ({@link LessonViewModel}
 * drawn by a {@link LessonOverlay} laid over the host), the lessons' start-page card on first
 * launch, and the keys (Alt+→ Next, Alt+← Back, Esc leaves). The window fires {@link #events()}
 * and adds {@link #menuButton()} to its header; nothing else of it is needed here.
 *
 * <p>Set the system property {@value #START_PROPERTY} to {@code <lesson id>} or
 * {@code <lesson id>:<step>} (1-based) to open a lesson when the window starts (demos, screenshots).
 */
public final class Lessons {

    public static final String MENU_ID = "lessons-menu";
    public static final String WELCOME_ID = "lessons-welcome";
    public static final String WELCOME_START_ID = "lessons-welcome-start";
    public static final String START_PROPERTY = "hiddenneurons.lesson";

    private final Pane host;
    private final BooleanProperty offered;
    private final LessonViewModel model;
    private final LessonOverlay overlay;
    private final MenuButton menu = new MenuButton(I18n.t("pages.lesson.menu"));
    private final Locale language = LessonFiles.languageFor(I18n.locale());
    private final List<String> ids = new ArrayList<>();
    private VBox welcome;
    private Scene keysScene;
    private final EventHandler<KeyEvent> keys = this::onKey;

    /**
     * @param host      the window's root pane; {@link #attach} adds the overlay as its last, unmanaged child
     * @param offered   whether the start-page card has been shown (remembered by the caller); set here when it is
     * @param openPage  opens the page with this id ({@link LessonFiles#PAGES})
     */
    public Lessons(Pane host, BooleanProperty offered, Consumer<String> openPage) {
        this.host = Objects.requireNonNull(host, "host");
        this.offered = Objects.requireNonNull(offered, "offered");
        model = new LessonViewModel(openPage);
        overlay = new LessonOverlay(model);
        menu.setId(MENU_ID);
        menu.setTooltip(new Tooltip(I18n.t("pages.lesson.menu.tooltip")));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        buildMenu();
    }

    /**
     * Lays the lessons over the host (call once the host has all its other children: the overlay must
     * be drawn last), takes the keys, offers the lessons on first launch and opens the lesson
     * {@value #START_PROPERTY} names, if any.
     */
    public void attach() {
        host.getChildren().add(overlay);
        host.layoutBoundsProperty().addListener((o, old, now) -> overlay.resizeRelocate(0, 0, now.getWidth(), now.getHeight()));
        overlay.resizeRelocate(0, 0, host.getWidth(), host.getHeight());
        host.sceneProperty().addListener((o, old, now) -> installKeys(now));
        installKeys(host.getScene());
        if (!offered.get() && !ids.isEmpty()) {
            showWelcome();
        }
        String start = System.getProperty(START_PROPERTY);
        if (start != null && !start.isBlank()) {
            String[] parts = start.split(":", 2);
            int step = 0;
            try {
                step = parts.length > 1 ? Integer.parseInt(parts[1].trim()) - 1 : 0;
            } catch (NumberFormatException e) {
                // not a step number: the lesson's first step
            }
            start(parts[0].trim(), step);
        }
    }

    /** The events a running lesson waits for; the window fires them ({@link WorkbenchLessonEvents}). */
    public LessonEvents events() {
        return model;
    }

    public LessonViewModel model() {
        return model;
    }

    public LessonOverlay overlay() {
        return overlay;
    }

    /** The header's Lessons menu: one item per bundled lesson. */
    public MenuButton menuButton() {
        return menu;
    }

    /** Continues {@code old}'s running lesson here, in this window's language, at the same step (after a language switch). */
    public void resume(Lessons old) {
        boolean running = old.model.activeProperty().get();
        Lesson lesson = old.model.lessonProperty().get();
        int at = old.model.indexProperty().get();
        old.leaveWindow();
        if (running) {
            start(lesson.id(), at);
        }
    }

    /** Starts bundled lesson {@code id} at step {@code at} (0-based), in the window's language. */
    public void start(String id, int at) {
        hideWelcome();
        try {
            model.start(LessonFiles.bundled(id, language), at);
        } catch (LessonFileException e) {
            showProblem(e.getMessage());
        }
    }

    private void buildMenu() {
        try {
            ids.addAll(LessonFiles.bundledIds());
        } catch (LessonFileException e) {
            menu.getItems().add(problemItem(e.getMessage()));
            return;
        }
        int number = 1;
        for (String id : ids) {
            MenuItem item;
            try {
                Lesson lesson = LessonFiles.bundled(id, language);
                item = new MenuItem(number + ". " + lesson.title());
                item.setOnAction(e -> start(id, 0));
            } catch (LessonFileException e) {
                item = problemItem(e.getMessage());
            }
            item.setId("lesson-" + id);
            menu.getItems().add(item);
            number++;
        }
    }

    private static MenuItem problemItem(String problem) {
        MenuItem item = new MenuItem(I18n.t("pages.lesson.error", problem));
        item.setDisable(true);
        return item;
    }

    /** A lesson file that cannot be read: said on the card area instead of a lesson. */
    private void showProblem(String problem) {
        Label label = new Label(I18n.t("pages.lesson.error", problem));
        label.setWrapText(true);
        Button close = new Button(I18n.t("pages.lesson.close"));
        VBox box = card(label, close);
        close.setOnAction(e -> host.getChildren().remove(box));
    }

    // ---------------------------------------------------------------- start-page card

    private void showWelcome() {
        offered.set(true);
        Label title = new Label(I18n.t("pages.lesson.welcome.title"));
        title.getStyleClass().add("hn-lesson-title");
        Label text = new Label(I18n.t("pages.lesson.welcome.text"));
        text.getStyleClass().add("hn-lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button start = new Button(I18n.t("pages.lesson.welcome.start"));
        start.setId(WELCOME_START_ID);
        start.getStyleClass().add("hn-primary");
        start.setOnAction(e -> start(ids.get(0), 0));
        Button later = new Button(I18n.t("pages.lesson.welcome.later"));
        later.setOnAction(e -> hideWelcome());
        HBox buttons = new HBox(8, start, later);
        buttons.setAlignment(Pos.CENTER_LEFT);
        welcome = card(title, text, buttons);
        welcome.setId(WELCOME_ID);
    }

    private void hideWelcome() {
        if (welcome != null) {
            host.getChildren().remove(welcome);
            welcome = null;
        }
    }

    /** A lesson-styled card in the host's bottom-right corner, outside the overlay (which shows only during a lesson). */
    private VBox card(javafx.scene.Node... content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("hn-lesson-card");
        box.getStylesheets().addAll(overlay.getStylesheets());
        box.setManaged(false);
        host.getChildren().add(box);
        Runnable place = () -> {
            if (box.getScene() == null) {
                return; // the theme's colours and sizes apply only in the window's scene
            }
            box.applyCss();
            double width = Math.min(box.prefWidth(-1), host.getWidth() - 2 * LessonOverlay.EDGE);
            double height = box.prefHeight(width);
            double x = host.getWidth() - width - LessonOverlay.EDGE;
            double y = host.getHeight() - height - LessonOverlay.EDGE;
            if (x != box.getLayoutX() || y != box.getLayoutY() || width != box.getWidth() || height != box.getHeight()) {
                box.resizeRelocate(x, y, width, height);
            }
        };
        host.layoutBoundsProperty().addListener((o, old, now) -> place.run());
        // Its size is known only once its styles apply (in the scene): placed again after each change.
        box.needsLayoutProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(place);
            }
        });
        place.run();
        return box;
    }

    // ---------------------------------------------------------------- keys

    private void installKeys(Scene scene) {
        if (keysScene != null) {
            keysScene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        keysScene = scene;
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    /** This window is being replaced: stop taking keys. */
    private void leaveWindow() {
        installKeys(null);
        model.leave();
    }

    private void onKey(KeyEvent event) {
        if (!model.activeProperty().get()) {
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && !event.isAltDown() && !event.isShortcutDown()) {
            model.leave();
        } else if (event.isAltDown() && event.getCode() == KeyCode.RIGHT) {
            model.next();
        } else if (event.isAltDown() && event.getCode() == KeyCode.LEFT) {
            model.back();
        } else {
            return;
        }
        event.consume();
    }
}
