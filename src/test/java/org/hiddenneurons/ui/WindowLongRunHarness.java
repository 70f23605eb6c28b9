package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;

/**
 * Long run with the real window open (headless Monocle): opens the app, replaces the digits by
 * their first {@code trainSize}/{@code testSize} samples (so an epoch is short), presses Train for
 * {@code epochs} epochs with the default settings, and every {@code epochs/10} epochs prints the
 * chart point counts, scene-graph nodes, listeners on the view models' observables, live threads
 * and the heap used after GC ({@link WindowProbe}). Not a test (it asserts nothing). Run with the
 * test classpath:
 * {@code java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw -Dprism.text=t2k -cp $CP org.hiddenneurons.ui.WindowLongRunHarness [epochs] [trainSize] [testSize]}
 */
public final class WindowLongRunHarness {

    private static final int DEFAULT_EPOCHS = 20_000;
    private static final int DEFAULT_TRAIN = 200;
    private static final int DEFAULT_TEST = 100;
    private static final int SAMPLES = 10;

    private WindowLongRunHarness() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_EPOCHS;
        int trainSize = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_TRAIN;
        int testSize = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_TEST;
        AtomicReference<HiddenNeuronsApp> app = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            HiddenNeuronsApp application = new HiddenNeuronsApp(ViewPreferences.inMemory());
            Stage window = new Stage();
            application.start(window);
            app.set(application);
            stage.set(window);
            started.countDown();
        });
        started.await(60, TimeUnit.SECONDS);
        WorkbenchViewModel model = app.get().model();
        while (!onFx(() -> model.dataReadyProperty().get())) {
            Thread.sleep(100);
        }
        onFx(() -> {
            Split small = WindowProbe.subset(model.dataProperty().get(), trainSize, testSize);
            model.dataLoaded(small, new Preprocessor(Preprocessor.measure(small.train())), "long run");
            return null;
        });
        Thread.sleep(500); // let the bundled model arrive before training starts from it
        List<WindowProbe.Sample> samples = new ArrayList<>();
        samples.add(WindowProbe.complete(onFx(() -> WindowProbe.onFx(model, stage.get().getScene().getRoot()))));
        long startedAt = System.nanoTime();
        onFx(() -> {
            model.settings().epochsProperty().set(epochs);
            model.toggleTraining();
            return null;
        });
        int next = epochs / SAMPLES;
        while (true) {
            Thread.sleep(50);
            int epoch = onFx(() -> model.epochProperty().get());
            boolean idle = onFx(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE);
            if (epoch >= next || idle) {
                samples.add(WindowProbe.complete(onFx(() -> WindowProbe.onFx(model, stage.get().getScene().getRoot()))));
                next += epochs / SAMPLES;
            }
            if (idle) {
                break;
            }
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        String status = onFx(() -> model.statusMessageProperty().get());
        Thread.sleep(1000); // the pulse timer and workers go idle
        samples.add(WindowProbe.complete(onFx(() -> WindowProbe.onFx(model, stage.get().getScene().getRoot()))));
        System.out.printf(Locale.ROOT, "%d epochs on %d train / %d test digits in %.1f s; status: %s%n", epochs,
                trainSize, testSize, seconds, status);
        System.out.println("epoch\tlargest series\tall points\tnodes\tlisteners\tthreads\theap after GC (MiB)");
        for (WindowProbe.Sample s : samples) {
            System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%d\t%d\t%.1f%n", s.epoch(), s.largestSeries(),
                    s.totalPoints(), s.nodes(), s.listeners(), s.threads(), s.heapMiB());
        }
        onFx(() -> {
            app.get().stop();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        FutureTask<T> task = new FutureTask<>(read);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
