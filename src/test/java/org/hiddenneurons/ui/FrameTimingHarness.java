package org.hiddenneurons.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * Measures what training at full speed does to the FX thread: records the intervals between
 * AnimationTimer pulses while the real window trains for {@value #MEASURE_SECONDS} s and prints
 * p50/p95/max, plus epochs/s with the window open versus the trainer alone (no window).
 * With a second argument {@code alone} it only trains without a window (run each mode in a fresh
 * JVM for a fair comparison: the second run in one JVM inherits the first one's JIT warm-up).
 * Not a test (it asserts nothing). Run with the test classpath; headless:
 * {@code java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw -cp target/classes:target/test-classes:<deps> org.hiddenneurons.ui.FrameTimingHarness}
 */
public final class FrameTimingHarness {

    static final int MEASURE_SECONDS = 10;
    private static final int MAX_FRAMES = 100_000;
    private static final int LONG_RUN_EPOCHS = 100_000;

    private FrameTimingHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : MEASURE_SECONDS;
        if (args.length > 1 && args[1].equals("alone")) {
            trainAlone(seconds);
            System.exit(0);
        }
        long[] intervals = new long[MAX_FRAMES];
        int[] frames = {0};
        long[] last = {0};
        AtomicReference<HiddenNeuronsApp> app = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            HiddenNeuronsApp application = new HiddenNeuronsApp(ViewPreferences.inMemory());
            application.start(new Stage());
            app.set(application);
            started.countDown();
        });
        started.await(60, TimeUnit.SECONDS);
        while (!onFx(() -> app.get().model().dataReadyProperty().get())) {
            Thread.sleep(100);
        }
        AnimationTimer recorder = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0 && frames[0] < MAX_FRAMES) {
                    intervals[frames[0]++] = now - last[0];
                }
                last[0] = now;
            }
        };
        Platform.runLater(() -> {
            app.get().model().settings().epochsProperty().set(LONG_RUN_EPOCHS);
            recorder.start();
            app.get().model().toggleTraining();
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double[] windowRate = new double[1];
        int[] windowEpochs = new int[1];
        onFx(() -> {
            recorder.stop();
            WorkbenchViewModel model = app.get().model();
            windowEpochs[0] = model.epochProperty().get();
            windowRate[0] = model.epochsPerSecondProperty().get();
            model.toggleTraining();
            return null;
        });
        long[] measured = Arrays.copyOf(intervals, frames[0]);
        Arrays.sort(measured);
        NetworkSpec spec = onFx(() -> app.get().model().networkProperty().get().spec());
        TrainingConfig config = app.get().model().settings().configFor(spec).withEpochs(LONG_RUN_EPOCHS);
        System.out.printf(Locale.ROOT, "config: %s%n", config);
        System.out.printf(Locale.ROOT, "window open: %d frames in %d s of training; frame interval p50 %.1f ms, "
                        + "p95 %.1f ms, max %.1f ms; %d epochs, %.1f epochs/s%n",
                measured.length, seconds, millis(percentile(measured, 0.50)), millis(percentile(measured, 0.95)),
                millis(measured.length == 0 ? 0 : measured[measured.length - 1]), windowEpochs[0], windowRate[0]);
        onFx(() -> {
            app.get().stop();
            return null;
        });

        trainAlone(seconds);
        Platform.exit();
        System.exit(0);
    }

    /** Trains the default architecture from random weights for {@code seconds} without a window. */
    private static void trainAlone(int seconds) {
        NetworkSpec spec = WorkbenchViewModel.defaultSpec();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(LONG_RUN_EPOCHS);
        Split split = Split.standard(DigitsImage.loadBundled());
        Network network = WorkbenchViewModel.randomNetwork(spec, config.seed());
        Trainer trainer = new Trainer(config, network, split.train(), split.test());
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            trainer.cancel();
        });
        stopper.setDaemon(true);
        stopper.start();
        TrainingSnapshot headless = trainer.run();
        System.out.printf(Locale.ROOT, "trainer alone: %d epochs in %.1f s, %.1f epochs/s%n", headless.epoch(),
                headless.elapsedSeconds(), headless.epoch() / headless.elapsedSeconds());
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
