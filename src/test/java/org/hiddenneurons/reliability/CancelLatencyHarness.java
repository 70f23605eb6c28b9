package org.hiddenneurons.reliability;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;

/**
 * Measures how long {@link Trainer#cancel()} takes to end a run on the bundled digits (400-25-10):
 * one trainer per optimizer, run on a background thread, cancelled after a random delay, run again
 * (a restart after cancel), and so on. Latency = from the cancel() call to run()'s return.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) --add-modules=jdk.incubator.vector \
 *     org.hiddenneurons.reliability.CancelLatencyHarness [cancels per optimizer, default 200]
 * java ... org.hiddenneurons.reliability.CancelLatencyHarness first ADAM|SGD|LBFGS|GD seed   # one cancel, fresh JVM
 * </pre>
 */
public final class CancelLatencyHarness {

    private static final int DEFAULT_CANCELS = 200;
    /** A cancel lands uniformly in [0, this) ms after the run was started. */
    private static final int MAX_DELAY_MILLIS = 300;
    /** The first cancels of each trainer, reported apart: in a fresh JVM they include JIT warm-up. */
    private static final int WARM_UP_CANCELS = 10;

    private CancelLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("first")) {
            first(OptimizerKind.valueOf(args[1]), Long.parseLong(args[2]));
            return;
        }
        int cancels = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CANCELS;
        Split digits = TrainingRuns.digits();
        System.out.println("optimizer\tcancels\tmedian ms\tp99 ms\tmax ms\tepochs reached\tfinal states");
        for (OptimizerKind kind : OptimizerKind.values()) {
            measure(kind, config(kind), digits, cancels);
        }
    }

    /** The default settings with {@code kind} (GD: α = 1), endless. */
    private static TrainingConfig config(OptimizerKind kind) {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(TrainingRuns.ENDLESS);
        return new TrainingConfig(config.hiddenSize(), config.activation(), config.outputLayer(),
                config.initializer(), kind, kind == OptimizerKind.GD ? 1.0 : config.learningRate(),
                config.momentum(), config.batchSize(), config.epochs(), config.lambda(), config.seed(), false);
    }

    /**
     * The very first cancel of a fresh JVM (call once per JVM: {@code first KIND seed}): one run,
     * cancelled after a random 0–300 ms (from {@code seed}); prints the latency, the epoch reached and
     * whether the CANCELLED snapshot carries scores.
     */
    private static void first(OptimizerKind kind, long seed) throws Exception {
        Split digits = TrainingRuns.digits();
        Trainer trainer = TrainingRuns.trainer(config(kind), digits);
        int delay = new Random(seed).nextInt(MAX_DELAY_MILLIS);
        TrainingRuns.BackgroundRun run = new TrainingRuns.BackgroundRun(trainer, "cancel-latency");
        Thread.sleep(delay);
        long start = System.nanoTime();
        trainer.cancel();
        run.join();
        double millis = (System.nanoTime() - start) / 1e6;
        TrainingSnapshot result = run.result();
        System.out.printf(Locale.ROOT, "%s\tfirst cancel, fresh JVM\tdelay %d ms\t%.1f ms\tepoch %d\t%s\t%s%n", kind,
                delay, millis, result.epoch(), result.state(), Double.isNaN(result.trainLoss()) ? "not scored" : "scored");
    }

    private static void measure(OptimizerKind kind, TrainingConfig config, Split digits, int cancels) throws Exception {
        Trainer trainer = TrainingRuns.trainer(config, digits);
        Random random = new Random(42);
        double[] millis = new double[cancels];
        int cancelledStates = 0;
        for (int i = 0; i < cancels; i++) {
            TrainingRuns.BackgroundRun run = new TrainingRuns.BackgroundRun(trainer, "cancel-latency");
            Thread.sleep(random.nextInt(MAX_DELAY_MILLIS));
            long start = System.nanoTime();
            trainer.cancel();
            run.join();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (System.getenv("CANCEL_TRACE") != null) {
                System.out.printf(Locale.ROOT, "  %s cancel %d: %.2f ms, epoch %d%n", kind, i, millis[i], trainer.latest().epoch());
            }
            TrainingSnapshot result = run.result();
            if (result.state() == TrainingState.CANCELLED) {
                cancelledStates++;
            }
        }
        System.out.printf(Locale.ROOT, "%s\tall %d\t%s\t%d\t%d CANCELLED%n", kind, cancels, stats(millis),
                trainer.latest().epoch(), cancelledStates);
        double[] warm = Arrays.copyOfRange(millis, WARM_UP_CANCELS, cancels);
        System.out.printf(Locale.ROOT, "%s\tlast %d\t%s%n", kind, warm.length, stats(warm));
        System.out.printf(Locale.ROOT, "%s\tfirst %d (ms): %s%n", kind, WARM_UP_CANCELS,
                Arrays.toString(Arrays.stream(millis, 0, WARM_UP_CANCELS).map(m -> Math.round(m * 10) / 10.0).toArray()));
    }

    /** "median \t p99 \t max" in ms. */
    private static String stats(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, "%.2f\t%.2f\t%.2f", sorted[n / 2], sorted[(int) Math.ceil(n * 0.99) - 1],
                sorted[n - 1]);
    }
}
