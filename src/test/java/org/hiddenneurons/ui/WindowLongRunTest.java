package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A shortened long run in the real window (headless): {@value #EPOCHS} epochs on a small slice of
 * the digits. The charts stay within their capacity (decimated), and a second run leaves no more
 * listeners, scene nodes or threads behind than the first. {@link WindowLongRunHarness} is the
 * 20 000-epoch version with figures.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLongRunTest {

    private static final int EPOCHS = 500;
    private static final int WARM_UP_EPOCHS = 20;
    private static final int TRAIN_SIZE = 100;
    private static final int TEST_SIZE = 50;
    /** A hang detector only: the run takes seconds. */
    private static final long TIMEOUT_SECONDS = 300;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    /** The JVM-wide handler before this test replaced it; put back after each test. */
    private Thread.UncaughtExceptionHandler previousHandler;
    private HiddenNeuronsApp app;
    private WorkbenchViewModel model;
    private Stage stage;

    @Start
    void start(Stage window) {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        stage = window;
        app = new HiddenNeuronsApp(ViewPreferences.inMemory());
        app.start(window);
        // Every epoch to the charts (the app publishes every 200 ms): the 500 tiny epochs must
        // overflow the charts' capacity so that their thinning is what keeps them bounded.
        app.adapter().setPublishIntervalMillis(0);
        model = app.model();
    }

    @AfterEach
    void stop() {
        try {
            onFx(() -> {
                app.stop();
                return null;
            });
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
        assertEquals(List.of(), uncaught, "uncaught exceptions");
    }

    @Test
    void chartsStayBoundedAndNothingAccumulatesOverALongRun() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        onFx(() -> {
            Split small = WindowProbe.subset(model.dataProperty().get(), TRAIN_SIZE, TEST_SIZE);
            model.dataLoaded(small, new Preprocessor(Preprocessor.measure(small.train())), "long run");
            return null;
        });
        train(WARM_UP_EPOCHS); // creates the training thread and the charts' nodes once
        WindowProbe.Sample before = WindowProbe.complete(onFx(() -> WindowProbe.onFx(model, stage.getScene().getRoot())));

        int startEpoch = onFx(() -> model.epochProperty().get());
        train(EPOCHS);
        WaitForAsyncUtils.waitForFxEvents();
        WindowProbe.Sample after = WindowProbe.complete(onFx(() -> WindowProbe.onFx(model, stage.getScene().getRoot())));

        assertEquals(startEpoch + EPOCHS, after.epoch(), onFx(() -> model.statusMessageProperty().get()));
        assertTrue(after.largestSeries() <= DecimatedSeries.DEFAULT_CAPACITY + 1, "points: " + after.largestSeries());
        assertTrue(after.largestSeries() > DecimatedSeries.DEFAULT_CAPACITY / 4, "the charts were fed");
        assertTrue(before.listeners() > 0, "the listener probe reads JavaFX's helpers");
        assertEquals(before.listeners(), after.listeners(), "listeners on the view models");
        assertTrue(after.threads() <= before.threads(), "threads " + before.threads() + " → " + after.threads());
        assertTrue(after.nodes() <= before.nodes() + NODE_SLACK, "scene nodes " + before.nodes() + " → " + after.nodes());
    }

    /** Axis tick labels come and go with the axis range; anything per epoch would be hundreds. */
    private static final int NODE_SLACK = 20;

    private void train(int epochs) throws TimeoutException {
        onFx(() -> {
            model.settings().epochsProperty().set(epochs);
            model.toggleTraining();
            return null;
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> onFx(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE));
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), read);
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
