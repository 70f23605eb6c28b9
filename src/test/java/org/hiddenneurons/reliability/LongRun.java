package org.hiddenneurons.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.DecimatedSeries;

/**
 * A long training run wired like the app: the trainer publishes every epoch on its thread; the
 * listener keeps the latest snapshot in an {@link AtomicReference} and the numbers of every epoch
 * in a queue (as the UI adapter does); a "pulse" thread drains both every
 * {@value #PULSE_MILLIS} ms into four {@link DecimatedSeries} (train/test loss and accuracy), as
 * the chart view model does. Every {@code measureEvery} epochs the pulse thread runs
 * {@link System#gc()} and records the heap in use and the live thread count.
 */
final class LongRun {

    /** About one frame at 60 Hz. */
    static final long PULSE_MILLIS = 16;
    static final int TRAIN_SAMPLES = 50;
    static final int TEST_SAMPLES = 20;

    /** One measurement. */
    record Sample(int epoch, long heapUsedBytes, int threads, int largestSeriesPoints, int queued) {
    }

    /** What a long run left behind. */
    record Result(TrainingSnapshot last, List<Sample> samples, int threadsBefore, int threadsAfter,
                  int maxSeriesPoints, int seriesCapacity, long snapshotsPublished, long pulses, double seconds) {
    }

    private LongRun() {
    }

    static Result run(int epochs, int measureEvery, int seriesCapacity) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Split data = TrainingRuns.tinySplit(TRAIN_SAMPLES, TEST_SAMPLES);
        TrainingConfig config = TrainingRuns.tinyConfig(OptimizerKind.ADAM, 0.01, 1.0, epochs);
        System.gc();
        int threadsBefore = threads.getThreadCount();
        long started = System.nanoTime();

        Trainer trainer = TrainingRuns.trainer(config, data);
        trainer.setPublishIntervalMillis(0);
        AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
        ConcurrentLinkedQueue<double[]> numbers = new ConcurrentLinkedQueue<>();
        long[] published = new long[1];
        trainer.addListener(snapshot -> {
            latest.set(snapshot);
            numbers.add(new double[] {snapshot.epoch(), snapshot.trainLoss(), snapshot.testLoss(),
                snapshot.trainAccuracy(), snapshot.testAccuracy()});
            published[0]++;
        });
        DecimatedSeries[] series = new DecimatedSeries[4];
        for (int i = 0; i < series.length; i++) {
            series[i] = new DecimatedSeries(seriesCapacity);
        }
        List<Sample> samples = new ArrayList<>();
        int[] maxPoints = new int[1];
        long[] pulses = new long[1];
        AtomicBoolean trainingDone = new AtomicBoolean();
        TrainingRuns.BackgroundRun run = new TrainingRuns.BackgroundRun(trainer, "long-run-trainer");
        Thread pulse = new Thread(() -> {
            int nextMeasure = 0;
            boolean finished = false;
            while (!finished) {
                finished = trainingDone.get(); // read before draining: the last rows are queued before it is set
                latest.getAndSet(null); // the heatmaps would repaint from this one
                for (double[] row = numbers.poll(); row != null; row = numbers.poll()) {
                    for (int i = 0; i < series.length; i++) {
                        series[i].add(row[0], row[i + 1]);
                        maxPoints[0] = Math.max(maxPoints[0], series[i].points().size());
                    }
                    if (row[0] >= nextMeasure) {
                        System.gc();
                        samples.add(new Sample((int) row[0], memory.getHeapMemoryUsage().getUsed(),
                                threads.getThreadCount(), largest(series), numbers.size()));
                        nextMeasure += measureEvery;
                    }
                }
                pulses[0]++;
                try {
                    Thread.sleep(PULSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "long-run-pulse");
        pulse.setDaemon(true);
        pulse.start();
        run.join();
        trainingDone.set(true);
        pulse.join();
        TrainingSnapshot last = run.result();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        return new Result(last, samples, threadsBefore, threads.getThreadCount(), maxPoints[0], seriesCapacity,
                published[0], pulses[0], seconds);
    }

    private static int largest(DecimatedSeries[] series) {
        int largest = 0;
        for (DecimatedSeries s : series) {
            largest = Math.max(largest, s.points().size());
        }
        return largest;
    }

}
