package org.hiddenneurons.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.PredictionExplanation;
import org.hiddenneurons.analysis.UnitDossier;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.core.ForwardPass;
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
 * The math behind opening a hidden unit's dossier with all panels, on the 4000 training and 1000
 * test digits of digits.png. Target: under 100 ms.
 *
 * <ul>
 *   <li>{@code afterNetworkChange}: everything from scratch — the hidden activations of all 5000
 *       examples, the mean activations, the intact test accuracy and the 25 ablations
 *       ({@link NetworkStatistics}), then the unit's dossier and the prediction explanation;</li>
 *   <li>{@code withCachedStatistics}: what clicking another unit costs once the statistics of the
 *       current network exist (the usual case).</li>
 * </ul>
 *
 * <p>Run: build the classpath ({@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test}), then {@code java --add-modules=jdk.incubator.vector -cp
 * target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main 'Dossier.*' -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DossierOpenBenchmark {

    private static final int UNIT = 6;
    private static final int DRAWING = 17;

    private Network network;
    private Split split;
    private NetworkStatistics statistics;
    private double[] drawing;

    @Setup
    public void setUp() {
        split = BenchFixtures.bundledDigits();
        network = BenchFixtures.randomNetwork(new Random(BenchFixtures.SEED));
        statistics = NetworkStatistics.compute(network, split);
        drawing = split.test().sample(DRAWING);
    }

    @Benchmark
    public void afterNetworkChange(Blackhole sink) {
        NetworkStatistics fresh = NetworkStatistics.compute(network, split);
        openDossier(fresh, sink);
    }

    @Benchmark
    public void withCachedStatistics(Blackhole sink) {
        openDossier(statistics, sink);
    }

    private void openDossier(NetworkStatistics stats, Blackhole sink) {
        sink.consume(UnitDossier.compute(stats, UNIT, drawing));
        ForwardPass pass = network.forward(drawing);
        int predicted = pass.predictedClass();
        sink.consume(PredictionExplanation.breakdown(network, pass, predicted));
        sink.consume(PredictionExplanation.saliency(network, UnitExperiment.NONE, drawing, predicted));
    }
}
