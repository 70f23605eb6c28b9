package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.ui.backprop.BackpropView;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.lesson.Lesson;
import org.hiddenneurons.ui.lesson.LessonFileException;
import org.hiddenneurons.ui.lesson.LessonFiles;
import org.hiddenneurons.ui.lesson.LessonOverlay;
import org.hiddenneurons.ui.lesson.Lessons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every bundled lesson, end to end in the real window (headless): opened from the Lessons menu,
 * each step's page and highlighted target checked, each step's action done by the robot the way a
 * student would (draw on the pad with the mouse, press Train on the Workbench or on Compare runs, pick a unit and press X, click a
 * page's tab, click the Backprop page's Next), and the lesson moved on with the card's Next button
 * or Alt+→ in turn, until it finishes.
 */
class LessonWindowTest extends WindowTestBase {

    static List<String> lessonIds() throws LessonFileException {
        return LessonFiles.bundledIds();
    }

    @ParameterizedTest
    @MethodSource("lessonIds")
    void everyStepOfTheLessonCanBeDoneWithTheMouseAndKeys(String id, FxRobot robot)
            throws TimeoutException, LessonFileException {
        Lesson lesson = LessonFiles.bundled(id, Locale.ENGLISH);
        waitFor(() -> model.dataReadyProperty().get());
        MenuButton menu = robot.lookup("#" + Lessons.MENU_ID).queryAs(MenuButton.class);
        MenuItem item = onFx(() -> menu.getItems().stream().filter(i -> ("lesson-" + id).equals(i.getId()))
                .findFirst().orElseThrow());
        assertTrue(onFx(item::getText).endsWith(lesson.title()));
        robot.interact(item::fire);
        Node card = robot.lookup("#" + LessonOverlay.CARD_ID).query();
        Button next = robot.lookup("#" + LessonOverlay.NEXT_ID).queryButton();

        int steps = lesson.steps().size();
        for (int i = 0; i < steps; i++) {
            Lesson.Step step = lesson.steps().get(i);
            String where = id + " step " + (i + 1);
            String progress = (i + 1) + "/" + steps;
            waitFor(() -> progress.equals(robot.lookup("#" + LessonOverlay.PROGRESS_ID).queryAs(Label.class).getText()));
            assertEquals(step.text(), onFx(() -> robot.lookup("#" + LessonOverlay.TEXT_ID).queryAs(Label.class).getText()), where);
            if (step.formula() != null) {
                FormulaLabel formula = robot.lookup("#" + LessonOverlay.FORMULA_ID).queryAs(FormulaLabel.class);
                assertEquals(step.formula(), onFx(formula::getLatex), where + ": formula");
                waitFor(where + ": formula typeset", () -> formula.isVisible() && formula.isTypeset() && formula.image() != null);
            }
            if (step.page() != null) {
                assertEquals(step.page(), onFx(() -> view.pageProperty().get().id()), where + ": page");
            }
            if (step.target() != null) {
                waitFor(where + ": target " + step.target() + " on screen",
                        () -> LessonOverlay.showing(stage.getScene().lookup("#" + step.target())));
                Node outline = robot.lookup("#" + LessonOverlay.OUTLINE_ID).query();
                waitFor(where + ": outline around " + step.target(),
                        () -> outline.isVisible() && outlineSurrounds(outline, stage.getScene().lookup("#" + step.target())));
            }
            if (step.action() != null) {
                assertTrue(onFx(next::isDisabled), where + ": Next waits for the action");
                perform(robot, step.action());
                waitFor(where + ": " + step.action() + " done", () -> !next.isDisabled());
            }
            if (model.phaseProperty().get() == TrainingSessionViewModel.Phase.RUNNING) {
                robot.interact(model::toggleTraining); // pause: the next steps look at the pictures
            }
            CompareRunsView compareRuns = onFx(() -> (CompareRunsView) stage.getScene().lookup(".hn-compare-runs"));
            if (compareRuns != null && onFx(() -> compareRuns.model().phaseProperty().get()) == CompareRunsViewModel.Phase.RUNNING) {
                robot.interact(() -> compareRuns.model().toggleTraining()); // pause both runs too
            }
            if (i % 2 == 0) {
                robot.clickOn(next);
            } else {
                robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
            }
        }
        waitFor(() -> !card.isVisible() || !card.getParent().isVisible());
    }

    /** As {@link #waitFor(java.util.concurrent.Callable)}, failing with {@code what} when it times out. */
    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            waitFor(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void perform(FxRobot robot, Lesson.Action action) throws TimeoutException {
        switch (action.type()) {
            case DRAW -> drawSeven(robot, stage.getScene().lookup("#" + WorkbenchView.DRAWING_PAD_ID));
            case PRESS_TRAIN -> robot.clickOn("#" + (onFx(() -> view.pageProperty().get()) == WorkbenchView.Page.COMPARE_RUNS
                    ? CompareRunsView.TRAIN_BUTTON_ID : WorkbenchView.TRAIN_BUTTON_ID));
            case OPEN_PAGE -> robot.clickOn("#page-" + action.page());
            case UNIT_OFF -> {
                int unit = action.unit() == null ? 1 : action.unit();
                Node tiles = onFx(() -> view.pageProperty().get() == WorkbenchView.Page.HIDDEN_UNIT
                        ? stage.getScene().lookup("#" + WorkbenchView.UNIT_PICKER_ID)
                        : stage.getScene().lookup("#" + WorkbenchView.HIDDEN_GRID_ID));
                robot.clickOn(onFx(() -> tiles.lookup("#" + HiddenUnitTile.idOf(unit - 1))));
                robot.type(KeyCode.X);
                waitFor(() -> view.pageNode(WorkbenchView.Page.HIDDEN_UNIT) != null
                        && isOff(unit - 1));
            }
            case STEP_BACKPROP -> {
                BackpropView backprop = (BackpropView) view.pageNode(WorkbenchView.Page.BACKPROP);
                Pane navigation = (Pane) stage.getScene().lookup("#" + BackpropView.NAVIGATION_ID);
                int target = action.step() == null ? 2 : action.step();
                while (onFx(() -> backprop.getModel().stepProperty().get().ordinal() + 1) != target) {
                    boolean forward = onFx(() -> backprop.getModel().stepProperty().get().ordinal() + 1) < target;
                    robot.clickOn(navigation.getChildren().get(forward ? 2 : 1)); // Home, Back, Next, End
                }
            }
            default -> throw new AssertionError(action);
        }
    }

    private boolean isOff(int unit) {
        return view.dossierModel().getExperiment().mode(unit) == UnitExperiment.Mode.OFF;
    }

    /** A 7 drawn with the mouse: a bar across the top, then down to the bottom left. */
    static void drawSeven(FxRobot robot, Node pad) {
        Bounds box = pad.localToScreen(pad.getBoundsInLocal());
        robot.moveTo(at(box, 0.25, 0.2));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(at(box, 0.5, 0.2));
        robot.moveTo(at(box, 0.75, 0.2));
        robot.moveTo(at(box, 0.6, 0.5));
        robot.moveTo(at(box, 0.45, 0.8));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D at(Bounds box, double fx, double fy) {
        return new Point2D(box.getMinX() + fx * box.getWidth(), box.getMinY() + fy * box.getHeight());
    }

    /** Whether the outline's bounds contain the target's visible centre (both in scene coordinates). */
    private static boolean outlineSurrounds(Node outline, Node target) {
        Bounds drawn = outline.localToScene(outline.getBoundsInLocal());
        Bounds shape = target.localToScene(target.getBoundsInLocal());
        Point2D centre = new Point2D(Math.max(0, shape.getCenterX()), Math.max(0, shape.getCenterY()));
        assertNotNull(drawn);
        return drawn.getWidth() > 0 && drawn.contains(Math.min(centre.getX(), drawn.getMaxX() - 1),
                Math.min(centre.getY(), drawn.getMaxY() - 1));
    }

    @org.junit.jupiter.api.Test
    void escLeavesTheLessonAndTheCardTellsWhatADrawingWasReadAs(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> view.lessons().start("hidden-units-images", 1));
        Label text = robot.lookup("#" + LessonOverlay.TEXT_ID).queryAs(Label.class);
        assertTrue(onFx(text::getText).startsWith("Draw a 7"));
        drawSeven(robot, stage.getScene().lookup("#" + WorkbenchView.DRAWING_PAD_ID));
        int predicted = onFx(() -> model.predictedDigitProperty().get());
        assertTrue(robot.lookup(predicted == 7 ? "Done ✓ The network reads your drawing as 7."
                : "Done ✓ The network reads your drawing as " + predicted + ", not 7: lesson 4 shows why a digit is misread.")
                .tryQuery().isPresent(), "the network's answer on the card");
        robot.type(KeyCode.ESCAPE);
        Node card = robot.lookup("#" + LessonOverlay.CARD_ID).query();
        waitFor(() -> !card.getParent().isVisible());
        assertFalse(onFx(() -> view.lessons().model().activeProperty().get()));
    }

    @org.junit.jupiter.api.Test
    void aLanguageSwitchContinuesTheLessonAtTheSameStepInTheNewLanguage(FxRobot robot)
            throws TimeoutException, LessonFileException {
        robot.interact(() -> view.lessons().start("why-misread", 2));
        MenuItem chinese = onFx(() -> ((javafx.scene.control.Menu) view.menus().viewButton().getItems().stream()
                .filter(i -> WorkbenchView.LANGUAGE_MENU_ID.equals(i.getId())).findFirst().orElseThrow())
                .getItems().stream().filter(i -> "language-zh-CN".equals(i.getId())).findFirst().orElseThrow());
        try {
            robot.interact(chinese::fire);
            WorkbenchView replaced = app.view();
            assertTrue(replaced != view, "a new view in Chinese");
            Lesson zh = LessonFiles.bundled("why-misread", Locale.SIMPLIFIED_CHINESE);
            waitFor(() -> replaced.lessons().model().activeProperty().get());
            assertEquals(zh.steps().get(2).text(), onFx(() -> replaced.lessons().model().stepProperty().get().text()));
            assertEquals("3/" + zh.steps().size(), onFx(() -> replaced.lessons().model().progressProperty().get()));
            assertFalse(onFx(() -> view.lessons().model().activeProperty().get()), "the old window's lesson stopped");
        } finally {
            robot.interact(() -> org.hiddenneurons.ui.i18n.I18n.setLocale(Locale.ENGLISH));
        }
    }

    /** Presentation mode (F5): the card stays on screen, whole, with its text larger than the window's 22 px labels. */
    @org.junit.jupiter.api.Test
    void presentationModeShowsTheWholeCardInLargeType(FxRobot robot) throws TimeoutException {
        robot.interact(() -> view.lessons().start("hidden-units-images", 3));
        robot.type(KeyCode.F5);
        Label text = robot.lookup("#" + LessonOverlay.TEXT_ID).queryAs(Label.class);
        waitFor(() -> text.getFont().getSize() >= PRESENTATION_LESSON_TEXT_PX);
        Node card = robot.lookup("#" + LessonOverlay.CARD_ID).query();
        try {
            waitFor(() -> fitsWhole(card, text));
        } catch (TimeoutException e) {
            throw new AssertionError(onFx(() -> "card " + card.localToScene(card.getLayoutBounds()) + " in scene "
                    + stage.getScene().getWidth() + "×" + stage.getScene().getHeight() + ", text height "
                    + text.getHeight() + " of " + text.prefHeight(text.getWidth())), e);
        }
        assertTrue(onFx(() -> robot.lookup("#" + LessonOverlay.NEXT_ID).queryButton().isVisible()), "Next is not a hidden control");
    }

    /** Whether the card (its layout bounds: without its shadow) lies inside the scene and its text shows every line. */
    private boolean fitsWhole(Node card, Label text) {
        Bounds onScene = card.localToScene(card.getLayoutBounds());
        return onScene.getMinX() >= 0 && onScene.getMinY() >= 0
                && onScene.getMaxX() <= stage.getScene().getWidth() && onScene.getMaxY() <= stage.getScene().getHeight()
                && text.getHeight() >= text.prefHeight(text.getWidth()) - 1;
    }

    /** lesson.css: the lesson's text size in presentation mode. */
    private static final double PRESENTATION_LESSON_TEXT_PX = 28;
}
