package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link InputLayer}: forward within rounding of plain sums, the gradient with exactly the bits of
 * {@link MatrixKernel#accumulateGradient}, the same bits whichever loops (sparse or dense, scalar
 * or vector) a block ran, and the same bits from a {@link NonzeroIndex} as from the raw inputs.
 */
class InputLayerTest {

    /** z against sums in another order. */
    private static final double TOLERANCE = 1e-12;
    /** Share of zero inputs in "digit-like" data (digits.png: 75 %). */
    private static final double SPARSE_ZEROS = 0.75;
    /** Examples per block in these tests. */
    private static final int BLOCK = 6;
    /** More examples than two masks of the sparse gradient hold. */
    private static final int LARGE_BLOCK = 2 * VectorSparseInputLayer.MASK_ROWS + 22;

    enum Data { SPARSE, DENSE, MIXED }

    static Stream<Arguments> kernelsShapesAndData() {
        List<MatrixKernel> kernels = List.of(Kernels.plain(), Kernels.vector().orElseThrow(),
                new VectorKernel(VectorKernel.Tiles.SCALAR), new VectorKernel(VectorKernel.Tiles.VECTOR),
                new VectorKernel(VectorKernel.Tiles.VECTOR_FIRST_STAGES));
        // the course net; wide input; odd sizes; more units than one eight-vector tile; below the vector size
        int[][] shapes = {{400, 25}, {784, 5}, {67, 9}, {100, 33}, {12, 3}, {5, 2}};
        List<Arguments> cases = new ArrayList<>();
        for (MatrixKernel kernel : kernels) {
            for (int[] shape : shapes) {
                for (Data data : Data.values()) {
                    cases.add(Arguments.of(kernel, shape[0], shape[1], data));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("kernelsShapesAndData")
    void forwardIsBiasPlusTheDotProductsFromArraysAndFromAnIndex(MatrixKernel kernel, int inputs, int hidden,
                                                                 Data data) {
        Random random = new Random(11);
        int rows = 3 * BLOCK;
        double[] x = inputs(rows, inputs, data, random);
        double[] theta = MatrixKernelTest.values(hidden * (inputs + 1), random);
        InputLayer layer = kernel.inputLayer(theta, hidden, inputs);
        double[] fromArray = new double[rows * hidden];
        double[] fromIndex = new double[rows * hidden];
        double[] z = new double[BLOCK * hidden];
        NonzeroIndex index = NonzeroIndex.of(x, 0, rows, inputs);
        for (int start = 0; start < rows; start += BLOCK) {
            layer.forward(x, start, BLOCK, z);
            System.arraycopy(z, 0, fromArray, start * hidden, z.length);
            layer.forward(index, start, BLOCK, z);
            System.arraycopy(z, 0, fromIndex, start * hidden, z.length);
        }
        assertArrayEquals(fromArray, fromIndex, 0.0, "index vs array");
        MatrixKernelTest.assertBiasPlusDotProducts(x, 0, rows, inputs, theta, hidden, fromArray, TOLERANCE,
                kernel.name());
    }

    @ParameterizedTest
    @MethodSource("kernelsShapesAndData")
    void gradientHasTheBitsOfTheKernelsAccumulateGradient(MatrixKernel kernel, int inputs, int hidden, Data data) {
        assertGradientHasTheKernelsBits(kernel, inputs, hidden, data, BLOCK, new Random(12));
    }

    /** Blocks of more examples than one mask holds run the sparse gradient in parts. */
    @ParameterizedTest
    @MethodSource("kernelsShapesAndData")
    void aLargeBlockGetsTheSameGradientBits(MatrixKernel kernel, int inputs, int hidden, Data data) {
        assertGradientHasTheKernelsBits(kernel, inputs, hidden, data, LARGE_BLOCK, new Random(15));
    }

    /** Three blocks of {@code block} examples, from arrays and from an index, against the kernel's gradient. */
    private static void assertGradientHasTheKernelsBits(MatrixKernel kernel, int inputs, int hidden, Data data,
                                                        int block, Random random) {
        int rows = 3 * block;
        double[] x = inputs(rows, inputs, data, random);
        double[] delta = MatrixKernelTest.values(rows * hidden, random);
        double[] theta = MatrixKernelTest.values(hidden * (inputs + 1), random);
        double[] expected = new double[hidden * (inputs + 1)];
        InputLayer fromArray = kernel.inputLayer(theta, hidden, inputs);
        InputLayer fromIndex = kernel.inputLayer(theta, hidden, inputs);
        NonzeroIndex index = NonzeroIndex.of(x, 0, rows, inputs);
        double[] blockDelta = new double[block * hidden];
        double[] z = new double[block * hidden];
        for (int start = 0; start < rows; start += block) {
            System.arraycopy(delta, start * hidden, blockDelta, 0, blockDelta.length);
            kernel.accumulateGradient(x, start, block, inputs, blockDelta, hidden, expected);
            fromArray.forward(x, start, block, z); // as training does: forward, then the same block's gradient
            fromArray.accumulateGradient(x, start, block, blockDelta);
            fromIndex.accumulateGradient(index, start, block, blockDelta);
        }
        double[] actual = new double[expected.length];
        fromArray.gradientInto(actual);
        assertArrayEquals(expected, actual, 0.0, kernel.name() + " from arrays, blocks of " + block);
        fromIndex.gradientInto(actual);
        assertArrayEquals(expected, actual, 0.0, kernel.name() + " from an index, blocks of " + block);
    }

    @ParameterizedTest
    @MethodSource("kernelsShapesAndData")
    void scalarAndVectorLoopsGiveTheSameBits(MatrixKernel ignored, int inputs, int hidden, Data data) {
        Random random = new Random(13);
        int rows = 3 * BLOCK;
        double[] x = inputs(rows, inputs, data, random);
        double[] delta = MatrixKernelTest.values(BLOCK * hidden, random);
        double[] theta = MatrixKernelTest.values(hidden * (inputs + 1), random);
        InputLayer scalar = new VectorKernel(VectorKernel.Tiles.SCALAR).inputLayer(theta, hidden, inputs);
        InputLayer vector = new VectorKernel(VectorKernel.Tiles.VECTOR).inputLayer(theta, hidden, inputs);
        double[] scalarZ = new double[BLOCK * hidden];
        double[] vectorZ = new double[BLOCK * hidden];
        for (int start = 0; start < rows; start += BLOCK) {
            scalar.forward(x, start, BLOCK, scalarZ);
            vector.forward(x, start, BLOCK, vectorZ);
            assertArrayEquals(scalarZ, vectorZ, 0.0, "forward, block at " + start);
            scalar.accumulateGradient(x, start, BLOCK, delta);
            vector.accumulateGradient(x, start, BLOCK, delta);
        }
        double[] scalarGradient = new double[hidden * (inputs + 1)];
        double[] vectorGradient = new double[hidden * (inputs + 1)];
        scalar.gradientInto(scalarGradient);
        vector.gradientInto(vectorGradient);
        assertArrayEquals(scalarGradient, vectorGradient, 0.0, "gradient");
    }

    /** The sparse and the dense forward loops sum in the same order: an example's z does not depend on its block. */
    @Test
    void anExampleGetsTheSameBitsInASparseAndInADenseBlock() {
        Random random = new Random(14);
        int inputs = 400;
        int hidden = 25;
        double[] example = inputs(1, inputs, Data.SPARSE, random);
        double[] sparseNeighbours = inputs(BLOCK - 1, inputs, Data.SPARSE, random);
        double[] denseNeighbours = inputs(BLOCK - 1, inputs, Data.DENSE, random);
        double[] theta = MatrixKernelTest.values(hidden * (inputs + 1), random);
        for (MatrixKernel kernel : List.of(Kernels.plain(), new VectorKernel(VectorKernel.Tiles.SCALAR),
                new VectorKernel(VectorKernel.Tiles.VECTOR))) {
            double[] inSparse = blockOf(example, sparseNeighbours, kernel, theta, hidden, inputs);
            double[] inDense = blockOf(example, denseNeighbours, kernel, theta, hidden, inputs);
            assertArrayEquals(inSparse, inDense, 0.0, kernel.name());
        }
    }

    /** z of the first example of a block made of {@code example} then {@code neighbours}. */
    private static double[] blockOf(double[] example, double[] neighbours, MatrixKernel kernel, double[] theta,
                                    int hidden, int inputs) {
        double[] x = new double[example.length + neighbours.length];
        System.arraycopy(example, 0, x, 0, example.length);
        System.arraycopy(neighbours, 0, x, example.length, neighbours.length);
        double[] z = new double[BLOCK * hidden];
        // Through an index, so that the block's share of nonzero inputs (not its first row) picks the loops.
        kernel.inputLayer(theta, hidden, inputs).forward(NonzeroIndex.of(x, 0, BLOCK, inputs), 0, BLOCK, z);
        double[] first = new double[hidden];
        System.arraycopy(z, 0, first, 0, hidden);
        return first;
    }

    @Test
    void aBlankExampleGetsTheBiasAndANaNInputSpreadsToItsExampleOnly() {
        Random random = new Random(15);
        int inputs = 400;
        int hidden = 25;
        double[] x = inputs(BLOCK, inputs, Data.SPARSE, random);
        java.util.Arrays.fill(x, 0, inputs, 0.0);
        x[2 * inputs + 7] = Double.NaN;
        double[] theta = MatrixKernelTest.values(hidden * (inputs + 1), random);
        for (MatrixKernel kernel : List.of(Kernels.plain(), Kernels.vector().orElseThrow())) {
            double[] z = new double[BLOCK * hidden];
            kernel.inputLayer(theta, hidden, inputs).forward(x, 0, BLOCK, z);
            for (int j = 0; j < hidden; j++) {
                assertEquals(theta[j * (inputs + 1)], z[j], 0.0, kernel.name() + " blank example, unit " + j);
                assertTrue(Double.isNaN(z[2 * hidden + j]), kernel.name() + " NaN example, unit " + j);
                assertTrue(Double.isFinite(z[3 * hidden + j]), kernel.name() + " next example, unit " + j);
            }
        }
    }

    @Test
    void resetGivesTheResultsOfAFreshLayer() {
        Random random = new Random(16);
        int inputs = 400;
        int hidden = 25;
        double[] x = inputs(BLOCK, inputs, Data.SPARSE, random);
        double[] delta = MatrixKernelTest.values(BLOCK * hidden, random);
        double[] first = MatrixKernelTest.values(hidden * (inputs + 1), random);
        double[] second = MatrixKernelTest.values(hidden * (inputs + 1), random);
        for (MatrixKernel kernel : List.of(Kernels.plain(), Kernels.vector().orElseThrow())) {
            InputLayer reused = kernel.inputLayer(first, hidden, inputs);
            double[] z = new double[BLOCK * hidden];
            reused.forward(x, 0, BLOCK, z);
            reused.accumulateGradient(x, 0, BLOCK, delta);
            assertTrue(reused.fits(hidden, inputs) && !reused.fits(hidden + 1, inputs));
            reused.reset(second);
            InputLayer fresh = kernel.inputLayer(second, hidden, inputs);
            double[] reusedZ = new double[BLOCK * hidden];
            double[] freshZ = new double[BLOCK * hidden];
            reused.forward(x, 0, BLOCK, reusedZ);
            fresh.forward(x, 0, BLOCK, freshZ);
            assertArrayEquals(freshZ, reusedZ, 0.0, kernel.name() + " z");
            reused.accumulateGradient(x, 0, BLOCK, delta);
            fresh.accumulateGradient(x, 0, BLOCK, delta);
            double[] reusedGradient = new double[hidden * (inputs + 1)];
            double[] freshGradient = new double[hidden * (inputs + 1)];
            reused.gradientInto(reusedGradient);
            fresh.gradientInto(freshGradient);
            assertArrayEquals(freshGradient, reusedGradient, 0.0, kernel.name() + " gradient");
        }
    }

    /**
     * rows×inputs values in [−1, 1): SPARSE with {@link #SPARSE_ZEROS} of them exactly 0 (some −0.0),
     * DENSE with none, MIXED alternating blocks of the two (so both loops run in one pass).
     */
    static double[] inputs(int rows, int inputs, Data data, Random random) {
        double[] x = new double[rows * inputs];
        for (int r = 0; r < rows; r++) {
            boolean sparse = data == Data.SPARSE || data == Data.MIXED && (r / BLOCK) % 2 == 0;
            for (int p = 0; p < inputs; p++) {
                double v = random.nextDouble() * 2 - 1;
                if (sparse && random.nextDouble() < SPARSE_ZEROS) {
                    v = random.nextBoolean() ? 0.0 : -0.0;
                }
                x[r * inputs + p] = v;
            }
        }
        return x;
    }
}
