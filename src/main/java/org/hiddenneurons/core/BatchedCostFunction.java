package org.hiddenneurons.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.kernel.InputLayer;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.core.kernel.MatrixKernel;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.core.kernel.ThreadFailure;
import org.hiddenneurons.core.kernel.WarmUpThread;

/**
 * The fast {@link CostFunction}: the same J and gradients as {@link ReferenceCostFunction}, computed
 * a block of examples at a time with a {@link MatrixKernel}, and the examples split across threads.
 * The two large products (Z2 = X·Θ1ᵀ and ∂J/∂Θ1 += Δ2ᵀ·X) run in the kernel's {@link InputLayer},
 * which skips zero inputs (most of a digit image's pixels); callers that evaluate the same
 * examples again and again (a full-batch trainer, scoring) pass a {@link NonzeroIndex} built once.
 *
 * <p>Per block of examples (small enough that its rows of X stay in the L2 cache), with Z, A and Δ
 * holding one row per example: Z2 = X·Θ1ᵀ, A2 = g(Z2), Z3 = A2·Θ2ᵀ, A3, the cost, Δ3 = A3 − Y,
 * ∂J/∂Θ2 += Δ3ᵀ·[1 A2], Δ2 = (Δ3·Θ2[:,1:]) ⊙ g'(Z2), ∂J/∂Θ1 += Δ2ᵀ·[1 X] (biases included; the
 * products run in the kernel) — so X is read from memory once per call.
 *
 * <p>Determinism: the examples are split into {@link #threads()} contiguous parts (fewer for small
 * batches), each part sums its examples in order, and the parts' sums are added in part order.
 * The same call therefore gives bit-identical results on every run.
 *
 * <p>Thread-safe: the buffers belong to one call, and the input layer to one thread. Worker threads
 * are daemon threads.
 */
public final class BatchedCostFunction implements CostFunction {

    /** Below this many examples per part, a batch is not split: thread hand-off would cost more than it saves. */
    public static final int MIN_EXAMPLES_PER_THREAD = 256;
    /** Bytes of X in one block of examples (a block's rows are reused from the L2 cache by the gradient product). */
    static final int BLOCK_BYTES = 100 * 1024;
    /** Bounds on examples per block. */
    static final int MIN_BLOCK_ROWS = 8;
    static final int MAX_BLOCK_ROWS = 256;

    private static final BatchedCostFunction FASTEST =
            new BatchedCostFunction(Kernels.best(), Runtime.getRuntime().availableProcessors());


    /** Mini-batch evaluations (J and gradients) the background warm-up runs, see {@link #startWarmUp}. */
    static final int WARM_UP_BATCHES = 150;
    /** Forward-only evaluations of {@link #WARM_UP_EVALUATION_ROWS} examples the warm-up runs. */
    static final int WARM_UP_EVALUATIONS = 4;
    static final int WARM_UP_EVALUATION_ROWS = 1000;
    /**
     * Largest share of nonzero inputs for which a data set is worth reaching this cost function as
     * lists of its nonzero inputs (the kernels' sparse loops pay below about half,
     * core.kernel.SparseInputLayer): the trainer lists a small training set this sparse, and the
     * warm-up runs the listed loops only for data this sparse.
     */
    public static final double LISTED_NONZERO_SHARE = 0.5;
    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();

    private final MatrixKernel kernel;
    private final int threads;
    /** Runs the parts after the first (the calling thread runs part 0); null when threads is 1. */
    private final ExecutorService workers;
    /**
     * Each thread's input layer, reused by its next call: a layer holds ~200 KB of packed
     * weights and gradient for the course network, and a mini-batch call would otherwise
     * allocate them 40 times an epoch.
     */
    private final ThreadLocal<InputLayer> layers = new ThreadLocal<>();

    /**
     * @param kernel  the matrix kernel, e.g. {@link Kernels#best()} or {@link Kernels#plain()}
     * @param threads at most this many threads per call (≥ 1); the calling thread is one of them,
     *                the others come from a pool of daemon threads this instance owns (idle
     *                threads end after a minute)
     */
    public BatchedCostFunction(MatrixKernel kernel, int threads) {
        this(kernel, threads, threads == 1 ? null : Executors.newCachedThreadPool(new DaemonThreads()));
    }

    /**
     * @param kernel  the matrix kernel
     * @param threads at most this many threads per call (≥ 1); the calling thread is one of them
     * @param workers runs the other threads' parts (needed when threads &gt; 1; not shut down here)
     */
    public BatchedCostFunction(MatrixKernel kernel, int threads, ExecutorService workers) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must be given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads > 1 && workers == null) {
            throw new IllegalArgumentException("an executor for the other " + (threads - 1) + " threads must be given");
        }
        this.kernel = kernel;
        this.threads = threads;
        this.workers = workers;
    }

    /** The fastest kernel on this JVM, with one thread per available processor. */
    public static BatchedCostFunction fastest() {
        return FASTEST;
    }

    /**
     * Starts, once per JVM, a daemon thread that runs {@link #fastest()} on synthetic data of the
     * given shape — the kernel's own {@link MatrixKernel#warmUp()}, then {@link #WARM_UP_BATCHES}
     * mini-batches with gradients and {@link #WARM_UP_EVALUATIONS} forward passes over
     * {@link #WARM_UP_EVALUATION_ROWS} examples — so that the JIT has compiled the hot code by the
     * time a real run needs it (call it before loading data). Its data and buffers are its own,
     * so no result of any other call changes; later calls return at once.
     *
     * @param spec      the network shape to expect
     * @param batchSize the mini-batch size to expect (≥ 1)
     * @param zeroShare the share of zero inputs to expect, in [0, 1] (the kernels run other loops
     *                  for sparse and for dense examples; the warm-up's data get this share)
     */
    public static void startWarmUp(NetworkSpec spec, int batchSize, double zeroShare) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!WARM_UP_STARTED.compareAndSet(false, true)) {
            return;
        }
        WarmUpThread.start("cost-function-warm-up", () -> warmUp(spec, batchSize, zeroShare));
    }

    /**
     * Whether data with this share of nonzero inputs are worth reaching this cost function as lists
     * of their nonzero inputs (at most {@link #LISTED_NONZERO_SHARE}).
     */
    public static boolean worthListing(double nonzeroShare) {
        return nonzeroShare <= LISTED_NONZERO_SHARE;
    }

    private static void warmUp(NetworkSpec spec, int batchSize, double zeroShare) {
        BatchedCostFunction costFunction = fastest();
        costFunction.kernel().warmUp();
        Random random = new Random(0);
        Network network = Initializer.UNIFORM.initialize(spec, random);
        int rows = Math.max(batchSize, WARM_UP_EVALUATION_ROWS);
        // As sparse as the caller's data, so the loops the trainer will run are the ones compiled.
        double[] inputs = new double[rows * spec.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextDouble() < zeroShare ? 0.0 : random.nextDouble();
        }
        // Sparse data reach the cost function through lists of their nonzero inputs too (the
        // trainer lists a sparse training set); dense data never do, and warming the listed loops
        // for them only queued compiles the run does not use.
        NonzeroIndex index = worthListing(1 - zeroShare) ? NonzeroIndex.of(inputs, 0, rows, spec.inputSize()) : null;
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % spec.outputSize();
        }
        Gradients gradients = new Gradients(spec);
        // With a cancellation check, as the trainer calls it, so the JIT sees the same paths.
        BooleanSupplier neverCancelled = () -> false;
        // Through an index (sparse data) and through arrays, as the trainer and the other callers do.
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            if (i % 2 == 0 && index != null) {
                costFunction.evaluate(network, index, labels, batchSize, 1.0, gradients, neverCancelled);
            } else {
                costFunction.evaluate(network, inputs, labels, batchSize, 1.0, gradients, neverCancelled);
            }
        }
        double[] outputs = new double[WARM_UP_EVALUATION_ROWS * spec.outputSize()];
        for (int i = 0; i < WARM_UP_EVALUATIONS; i++) {
            if (index != null) {
                costFunction.evaluate(network, index, labels, WARM_UP_EVALUATION_ROWS, 0.0, null, outputs, neverCancelled);
            } else {
                costFunction.evaluate(network, inputs, labels, WARM_UP_EVALUATION_ROWS, 0.0, null, outputs, neverCancelled);
            }
        }
    }

    public MatrixKernel kernel() {
        return kernel;
    }

    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "BatchedCostFunction[" + kernel.name() + ", " + threads + " threads]";
    }

    @Override
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
        return run(network, inputs, null, null, labels, count, lambda, out, null, null);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients)}, checking
     * {@code cancelled} before each block of examples (on every part's thread).
     *
     * @throws CancellationException once {@code cancelled} returns true; {@code out} is then undefined
     */
    @Override
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out,
                           BooleanSupplier cancelled) {
        return run(network, inputs, null, null, labels, count, lambda, out, null, cancelled);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients, double[])}, checking
     * {@code cancelled} before each block of examples.
     *
     * @throws CancellationException once {@code cancelled} returns true; {@code outputs} is then undefined
     */
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda,
                           Gradients out, double[] outputs, BooleanSupplier cancelled) {
        checkOutputs(network, count, outputs);
        return run(network, inputs, null, null, labels, count, lambda, out, outputs, cancelled);
    }

    /**
     * J as {@link #evaluate}, and the output probabilities a3 of every example in one pass.
     *
     * @param outputs count×outputs row-major: a3 of each example. Modified.
     */
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda,
                           Gradients out, double[] outputs) {
        checkOutputs(network, count, outputs);
        return run(network, inputs, null, null, labels, count, lambda, out, outputs, null);
    }

    /**
     * The output probabilities a3 of the first {@code count} examples (forward passes only).
     *
     * @param inputs count×inputs row-major. Not modified.
     * @return count×outputs row-major
     */
    public double[] forwardAll(Network network, double[] inputs, int count) {
        double[] outputs = new double[count * network.spec().outputSize()];
        if (count > 0) {
            run(network, inputs, null, null, null, count, 0.0, null, outputs, null);
        }
        return outputs;
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients, BooleanSupplier)} on
     * {@code inputs.values()}, skipping the zero inputs the index lists once (for a whole training
     * set, instead of per block of every call). Index row i is example i. Same J and gradients.
     */
    @Override
    public double evaluate(Network network, NonzeroIndex inputs, int[] labels, int count, double lambda,
                           Gradients out, BooleanSupplier cancelled) {
        return run(network, inputs.values(), inputs, null, labels, count, lambda, out, null, cancelled);
    }

    /**
     * As {@link #evaluate(Network, NonzeroIndex, int[], int, double, Gradients, BooleanSupplier)},
     * also writing every example's output probabilities a3 (see
     * {@link #evaluate(Network, double[], int[], int, double, Gradients, double[])}).
     */
    public double evaluate(Network network, NonzeroIndex inputs, int[] labels, int count, double lambda,
                           Gradients out, double[] outputs, BooleanSupplier cancelled) {
        checkOutputs(network, count, outputs);
        return run(network, inputs.values(), inputs, null, labels, count, lambda, out, outputs, cancelled);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients, BooleanSupplier)} on rows
     * 0..count−1 of {@code inputs}, each thread copying one block of rows at a time into its own
     * buffer (so the examples may stay compact, e.g. one byte per pixel). Same blocks, same sums:
     * the same J and gradients as on {@link InputRows#copyRows all the rows in one array}.
     */
    @Override
    public double evaluate(Network network, InputRows inputs, int[] labels, int count, double lambda,
                           Gradients out, BooleanSupplier cancelled) {
        return run(network, null, null, inputs, labels, count, lambda, out, null, cancelled);
    }

    /**
     * As {@link #evaluate(Network, InputRows, int[], int, double, Gradients, BooleanSupplier)}, also
     * writing every example's output probabilities a3 (count×outputs row-major, {@code outputs}
     * Modified). {@code labels} may be null: then J is 0 and only the outputs are computed.
     */
    public double evaluate(Network network, InputRows inputs, int[] labels, int count, double lambda,
                           Gradients out, double[] outputs, BooleanSupplier cancelled) {
        checkOutputs(network, count, outputs);
        return run(network, null, null, inputs, labels, count, lambda, out, outputs, cancelled);
    }

    private static void checkOutputs(Network network, int count, double[] outputs) {
        int needed = count * network.spec().outputSize();
        if (outputs == null || outputs.length < needed) {
            throw new IllegalArgumentException("outputs must hold " + count + "x" + network.spec().outputSize()
                    + " values, got " + (outputs == null ? "null" : String.valueOf(outputs.length)));
        }
    }

    /**
     * @param inputs null when {@code rows} is given
     * @param index  null, or the nonzero inputs of examples 0..count−1 of {@code inputs} (its rows 0..count−1)
     * @param rows   null, or the examples to read a block at a time (then inputs and index are null)
     */
    private double run(Network network, double[] inputs, NonzeroIndex index, InputRows rows, int[] labels, int count,
                       double lambda, Gradients out, double[] outputs, BooleanSupplier cancelled) {
        NetworkSpec spec = network.spec();
        if (rows != null && (rows.inputSize() != spec.inputSize() || rows.size() < count)) {
            throw new IllegalArgumentException("the rows hold " + rows.size() + " examples of " + rows.inputSize()
                    + " inputs, not " + count + " of " + spec.inputSize());
        }
        validate(spec, rows != null ? null : inputs, labels, count, lambda, out);
        if (index != null && (index.rows() < count || index.columns() != spec.inputSize())) {
            throw new IllegalArgumentException("the index lists " + index.rows() + " rows of " + index.columns()
                    + " inputs, not " + count + " examples of " + spec.inputSize());
        }
        int inputSize = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputSize = spec.outputSize();
        int parts = Math.max(1, Math.min(threads, count / MIN_EXAMPLES_PER_THREAD));
        double[] theta1 = network.theta1Array();
        double[] theta2 = network.theta2Array();
        double[] grad1 = null;
        double[] grad2 = null;
        if (out != null) {
            grad1 = out.theta1Gradient();
            grad2 = out.theta2Gradient();
            Arrays.fill(grad1, 0.0);
            Arrays.fill(grad2, 0.0);
        }
        Task[] tasks = new Task[parts];
        for (int part = 0; part < parts; part++) {
            int from = (int) ((long) count * part / parts);
            int to = (int) ((long) count * (part + 1) / parts);
            boolean own = part == 0 || out == null;
            tasks[part] = new Task(network, inputs, index, rows, labels, outputs, from, to, out != null,
                    own ? grad1 : new double[grad1.length], own ? grad2 : new double[grad2.length]);
            tasks[part].cancelled = cancelled;
        }
        runAll(tasks);
        double dataCost = 0.0;
        for (Task task : tasks) {
            dataCost += task.dataCost;
        }
        if (out != null) {
            for (int part = 1; part < parts; part++) {
                addInto(grad1, tasks[part].grad1);
                addInto(grad2, tasks[part].grad2);
            }
        }
        double m = count;
        double cost = ReferenceCostFunction.regularisedCost(network, dataCost, m, lambda);
        if (out != null) {
            ReferenceCostFunction.finishGradient(grad1, theta1, hidden, inputSize + 1, m, lambda);
            ReferenceCostFunction.finishGradient(grad2, theta2, outputSize, hidden + 1, m, lambda);
            out.setCost(cost);
        }
        return cost;
    }

    private static void validate(NetworkSpec spec, double[] inputs, int[] labels, int count, double lambda,
                                 Gradients out) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (inputs != null && (long) count * spec.inputSize() > inputs.length) {
            throw new IllegalArgumentException("inputs hold " + inputs.length + " values, fewer than " + count
                    + " examples of " + spec.inputSize());
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        if (out != null && !out.spec().equals(spec)) {
            throw new IllegalArgumentException("gradients are for " + out.spec() + ", the network is " + spec);
        }
        if (labels != null) {
            if (labels.length < count) {
                throw new IllegalArgumentException("labels hold " + labels.length + " values, fewer than " + count);
            }
            int outputs = spec.outputSize();
            for (int i = 0; i < count; i++) {
                ReferenceCostFunction.checkLabel(labels[i], i, outputs);
            }
        }
    }

    /** Runs tasks 1.. on the workers and task 0 on this thread; waits for all, in order. */
    private void runAll(Task[] tasks) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.length - 1);
        for (int i = 1; i < tasks.length; i++) {
            futures.add(workers.submit(tasks[i]));
        }
        // A part's RuntimeException, or its Error (such as OutOfMemoryError) as it was.
        Throwable failure = null;
        try {
            tasks[0].run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    // The parts are short: finish them so no worker still writes into our buffers.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException || e.getCause() instanceof Error ? e.getCause()
                                : new IllegalStateException("a cost-function worker failed", e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        ThreadFailure.rethrow(failure);
    }

    private static void addInto(double[] target, double[] addend) {
        for (int i = 0; i < target.length; i++) {
            target[i] += addend[i];
        }
    }

    /** Examples per block for a given input size: {@link #BLOCK_BYTES} of X, a multiple of 4. */
    static int blockRows(int inputSize) {
        int rows = BLOCK_BYTES / (Double.BYTES * inputSize);
        return Math.max(MIN_BLOCK_ROWS, Math.min(MAX_BLOCK_ROWS, rows - rows % 4));
    }

    /** This thread's input layer holding Θ1, with G = 0 (see {@link #layers}). */
    private InputLayer layer(double[] theta1, int hidden, int inputSize) {
        InputLayer layer = layers.get();
        if (layer != null && layer.fits(hidden, inputSize)) {
            layer.reset(theta1);
            return layer;
        }
        layer = kernel.inputLayer(theta1, hidden, inputSize);
        layers.set(layer);
        return layer;
    }

    /** One contiguous part of the batch: sums its examples' cost and (unscaled) gradients. */
    private final class Task implements Runnable {
        private final Network network;
        private final double[] inputs;
        private final NonzeroIndex index;
        /** Null, or where to copy each block's rows from (into a buffer of this task's). */
        private final InputRows rows;
        private final int[] labels;
        private final double[] outputs;
        private final int from;
        private final int to;
        private final boolean gradient;
        final double[] grad1;
        final double[] grad2;
        double dataCost;
        /** Checked before each block; null = never cancelled. */
        BooleanSupplier cancelled;

        // The block buffers and shapes of run(), shared by its per-block steps.
        private int inputSize;
        private int hidden;
        private int outputSize;
        private Activation g;
        private OutputLayer outputLayer;
        private double[] theta2;
        private double[] z2;
        private double[] a2;
        private double[] z3;
        private double[] a3;
        private double[] delta2;
        /** [0, Θ2[:,1:]ᵀ] (hidden×(outputs+1)): the backward product Δ3·Θ2[:,1:] in the kernel's forward form. */
        private double[] theta2Back;
        private InputLayer inputLayer;
        /** Null, or this task's copy of the current block's rows (when reading {@link #rows}). */
        private double[] block;

        Task(Network network, double[] inputs, NonzeroIndex index, InputRows rows, int[] labels,
             double[] outputs, int from, int to, boolean gradient, double[] grad1, double[] grad2) {
            this.network = network;
            this.inputs = inputs;
            this.index = index;
            this.rows = rows;
            this.labels = labels;
            this.outputs = outputs;
            this.from = from;
            this.to = to;
            this.gradient = gradient;
            this.grad1 = grad1;
            this.grad2 = grad2;
        }

        /**
         * Sums the part's cost (and gradients) one block at a time. Each step of a block is a
         * method of its own ({@link #forwardBlock}, {@link #scoreBlock}, {@link #backwardBlock}),
         * so that the JIT compiles them one by one, each soon, instead of this loop with all of
         * them inlined (one large compile, repeated on-stack-replaced, that held up every other
         * compile in the first second of a run).
         */
        @Override
        public void run() {
            NetworkSpec spec = network.spec();
            inputSize = spec.inputSize();
            hidden = spec.hiddenSize();
            outputSize = spec.outputSize();
            g = spec.hiddenActivation();
            outputLayer = spec.outputLayer();
            theta2 = network.theta2Array();
            int blockRows = blockRows(inputSize);
            z2 = new double[blockRows * hidden];
            a2 = new double[blockRows * hidden];
            z3 = new double[blockRows * outputSize];
            a3 = new double[blockRows * outputSize];
            if (gradient) {
                delta2 = new double[blockRows * hidden];
                theta2Back = new double[hidden * (outputSize + 1)];
                for (int j = 0; j < hidden; j++) {
                    for (int k = 0; k < outputSize; k++) {
                        theta2Back[j * (outputSize + 1) + 1 + k] = theta2[k * (hidden + 1) + 1 + j];
                    }
                }
            }
            inputLayer = layer(network.theta1Array(), hidden, inputSize);
            block = rows == null ? null : new double[blockRows * inputSize];
            double cost = 0.0;
            for (int start = from; start < to; start += blockRows) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new CancellationException("cost evaluation cancelled");
                }
                int count = Math.min(blockRows, to - start);
                forwardBlock(start, count);
                cost = scoreBlock(start, count, cost);
                if (gradient) {
                    backwardBlock(start, count);
                }
            }
            if (gradient) {
                inputLayer.gradientInto(grad1);
            }
            dataCost = cost;
        }

        /** Z2 = X·Θ1ᵀ, A2 = g(Z2), Z3 = A2·Θ2ᵀ (biases included) and, for sigmoid outputs, A3, for the block's count examples from start. */
        private void forwardBlock(int start, int count) {
            if (index != null) {
                inputLayer.forward(index, start, count, z2);
            } else if (block != null) {
                rows.copyRows(start, count, block, 0);
                inputLayer.forward(block, 0, count, z2);
            } else {
                inputLayer.forward(inputs, start, count, z2);
            }
            kernel.activate(g, z2, a2, count * hidden);
            kernel.forward(a2, 0, count, hidden, theta2, outputSize, z3);
            if (outputLayer == OutputLayer.SIGMOID_CROSS_ENTROPY) {
                kernel.activate(Activation.SIGMOID, z3, a3, count * outputSize);
            }
        }

        /**
         * Per example of the block: softmax outputs, a copy into {@link #outputs}, its cost added to
         * {@code cost} (in example order) and A3 turned into Δ3 = A3 − Y.
         *
         * @return cost plus the block's examples' costs
         */
        private double scoreBlock(int start, int count, double cost) {
            for (int r = 0; r < count; r++) {
                int offset = r * outputSize;
                if (outputLayer == OutputLayer.SOFTMAX_CROSS_ENTROPY) {
                    Network.outputActivation(outputLayer, z3, offset, a3, offset, outputSize);
                }
                int example = start + r;
                if (outputs != null) {
                    System.arraycopy(a3, offset, outputs, example * outputSize, outputSize);
                }
                if (labels != null) {
                    int label = labels[example];
                    cost += CrossEntropy.exampleCost(outputLayer, z3, offset, outputSize, label);
                    a3[offset + label] -= 1.0; // a3 is now δ3 = a3 − y
                }
            }
            return cost;
        }

        /** ∂J/∂Θ2 += Δ3ᵀ·[1, A2]; Δ2 = (Δ3·Θ2[:,1:]) ⊙ g'(Z2); ∂J/∂Θ1 += Δ2ᵀ·[1, X], for the block. */
        private void backwardBlock(int start, int count) {
            kernel.accumulateGradient(a2, 0, count, hidden, a3, outputSize, grad2);
            kernel.forward(a3, 0, count, outputSize, theta2Back, hidden, delta2);
            for (int i = 0; i < count * hidden; i++) {
                delta2[i] *= g.derivative(z2[i], a2[i]);
            }
            if (index != null) {
                inputLayer.accumulateGradient(index, start, count, delta2);
            } else if (block != null) {
                inputLayer.accumulateGradient(block, 0, count, delta2);
            } else {
                inputLayer.accumulateGradient(inputs, start, count, delta2);
            }
        }
    }

    /** Daemon worker threads, so an idle pool never keeps the JVM alive. */
    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "cost-function-worker-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
