package org.hiddenneurons.bench;

import java.util.concurrent.TimeUnit;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward passes of the course network (400 → 25 → 10): one example with every intermediate
 * ({@link Network#forward}, what the UI does per drawing), and the per-epoch evaluation of the
 * 1000-example test split and the 4000-example train split ({@link Evaluation#evaluate}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ForwardBenchmark {

    private static final int TEST_SIZE = 1000;
    private static final int TRAIN_SIZE = 4000;

    private Network network;
    private double[] example;
    private double[] inputs;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        BenchFixtures.RandomProblem problem = BenchFixtures.randomProblem(TRAIN_SIZE);
        network = problem.network();
        inputs = problem.inputs();
        labels = problem.labels();
        example = new double[network.spec().inputSize()];
        System.arraycopy(inputs, 0, example, 0, example.length);
    }

    @Benchmark
    public ForwardPass forwardOneExample() {
        return network.forward(example);
    }

    @Benchmark
    public Evaluation.Metrics evaluateTestSplit() {
        return Evaluation.evaluate(network, inputs, labels, TEST_SIZE, 1.0);
    }

    @Benchmark
    public Evaluation.Metrics evaluateTrainSplit() {
        return Evaluation.evaluate(network, inputs, labels, TRAIN_SIZE, 1.0);
    }
}
