package org.hiddenneurons.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.hiddenneurons.ui.ViewPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lessons' first-launch card and keys, on a plain host pane (headless). */
@ExtendWith(ApplicationExtension.class)
class LessonsWelcomeTest {

    private final BooleanProperty offered = new SimpleBooleanProperty(false);
    private final List<String> opened = new ArrayList<>();
    private Lessons lessons;

    @Start
    void start(Stage stage) {
        BorderPane host = new BorderPane(new Label("the window"));
        lessons = new Lessons(host, offered, opened::add);
        host.setTop(lessons.menuButton());
        lessons.attach();
        Scene scene = new Scene(host, 1000, 700);
        ViewPreferences.inMemory().applyTo(scene); // the theme's colours, which the lesson card uses
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstLaunchCardStartsLessonOneAndIsRemembered(FxRobot robot) throws LessonFileException {
        assertTrue(offered.get(), "shown once: remembered at once");
        javafx.scene.Node welcome = robot.lookup("#" + Lessons.WELCOME_ID).query();
        javafx.geometry.Bounds box = welcome.localToScene(welcome.getLayoutBounds());
        javafx.scene.Scene scene = welcome.getScene();
        assertTrue(box.getMinY() >= 0 && box.getMaxY() <= scene.getHeight() && box.getMaxX() <= scene.getWidth(),
                "the card lies inside the window: " + box);
        assertTrue(((javafx.scene.layout.Region) welcome).getHeight()
                >= ((javafx.scene.layout.Region) welcome).prefHeight(((javafx.scene.layout.Region) welcome).getWidth()) - 1,
                "the card is as tall as its content");
        robot.clickOn("#" + Lessons.WELCOME_START_ID);
        assertTrue(robot.lookup("#" + Lessons.WELCOME_ID).tryQuery().isEmpty(), "the card goes");
        Lesson first = LessonFiles.bundled(LessonFiles.bundledIds().get(0), Locale.ENGLISH);
        assertEquals("1/" + first.steps().size(), robot.lookup("#" + LessonOverlay.PROGRESS_ID).queryAs(Label.class).getText());
        assertEquals(first.steps().get(0).page(), opened.get(0), "the step's page is opened");
        robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
        assertEquals(1, lessons.model().indexProperty().get(), "Alt+→ is Next");
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        assertEquals(0, lessons.model().indexProperty().get(), "Alt+← is Back");
        robot.type(KeyCode.ESCAPE);
        assertFalse(lessons.model().activeProperty().get(), "Esc leaves");
        assertFalse(lessons.overlay().isVisible());
    }

    @Test
    void theMenuListsEveryLessonByTitle() throws LessonFileException {
        List<String> ids = LessonFiles.bundledIds();
        assertEquals(ids.size(), lessons.menuButton().getItems().size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals((i + 1) + ". " + LessonFiles.bundled(ids.get(i), Locale.ENGLISH).title(),
                    lessons.menuButton().getItems().get(i).getText());
        }
    }
}
