package org.hiddenneurons.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import org.hiddenneurons.ui.controls.PredictionBars;

/**
 * What one change costs the renderer: opens the real window (no training running), then repeats
 * each kind of change with pauses between them and reports the render thread's CPU time per
 * change (median and p90), the FX thread's CPU time for handling it, and the wall time until the
 * next two pulses have passed. Not a test (it asserts nothing). Kinds: {@code idle} (no change: what
 * the window costs by itself), {@code drag} (one drag
 * event on the pad: stroke, preprocessing, prediction, unit activations) and {@code step} (one
 * training epoch: a snapshot with weights and numbers — tiles, Θ2, prediction, charts, status — with a
 * digit drawn on the pad, as after a student draws and steps).
 * {@code busy} is a drag on a pad that already holds six long strokes, continuing a long one.
 * {@code -Dharness.only=idle|drag|busy|step} measures (and warms up) one kind only, e.g. under a profiler.
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
        if (only.isEmpty() || only.equals("busy")) {
            BusyPad busy = FrameTimingHarness.onFx(() -> new BusyPad(app.get().view().drawingPad()));
            measure("busy", repeats, busy::dragOnce);
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

    /**
     * A pad that already holds six long strokes, and one long stroke going on across it: each drag
     * continues it (the pad is never cleared), as when a student scribbles. FX thread.
     */
    static final class BusyPad {
        private static final int STROKES = 6;
        private static final int STROKE_POINTS = 40;
        /** Drags across the pad before the path turns back. */
        private static final int DRAGS_PER_CROSSING = 120;
        private final DrawingPad pad;
        private int step;

        BusyPad(DrawingPad pad) {
            this.pad = pad;
            pad.clear();
            double side = pad.getWidth();
            for (int s = 0; s < STROKES; s++) {
                List<Point2D> zigzag = new ArrayList<>();
                for (int i = 0; i <= STROKE_POINTS; i++) {
                    zigzag.add(new Point2D(side * (0.07 + 0.86 * i / STROKE_POINTS),
                            side * (0.1 + 0.14 * s + (i % 2) * 0.07)));
                }
                pad.addStroke(zigzag);
            }
            ComponentFixtures.mouse(pad, MouseEvent.MOUSE_PRESSED, x(0), y(0));
        }

        void dragOnce() {
            step++;
            ComponentFixtures.mouse(pad, MouseEvent.MOUSE_DRAGGED, x(step), y(step));
        }

        /** Back and forth across the pad, in a sine wave. */
        private double x(int at) {
            double t = (at % (2 * DRAGS_PER_CROSSING)) / (double) DRAGS_PER_CROSSING;
            return pad.getWidth() * (0.1 + 0.8 * (t <= 1 ? t : 2 - t));
        }

        private double y(int at) {
            return pad.getHeight() * (0.5 + 0.35 * Math.sin(at * 2 * Math.PI / 20));
        }

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
