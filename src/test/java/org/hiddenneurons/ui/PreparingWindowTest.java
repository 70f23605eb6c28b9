package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window while the split is prepared as a newly opened model sees it, with a preparer held
 * back until the test lets it go (on Fashion-MNIST the preparation takes 4–11 s): the status line
 * says why the data pages show nothing meanwhile, says that a run started meanwhile
 * waits for it, and gives the line back when the split is ready.
 */
class PreparingWindowTest extends WindowTestBase {

    @TempDir
    Path folder;

    /** Prepares on its own thread once {@link #release} is counted down; the result hops onto the FX thread. */
    private static final class HeldPreparer implements ModelInputSteps.Preparer {
        final CountDownLatch release = new CountDownLatch(1);
        volatile int submitted;

        @Override
        public void submit(Callable<Split> work, Consumer<Split> onSuccess, Consumer<Throwable> onFailure) {
            submitted++;
            Thread thread = new Thread(() -> {
                try {
                    release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    Split prepared = work.call();
                    Platform.runLater(() -> onSuccess.accept(prepared));
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            }, "held-preparer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private String statusLine() {
        return onFx(() -> ((Label) view.lookup("#" + StatusBar.MESSAGE_ID)).getText());
    }

    @Test
    void theStatusLineSaysWhyThePagesWaitAndThatARunWaitsUntilTheSplitIsPrepared(FxRobot robot)
            throws IOException, TimeoutException {
        waitFor(() -> model.dataReadyProperty().get() && !model.inputSteps().preparingProperty().get());
        HeldPreparer held = new HeldPreparer();
        onFx(() -> {
            model.inputSteps().prepareWith(held);
            return null;
        });
        // The bundled model deskews and blurs: a model that only deskews needs its own copy of the split.
        Path file = folder.resolve("deskew.json");
        ModelFile.save(file, new SavedModel(WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 7),
                TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0), "digits", "", 2));
        robot.interact(() -> view.dropRouter().route(file));
        waitFor(() -> "deskewed".equals(model.inputSteps().stepsProperty().get()));

        assertEquals(1, held.submitted);
        assertTrue(onFx(() -> model.inputSteps().preparingProperty().get()));
        assertEquals(I18n.t("workbench.status.preparing.data"), statusLine());
        assertEquals(null, onFx(() -> model.inputSteps().preparedDataProperty().get()),
                "the opened model is not scored on the bundled model's inputs meanwhile");

        robot.interact(() -> robot.lookup("#" + WorkbenchView.TRAIN_BUTTON_ID).queryButton().fire());
        assertEquals(I18n.t("workbench.status.preparing.training"), statusLine(), "the run waits for the split");

        held.release.countDown();
        waitFor(() -> !model.inputSteps().preparingProperty().get());
        String after = statusLine();
        assertNotEquals(I18n.t("workbench.status.preparing.training"), after);
        assertEquals(onFx(() -> model.statusMessageProperty().get()), after, "the line is the status message again");
        assertEquals(onFx(() -> model.dataProperty().get().test().size()),
                onFx(() -> model.inputSteps().preparedDataProperty().get().test().size()));
    }
}
