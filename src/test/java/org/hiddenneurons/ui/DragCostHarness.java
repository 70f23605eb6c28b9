package org.hiddenneurons.ui;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;

/**
 * What a drag on the pad costs the FX thread with the dossier open (the Hidden-unit page: pad,
 * prediction, unit picker tiles, dossier and explanation all follow the drawing). Opens the real
 * window (no training), waits until the startup work has settled, then measures two kinds, each
 * {@code repeats} times after as many unmeasured warm-up rounds. Not a test (it asserts nothing).
 * <ul>
 *   <li>{@code event}: one drag event, alone in its frame (the slowest case: nothing to coalesce);
 *       bytes allocated and CPU time of the FX thread while the event is handled.</li>
 *   <li>{@code burst}: {@value #BURST} drag events in one frame, as a fast mouse reports them, plus
 *       the next two pulses (where coalesced work runs, with CSS, layout and scene sync); bytes
 *       allocated and CPU time of the FX thread from the first event until those pulses are over.</li>
 * </ul>
 * <pre>
 * java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless \
 *   -Dprism.order=sw -Dprism.text=t2k -cp target/classes:target/test-classes:&lt;deps&gt; \
 *   [-Dharness.penWidth=10] org.hiddenneurons.ui.DragCostHarness [repeats]
 * </pre>
 */
public final class DragCostHarness {

    private static final int DEFAULT_REPEATS = 60;
    /** Drag events per frame in the {@code burst} kind (a 250 Hz mouse at 60 frames per second). */
    private static final int BURST = 4;
    /** Time for a change's pulses to finish before the next change. */
    private static final long SETTLE_MILLIS = 120;
    /**
     * The pad's pen width in drawing pixels ({@code -Dharness.penWidth}; 0 = the pad's default 28):
     * 10, the slider's thinnest, draws strokes the preprocessor thickens ({@code data.StrokeWidth}).
     */
    private static final double PEN_WIDTH = Double.parseDouble(System.getProperty("harness.penWidth", "0"));
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DragCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_REPEATS;
        AtomicReference<HiddenNeuronsApp> app = FrameTimingHarness.startWindow();
        FrameTimingHarness.onFx(() -> {
            app.get().view().pageProperty().set(WorkbenchView.Page.HIDDEN_UNIT);
            if (PEN_WIDTH > 0) {
                app.get().view().drawingPad().setPenWidth(PEN_WIDTH);
            }
            return null;
        });
        FrameTimingHarness.waitForQuietProcess();
        FrameTimingHarness.Drags drags = new FrameTimingHarness.Drags(app.get().view());
        long fxThread = FrameTimingHarness.onFx(() -> Thread.currentThread().getId());

        long[][] event = new long[2][repeats];
        int[] eventsAtOnce = new int[1];
        int[] predictions = new int[1];
        FrameTimingHarness.onFx(() -> {
            app.get().model().probabilitiesProperty().addListener((o, old, now) -> predictions[0]++);
            return null;
        });
        long[][] burst = new long[2][repeats];
        for (int round = 0; round < 2; round++) { // round 0 warms up (JIT), round 1 measures
            boolean measured = round == 1;
            for (int i = 0; i < repeats; i++) {
                int index = i;
                FrameTimingHarness.onFx(() -> {
                    long bytes = THREADS.getCurrentThreadAllocatedBytes();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    int predictionsBefore = predictions[0];
                    drags.dragOnce();
                    if (measured && predictions[0] > predictionsBefore) {
                        eventsAtOnce[0]++;
                    }
                    if (measured) {
                        event[0][index] = THREADS.getCurrentThreadAllocatedBytes() - bytes;
                        event[1][index] = THREADS.getCurrentThreadCpuTime() - cpu;
                    }
                    return null;
                });
                Thread.sleep(SETTLE_MILLIS);
            }
            for (int i = 0; i < repeats; i++) {
                long bytes = THREADS.getThreadAllocatedBytes(fxThread);
                long cpu = THREADS.getThreadCpuTime(fxThread);
                FrameTimingHarness.onFx(() -> {
                    for (int k = 0; k < BURST; k++) {
                        drags.dragOnce();
                    }
                    return null;
                });
                awaitPulses(2);
                if (measured) {
                    burst[0][i] = THREADS.getThreadAllocatedBytes(fxThread) - bytes;
                    burst[1][i] = THREADS.getThreadCpuTime(fxThread) - cpu;
                }
                Thread.sleep(SETTLE_MILLIS);
            }
        }
        System.out.printf(Locale.ROOT, "drag with the dossier open, pen %s, %d repeats; load average (1 min) %.1f on %d cores%n",
                PEN_WIDTH > 0 ? PEN_WIDTH + " px" : "default", repeats, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        report("event (one drag event alone in its frame)", event);
        System.out.printf(Locale.ROOT, "event: %d of %d drag events changed the prediction (view model) within the event%n",
                eventsAtOnce[0], repeats);
        report("burst (" + BURST + " drag events in one frame + the next 2 pulses)", burst);
        System.exit(0);
    }

    private static void report(String kind, long[][] samples) {
        long[] bytes = samples[0].clone();
        long[] cpu = samples[1].clone();
        Arrays.sort(bytes);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: FX thread allocated p50 %.0f KB, p90 %.0f KB; CPU p50 %.2f ms, p90 %.2f ms%n",
                kind, bytes[bytes.length / 2] / 1024.0, bytes[bytes.length * 9 / 10] / 1024.0,
                cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 9 / 10] / 1e6);
    }

    /** Waits until {@code count} more pulses have run on the FX thread. */
    private static void awaitPulses(int count) throws Exception {
        CountDownLatch pulses = new CountDownLatch(count);
        AnimationTimer[] timer = new AnimationTimer[1];
        FrameTimingHarness.onFx(() -> {
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.countDown();
                    if (pulses.getCount() == 0) {
                        stop();
                    }
                }
            };
            timer[0].start();
            return null;
        });
        if (!pulses.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no pulses");
        }
    }
}
