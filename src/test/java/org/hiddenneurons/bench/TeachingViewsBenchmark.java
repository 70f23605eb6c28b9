package org.hiddenneurons.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.analysis.AblationCurve;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.RandomDirection;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The math behind opening the issue-17 §4 views on the 4000 training and 1000 test digits of
 * digits.png. Target: under 100 ms after a network change.
 *
 * <ul>
 *   <li>{@code afterNetworkChange}: the {@link NetworkStatistics} from scratch (now with the 25
 *       mean clamps too), then the unit's activation range, a random direction, the 25 saturation
 *       flags and the three ablation curves — everything the dossier and the compare page add;</li>
 *   <li>{@code rangeAndDirection}: clicking another unit once the statistics exist;</li>
 *   <li>{@code ablationCurve}: the compare page's chart from cached statistics (3 score tables, 75 incremental clamps: {@code ClampedAccuracy}).</li>
 * </ul>
 *
 * <p>Run as {@link DossierOpenBenchmark} says, with {@code 'TeachingViews.*' -f 1 -wi 15 -i 20}: with fewer
 * warm-up iterations on a loaded machine the JIT is still compiling during the first measured ones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 20, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TeachingViewsBenchmark {

    private static final int UNIT = 6;
    private static final long DIRECTION_SEED = 2013;
    private static final long ORDER_SEED = 17;
    private static final int EXAMPLES = 6;

    private Network network;
    private Split split;
    private NetworkStatistics statistics;

    @Setup
    public void setUp() {
        split = BenchFixtures.bundledDigits();
        network = BenchFixtures.randomNetwork(new Random(BenchFixtures.SEED));
        statistics = NetworkStatistics.compute(network, split);
    }

    @Benchmark
    public void afterNetworkChange(Blackhole sink) {
        NetworkStatistics fresh = NetworkStatistics.compute(network, split);
        rangeAndDirection(fresh, sink);
        sink.consume(ActivationRange.saturations(fresh.train(), network.spec().hiddenActivation()));
        sink.consume(AblationCurve.compute(fresh, ORDER_SEED));
    }

    @Benchmark
    public void rangeAndDirection(Blackhole sink) {
        rangeAndDirection(statistics, sink);
    }

    @Benchmark
    public AblationCurve ablationCurve() {
        return AblationCurve.compute(statistics, ORDER_SEED);
    }

    private void rangeAndDirection(NetworkStatistics stats, Blackhole sink) {
        sink.consume(ActivationRange.compute(stats.train(), network.spec().hiddenActivation(), UNIT));
        sink.consume(RandomDirection.compute(stats.train(), DIRECTION_SEED, EXAMPLES));
    }
}
