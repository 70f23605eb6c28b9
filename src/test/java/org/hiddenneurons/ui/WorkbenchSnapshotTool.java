package org.hiddenneurons.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Renders the real workbench window to a PNG, headless (Monocle), to look at it.
 * Not a test. Run with the test classpath and the Monocle flags, e.g.
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp … \
 * org.hiddenneurons.ui.WorkbenchSnapshotTool out.png 1280 800 light [trainMillis]}.
 */
public final class WorkbenchSnapshotTool {

    private WorkbenchSnapshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        double height = Double.parseDouble(args[2]);
        Themes.Theme theme = Themes.Theme.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
        long trainMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<HiddenNeuronsApp> app = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                HiddenNeuronsApp application = new HiddenNeuronsApp();
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
        Thread.sleep(2500); // data and model load in the background
        if (trainMillis > 0) {
            Platform.runLater(() -> app.get().model().toggleTraining());
            Thread.sleep(trainMillis);
            Platform.runLater(() -> app.get().model().toggleTraining());
            Thread.sleep(300);
        }
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
                + " | error: " + app.get().model().errorMessageProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
