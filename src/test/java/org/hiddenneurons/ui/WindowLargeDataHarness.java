package org.hiddenneurons.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.LoadProgress;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;

/**
 * The window with a large data set (headless Monocle): opens the app, loads {@code data} the way
 * Open data set does ({@link DatasetLoader#loadSplit}, drawing pipeline measured on the train
 * split, {@link WorkbenchViewModel#useDataset}), trains {@code epochs} epochs with the default
 * settings and prints when the first and the last lesson-paced snapshots (steps inside epoch 1) and
 * the end of the first epoch were shown (wall time since Train; {@code -Dharness.timeline=true}
 * prints every paced step, status message and train loss shown), the status line and the heap used after GC. Not a test (it asserts
 * nothing). Measured for issue 15 §6 (RELIABILITY.md; {@code scripts/bench.sh memory}) with the
 * test classpath in $CP:
 * {@code /usr/bin/time -v java -Xmx1g --add-modules=jdk.incubator.vector -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -cp $CP
 * org.hiddenneurons.ui.WindowLargeDataHarness /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz 1}
 */
public final class WindowLargeDataHarness {

    private WindowLargeDataHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        AtomicReference<HiddenNeuronsApp> app = FrameTimingHarness.startWindow();
        WorkbenchViewModel model = app.get().model();
        Thread.sleep(1000); // the bundled model arrives
        Split split = DatasetLoader.loadSplit(data, LoadProgress.NONE);
        Preprocessor preprocessor = new Preprocessor(Preprocessor.measure(split.train()));
        String opened = WindowLongRunHarness.onFx(() -> {
            model.useDataset(data.getFileName().toString(), split, preprocessor);
            return model.statusMessageProperty().get();
        });
        System.out.println("opened: " + opened);
        // The views' copy of the split (deskewed, blurred) is prepared off the FX thread; Train
        // waits for it (the trainer shares it) unless -Dharness.trainAtOnce=true.
        long openedAt = System.nanoTime();
        while (!Boolean.getBoolean("harness.trainAtOnce")
                && WindowLongRunHarness.onFx(() -> model.inputSteps().preparingProperty().get())) {
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "views' split prepared %.1f s after opening%n", (System.nanoTime() - openedAt) / 1e9);
        long startedAt = System.nanoTime();
        // Wall times (ns since Train) of the first and last paced snapshots shown and of the first epoch's end.
        AtomicLong firstPacedAt = new AtomicLong(-1);
        AtomicLong pacedShownAt = new AtomicLong(-1);
        AtomicInteger pacedSteps = new AtomicInteger();
        AtomicLong firstEpochAt = new AtomicLong(-1);
        WindowLongRunHarness.onFx(() -> {
            model.session().epochProgressProperty().addListener((o, old, now) -> {
                if (now.insideEpoch() && now.epochInProgress() == 1) {
                    firstPacedAt.compareAndSet(-1, System.nanoTime() - startedAt);
                    pacedShownAt.set(System.nanoTime() - startedAt);
                    pacedSteps.set(now.step());
                    if (Boolean.getBoolean("harness.timeline")) {
                        System.out.printf(Locale.ROOT, "  step %d shown at %.2f s%n", now.step(),
                                (System.nanoTime() - startedAt) / 1e9);
                    }
                }
            });
            if (Boolean.getBoolean("harness.timeline")) {
                model.statusMessageProperty().addListener((o, old, now) -> System.out.printf(Locale.ROOT,
                        "  status at %.2f s: %s%n", (System.nanoTime() - startedAt) / 1e9, now));
                model.trainLossProperty().addListener((o, old, now) -> System.out.printf(Locale.ROOT,
                        "  train loss %.4f at %.2f s%n", now.doubleValue(), (System.nanoTime() - startedAt) / 1e9));
            }
            model.epochProperty().addListener((o, old, now) -> {
                if (now.intValue() >= 1) {
                    firstEpochAt.compareAndSet(-1, System.nanoTime() - startedAt);
                }
            });
            model.settings().epochsProperty().set(epochs);
            model.toggleTraining();
            return null;
        });
        double maxHeap = 0;
        while (true) {
            Thread.sleep(500);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            maxHeap = Math.max(maxHeap, (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024));
            boolean idle = WindowLongRunHarness.onFx(() -> model.phaseProperty().get() == TrainingSessionViewModel.Phase.IDLE);
            int epoch = WindowLongRunHarness.onFx(() -> model.epochProperty().get());
            if (idle && epoch >= epochs) {
                break;
            }
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        String status = WindowLongRunHarness.onFx(() -> model.statusMessageProperty().get());
        System.out.printf(Locale.ROOT, "paced snapshots shown from %.1f s to %.1f s (step %d); first epoch shown done at %.1f s%n",
                firstPacedAt.get() / 1e9, pacedShownAt.get() / 1e9, pacedSteps.get(), firstEpochAt.get() / 1e9);
        System.out.printf(Locale.ROOT, "%d epoch(s) in %.1f s; largest heap after GC while training %.0f MiB; status: %s%n",
                epochs, seconds, maxHeap, status);
        WindowLongRunHarness.onFx(() -> {
            app.get().stop();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }
}
