package org.hiddenneurons.ui.lesson;

import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.VLineTo;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * A running lesson drawn over the window: the step's card (text, progress "3/7", Back / Next /
 * Skip / Leave) and, when the step names a target, the rest of the window dimmed around an outline
 * of the target's bounds. Lays itself over its parent's whole area; only the card takes mouse
 * events, so the student keeps using the window underneath. The target is looked up by id in the
 * scene on every frame while a lesson runs (it may move, resize or appear with its page).
 */
public final class LessonOverlay extends Pane {

    public static final String CARD_ID = "lesson-card";
    public static final String TEXT_ID = "lesson-text";
    /** The step's typeset formula (hidden when the step has none). */
    public static final String FORMULA_ID = "lesson-formula";
    public static final String PROGRESS_ID = "lesson-progress";
    public static final String NEXT_ID = "lesson-next";
    public static final String BACK_ID = "lesson-back";
    public static final String SKIP_ID = "lesson-skip";
    public static final String LEAVE_ID = "lesson-leave";
    public static final String OUTLINE_ID = "lesson-outline";
    static final String STYLESHEET = "lesson.css";
    /** Space between the target's bounds and its outline, and between the card and the window's edge. */
    static final double MARGIN = 6;
    static final double EDGE = 18;
    /** Distance from the top when the card goes above a low target: below the window's header. */
    static final double TOP_EDGE = 64;
    /** How often a target not on screen is searched for again (it appears with its page). */
    static final long LOOKUP_INTERVAL_NANOS = 250_000_000L;

    private final LessonViewModel model;
    private final Path dim = new Path();
    private final Rectangle outline = new Rectangle();
    private final VBox card = new VBox();
    private final Label text = new Label();
    private final Label feedback = new Label();
    private final Button next = new Button();
    /** The target's bounds in this overlay's coordinates when last drawn (null: none shown). */
    private Bounds shownTarget;
    /** The current step's target node as last looked up, and when (System.nanoTime), see {@link #target()}. */
    private Node foundTarget;
    private long lookedUpAt;
    private final AnimationTimer follow = new AnimationTimer() {
        @Override
        public void handle(long now) {
            placeHighlight();
        }
    };

    public LessonOverlay(LessonViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStylesheets().add(Objects.requireNonNull(LessonOverlay.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        getStyleClass().add("hn-lesson-overlay");
        setPickOnBounds(false);
        setManaged(false);
        dim.setFillRule(FillRule.EVEN_ODD);
        dim.getStyleClass().add("hn-lesson-dim");
        dim.setMouseTransparent(true);
        outline.setId(OUTLINE_ID);
        outline.getStyleClass().add("hn-lesson-outline");
        outline.setMouseTransparent(true);
        outline.setArcWidth(12);
        outline.setArcHeight(12);
        getChildren().addAll(dim, outline, buildCard());
        visibleProperty().bind(model.activeProperty());
        model.activeProperty().addListener((o, was, now) -> {
            if (now) {
                follow.start();
            } else {
                follow.stop();
            }
        });
        model.stepProperty().addListener((o, old, now) -> {
            shownTarget = null;
            foundTarget = null;
            lookedUpAt = 0;
            placeHighlight();
        });
        if (model.activeProperty().get()) {
            follow.start();
        }
    }

    private Node buildCard() {
        card.setId(CARD_ID);
        card.getStyleClass().add("hn-lesson-card");
        card.setManaged(false);
        Label title = new Label();
        title.getStyleClass().add("hn-lesson-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.lessonProperty().get() == null ? ""
                : model.lessonProperty().get().title(), model.lessonProperty()));
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId(PROGRESS_ID);
        progress.getStyleClass().add("hn-lesson-progress");
        progress.textProperty().bind(model.progressProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, title, progress);
        top.setAlignment(Pos.CENTER_LEFT);

        text.setId(TEXT_ID);
        text.getStyleClass().add("hn-lesson-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.stepProperty().get() == null ? ""
                : model.stepProperty().get().text(), model.stepProperty()));
        text.setMinHeight(Region.USE_PREF_SIZE);
        feedback.getStyleClass().add("hn-lesson-feedback");
        feedback.setWrapText(true);
        feedback.setMinHeight(Region.USE_PREF_SIZE);
        feedback.textProperty().bind(Bindings.createStringBinding(this::feedbackText,
                model.stepProperty(), model.actionDoneProperty(), model.drawnDigitProperty()));
        feedback.visibleProperty().bind(feedback.textProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());

        Button back = new Button(I18n.t("pages.lesson.back"));
        back.setId(BACK_ID);
        back.disableProperty().bind(model.canBackProperty().not());
        back.setOnAction(e -> model.back());
        next.setId(NEXT_ID);
        next.getStyleClass().add("hn-primary");
        next.disableProperty().bind(model.canNextProperty().not());
        next.textProperty().bind(Bindings.createStringBinding(() -> I18n.t(model.onLastStep() ? "pages.lesson.finish" : "pages.lesson.next"),
                model.indexProperty(), model.lessonProperty()));
        next.setOnAction(e -> model.next());
        Button skip = new Button(I18n.t("pages.lesson.skip"));
        skip.setId(SKIP_ID);
        skip.visibleProperty().bind(model.waitingProperty());
        skip.managedProperty().bind(skip.visibleProperty());
        skip.setOnAction(e -> model.skip());
        Button leave = new Button(I18n.t("pages.lesson.leave"));
        leave.setId(LEAVE_ID);
        leave.setOnAction(e -> model.leave());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, next, skip, spacer, leave);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label keys = new Label(I18n.t("pages.lesson.keys"));
        keys.getStyleClass().add("hn-lesson-keys");
        // The step's formula, typeset in the text's size and colour (FormulaLabel follows the CSS).
        FormulaLabel formula = new FormulaLabel();
        formula.setId(FORMULA_ID);
        formula.getStyleClass().add("hn-lesson-text");
        formula.latexProperty().bind(Bindings.createStringBinding(() -> model.stepProperty().get() == null
                || model.stepProperty().get().formula() == null ? "" : model.stepProperty().get().formula(),
                model.stepProperty()));
        formula.visibleProperty().bind(formula.latexProperty().isNotEmpty());
        formula.managedProperty().bind(formula.visibleProperty());
        card.getChildren().addAll(top, text, formula, feedback, buttons, keys);
        // Moving to a step focuses Next (or Skip while the step waits), so Enter goes on.
        model.stepProperty().addListener((o, old, now) -> focusNext());
        model.actionDoneProperty().addListener((o, old, now) -> focusNext());
        return card;
    }

    private void focusNext() {
        if (getScene() != null && model.activeProperty().get()) {
            Node focused = getScene().getFocusOwner();
            if (focused == null || isInCard(focused) || model.actionDoneProperty().get()) {
                next.requestFocus();
            }
        }
    }

    private boolean isInCard(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p == card) {
                return true;
            }
        }
        return false;
    }

    /** What the card says under the step's text about its action: what is awaited or what happened. */
    private String feedbackText() {
        Lesson.Step step = model.stepProperty().get();
        if (step == null || step.action() == null) {
            return "";
        }
        if (!model.actionDoneProperty().get()) {
            return I18n.t("pages.lesson.waiting");
        }
        int drawn = model.drawnDigitProperty().get();
        if (step.action().type() == Lesson.ActionType.DRAW && drawn != LessonViewModel.NOT_DRAWN) {
            Integer asked = step.action().digit();
            return asked == null || asked == drawn ? I18n.t("pages.lesson.drawn", drawn) : I18n.t("pages.lesson.drawnOther", drawn, asked);
        }
        return I18n.t("pages.lesson.done");
    }

    @Override
    protected void layoutChildren() {
        placeHighlight();
    }

    /**
     * The current step's target node in the scene, if it is showing; else null. A node found stays
     * the target while it shows; otherwise the scene is searched again at most every
     * {@link #LOOKUP_INTERVAL_NANOS} (a search walks the whole scene graph; this runs every frame).
     */
    Node target() {
        Lesson.Step step = model.stepProperty().get();
        if (step == null || step.target() == null || getScene() == null) {
            return null;
        }
        if (foundTarget != null && showing(foundTarget) && foundTarget.getScene() == getScene()) {
            return foundTarget;
        }
        long now = System.nanoTime();
        if (lookedUpAt != 0 && now - lookedUpAt < LOOKUP_INTERVAL_NANOS) {
            return null;
        }
        lookedUpAt = now;
        Node node = getScene().lookup("#" + step.target());
        foundTarget = node != null && showing(node) ? node : null;
        return foundTarget;
    }

    /** Whether {@code node} and all its parents are visible, in a scene. */
    public static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null && node.getScene() != null;
    }

    /** Dims around the target, outlines it and puts the card where it covers the target least. */
    private void placeHighlight() {
        if (getScene() == null) {
            return; // the theme's colours and sizes apply only in the window's scene
        }
        double width = getWidth();
        double height = getHeight();
        Node target = model.activeProperty().get() ? target() : null;
        Bounds bounds = target == null ? null : sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        card.applyCss();
        double cardWidth = Math.min(card.prefWidth(-1), width - 2 * EDGE);
        double cardHeight = card.prefHeight(cardWidth);
        // The card sits in the corner diagonally opposite the target's centre (bottom centre without a target).
        boolean targetOnLeft = bounds != null && bounds.getCenterX() < width / 2;
        boolean targetLow = bounds != null && bounds.getCenterY() > height / 2;
        double cardX = bounds == null ? (width - cardWidth) / 2 : targetOnLeft ? width - cardWidth - EDGE : EDGE;
        double cardY = targetLow ? TOP_EDGE : height - cardHeight - EDGE;
        card.resizeRelocate(Math.round(cardX), Math.round(cardY), cardWidth, cardHeight);
        if (Objects.equals(bounds, shownTarget) && !dim.getElements().isEmpty() == (bounds != null)) {
            return;
        }
        shownTarget = bounds;
        dim.getElements().clear();
        outline.setVisible(bounds != null);
        if (bounds == null) {
            return;
        }
        double x = Math.max(0, bounds.getMinX() - MARGIN);
        double y = Math.max(0, bounds.getMinY() - MARGIN);
        double right = Math.min(width, bounds.getMaxX() + MARGIN);
        double bottom = Math.min(height, bounds.getMaxY() + MARGIN);
        dim.getElements().addAll(new MoveTo(0, 0), new HLineTo(width), new VLineTo(height), new HLineTo(0), new ClosePath(),
                new MoveTo(x, y), new HLineTo(right), new VLineTo(bottom), new HLineTo(x), new ClosePath());
        outline.setX(x);
        outline.setY(y);
        outline.setWidth(right - x);
        outline.setHeight(bottom - y);
    }

    /** The card (for tests and screenshots). */
    public VBox card() {
        return card;
    }
}
