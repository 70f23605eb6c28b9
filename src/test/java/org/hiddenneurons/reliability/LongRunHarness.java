package org.hiddenneurons.reliability;

import java.util.Locale;
import org.hiddenneurons.ui.DecimatedSeries;

/**
 * Prints the figures of a long run ({@link LongRun}): heap in use after GC, live threads and chart
 * points every few thousand epochs.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) --add-modules=jdk.incubator.vector \
 *     org.hiddenneurons.reliability.LongRunHarness [epochs, default 20000]
 * </pre>
 */
public final class LongRunHarness {

    private LongRunHarness() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        LongRun.Result result = LongRun.run(epochs, epochs / 10, DecimatedSeries.DEFAULT_CAPACITY);
        System.out.println("epoch\theap used after GC (MiB)\tthreads\tlargest series (points)\tqueued");
        for (LongRun.Sample sample : result.samples()) {
            System.out.printf(Locale.ROOT, "%d\t%.2f\t%d\t%d\t%d%n", sample.epoch(), sample.heapUsedBytes() / 1048576.0,
                    sample.threads(), sample.largestSeriesPoints(), sample.queued());
        }
        System.out.printf(Locale.ROOT, "final: %s at epoch %d, %d snapshots published, %d pulses, %.1f s; "
                        + "threads before %d, after %d; largest series ever %d points (capacity %d)%n",
                result.last().state(), result.last().epoch(), result.snapshotsPublished(), result.pulses(),
                result.seconds(), result.threadsBefore(), result.threadsAfter(), result.maxSeriesPoints(),
                result.seriesCapacity());
    }
}
