package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.data.LoadProgressPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: opening a data set in the real window (via the view's opener and a simulated drop). */
@ExtendWith(ApplicationExtension.class)
class DataOpeningWindowTest {

    private static final long TIMEOUT_SECONDS = 60;
    /** A fixture of MNIST size that is not 20×20 like the bundled digits. */
    private static final int SIDE = 28;
    private static final int SAMPLES = 60;
    /** Labels 0..2 (the CSV reader counts classes 0..9 for labels that are all digits). */
    private static final int CLASSES = 3;
    private static final Path FASHION_TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @TempDir
    Path dir;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private HiddenNeuronsApp app;
    private WorkbenchViewModel model;
    private Stage stage;

    @Start
    void start(Stage primary) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        stage = primary;
        app = new HiddenNeuronsApp();
        app.start(primary);
        model = app.model();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            for (Window window : new ArrayList<>(Window.getWindows())) {
                if (window != stage) {
                    window.hide(); // error dialogs
                }
            }
            app.stop();
            return null;
        });
        assertEquals(List.of(), uncaught, "uncaught exceptions");
    }

    /** SAMPLES lines "label,784 pixels": a bright square whose place depends on the label, plus noise. */
    private Path csvFixture() throws IOException {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SAMPLES; i++) {
            int label = i % CLASSES;
            text.append(label);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean ink = x >= 6 + 4 * label && x < 14 + 4 * label && y >= 8 && y < 20;
                    text.append(',').append(ink ? 200 + random.nextInt(56) : random.nextInt(20));
                }
            }
            text.append('\n');
        }
        Path file = dir.resolve("squares.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void droppingA28x28CsvSwitchesTheGridTheDataAndTheStatus(FxRobot robot) throws Exception {
        waitFor(() -> model.dataReadyProperty().get() && model.networkProperty().get().spec().inputWidth() == 20);
        Path csv = csvFixture();
        WorkbenchView view = app.view();
        Network before = onFx(() -> model.networkProperty().get());

        assertTrue(onFx(() -> view.dropRouter().route(csv)), "a CSV is routed as data");
        waitFor(() -> !view.datasetOpener().loadingProperty().get());

        Network after = onFx(() -> model.networkProperty().get());
        assertFalse(after == before, "a new network for the new shape");
        assertEquals(SIDE * SIDE, after.spec().inputSize());
        assertEquals(before.spec().hiddenSize(), after.spec().hiddenSize(), "the hidden size is kept");
        Split split = onFx(() -> model.dataProperty().get());
        assertEquals(split.train().classCount(), after.spec().outputSize(), "one output per class");
        assertEquals(SAMPLES / Split.TEST_EVERY, split.test().size(), "the standard split");
        assertEquals(SIDE, split.train().width());
        assertTrue(onFx(() -> model.statusMessageProperty().get()).contains("squares.csv"),
                onFx(() -> model.statusMessageProperty().get()));
        assertEquals("", onFx(() -> model.errorMessageProperty().get()));
        HiddenUnitGrid grid = view.hiddenUnitGrid();
        assertEquals(after.spec().hiddenSize(), onFx(() -> grid.getTiles().size()));
        for (HiddenUnitTile tile : onFx(grid::getTiles)) {
            assertEquals(SIDE, onFx(() -> tilePictureWidth(tile)), "28×28 heatmaps");
        }
        assertFalse(onFx(() -> view.lookup("#" + LoadProgressPanel.ID).isVisible()), "the progress panel is hidden again");
        assertTrue(onFx(() -> model.modelToSave().datasetName()).startsWith("squares.csv"), "Save names the data set");

        for (WorkbenchView.Page page : WorkbenchView.Page.values()) {
            robot.interact(() -> view.pageProperty().set(page));
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> view.pageProperty().set(WorkbenchView.Page.WORKBENCH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), uncaught, "every page copes with 28×28 data");
    }

    @Test
    void malformedFileLeavesThePreviousDataAndNetwork() throws Exception {
        waitFor(() -> model.dataReadyProperty().get());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "3,0,1,1,0\n4,0,abc,1,0\n");
        Network network = onFx(() -> model.networkProperty().get());
        Split data = onFx(() -> model.dataProperty().get());

        onFx(() -> {
            app.view().datasetOpener().open(bad);
            return null;
        });
        waitFor(() -> !app.view().datasetOpener().loadingProperty().get());

        assertSame(network, onFx(() -> model.networkProperty().get()));
        assertSame(data, onFx(() -> model.dataProperty().get()));
        String error = onFx(() -> model.errorMessageProperty().get());
        assertTrue(error.contains("bad.csv") && error.contains("line 2") && error.contains("\"abc\" is not a number"),
                error);
    }

    @Test
    void cancelledLoadKeepsThePreviousDataAndNetwork() throws Exception {
        waitFor(() -> model.dataReadyProperty().get());
        Path csv = csvFixture();
        Network network = onFx(() -> model.networkProperty().get());
        Split data = onFx(() -> model.dataProperty().get());

        onFx(() -> {
            app.view().datasetOpener().open(csv);
            app.view().datasetOpener().cancel();
            return null;
        });
        waitFor(() -> !app.view().datasetOpener().loadingProperty().get());

        assertSame(network, onFx(() -> model.networkProperty().get()));
        assertSame(data, onFx(() -> model.dataProperty().get()));
        assertTrue(onFx(() -> model.statusMessageProperty().get()).contains("cancelled"));
        assertEquals("", onFx(() -> model.errorMessageProperty().get()));
    }

    @Test
    void droppingFashionMnistMakesA784InputNetwork() throws Exception {
        assumeTrue(Files.isRegularFile(FASHION_TEST_IMAGES), "dataset-fashion-mnist is not installed");
        waitFor(() -> model.dataReadyProperty().get());
        onFx(() -> app.view().dropRouter().route(FASHION_TEST_IMAGES));
        waitFor(() -> !app.view().datasetOpener().loadingProperty().get());
        assertEquals(SIDE * SIDE, onFx(() -> model.networkProperty().get().spec().inputSize()));
        assertEquals(2000, onFx(() -> model.dataProperty().get().test().size()));
        assertEquals("", onFx(() -> model.errorMessageProperty().get()));
    }

    private static int tilePictureWidth(HiddenUnitTile tile) {
        for (Node child : tile.getChildrenUnmodifiable()) {
            if (child instanceof ImageView view && view.getImage() != null) {
                return (int) view.getImage().getWidth() / tile.getImageScale();
            }
        }
        return -1;
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), read);
    }
}
