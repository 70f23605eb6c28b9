package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window (HiddenNeuronsApp, headless under Monocle) for TestFX tests: started before each
 * test with view choices kept in memory (never the user's preferences), stopped after it, with no
 * uncaught exception allowed. Subclasses' {@code @BeforeEach} methods run after the start and
 * their {@code @AfterEach} methods before the stop.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {

    /** Generous: the machine is shared and slow; these are not timing tests. */
    static final long TIMEOUT_SECONDS = 60;

    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    HiddenNeuronsApp app;
    WorkbenchViewModel model;
    WorkbenchView view;
    Stage stage;

    /** (TestFX finds {@code @Start} methods only in the test class itself, hence a plain {@code @BeforeEach}.) */
    @BeforeEach
    void start() throws TimeoutException {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            app = new HiddenNeuronsApp(ViewPreferences.inMemory());
            app.start(stage);
            model = app.model();
            view = app.view();
            // A run from random weights plays its first epoch slowly by default (lesson pace); the
            // tests that are not about pacing train at full speed.
            model.settings().lessonPaceProperty().set(startsAtLessonPace());
        });
    }

    /** Whether the window keeps its default lesson pace (tests of the pacing itself). */
    boolean startsAtLessonPace() {
        return false;
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            app.stop();
            return null;
        });
        assertEquals(List.of(), uncaught, "uncaught exceptions");
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), read);
    }
}
