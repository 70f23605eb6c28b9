package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless smoke tests of the real window (Monocle): it shows, trains, pauses, obeys the keys. */
class WorkbenchWindowTest extends WindowTestBase {

    /** Drags during training, one every {@link #DRAG_PAUSE_MILLIS} (~2 s: about ten snapshots). */
    private static final int DRAGS_WHILE_TRAINING = 80;
    private static final long DRAG_PAUSE_MILLIS = 25;
    /** A run that ends within a second or two. */
    private static final int SHORT_RUN_EPOCHS = 8;

    /** How long nothing may change after Pause. */
    private static final long QUIET_MILLIS = 800;

    @AfterEach
    void noErrorShown() {
        assertEquals("", onFx(() -> model.errorMessageProperty().get()), "error shown in the status bar");
    }

    @Test
    void windowShowsEverySectionAndTheData(FxRobot robot) throws TimeoutException {
        for (String title : List.of("Draw a digit", "What the network sees", "Prediction", "Hidden layer",
                "Training", "Progress")) {
            assertTrue(robot.lookup(title).tryQuery().isPresent(), "section " + title);
        }
        assertTrue(robot.lookup("#" + WorkbenchView.TRAIN_BUTTON_ID).queryButton().isVisible());
        waitFor(() -> model.dataReadyProperty().get());
        assertTrue(onFx(() -> model.statusMessageProperty().get()).startsWith("Data ready"));
    }

    @Test
    void trainButtonGrowsTheLossChartAndPauseStopsIt(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        HiddenUnitGrid grid = app.view().hiddenUnitGrid();
        int[] before = onFx(() -> tilePixels(grid));
        robot.clickOn("#" + WorkbenchView.TRAIN_BUTTON_ID);
        waitFor(() -> model.epochProperty().get() >= 2 && model.trainLossSeries().points().size() >= 2);
        waitFor(() -> !Arrays.equals(before, tilePixels(grid)));
        Label epochLabel = robot.lookup("#" + StatusBar.EPOCH_ID).queryAs(Label.class);
        assertTrue(onFx(epochLabel::getText).matches("Epoch [1-9][0-9]*"));

        robot.clickOn("#" + WorkbenchView.TRAIN_BUTTON_ID);
        assertEquals(TrainingSessionViewModel.Phase.PAUSED, onFx(() -> model.phaseProperty().get()));
        assertStaysPut();
        // The charts follow the model's series (at most twice a second): the same points once paused.
        TrainingCharts charts = app.view().charts();
        waitFor(() -> chartShows(charts.lossChart(), 0, model.trainLossSeries())
                && chartShows(charts.lossChart(), 1, model.testLossSeries())
                && chartShows(charts.accuracyChart(), 0, model.trainAccuracySeries())
                && chartShows(charts.accuracyChart(), 1, model.testAccuracySeries()));
        robot.type(KeyCode.N);
        waitFor(() -> charts.lossChart().getData().get(0).getData().isEmpty()
                && charts.accuracyChart().getData().get(1).getData().isEmpty());
    }

    /** The charts follow at most twice a second, but a run that ends shows its last points at once. */
    @Test
    void aFinishedRunsChartsShowItsLastEpochAtOnce(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        robot.interact(() -> {
            model.settings().epochsProperty().set(SHORT_RUN_EPOCHS);
            model.toggleTraining();
        });
        waitFor(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE);
        TrainingCharts charts = app.view().charts();
        assertTrue(onFx(() -> chartShows(charts.lossChart(), 0, model.trainLossSeries())
                && chartShows(charts.accuracyChart(), 1, model.testAccuracySeries())), "the charts hold every point");
        List<XYChart.Data<Number, Number>> shown = onFx(() -> List.copyOf(charts.lossChart().getData().get(0).getData()));
        assertEquals(onFx(() -> model.epochProperty().get()), shown.get(shown.size() - 1).getXValue().intValue(),
                "the last point is the last epoch");
    }

    /** Whether series {@code index} of the chart holds exactly the model series' points. */
    private static boolean chartShows(XYChart<Number, Number> chart, int index, DecimatedSeries series) {
        List<XYChart.Data<Number, Number>> shown = chart.getData().get(index).getData();
        List<XYChart.Data<Number, Number>> points = series.points();
        if (shown.size() != points.size() || points.isEmpty()) {
            return false;
        }
        for (int i = 0; i < points.size(); i++) {
            if (shown.get(i).getXValue().doubleValue() != points.get(i).getXValue().doubleValue()
                    || shown.get(i).getYValue().doubleValue() != points.get(i).getYValue().doubleValue()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void drawingWithTheRobotPredictsDuringTheDragThenUndoAndClearEmptyThePad(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        WorkbenchView view = app.view();
        DrawingPad pad = view.drawingPad();
        List<double[]> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.probabilitiesProperty().addListener((o, old, now) -> {
            if (now != null) {
                shown.add(now);
            }
        }));
        double side = onFx(pad::getWidth);
        robot.moveTo(pad.localToScreen(0.3 * side, 0.2 * side));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(pad.localToScreen(0.7 * side, 0.2 * side));
        robot.moveTo(pad.localToScreen(0.4 * side, 0.8 * side));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown.size() >= 2, "a prediction per drag step before release, got " + shown.size());
        assertEquals(0, onFx(pad::strokeCount), "the stroke is still being drawn");
        assertTrue(onFx(() -> model.predictedDigitProperty().get()) >= 0);
        double[] bars = onFx(() -> view.predictionBars().getProbabilities());
        assertArrayEquals(shown.get(shown.size() - 1), bars, "the bars show the latest prediction");
        assertFalse(onFx(() -> view.preprocessStrip().isShowingHint()), "the steps replace the hint");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(pad::strokeCount));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(0, onFx(pad::strokeCount), "Ctrl+Z undoes the stroke");
        assertEquals(-1, onFx(() -> model.predictedDigitProperty().get()));
        assertNull(onFx(() -> view.predictionBars().getProbabilities()));

        robot.interact(() -> WorkbenchSnapshotTool.drawThree(pad));
        assertTrue(onFx(() -> model.predictedDigitProperty().get()) >= 0);
        robot.type(KeyCode.C);
        assertTrue(onFx(pad::isEmpty), "C clears the real pad");
        assertEquals(-1, onFx(() -> model.predictedDigitProperty().get()));
        assertTrue(onFx(() -> view.preprocessStrip().isShowingHint()));
    }

    /**
     * While training runs, the view spreads each snapshot's repaints over several frames
     * ({@link PulseSpreader}); a drag must still show its own prediction at once, also when it lands
     * while a snapshot's bars are waiting for their frame.
     */
    @Test
    void whileTrainingEveryDragShowsItsPredictionAtOnce(FxRobot robot) throws Exception {
        waitFor(() -> model.dataReadyProperty().get());
        FrameTimingHarness.Drags drags = new FrameTimingHarness.Drags(app.view());
        int start = onFx(() -> model.epochProperty().get());
        robot.interact(() -> {
            model.settings().epochsProperty().set(100_000);
            model.toggleTraining();
        });
        waitFor(() -> model.epochProperty().get() > start + 2);
        List<String> stale = new CopyOnWriteArrayList<>();
        for (int i = 0; i < DRAGS_WHILE_TRAINING; i++) {
            robot.interact(() -> {
                drags.dragOnce();
                double[] latest = model.replay().shownProbabilitiesProperty().get();
                double[] shown = app.view().predictionBars().getProbabilities();
                if (!Arrays.equals(latest, shown)) {
                    stale.add("epoch " + model.epochProperty().get());
                }
            });
            Thread.sleep(DRAG_PAUSE_MILLIS);
        }
        robot.interact(model::toggleTraining);
        assertEquals(List.of(), stale, "drags whose bars did not show their prediction at once");
    }

    /**
     * Every scroll pane around the live workbench (the page, the training column) repaints in place:
     * a cached viewport re-renders all of its content on every change — ~100 ms of software
     * rendering per drag, the frame drops this guards against (RepaintCostHarness).
     */
    @Test
    void theLiveWorkbenchIsNotInACachedViewport(FxRobot robot) {
        Node pad = app.view().drawingPad();
        Node chart = app.view().charts().lossChart();
        for (Node live : List.of(pad, chart)) {
            List<String> cached = onFx(() -> {
                List<String> found = new java.util.ArrayList<>();
                for (Node node = live; node != null; node = node.getParent()) {
                    if (node.isCache()) {
                        found.add(node.getClass().getSimpleName() + node.getStyleClass());
                    }
                }
                return found;
            });
            assertEquals(List.of(), cached, "cached ancestors of " + live.getClass().getSimpleName());
        }
    }

    @Test
    void gridShowsOneTilePerHiddenUnitAndFollowsTheTheme(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get()); // the drawing pipeline comes with the data
        HiddenUnitGrid grid = app.view().hiddenUnitGrid();
        assertEquals(NetworkSpec.DEFAULT.hiddenSize(), onFx(() -> grid.getTiles().size()));
        robot.interact(() -> WorkbenchSnapshotTool.drawThree(app.view().drawingPad()));
        assertTrue(onFx(() -> grid.getTiles().stream().allMatch(tile -> Double.isFinite(tile.getActivation()))),
                "every tile shows its activation for the drawing");
        robot.clickOn("#" + WorkbenchView.THEME_BUTTON_ID);
        assertEquals(Themes.Theme.DARK.palette(), onFx(() -> grid.paletteProperty().get()));
        assertEquals(Themes.Theme.DARK.palette(), onFx(() -> app.view().outputWeightsView().paletteProperty().get()));
    }

    @Test
    void keyboardShortcutsTrainStepRenewAndClear(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        Button newNetwork = robot.lookup("#" + WorkbenchView.NEW_NETWORK_BUTTON_ID).queryButton();
        robot.interact(newNetwork::requestFocus); // Space must not press the focused button

        waitFor(() -> model.modelDescriptionProperty().get().contains("bundled")); // the startup model is in place
        Network before = onFx(() -> model.networkProperty().get());
        int start = onFx(() -> model.epochProperty().get());
        robot.type(KeyCode.SPACE);
        waitFor(() -> model.epochProperty().get() > start);
        robot.type(KeyCode.SPACE);
        assertEquals(TrainingSessionViewModel.Phase.PAUSED, onFx(() -> model.phaseProperty().get()));
        assertNotSame(before, onFx(() -> model.networkProperty().get()));
        assertStaysPut();

        int paused = onFx(() -> model.epochProperty().get());
        robot.type(KeyCode.S);
        waitFor(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE
                && model.epochProperty().get() == paused + 1);

        robot.type(KeyCode.N);
        assertEquals(0, onFx(() -> model.epochProperty().get()));
        assertTrue(onFx(() -> model.trainLossSeries().points().isEmpty()));

        robot.type(KeyCode.C);
        assertEquals(-1, onFx(() -> model.predictedDigitProperty().get()));
    }

    @Test
    void lettersTypedIntoAFieldStayThere(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        TextField seed = robot.lookup((Node node) -> node instanceof TextField field
                && "1".equals(field.getText())).queryAs(TextField.class);
        waitFor(() -> model.modelDescriptionProperty().get().contains("bundled")); // the startup model is in place
        Network before = onFx(() -> model.networkProperty().get());
        int epochs = onFx(() -> model.epochProperty().get());
        robot.clickOn(seed);
        robot.interact(seed::selectAll);
        robot.type(KeyCode.DIGIT7, KeyCode.S, KeyCode.N);
        assertEquals("7sn", onFx(seed::getText));
        assertEquals(TrainingSessionViewModel.Phase.IDLE, onFx(() -> model.phaseProperty().get()));
        assertEquals(epochs, onFx(() -> model.epochProperty().get()), "S did not step");
        assertSame(before, onFx(() -> model.networkProperty().get()), "N did not make a new network");
        robot.interact(() -> seed.setText("1"));
    }

    @Test
    void newNetworkButtonDrawsFreshWeightsFromTheSeed(FxRobot robot) {
        Network before = onFx(() -> model.networkProperty().get());
        robot.clickOn("#" + WorkbenchView.NEW_NETWORK_BUTTON_ID);
        Network after = onFx(() -> model.networkProperty().get());
        assertNotSame(before, after);
        assertEquals(NetworkSpec.DEFAULT.hiddenSize(), after.spec().hiddenSize());
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

    /** After a pause, epochs and chart stop moving. */
    private void assertStaysPut() {
        WaitForAsyncUtils.sleep(QUIET_MILLIS / 2, TimeUnit.MILLISECONDS); // let a last in-flight frame land
        int epoch = onFx(() -> model.epochProperty().get());
        int points = onFx(() -> model.trainLossSeries().points().size());
        WaitForAsyncUtils.sleep(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        assertEquals(epoch, onFx(() -> model.epochProperty().get()));
        assertEquals(points, onFx(() -> model.trainLossSeries().points().size()));
    }
}
