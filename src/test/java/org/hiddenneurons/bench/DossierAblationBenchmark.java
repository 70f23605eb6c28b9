package org.hiddenneurons.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.analysis.ExperimentalForward;
import org.hiddenneurons.analysis.HiddenActivations;
import org.hiddenneurons.analysis.NetworkStatistics;
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

/**
 * Switching a hidden unit off: the drawing's new prediction (target: within a frame, 16 ms) and
 * the new test accuracy over the 1000 test digits (target: under 200 ms) — from the cached test
 * activations the dossier keeps per network, and from scratch. Run as {@link DossierOpenBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DossierAblationBenchmark {

    private static final int DRAWING = 17;

    private Network network;
    private Split split;
    private NetworkStatistics statistics;
    private UnitExperiment experiment;
    private double[] drawing;

    @Setup
    public void setUp() {
        split = BenchFixtures.bundledDigits();
        network = BenchFixtures.randomNetwork(new Random(BenchFixtures.SEED));
        statistics = NetworkStatistics.compute(network, split);
        experiment = UnitExperiment.NONE.with(6, UnitExperiment.Mode.OFF).with(11, UnitExperiment.Mode.MEAN);
        drawing = split.test().sample(DRAWING);
    }

    @Benchmark
    public ForwardPass prediction() {
        return ExperimentalForward.forward(network, experiment, statistics.meanActivations(), drawing);
    }

    @Benchmark
    public double testAccuracyCached() {
        return statistics.testAccuracy(experiment);
    }

    @Benchmark
    public double testAccuracyFromScratch() {
        HiddenActivations test = HiddenActivations.compute(network, split.test().pixels(), split.test().size());
        return ExperimentalForward.accuracy(network, test, split.test().labels(), experiment,
                statistics.meanActivations());
    }
}
