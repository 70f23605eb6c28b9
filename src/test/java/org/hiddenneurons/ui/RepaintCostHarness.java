package org.hiddenneurons.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * What one change costs the renderer: opens the real window (no training running), then repeats
 * each kind of change with pauses between them and reports the render thread's CPU time per
 * change (median and p90), the FX thread's CPU time for handling it, and the wall time until the
 * next two pulses have passed. Not a test (it asserts nothing). Kinds: {@code idle} (no change: what
 * the window costs by itself), {@code drag} (one drag
 * event on the pad: stroke, preprocessing, prediction, unit activations) and {@code step} (one
 * training epoch: a snapshot with weights and numbers — tiles, Θ2, prediction, charts, status — with a
 * digit drawn on the pad, as after a student draws and steps).
 * {@code -Dharness.only=idle|drag|step} measures (and warms up) one kind only, e.g. under a profiler.
 * <pre>
 * java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless \
 *   -Dprism.order=sw -Dprism.text=t2k -cp target/classes:target/test-classes:&lt;deps&gt; \
 *   org.hiddenneurons.ui.RepaintCostHarness [repeats]
 * </pre>
 */
public final class RepaintCostHarness {

    private static final int DEFAULT_REPEATS = 40;
    /** Time for a change's pulse and render to finish before the next change. */
    private static final long SETTLE_MILLIS = 150;
    private static final String RENDER_THREAD = "QuantumRenderer-0";
    private static final String FX_THREAD = "JavaFX Application Thread";

    private RepaintCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_REPEATS;
        AtomicReference<HiddenNeuronsApp> app = FrameTimingHarness.startWindow();
        FrameTimingHarness.waitForQuietProcess();
        FrameTimingHarness.Drags drags = new FrameTimingHarness.Drags(app.get().view());
        String only = System.getProperty("harness.only", "");
        // A digit on the pad, so a step also updates the prediction and the tiles' activations.
        FrameTimingHarness.onFx(() -> {
            drags.drawStroke();
            return null;
        });
        // Warm up the measured kinds (JIT), unmeasured.
        for (int i = 0; i < repeats; i++) {
            FrameTimingHarness.onFx(() -> {
                if (!only.equals("step")) {
                    drags.dragOnce();
                }
                if (!only.equals("drag")) {
                    app.get().model().step();
                }
                return null;
            });
            Thread.sleep(SETTLE_MILLIS / 3);
        }
        if (only.isEmpty() || only.equals("idle")) {
            measure("idle", repeats, () -> { });
        }
        if (only.isEmpty() || only.equals("drag")) {
            measure("drag", repeats, () -> drags.dragOnce());
        }
        if (only.isEmpty() || only.equals("step")) {
            FrameTimingHarness.onFx(() -> {
                drags.drawStroke();
                // As while training: the bars jump to each snapshot's values instead of easing.
                PredictionBars bars = app.get().view().predictionBars();
                bars.animatedProperty().unbind();
                bars.setAnimated(false);
                return null;
            });
            measure("step", repeats, () -> app.get().model().step());
        }
        Platform.exit();
        System.exit(0);
    }

    private static void measure(String kind, int repeats, Runnable change) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderId = threadId(RENDER_THREAD);
        long fxId = threadId(FX_THREAD);
        long[] render = new long[repeats];
        long[] fx = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            Thread.sleep(SETTLE_MILLIS);
            long renderBefore = threads.getThreadCpuTime(renderId);
            long fxBefore = threads.getThreadCpuTime(fxId);
            FrameTimingHarness.onFx(() -> {
                change.run();
                return null;
            });
            Thread.sleep(SETTLE_MILLIS);
            render[i] = threads.getThreadCpuTime(renderId) - renderBefore;
            fx[i] = threads.getThreadCpuTime(fxId) - fxBefore;
        }
        Arrays.sort(render);
        Arrays.sort(fx);
        System.out.printf(Locale.ROOT, "%-5s render thread CPU per change: median %.2f ms, p90 %.2f ms; "
                        + "FX thread (handling, CSS, layout, sync) median %.2f ms, p90 %.2f ms%n", kind,
                millis(render[repeats / 2]), millis(render[repeats * 9 / 10]),
                millis(fx[repeats / 2]), millis(fx[repeats * 9 / 10]));
    }

    private static long threadId(String name) {
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info.getThreadName().equals(name)) {
                return info.getThreadId();
            }
        }
        throw new IllegalStateException("no thread " + name);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
