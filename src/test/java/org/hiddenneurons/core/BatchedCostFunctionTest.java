package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.hiddenneurons.core.kernel.InputLayer;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.core.kernel.MatrixKernel;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchedCostFunctionTest {

    /** Fast kernel vs. the one-example-at-a-time reference: same maths, other summation order. */
    private static final double TOLERANCE = 1e-12;
    private static final int REPEATS = 20;

    static List<MatrixKernel> kernels() {
        return List.of(Kernels.plain(), Kernels.vector().orElseThrow());
    }

    /** Shapes {width, height, hidden, outputs, count}: the course net, MNIST-sized, odd and tiny ones. */
    private static final int[][] SHAPES = {
            {20, 20, 25, 10, 120}, {28, 28, 5, 10, 50}, {28, 28, 100, 10, 13}, {37, 1, 7, 3, 531}, {3, 1, 1, 2, 5}};

    static Stream<Arguments> kernelsActivationsAndOutputs() {
        List<Arguments> cases = new ArrayList<>();
        for (MatrixKernel kernel : kernels()) {
            for (Activation activation : Activation.values()) {
                for (OutputLayer output : OutputLayer.values()) {
                    cases.add(Arguments.of(kernel, activation, output));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("kernelsActivationsAndOutputs")
    void costAndGradientsMatchReferenceOnEveryShape(MatrixKernel kernel, Activation activation, OutputLayer output) {
        Random random = new Random(TestNetworks.SEED);
        for (int[] shape : SHAPES) {
            NetworkSpec spec = new NetworkSpec(shape[0], shape[1], shape[2], shape[3], activation, output);
            int count = shape[4];
            Network network = TestNetworks.randomNetwork(spec, 0.3, random);
            double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
            int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
            for (double lambda : new double[] {0.0, 2.5}) {
                Gradients expected = new Gradients(spec);
                double expectedCost = ReferenceCostFunction.INSTANCE.evaluate(network, inputs, labels, count, lambda,
                        expected);
                // Two threads so that the larger batches are really split.
                BatchedCostFunction fast = new BatchedCostFunction(kernel, 2);
                Gradients actual = new Gradients(spec);
                double cost = fast.evaluate(network, inputs, labels, count, lambda, actual);
                String what = kernel.name() + " " + spec + " λ=" + lambda;
                assertEquals(expectedCost, cost, TOLERANCE * Math.abs(expectedCost), what);
                assertEquals(cost, actual.cost(), 0.0, what);
                assertEquals(cost, fast.evaluate(network, inputs, labels, count, lambda, null), 0.0, what);
                assertClose(expected.theta1Gradient(), actual.theta1Gradient(), what + " Θ1");
                assertClose(expected.theta2Gradient(), actual.theta2Gradient(), what + " Θ2");
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    @Test
    void repeatedRunsGiveBitIdenticalResults() {
        Random random = new Random(TestNetworks.SEED);
        NetworkSpec spec = NetworkSpec.DEFAULT;
        int count = 1500;
        Network network = TestNetworks.randomNetwork(spec, 0.12, random);
        double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
        int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
        for (MatrixKernel kernel : kernels()) {
            BatchedCostFunction fast = new BatchedCostFunction(kernel, 2);
            Gradients first = new Gradients(spec);
            fast.evaluate(network, inputs, labels, count, 1.0, first);
            for (int run = 0; run < REPEATS; run++) {
                Gradients again = new Gradients(spec);
                fast.evaluate(network, inputs, labels, count, 1.0, again);
                assertEquals(Double.doubleToRawLongBits(first.cost()), Double.doubleToRawLongBits(again.cost()));
                assertArrayEquals(first.theta1Gradient(), again.theta1Gradient(), 0.0);
                assertArrayEquals(first.theta2Gradient(), again.theta2Gradient(), 0.0);
            }
        }
    }

    /** The trainer's paths (nonzero inputs listed once; rows decoded a block at a time) give the bits of the plain-array path. */
    @Test
    void anIndexOfTheInputsAndRowsReadByBlockGiveTheBitsOfTheArrays() {
        Random random = new Random(TestNetworks.SEED);
        NetworkSpec spec = NetworkSpec.DEFAULT;
        int count = 700;
        Network network = TestNetworks.randomNetwork(spec, 0.12, random);
        double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
        for (int i = 0; i < inputs.length; i++) {
            if (random.nextDouble() < 0.75) {
                inputs[i] = 0.0; // digit-like: mostly background
            }
        }
        int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
        NonzeroIndex index = NonzeroIndex.of(inputs, 0, count, spec.inputSize());
        for (MatrixKernel kernel : kernels()) {
            for (int threads : new int[] {1, 2}) {
                BatchedCostFunction fast = new BatchedCostFunction(kernel, threads);
                Gradients fromArrays = new Gradients(spec);
                Gradients fromIndex = new Gradients(spec);
                double[] arrayOutputs = new double[count * spec.outputSize()];
                double[] indexOutputs = new double[count * spec.outputSize()];
                double arrayCost = fast.evaluate(network, inputs, labels, count, 1.0, fromArrays, arrayOutputs, () -> false);
                double indexCost = fast.evaluate(network, index, labels, count, 1.0, fromIndex, indexOutputs, () -> false);
                String what = kernel.name() + ", " + threads + " threads";
                assertEquals(Double.doubleToRawLongBits(arrayCost), Double.doubleToRawLongBits(indexCost), what);
                assertArrayEquals(fromArrays.theta1Gradient(), fromIndex.theta1Gradient(), 0.0, what);
                assertArrayEquals(fromArrays.theta2Gradient(), fromIndex.theta2Gradient(), 0.0, what);
                assertArrayEquals(arrayOutputs, indexOutputs, 0.0, what);

                // Rows read a block at a time (a compact data set's path): the same bits again.
                Gradients fromRows = new Gradients(spec);
                double[] rowOutputs = new double[count * spec.outputSize()];
                double rowCost = fast.evaluate(network, InputRows.of(inputs, count, spec.inputSize()), labels, count, 1.0,
                        fromRows, rowOutputs, () -> false);
                assertEquals(Double.doubleToRawLongBits(arrayCost), Double.doubleToRawLongBits(rowCost), what);
                assertArrayEquals(fromArrays.theta1Gradient(), fromRows.theta1Gradient(), 0.0, what);
                assertArrayEquals(fromArrays.theta2Gradient(), fromRows.theta2Gradient(), 0.0, what);
                assertArrayEquals(arrayOutputs, rowOutputs, 0.0, what);
                Gradients viaInterface = new Gradients(spec);
                double interfaceCost = ((CostFunction) fast).evaluate(network, InputRows.of(inputs, count, spec.inputSize()),
                        labels, count, 1.0, viaInterface, () -> false);
                assertEquals(Double.doubleToRawLongBits(arrayCost), Double.doubleToRawLongBits(interfaceCost), what);
                assertArrayEquals(fromArrays.theta1Gradient(), viaInterface.theta1Gradient(), 0.0, what);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CostFunction.standard()
                .evaluate(network, InputRows.of(inputs, count - 1, spec.inputSize()), labels, count, 1.0, null, () -> false));
        NonzeroIndex tooShort = NonzeroIndex.of(inputs, 0, count - 1, spec.inputSize());
        assertThrows(IllegalArgumentException.class, () -> CostFunction.standard()
                .evaluate(network, tooShort, labels, count, 1.0, null, () -> false));
    }

    @Test
    void labelsOutsideTheOutputRangeAreRejected() {
        NetworkSpec spec = GradientCheck.courseSpec();
        Network network = GradientCheck.debugNetwork(spec);
        double[] inputs = GradientCheck.courseInputs();
        for (int bad : new int[] {-1, spec.outputSize()}) {
            int[] labels = GradientCheck.courseLabels();
            labels[3] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CostFunction.standard()
                    .evaluate(network, inputs, labels, labels.length, 0.0, new Gradients(spec)));
            assertTrue(e.getMessage().contains("label " + bad), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.evaluate(network, inputs, labels, labels.length, 0.0));
        }
    }

    @Test
    void badLabelInALargeSplitBatchIsRejected() {
        Random random = new Random(TestNetworks.SEED);
        NetworkSpec spec = NetworkSpec.DEFAULT;
        int count = 1200;
        Network network = TestNetworks.randomNetwork(spec, 0.12, random);
        double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
        int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
        labels[count - 1] = 10;
        assertThrows(IllegalArgumentException.class, () -> new BatchedCostFunction(Kernels.best(), 2)
                .evaluate(network, inputs, labels, count, 0.0, new Gradients(spec)));
    }

    @Test
    void standardIsTheFastestKernelOnAllProcessors() {
        BatchedCostFunction standard = (BatchedCostFunction) CostFunction.standard();
        assertEquals(Kernels.best(), standard.kernel());
        assertEquals(Runtime.getRuntime().availableProcessors(), standard.threads());
    }

    @Test
    void forwardAllEqualsNetworkForwardOfEachExample() {
        Random random = new Random(TestNetworks.SEED);
        NetworkSpec spec = new NetworkSpec(20, 20, 25, 10, Activation.TANH, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        int count = 700;
        Network network = TestNetworks.randomNetwork(spec, 0.2, random);
        double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
        for (MatrixKernel kernel : kernels()) {
            double[] all = new BatchedCostFunction(kernel, 2).forwardAll(network, inputs, count);
            for (int i = 0; i < count; i++) {
                double[] example = new double[spec.inputSize()];
                System.arraycopy(inputs, i * spec.inputSize(), example, 0, example.length);
                double[] a3 = network.forward(example).a3();
                for (int k = 0; k < a3.length; k++) {
                    assertEquals(a3[k], all[i * spec.outputSize() + k], TOLERANCE);
                }
            }
        }
    }

    @Test
    void workerThreadsAreDaemons() {
        Random random = new Random(TestNetworks.SEED);
        int count = 2 * BatchedCostFunction.MIN_EXAMPLES_PER_THREAD;
        Network network = TestNetworks.randomNetwork(NetworkSpec.DEFAULT, 0.12, random);
        double[] inputs = TestNetworks.randomInputs(count, 400, random);
        new BatchedCostFunction(Kernels.best(), 2).forwardAll(network, inputs, count);
        boolean sawWorker = false;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("cost-function-worker-")) {
                sawWorker = true;
                assertTrue(thread.isDaemon(), thread.getName());
            }
        }
        assertTrue(sawWorker, "a batch of " + count + " should have used a worker");
    }

    @Test
    void invalidArgumentsAreRejected() {
        NetworkSpec spec = GradientCheck.courseSpec();
        Network network = GradientCheck.debugNetwork(spec);
        double[] inputs = GradientCheck.courseInputs();
        int[] labels = GradientCheck.courseLabels();
        CostFunction cost = CostFunction.standard();
        assertThrows(IllegalArgumentException.class, () -> cost.evaluate(network, inputs, labels, 0, 0.0, null));
        assertThrows(IllegalArgumentException.class, () -> cost.evaluate(network, inputs, labels, 6, 0.0, null));
        assertThrows(IllegalArgumentException.class, () -> cost.evaluate(network, inputs, labels, 5, -1.0, null));
        assertThrows(IllegalArgumentException.class, () -> cost.evaluate(network, inputs, labels, 5, 0.0,
                new Gradients(NetworkSpec.DEFAULT)));
        assertThrows(IllegalArgumentException.class, () -> new BatchedCostFunction(Kernels.plain(), 0));
    }

    @Test
    void anErrorOnAWorkerReachesTheCallerAsItWas() {
        MatrixKernel plain = Kernels.plain();
        // The plain kernel, but out of memory whenever it activates on the worker thread.
        MatrixKernel failingOnWorker = new MatrixKernel() {
            @Override
            public String name() {
                return "failing-on-worker";
            }

            @Override
            public void forward(double[] x, int firstRow, int rows, int inputs, double[] theta, int hidden, double[] z) {
                plain.forward(x, firstRow, rows, inputs, theta, hidden, z);
            }

            @Override
            public void accumulateGradient(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                           double[] gradient) {
                plain.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, gradient);
            }

            @Override
            public InputLayer inputLayer(double[] theta, int hidden, int inputs) {
                return plain.inputLayer(theta, hidden, inputs);
            }

            @Override
            public void activate(Activation g, double[] z, double[] a, int length) {
                if (Thread.currentThread().getName().equals(WORKER)) {
                    throw new OutOfMemoryError("no heap left on the worker");
                }
                plain.activate(g, z, a, length);
            }
        };
        ExecutorService workers = Executors.newSingleThreadExecutor(task -> new Thread(task, WORKER));
        try {
            Random random = new Random(TestNetworks.SEED);
            NetworkSpec spec = new NetworkSpec(6, 1, 3, 2, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            int count = 2 * BatchedCostFunction.MIN_EXAMPLES_PER_THREAD; // two parts: one on the worker
            Network network = TestNetworks.randomNetwork(spec, 0.3, random);
            double[] inputs = TestNetworks.randomInputs(count, spec.inputSize(), random);
            int[] labels = TestNetworks.randomLabels(count, spec.outputSize(), random);
            BatchedCostFunction costFunction = new BatchedCostFunction(failingOnWorker, 2, workers);
            OutOfMemoryError error = assertThrows(OutOfMemoryError.class,
                    () -> costFunction.evaluate(network, inputs, labels, count, 1.0, new Gradients(spec)));
            assertEquals("no heap left on the worker", error.getMessage());
        } finally {
            workers.shutdownNow();
        }
    }

    private static final String WORKER = "test-cost-function-worker";
}
