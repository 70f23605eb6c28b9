package org.hiddenneurons.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;

/**
 * Renders the real workbench window to a PNG, headless (Monocle), to look at it.
 * Not a test. Run with the test classpath and the Monocle flags, e.g.
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp … \
 * org.hiddenneurons.ui.WorkbenchSnapshotTool out.png 1280 800 light [trainMillis [draw [page [present [unit [ablate]]]]]]}.
 * With {@code draw} (default) a "3" is drawn on the pad before the snapshot; {@code page} is a
 * {@link WorkbenchView.Page} name (default WORKBENCH); {@code present} true turns presentation
 * mode on; {@code unit} selects a hidden unit (0-based); {@code ablate} true switches it off.
 * On the COMPARE_RUNS page {@code trainMillis} trains the page's two runs; {@code -Dsnapshot.fresh=true}
 * starts the workbench from random weights (New network) first.
 */
public final class WorkbenchSnapshotTool {

    private static final long LOAD_TIMEOUT_MILLIS = 60_000;

    private WorkbenchSnapshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        double height = Double.parseDouble(args[2]);
        Themes.Theme theme = Themes.Theme.valueOf(args[3].toUpperCase(Locale.ROOT));
        long trainMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
        boolean draw = args.length <= 5 || Boolean.parseBoolean(args[5]);
        WorkbenchView.Page page = args.length > 6 ? WorkbenchView.Page.valueOf(args[6].toUpperCase(Locale.ROOT))
                : WorkbenchView.Page.WORKBENCH;
        boolean present = args.length > 7 && Boolean.parseBoolean(args[7]);
        int unit = args.length > 8 ? Integer.parseInt(args[8]) : -1;
        boolean ablate = args.length > 9 && Boolean.parseBoolean(args[9]);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<HiddenNeuronsApp> app = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                HiddenNeuronsApp application = new HiddenNeuronsApp(ViewPreferences.inMemory());
                application.start(stage);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(width);
                stage.setHeight(height);
                application.view().themeProperty().set(theme);
                app.set(application);
            } finally {
                started.countDown();
            }
        });
        started.await(30, TimeUnit.SECONDS);
        waitUntil(() -> app.get().model().dataReadyProperty().get());
        Thread.sleep(500); // the bundled model, if any
        if (draw) {
            Platform.runLater(() -> drawThree(app.get().view().drawingPad()));
        }
        if (Boolean.getBoolean("snapshot.fresh")) { // start from random weights (New network)
            Platform.runLater(() -> app.get().model().newNetwork());
            Thread.sleep(300);
        }
        if (trainMillis > 0 && page == WorkbenchView.Page.COMPARE_RUNS) {
            // Both runs of the Compare runs page (first preset), paused after trainMillis.
            AtomicReference<CompareRunsViewModel> compare = new AtomicReference<>();
            Platform.runLater(() -> {
                WorkbenchView view = app.get().view();
                view.pageProperty().set(page);
                view.applyCss();
                view.layout();
                compare.set(((CompareRunsView) view.lookup(".hn-compare-runs")).model());
                compare.get().toggleTraining();
            });
            Thread.sleep(trainMillis);
            Platform.runLater(() -> {
                if (compare.get().phaseProperty().get() == CompareRunsViewModel.Phase.RUNNING) {
                    compare.get().toggleTraining();
                }
            });
        } else if (trainMillis > 0) {
            Platform.runLater(() -> app.get().model().toggleTraining());
            Thread.sleep(trainMillis);
            Platform.runLater(() -> {
                if (app.get().model().phaseProperty().get() == TrainingSessionViewModel.Phase.RUNNING) {
                    app.get().model().toggleTraining();
                }
            });
        }
        Platform.runLater(() -> {
            WorkbenchView view = app.get().view();
            if (unit >= 0) {
                view.hiddenUnitGrid().setSelectedUnit(unit);
            }
            if (ablate && unit >= 0) {
                view.dossierModel().toggleOff(unit);
            }
            view.pageProperty().set(page);
            if (present) {
                view.presentationMode().setActive(true);
                // Headless Monocle has no real full screen: keep the requested size.
                app.get().view().getScene().getWindow().setWidth(width);
                app.get().view().getScene().getWindow().setHeight(height);
            }
        });
        Thread.sleep(page == WorkbenchView.Page.WORKBENCH ? 1200 : 6000); // background analyses
        CountDownLatch written = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                WindowImages.writePng(app.get().view().getScene(), out);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                written.countDown();
            }
        });
        written.await(30, TimeUnit.SECONDS);
        System.out.println("wrote " + out + "; status: " + app.get().model().statusMessageProperty().get()
                + " | error: " + app.get().model().errorMessageProperty().get()
                + " | epoch " + app.get().model().epochProperty().get()
                + " | predicted " + app.get().model().predictedDigitProperty().get());
        Platform.exit();
        System.exit(0);
    }

    /** Two arcs of a "3", in drawing coordinates. */
    static void drawThree(DrawingPad pad) {
        pad.addStroke(List.of(new Point2D(90, 70), new Point2D(120, 50), new Point2D(160, 50),
                new Point2D(185, 75), new Point2D(180, 110), new Point2D(150, 135), new Point2D(125, 140)));
        pad.addStroke(List.of(new Point2D(125, 140), new Point2D(165, 145), new Point2D(190, 175),
                new Point2D(185, 210), new Point2D(155, 232), new Point2D(115, 232), new Point2D(85, 212)));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + LOAD_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            AtomicReference<Boolean> value = new AtomicReference<>(false);
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                value.set(condition.get());
                read.countDown();
            });
            read.await(10, TimeUnit.SECONDS);
            if (value.get()) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
