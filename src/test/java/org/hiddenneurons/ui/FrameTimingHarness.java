package org.hiddenneurons.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.controls.PredictionBars;

/**
 * Measures what training at full speed does to the window. Not a test (it asserts nothing).
 *
 * <p>{@code window} mode opens the real window, waits until the startup work (data, pre-trained
 * model, logistic-regression baseline) has settled, presses Train and for {@code seconds} records:
 * the interval between AnimationTimer pulses (p50/p95/p99/max), epochs/s by the trainer's clock,
 * the CPU time per frame of each thread (FX thread, renderer, trainer, cost-function workers) and
 * how much of the FX thread's time went to handing snapshots to the view model and views (our code;
 * the rest is JavaFX's CSS, layout and scene-graph sync), and the FX and render threads' CPU time per
 * frame as a distribution ({@link FrameCpu}: unlike the interval, nearly independent of the machine's
 * load). Rendering is Prism's software pipeline ({@code -Dprism.order=sw}) on Monocle's headless
 * screen, the slowest path a classroom machine without GPU drivers takes. Before Train it draws a digit on the pad, so
 * every snapshot also updates the prediction and the tiles' activations. Twice a second it also drags on
 * the drawing pad and times the drag event until the prediction bars hold the new output.
 * {@code alone} mode trains the same configuration without a window, publishing as the CLI does.
 * Run each mode in a fresh JVM (a second run in one JVM inherits the JIT warm-up), alternately:
 * <pre>
 * java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless \
 *   -Dprism.order=sw -Dprism.text=t2k -cp target/classes:target/test-classes:&lt;deps&gt; \
 *   org.hiddenneurons.ui.FrameTimingHarness [seconds [window|alone [publishMillis]]]
 * </pre>
 * {@code publishMillis} overrides the window's publish interval ({@link FxTrainingAdapter#PUBLISH_INTERVAL_MILLIS})
 * or, alone, the trainer's (default {@value #CLI_PUBLISH_INTERVAL_MILLIS}, the CLI's progress interval).
 */
public final class FrameTimingHarness {

    static final int MEASURE_SECONDS = 10;
    /** System property: seconds of training before measuring starts (default 0: measure from Train on). */
    static final String WARM_UP_PROPERTY = "harness.warmUpSeconds";
    /** The CLI's {@code train} progress interval ({@code cli.TrainCommand.PROGRESS_INTERVAL_MILLIS}). */
    static final long CLI_PUBLISH_INTERVAL_MILLIS = 250;
    private static final int MAX_FRAMES = 100_000;
    private static final int LONG_RUN_EPOCHS = 100_000;
    private static final String BACKGROUND_PREFIX = "hn-";
    private static final int SETTLE_CHECKS = 3;
    private static final long SETTLE_CHECK_MILLIS = 200;
    private static final long SETTLE_TIMEOUT_MILLIS = 60_000;
    /**
     * A drag on the pad every this many ms while measuring ({@code -Dharness.dragEveryMillis};
     * 0 = no drags: frames under training alone, the issue's condition).
     */
    private static final long DRAG_EVERY_MILLIS = Long.getLong("harness.dragEveryMillis", 500);
    private static final int MAX_DRAGS = 1_000;

    /** CPU cores this process used during the measured seconds (set by each mode). */
    private static double coresUsed;

    private FrameTimingHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : MEASURE_SECONDS;
        boolean alone = args.length > 1 && args[1].equals("alone");
        Long publishMillis = args.length > 2 ? Long.valueOf(args[2]) : null;
        double loadBefore = loadAverage();
        if (alone) {
            trainAlone(seconds, publishMillis == null ? CLI_PUBLISH_INTERVAL_MILLIS : publishMillis);
        } else {
            measureWindow(seconds, publishMillis);
        }
        System.out.printf(Locale.ROOT, "load average (1 min): %.2f before, %.2f after, on %d cores; "
                        + "this process used %.2f cores while training%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors(), coresUsed);
        System.exit(0);
    }

    /** Starts the FX platform and the real window, and waits until its data are loaded. */
    static AtomicReference<HiddenNeuronsApp> startWindow() throws Exception {
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
        return app;
    }

    /**
     * {@code -Dharness.page=compare}: the Compare runs page (two runs at once, each on its own
     * trainer thread) instead of the workbench; each pair of runs is started again when it ends.
     */
    static final boolean COMPARE_PAGE = "compare".equals(System.getProperty("harness.page"));

    /** Keeps the Compare runs page's two runs training until {@code end} (System.nanoTime). */
    private static void trainComparedRuns(AtomicReference<HiddenNeuronsApp> app, long end) throws Exception {
        CompareRunsViewModel compare = onFx(() -> {
            app.get().view().pageProperty().set(WorkbenchView.Page.COMPARE_RUNS);
            app.get().view().applyCss();
            app.get().view().layout();
            return ((CompareRunsView) app.get().view().lookup(".hn-compare-runs")).model();
        });
        while (System.nanoTime() < end) {
            onFx(() -> {
                if (compare.phaseProperty().get() != CompareRunsViewModel.Phase.RUNNING) {
                    compare.toggleTraining();
                }
                return null;
            });
            Thread.sleep(50);
        }
        onFx(() -> {
            compare.restart();
            return null;
        });
    }

    private static void measureWindow(int seconds, Long publishMillis) throws Exception {
        AtomicReference<HiddenNeuronsApp> app = startWindow();
        if (COMPARE_PAGE) {
            double settled = waitForQuietProcess();
            long[] intervals = new long[MAX_FRAMES];
            int[] frames = {0};
            long[] last = {0};
            FrameCpu frameCpu = FrameCpu.forRenderer();
            AnimationTimer recorder = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0 && frames[0] < MAX_FRAMES) {
                        intervals[frames[0]++] = now - last[0];
                    }
                    last[0] = now;
                    frameCpu.tick();
                }
            };
            int warmUp = Integer.getInteger(WARM_UP_PROPERTY, 0);
            trainComparedRuns(app, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp));
            onFx(() -> {
                recorder.start();
                return null;
            });
            trainComparedRuns(app, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            onFx(() -> {
                recorder.stop();
                return null;
            });
            long[] measured = Arrays.copyOf(intervals, frames[0]);
            Arrays.sort(measured);
            int count = Math.max(1, measured.length);
            System.out.printf(Locale.ROOT, "compare page: settled after %.1f s; %d frames; frame interval p50 %.1f ms,"
                            + " p95 %.1f ms, p99 %.1f ms%n", settled, measured.length,
                    measured[count / 2] / 1e6, measured[(int) (count * 0.95)] / 1e6, measured[(int) (count * 0.99)] / 1e6);
            System.out.printf(Locale.ROOT, "frame intervals by length: %s%n", histogram(measured));
            frameCpu.print();
            return;
        }
        double settleSeconds = waitForQuietProcess();
        FxTrainingAdapter adapter = app.get().adapter();
        if (publishMillis != null) {
            adapter.setPublishIntervalMillis(publishMillis);
        }
        long publishInterval = publishMillis != null ? publishMillis : FxTrainingAdapter.PUBLISH_INTERVAL_MILLIS;

        long[] intervals = new long[MAX_FRAMES];
        int[] frames = {0};
        long[] last = {0};
        FrameCpu frameCpu = FrameCpu.forRenderer();
        AnimationTimer recorder = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0 && frames[0] < MAX_FRAMES) {
                    intervals[frames[0]++] = now - last[0];
                }
                last[0] = now;
                frameCpu.tick();
            }
        };
        Drags drags = new Drags(app.get().view());
        // A digit on the pad, as when a student draws and then presses Train: every snapshot then also
        // updates the prediction and the tiles' activations.
        onFx(() -> {
            drags.drawStroke();
            return null;
        });
        long[] deliveryBefore = new long[2];
        Map<String, Long> cpuBefore = threadCpuNanos();
        long processCpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        int warmUpSeconds = Integer.getInteger(WARM_UP_PROPERTY, 0);
        if (warmUpSeconds > 0) {
            // Train first, unmeasured, so the figures describe the steady state after the JIT's warm-up.
            onFx(() -> {
                app.get().model().settings().epochsProperty().set(LONG_RUN_EPOCHS);
                app.get().model().toggleTraining();
                return null;
            });
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmUpSeconds));
            cpuBefore = threadCpuNanos();
            processCpuBefore = processCpuNanos();
            wallBefore = System.nanoTime();
        }
        int epochsBefore = onFx(() -> app.get().model().epochProperty().get());
        onFx(() -> {
            adapter.setDeliveryClock(ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
            deliveryBefore[0] = adapter.deliveryNanos();
            deliveryBefore[1] = adapter.deliveries();
            recorder.start();
            if (warmUpSeconds == 0) {
                app.get().model().settings().epochsProperty().set(LONG_RUN_EPOCHS);
                app.get().model().toggleTraining();
            }
            return null;
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            Thread.sleep(DRAG_EVERY_MILLIS > 0 ? Math.min(DRAG_EVERY_MILLIS, left) : left);
            if (DRAG_EVERY_MILLIS > 0 && System.nanoTime() < end) {
                Platform.runLater(drags::dragOnce);
            }
        }
        double[] rate = new double[1];
        int[] epochs = new int[1];
        long[] delivery = new long[2];
        onFx(() -> {
            recorder.stop();
            WorkbenchViewModel model = app.get().model();
            epochs[0] = model.epochProperty().get() - epochsBefore;
            rate[0] = model.epochsPerSecondProperty().get();
            delivery[0] = adapter.deliveryNanos() - deliveryBefore[0];
            delivery[1] = adapter.deliveries() - deliveryBefore[1];
            model.toggleTraining();
            return null;
        });
        coresUsed = (processCpuNanos() - processCpuBefore) / (double) (System.nanoTime() - wallBefore);
        Map<String, Long> cpu = difference(threadCpuNanos(), cpuBefore);
        long[] measured = Arrays.copyOf(intervals, frames[0]);
        Arrays.sort(measured);
        int frameCount = Math.max(1, measured.length);

        NetworkSpec spec = onFx(() -> app.get().model().networkProperty().get().spec());
        TrainingConfig config = app.get().model().settings().configFor(spec).withEpochs(LONG_RUN_EPOCHS);
        System.out.printf(Locale.ROOT, "config: %s%n", config);
        System.out.printf(Locale.ROOT, "startup settled after %.1f s; then trained %d s unmeasured and %d s measured "
                + "with the window open, publishing every %d ms (0 = every epoch)%n", settleSeconds,
                Integer.getInteger(WARM_UP_PROPERTY, 0), seconds, publishInterval);
        System.out.printf(Locale.ROOT, "frame interval: %d frames, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                measured.length, millis(percentile(measured, 0.50)), millis(percentile(measured, 0.95)),
                millis(percentile(measured, 0.99)), millis(measured.length == 0 ? 0 : measured[measured.length - 1]));
        System.out.printf(Locale.ROOT, "frame intervals by length: %s%n", histogram(measured));
        System.out.printf(Locale.ROOT, "training, window open: %d epochs measured, %.1f epochs/s over the measured "
                + "seconds (%.1f since Train, trainer's clock)%n", epochs[0], epochs[0] / (double) seconds, rate[0]);
        System.out.printf(Locale.ROOT, "FX thread: %.2f ms CPU per frame, of which %.2f ms handing snapshots to the "
                        + "view model and views (%d hand-overs, %.2f ms CPU each)%n",
                millis(sumMatching(cpu, "Event Thread", "JavaFX Application Thread") / frameCount),
                millis(delivery[0] / frameCount), delivery[1], delivery[1] == 0 ? 0 : millis(delivery[0] / delivery[1]));
        System.out.printf(Locale.ROOT, "CPU per frame by thread (ms): %s%n", perFrame(cpu, frameCount));
        frameCpu.print();
        drags.print();
        onFx(() -> {
            app.get().stop();
            return null;
        });
        Platform.exit();
    }

    /** Trains the default architecture from random weights for {@code seconds} without a window. */
    private static void trainAlone(int seconds, long publishMillis) {
        NetworkSpec spec = WorkbenchViewModel.defaultSpec();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(LONG_RUN_EPOCHS);
        Split split = Split.standard(DigitsImage.loadBundled());
        Network network = WorkbenchViewModel.randomNetwork(spec, config.seed());
        Trainer trainer = new Trainer(config, network, split.train(), split.test());
        trainer.setPublishIntervalMillis(publishMillis);
        int warmUpSeconds = Integer.getInteger(WARM_UP_PROPERTY, 0);
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        AtomicReference<TrainingSnapshot> firstMeasured = new AtomicReference<>();
        trainer.addListener(snapshot -> {
            if (System.nanoTime() >= measureFrom) {
                firstMeasured.compareAndSet(null, snapshot);
            }
        });
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmUpSeconds + seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            trainer.cancel();
        });
        stopper.setDaemon(true);
        stopper.start();
        long processCpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        TrainingSnapshot headless = trainer.run();
        coresUsed = (processCpuNanos() - processCpuBefore) / (double) (System.nanoTime() - wallBefore);
        System.out.printf(Locale.ROOT, "config: %s%n", config);
        System.out.printf(Locale.ROOT, "training alone (no window, publishing every %d ms): %d epochs in %.1f s, "
                + "%.1f epochs/s (trainer's clock)%n", publishMillis, headless.epoch(), headless.elapsedSeconds(),
                headless.epoch() / headless.elapsedSeconds());
        TrainingSnapshot first = firstMeasured.get();
        if (warmUpSeconds > 0 && first != null) {
            int epochs = headless.epoch() - first.epoch();
            double elapsed = headless.elapsedSeconds() - first.elapsedSeconds();
            System.out.printf(Locale.ROOT, "after %d s of warm-up: %d epochs in %.1f s, %.1f epochs/s%n",
                    warmUpSeconds, epochs, elapsed, epochs / elapsed);
        }
    }

    /**
     * Drags across the drawing pad (a press, then one drag event per call, then a release after a
     * stroke) and times each drag event until the prediction bars hold the new network output;
     * the next pulse then shows it.
     */
    static final class Drags {
        private static final int POINTS_PER_STROKE = 12;
        private static final double ARC_RADIANS = 1.8 * Math.PI;
        private final DrawingPad pad;
        private final PredictionBars bars;
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        private final long[] nanos = new long[MAX_DRAGS];
        private final long[] cpuNanos = new long[MAX_DRAGS];
        private int count;
        private int changed;
        private int point;

        Drags(WorkbenchView view) throws Exception {
            this.pad = onFx(() -> (DrawingPad) view.lookup("#" + WorkbenchView.DRAWING_PAD_ID));
            this.bars = onFx(view::predictionBars);
        }

        /** FX thread. */
        void dragOnce() {
            if (count >= MAX_DRAGS) {
                return;
            }
            if (point == 0) {
                pad.clear(); // each stroke on an empty pad, so every drag changes the digit
                fire(MouseEvent.MOUSE_PRESSED, x(0), y(0));
                point++;
            }
            double x = x(point);
            double y = y(point);
            double[] before = bars.getProbabilities();
            long startedAt = System.nanoTime();
            long cpuStartedAt = CPU.getCurrentThreadCpuTime();
            fire(MouseEvent.MOUSE_DRAGGED, x, y);
            double[] after = bars.getProbabilities();
            cpuNanos[count] = CPU.getCurrentThreadCpuTime() - cpuStartedAt;
            nanos[count++] = System.nanoTime() - startedAt;
            if (!Arrays.equals(before, after)) {
                changed++;
            }
            if (++point > POINTS_PER_STROKE) {
                fire(MouseEvent.MOUSE_RELEASED, x, y);
                point = 0;
            }
        }

        /** FX thread. Draws one whole stroke on an empty pad (press, drags, release), untimed. */
        void drawStroke() {
            pad.clear();
            fire(MouseEvent.MOUSE_PRESSED, x(0), y(0));
            for (int i = 1; i <= POINTS_PER_STROKE; i++) {
                fire(MouseEvent.MOUSE_DRAGGED, x(i), y(i));
            }
            fire(MouseEvent.MOUSE_RELEASED, x(POINTS_PER_STROKE), y(POINTS_PER_STROKE));
        }

        /** Points on most of a circle (a curve: a straight line would look the same to the network at every length). */
        private double x(int index) {
            return pad.getWidth() * (0.5 + 0.3 * Math.cos(ARC_RADIANS * index / POINTS_PER_STROKE));
        }

        private double y(int index) {
            return pad.getHeight() * (0.5 + 0.3 * Math.sin(ARC_RADIANS * index / POINTS_PER_STROKE));
        }

        private void fire(javafx.event.EventType<MouseEvent> type, double x, double y) {
            ComponentFixtures.mouse(pad, type, x, y);
        }

        void print() {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            long[] cpuSorted = Arrays.copyOf(cpuNanos, count);
            Arrays.sort(cpuSorted);
            System.out.printf(Locale.ROOT, "drag -> prediction bars: %d drags during training, %d changed the bars "
                            + "within the drag event (shown by the next pulse); handling the event took p50 %.2f ms, "
                            + "max %.2f ms (FX thread CPU: p50 %.2f ms, max %.2f ms)%n",
                    count, changed, millis(percentile(sorted, 0.50)), millis(count == 0 ? 0 : sorted[count - 1]),
                    millis(percentile(cpuSorted, 0.50)), millis(count == 0 ? 0 : cpuSorted[count - 1]));
        }
    }

    /**
     * CPU time per frame of the FX thread and of the render thread, from one AnimationTimer pulse to
     * the next: unlike the frame interval, it hardly depends on what else the machine runs, so it
     * tells whether a frame's own work fits in 16.7 ms (the FX thread prepares frame n+1 while the
     * render thread paints frame n; with the trainer on one of 2 cores they share the other).
     */
    static final class FrameCpu {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        private static final String RENDER_THREAD = "QuantumRenderer-0";
        private final long renderId;
        private final long[] fxNanos = new long[MAX_FRAMES];
        private final long[] renderNanos = new long[MAX_FRAMES];
        private final long[] bothNanos = new long[MAX_FRAMES];
        private long fxBefore = -1;
        private long renderBefore;
        private int count;

        private FrameCpu(long renderId) {
            this.renderId = renderId;
        }

        static FrameCpu forRenderer() {
            for (java.lang.management.ThreadInfo info : CPU.dumpAllThreads(false, false)) {
                if (info.getThreadName().equals(RENDER_THREAD)) {
                    return new FrameCpu(info.getThreadId());
                }
            }
            throw new IllegalStateException("no thread " + RENDER_THREAD);
        }

        /** FX thread, once per pulse. */
        void tick() {
            long fx = CPU.getCurrentThreadCpuTime();
            long render = CPU.getThreadCpuTime(renderId);
            if (fxBefore >= 0 && count < MAX_FRAMES) {
                fxNanos[count] = fx - fxBefore;
                renderNanos[count] = render - renderBefore;
                bothNanos[count] = fxNanos[count] + renderNanos[count];
                count++;
            }
            fxBefore = fx;
            renderBefore = render;
        }

        void print() {
            System.out.printf(Locale.ROOT, "CPU per frame (ms, p50/p95/p99/max): FX thread %s, render thread %s, "
                    + "both %s; frames whose FX + render CPU > 16.7 ms: %d of %d%n", spread(fxNanos), spread(renderNanos),
                    spread(bothNanos), Arrays.stream(bothNanos, 0, count).filter(n -> n > 16_700_000).count(), count);
        }

        private String spread(long[] values) {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%.1f/%.1f/%.1f/%.1f", millis(percentile(sorted, 0.50)),
                    millis(percentile(sorted, 0.95)), millis(percentile(sorted, 0.99)),
                    millis(count == 0 ? 0 : sorted[count - 1]));
        }
    }

    /**
     * Waits until the app's startup background threads (names starting {@value #BACKGROUND_PREFIX})
     * have been idle for {@value #SETTLE_CHECKS} checks in a row:
     * the logistic-regression baseline the window computes after loading is not part of training.
     * @return seconds waited
     */
    static double waitForQuietProcess() throws InterruptedException {
        long startedAt = System.nanoTime();
        int quietChecks = 0;
        while (quietChecks < SETTLE_CHECKS
                && System.nanoTime() - startedAt < TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MILLIS)) {
            Thread.sleep(SETTLE_CHECK_MILLIS);
            boolean busy = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> (t.getName().startsWith(BACKGROUND_PREFIX))
                            && t.getState() == Thread.State.RUNNABLE);
            quietChecks = busy ? 0 : quietChecks + 1;
        }
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** CPU nanoseconds used so far by each live thread, keyed by name (same names summed). */
    private static Map<String, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (nanos >= 0 && info != null) {
                byName.merge(info.getThreadName(), nanos, Long::sum);
            }
        }
        return byName;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((name, nanos) -> {
            long delta = nanos - before.getOrDefault(name, 0L);
            if (delta > 0) {
                used.put(name, delta);
            }
        });
        return used;
    }

    private static long sumMatching(Map<String, Long> cpu, String... names) {
        long sum = 0;
        for (String name : names) {
            sum += cpu.getOrDefault(name, 0L);
        }
        return sum;
    }

    /** Threads that used at least 0.05 ms per frame, busiest first. */
    private static String perFrame(Map<String, Long> cpu, int frames) {
        StringBuilder out = new StringBuilder();
        cpu.entrySet().stream()
                .filter(e -> e.getValue() / frames >= 50_000)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", millis(e.getValue() / frames))));
        return out.toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Upper bounds (ms) of the frame-interval histogram: one vsync, a late frame, two vsyncs, three, more. */
    private static final double[] HISTOGRAM_MS = {17, 25, 34, 50};

    /** "≤ 17 ms: n (x %), 17–25 ms: …" over sorted intervals. */
    private static String histogram(long[] sorted) {
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (int bucket = 0; bucket <= HISTOGRAM_MS.length; bucket++) {
            double upper = bucket < HISTOGRAM_MS.length ? HISTOGRAM_MS[bucket] : Double.POSITIVE_INFINITY;
            int to = from;
            while (to < sorted.length && millis(sorted[to]) <= upper) {
                to++;
            }
            String range = bucket == 0 ? "<= " + (int) upper + " ms"
                    : bucket < HISTOGRAM_MS.length ? (int) HISTOGRAM_MS[bucket - 1] + "-" + (int) upper + " ms"
                    : "> " + (int) HISTOGRAM_MS[bucket - 1] + " ms";
            text.append(bucket == 0 ? "" : ", ").append(range).append(": ").append(to - from)
                    .append(String.format(Locale.ROOT, " (%.1f %%)", 100.0 * (to - from) / Math.max(1, sorted.length)));
            from = to;
        }
        return text.toString();
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

    static <T> T onFx(Callable<T> read) throws Exception {
        FutureTask<T> task = new FutureTask<>(read);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
