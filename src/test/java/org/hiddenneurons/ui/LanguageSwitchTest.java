package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View ▸ Language switches the open window to Chinese and back while training runs: the texts
 * change, the view model (network, run, settings) is the same object and keeps training, and the
 * page, theme, drawing and selected unit survive. The language is pinned by the
 * {@code hiddenneurons.language} override (pom.xml), so nothing is remembered for the user.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final int SELECTED_UNIT = 7;
    private static final String SEED_TEXT = "1234";
    private static final int SWITCHES = 4;
    /** A replaced view is held until its background work (e.g. the logistic baseline) has reported back. */
    private static final int GC_ATTEMPTS = 100;
    private static final long GC_PAUSE_MILLIS = 300;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private HiddenNeuronsApp app;
    private WorkbenchViewModel model;

    @Start
    void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        I18n.setLocale(Locale.ENGLISH);
        app = new HiddenNeuronsApp();
        app.start(stage);
        model = app.model();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            I18n.setLocale(Locale.ENGLISH);
            app.stop();
            return null;
        });
        assertEquals(List.of(), uncaught, "uncaught exceptions");
    }

    @Test
    void switchingToChineseAndBackWhileTrainingKeepsEverything(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        WorkbenchView english = app.view();
        assertTrue(robot.lookup("Hidden layer").tryQuery().isPresent());
        robot.interact(() -> {
            english.drawingPad().addStroke(List.of(new Point2D(140, 40), new Point2D(140, 240)));
            english.hiddenUnitGrid().setSelectedUnit(SELECTED_UNIT);
            english.themeProperty().set(Themes.Theme.DARK);
            model.settings().seedTextProperty().set(SEED_TEXT);
            model.settings().epochsProperty().set(TrainingSettingsViewModel.MAX_EPOCHS);
            model.toggleTraining();
        });
        waitFor(() -> model.epochProperty().get() >= 1);
        int predicted = onFx(() -> model.predictedDigitProperty().get());
        Object network = onFx(() -> model.networkProperty().get());

        robot.interact(() -> languageItem(english, Locale.SIMPLIFIED_CHINESE).fire());

        WorkbenchView chinese = app.view();
        assertNotSame(english, chinese, "the window was not rebuilt");
        assertSame(chinese, onFx(() -> chinese.getScene().getRoot()));
        assertTrue(robot.lookup("隐藏层").tryQuery().isPresent(), "the hidden layer's title in Chinese");
        assertTrue(robot.lookup("Hidden layer").tryQuery().isEmpty(), "English left over");
        Button train = robot.lookup("#" + WorkbenchView.TRAIN_BUTTON_ID).queryButton();
        assertEquals("暂停", onFx(train::getText), "Train shows Pause, in Chinese, while training");
        assertTrue(onFx(() -> robot.lookup("#" + StatusBar.EPOCH_ID).queryAs(Label.class).getText()).startsWith("第 "));
        assertTrue(onFx(() -> model.modelDescriptionProperty().get()).startsWith("模型"));

        assertEquals(TrainingSessionViewModel.Phase.RUNNING, onFx(() -> model.phaseProperty().get()), "training stopped");
        int epochAtSwitch = onFx(() -> model.epochProperty().get());
        waitFor(() -> model.epochProperty().get() > epochAtSwitch);
        assertTrue(onFx(() -> model.networkProperty().get()) != network || epochAtSwitch > 0);
        assertEquals(1, onFx(() -> chinese.drawingPad().strokeCount()), "the drawing");
        assertEquals(predicted >= 0, onFx(() -> model.predictedDigitProperty().get()) >= 0, "the prediction");
        assertEquals(SELECTED_UNIT, onFx(() -> chinese.hiddenUnitGrid().getSelectedUnit()), "the selected unit");
        assertEquals(Themes.Theme.DARK, onFx(() -> chinese.themeProperty().get()), "the theme");
        assertEquals(SEED_TEXT, onFx(() -> model.settings().seedTextProperty().get()), "the settings");

        robot.interact(() -> chinese.pageProperty().set(WorkbenchView.Page.EVALUATION));
        robot.interact(() -> languageItem(chinese, Locale.ENGLISH).fire());

        WorkbenchView back = app.view();
        assertNotSame(chinese, back);
        assertTrue(robot.lookup("Workbench").tryQuery().isPresent(), "English again");
        assertTrue(robot.lookup("工作台").tryQuery().isEmpty(), "Chinese left over");
        assertEquals(WorkbenchView.Page.EVALUATION, onFx(() -> back.pageProperty().get()), "the page");
        assertEquals(1, onFx(() -> back.drawingPad().strokeCount()));
        assertEquals(Locale.ENGLISH, I18n.locale());
        robot.interact(() -> back.pageProperty().set(WorkbenchView.Page.WORKBENCH));
        assertEquals("Pause", onFx(() -> robot.lookup("#" + WorkbenchView.TRAIN_BUTTON_ID).queryButton().getText()));
        robot.interact(model::toggleTraining);
        assertEquals(TrainingSessionViewModel.Phase.PAUSED, onFx(() -> model.phaseProperty().get()));
    }

    /**
     * A replaced view is garbage: the view model, the preferences and the replay model outlive it,
     * and each used to keep it through a listener (the dossier's, the status bar's, the replay bar's,
     * the colour and text-size menus', the theme button's). Four switches while training; at most
     * the last replaced view may still be held (JavaFX keeps a scene's previous root). A view's
     * background work (its logistic baseline) holds it until it reports back, so this waits.
     */
    @Test
    void replacedViewsAreCollected(FxRobot robot) throws Exception {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> {
            model.settings().epochsProperty().set(100_000);
            model.toggleTraining();
        });
        List<WeakReference<WorkbenchView>> replaced = new ArrayList<>();
        for (int i = 0; i < SWITCHES; i++) {
            Locale next = i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            robot.interact(() -> {
                replaced.add(new WeakReference<>(app.view()));
                app.view().switchLanguage(next);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(model::toggleTraining);
        long alive = replaced.size();
        for (int attempt = 0; attempt < GC_ATTEMPTS && alive > 1; attempt++) {
            System.gc();
            Thread.sleep(GC_PAUSE_MILLIS);
            WaitForAsyncUtils.waitForFxEvents();
            alive = replaced.stream().filter(view -> view.get() != null).count();
        }
        assertTrue(alive <= 1, alive + " of " + SWITCHES + " replaced views are still reachable");
    }

    /** View ▸ Language ▸ the item for {@code language}. */
    private static MenuItem languageItem(WorkbenchView view, Locale language) {
        Menu languages = (Menu) view.menus().viewButton().getItems().stream()
                .filter(item -> WorkbenchView.LANGUAGE_MENU_ID.equals(item.getId()))
                .findFirst().orElseThrow();
        return languages.getItems().stream()
                .filter(item -> ("language-" + language.toLanguageTag()).equals(item.getId()))
                .findFirst().orElseThrow();
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), read);
    }
}
