package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.io.EvolutionExport;
import org.hiddenneurons.io.HiddenUnitsPng;
import org.hiddenneurons.io.HistoryCsv;
import org.hiddenneurons.io.WeightsCsv;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.EpochMarks;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.ui.replay.ReplayModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The replay timeline, training runs and exports in the real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {

    /** Generous: the machine is shared and slow; these are not timing tests. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final int EPOCHS = 3;

    @TempDir
    Path folder;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private HiddenNeuronsApp app;
    private WorkbenchViewModel model;
    private ReplayModel replay;

    @Start
    void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        app = new HiddenNeuronsApp();
        app.start(stage);
        app.view().recentFiles().setStore(new RecentFiles.MemoryStore()); // never the user's preferences
        model = app.model();
        replay = model.replay();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            app.stop();
            return null;
        });
        assertEquals(List.of(), uncaught, "uncaught exceptions");
    }

    @Test
    void theTimelineReplaysAnEarlierSnapshotInTheGridThenGoesLiveAndTheKeysStep(FxRobot robot) throws TimeoutException {
        trainAFewEpochs();
        HiddenUnitGrid grid = app.view().hiddenUnitGrid();
        ReplayBar bar = app.view().replayBar();
        Network live = onFx(() -> model.networkProperty().get());
        assertArrayEquals(rendering(grid, live), onFx(() -> tilePixels(grid)), "Live shows the network in use");
        TrainingSnapshot first = onFx(() -> replay.keptSnapshots().get(0));
        List<Integer> epochStarts = onFx(() -> EpochMarks.epochStarts(replay.keptSnapshots()));
        assertFalse(epochStarts.isEmpty(), "a run of several epochs has epoch marks");
        assertEquals(epochStarts, onFx(() -> bar.epochMarks().marks()));

        robot.interact(() -> bar.slider().setValue(0)); // where a drag to the left end puts it
        assertTrue(onFx(replay::isReplaying));
        int[] shown = onFx(() -> tilePixels(grid));
        assertArrayEquals(rendering(grid, first.network()), shown, "the grid shows the snapshot");
        assertFalse(Arrays.equals(rendering(grid, live), shown), "and not the live network");
        int latest = onFx(() -> replay.latestEpochProperty().get());
        assertEquals(I18n.t("replay.watch.timeline.replaying", first.step(), first.shownEpoch(), latest), onFx(() -> bar.label().getText()));
        assertTrue(onFx(() -> bar.getStyleClass().contains(ReplayBar.REPLAYING_CLASS)));
        assertEquals(first.network(), onFx(() -> app.view().outputWeightsView().getNetwork()), "Θ2 follows");

        // fire() rather than a robot click: on this shared, loaded machine robot clicks sometimes miss.
        robot.interact(() -> robot.lookup("#" + ReplayBar.LIVE_ID).queryButton().fire());
        assertFalse(onFx(replay::isReplaying));
        assertArrayEquals(rendering(grid, live), onFx(() -> tilePixels(grid)));
        assertFalse(onFx(() -> bar.getStyleClass().contains(ReplayBar.REPLAYING_CLASS)));

        int count = onFx(() -> replay.snapshotCountProperty().get());
        robot.interact(grid::requestFocus);
        robot.type(KeyCode.HOME);
        assertEquals(0, onFx(() -> replay.replayIndexProperty().get()));
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(1, onFx(() -> replay.replayIndexProperty().get()));
        robot.type(KeyCode.OPEN_BRACKET);
        assertEquals(0, onFx(() -> replay.replayIndexProperty().get()));
        robot.type(KeyCode.END);
        assertFalse(onFx(replay::isReplaying));
        assertEquals(count - 1, onFx(() -> replay.replayIndexProperty().get()));
    }

    @Test
    void theExportsWriteTheirFilesAndASavedRunOpensAgainWithItsFinalNetworkAndTimeline() throws Exception {
        trainAFewEpochs();
        Path file = folder.resolve("run" + ReplayFileActions.RUN_SUFFIX);
        Network trained = onFx(() -> model.networkProperty().get());
        Path png = folder.resolve("units.png");
        Path weights = folder.resolve("weights");
        Path history = folder.resolve("history.csv");
        Path evolution = folder.resolve("evolution");
        Path gif = folder.resolve("evolution.gif");
        int snapshots = onFx(() -> replay.snapshotCountProperty().get());
        onFx(() -> {
            app.view().replayFiles().exportHiddenUnitsPng(png);
            app.view().replayFiles().exportWeightsCsv(weights);
            app.view().replayFiles().exportHistoryCsv(history);
            app.view().replayFiles().exportEvolution(evolution);
            app.view().replayFiles().exportEvolutionGif(gif);
            return null;
        });
        waitFor(() -> model.statusMessageProperty().get().contains(gif.toString())); // the last export queued
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(HiddenUnitsPng.layout(trained.spec()).imageWidth(), image.getWidth());
        assertArrayEquals(trained.theta1Copy(), WeightsCsv.read(weights.resolve(WeightsCsv.THETA1_FILE)).values());
        assertArrayEquals(trained.theta2Copy(), WeightsCsv.read(weights.resolve(WeightsCsv.THETA2_FILE)).values());
        assertEquals(onFx(() -> replay.recorder().metrics()), HistoryCsv.load(history));
        assertTrue(Files.exists(evolution.resolve(EvolutionExport.frameName(snapshots, snapshots))));
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(snapshots, reader.getNumImages(true), "one GIF frame per kept snapshot");
            reader.dispose();
        }
        assertEquals("", onFx(() -> model.errorMessageProperty().get()));

        int epochs = onFx(() -> model.epochProperty().get());
        onFx(() -> {
            app.view().replayFiles().saveRun(file);
            return null;
        });
        waitFor(() -> model.statusMessageProperty().get().contains(file.toString()));
        assertTrue(Files.size(file) > 0);

        onFx(() -> {
            model.newNetwork();
            app.view().replayFiles().openRun(file);
            return null;
        });
        waitFor(() -> model.epochProperty().get() == epochs);
        assertArrayEquals(trained.theta1Copy(), onFx(() -> model.networkProperty().get().theta1Copy()));
        assertEquals(snapshots, onFx(() -> replay.snapshotCountProperty().get()));
        assertFalse(onFx(replay::isReplaying));
        assertEquals(new RecentFiles.Entry(file.toAbsolutePath().normalize(), RecentFiles.Kind.RUN),
                onFx(() -> app.view().recentFiles().entries().get(0)));
        assertEquals("", onFx(() -> model.errorMessageProperty().get()));
    }

    @Test
    void aDamagedRunFileIsReportedAndChangesNothing() throws Exception {
        waitFor(() -> model.dataReadyProperty().get());
        Path file = Files.writeString(folder.resolve("bad.run.json"), "{\"formatVersion\": 1}");
        Network before = onFx(() -> model.networkProperty().get());
        onFx(() -> {
            app.view().replayFiles().openRun(file);
            return null;
        });
        waitFor(() -> !model.errorMessageProperty().get().isEmpty());
        assertTrue(onFx(() -> model.errorMessageProperty().get()).contains("bad.run.json"));
        assertEquals(before, onFx(() -> model.networkProperty().get()));
    }

    /** A fresh random network trained a few epochs, slowly enough that every epoch keeps its weights. */
    private void trainAFewEpochs() throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        onFx(() -> {
            model.settings().epochsProperty().set(EPOCHS);
            model.newNetwork();
            model.toggleTraining();
            return null;
        });
        waitFor(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE && model.epochProperty().get() == EPOCHS);
        assertTrue(onFx(() -> replay.snapshotCountProperty().get()) >= 2, "at least the start and the end");
    }

    /** What the first tile must show for {@code network}: the grid's own rendering at the tile's scale. */
    private static int[] rendering(HiddenUnitGrid grid, Network network) {
        return onFx(() -> {
            HiddenUnitTile tile = grid.getTiles().get(0);
            int inputs = network.spec().inputSize();
            int[][] pixels = new int[network.spec().hiddenSize()][inputs];
            HiddenUnitGrid.renderAll(network, grid.scaleProperty().get(), grid.paletteProperty().get(), pixels);
            int scale = tile.getImageScale();
            int[] out = new int[inputs * scale * scale];
            HiddenUnitTile.upscale(pixels[tile.unit()], network.spec().inputWidth(), network.spec().inputHeight(),
                    scale, out);
            return out;
        });
    }

    /** The first tile's on-screen image, ARGB. FX thread. */
    private static int[] tilePixels(HiddenUnitGrid grid) {
        WritableImage image = grid.getTiles().get(0).image();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), read);
    }
}
