package org.hiddenneurons.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;

/**
 * Cancel latency through the UI's path: {@link FxTrainingAdapter#cancel()} called on the FX thread
 * at a random moment 0–300 ms after {@link FxTrainingAdapter#run} (default settings, bundled
 * digits, headless Monocle), until the adapter's listener receives {@code finished} on the FX
 * thread — trainer stop, CANCELLED snapshot, queue hand-off and the next pulse included. Each
 * round starts a new job (as the workbench does after a cancel); the first round of the JVM is
 * reported apart (cold JIT). Not a test. Run with the test classpath:
 * {@code java --add-modules=jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw -cp $CP org.hiddenneurons.ui.AdapterCancelLatencyHarness [rounds, default 100]}
 */
public final class AdapterCancelLatencyHarness {

    private static final int DEFAULT_ROUNDS = 100;
    private static final int MAX_DELAY_MILLIS = 300;

    private record Ended(long trainerId, long atNanos, TrainingSnapshot last) {
    }

    private AdapterCancelLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        Split digits = DigitsImage.loadBundled().standardSplit();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1_000_000);
        Network start = config.initialNetwork(digits.train().width(), digits.train().height(),
                digits.train().classCount());
        Platform.startup(() -> { });
        BlockingQueue<Ended> ended = new ArrayBlockingQueue<>(16);
        FxTrainingAdapter adapter = WindowLongRunHarness.onFx(() -> {
            FxTrainingAdapter fx = new FxTrainingAdapter();
            fx.setListener(new TrainingEngine.Listener() {
                @Override
                public void snapshots(long trainerId, List<TrainingSnapshot> snapshots) {
                }

                @Override
                public void finished(long trainerId, TrainingSnapshot last) {
                    ended.add(new Ended(trainerId, System.nanoTime(), last));
                }

                @Override
                public void failed(long trainerId, Throwable error) {
                    error.printStackTrace();
                    ended.add(new Ended(trainerId, System.nanoTime(), null));
                }
            });
            return fx;
        });
        Random random = new Random(42);
        double[] millis = new double[rounds];
        int cancelled = 0;
        int notMeasured = 0;
        for (int i = 0; i < rounds; i++) {
            long id = WindowLongRunHarness.onFx(() -> adapter.run(config, start, digits));
            Thread.sleep(random.nextInt(MAX_DELAY_MILLIS));
            long cancelledAt = WindowLongRunHarness.onFx(() -> {
                long now = System.nanoTime();
                adapter.cancel();
                return now;
            });
            Ended end = ended.poll(60, TimeUnit.SECONDS);
            if (end == null || end.trainerId != id) {
                throw new IllegalStateException("round " + i + ": no finished report for job " + id);
            }
            millis[i] = (end.atNanos - cancelledAt) / 1e6;
            if (end.last != null && end.last.state() == TrainingState.CANCELLED) {
                cancelled++;
                if (Double.isNaN(end.last.trainLoss())) {
                    notMeasured++;
                }
            }
        }
        double[] warm = Arrays.copyOfRange(millis, 1, rounds);
        System.out.printf(Locale.ROOT, "UI adapter, %d cancels: first %.1f ms; the other %d: %s; %d CANCELLED "
                + "(%d with scores not measured); reports without a CANCELLED snapshot: %d%n", rounds, millis[0],
                warm.length, stats(warm), cancelled, notMeasured, rounds - cancelled);
        WindowLongRunHarness.onFx(() -> {
            adapter.shutdown();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /** "median m ms, p99 p ms, max x ms". */
    static String stats(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms, max %.1f ms", sorted[n / 2],
                sorted[(int) Math.ceil(n * 0.99) - 1], sorted[n - 1]);
    }
}
