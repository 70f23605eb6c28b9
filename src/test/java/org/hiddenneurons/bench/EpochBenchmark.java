package org.hiddenneurons.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.EjmlCostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.ReferenceCostFunction;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.data.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gradient-descent step of the course network (400 → 25 → 10, sigmoid, λ = 1): cost and
 * gradients by backpropagation over a batch, then Θ −= α·∇J. With batchSize 4000 that is one
 * full-batch epoch over the training split; 50 is one mini-batch step.
 *
 * <p>Variants: {@code fast} = {@link CostFunction#standard()} (Vector API kernel, all cores);
 * {@code fast1} = the same on one thread; {@code plain} = the plain-loop fallback kernel, all cores;
 * {@code ejml} = EJML's general dense routines (one thread); {@code reference} = the readable
 * one-example-at-a-time implementation.
 *
 * <p>Data: {@code digits} = the training split of the bundled digits.png (what {@code train}
 * learns from; 75 % of its pixels are 0, which the input layer skips). Like the full-batch
 * trainer, the fast variants then get the inputs' nonzero entries listed once
 * ({@link NonzeroIndex}, built in the set-up). {@code random} = seeded uniform [0, 1) pixels, no
 * zeros: the dense loops, and no index. {@code digits-rows} = the same digits read a block at a time
 * from the data set's one byte per pixel ({@link org.hiddenneurons.core.InputRows}), as the trainer
 * reads a data set too large for one array of doubles (e.g. 60 000 Fashion-MNIST images).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EpochBenchmark {

    private static final double LAMBDA = 1.0;
    private static final double LEARNING_RATE = 0.5;
    private static final int DATA_SIZE = 4000;
    private static final BooleanSupplier NEVER_CANCELLED = () -> false;

    @Param({"fast", "fast1", "plain", "ejml", "reference"})
    public String variant;

    @Param({"4000", "50"})
    public int batchSize;

    @Param({"digits", "digits-rows", "random"})
    public String data;

    private CostFunction cost;
    private WeightBuffers weights;
    private Gradients gradients;
    private double[] inputs;
    /** The digits' nonzero inputs for the fast variants, else null. */
    private NonzeroIndex index;
    /** The digits as stored (one byte per pixel) for {@code digits-rows}, else null. */
    private Dataset rows;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        cost = switch (variant) {
            case "fast" -> CostFunction.standard();
            case "fast1" -> new BatchedCostFunction(Kernels.best(), 1);
            case "plain" -> new BatchedCostFunction(Kernels.plain(), Runtime.getRuntime().availableProcessors());
            case "ejml" -> EjmlCostFunction.INSTANCE;
            case "reference" -> ReferenceCostFunction.INSTANCE;
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
        BenchFixtures.RandomProblem problem = BenchFixtures.randomProblem(DATA_SIZE);
        weights = problem.network().mutableCopy();
        if (data.equals("digits-rows")) {
            rows = BenchFixtures.bundledDigits().train();
            labels = rows.labels();
        } else if (data.equals("digits")) {
            Dataset train = BenchFixtures.bundledDigits().train();
            inputs = train.pixels();
            labels = train.labels();
            if (variant.startsWith("fast")) {
                index = NonzeroIndex.of(inputs, 0, train.size(), train.inputSize());
            }
        } else {
            inputs = problem.inputs();
            labels = problem.labels();
        }
        gradients = new Gradients(weights.spec());
    }

    @Benchmark
    public double gradientDescentStep() {
        double j = rows != null
                ? cost.evaluate(weights.view(), rows, labels, batchSize, LAMBDA, gradients, NEVER_CANCELLED)
                : index != null
                ? cost.evaluate(weights.view(), index, labels, batchSize, LAMBDA, gradients, NEVER_CANCELLED)
                : cost.evaluate(weights.view(), inputs, labels, batchSize, LAMBDA, gradients);
        step(weights.theta1(), gradients.theta1Gradient());
        step(weights.theta2(), gradients.theta2Gradient());
        return j;
    }

    private static void step(double[] theta, double[] gradient) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= LEARNING_RATE * gradient[i];
        }
    }
}
