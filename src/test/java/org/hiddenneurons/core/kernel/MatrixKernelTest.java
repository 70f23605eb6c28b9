package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hiddenneurons.core.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatrixKernelTest {

    /** Kernel results vs. plain dot products in another summation order. */
    private static final double TOLERANCE = 1e-12;
    private static final int JIT_CALLS = 20_000;
    /** The plain kernel calls Activation.apply; the vector kernel has its own sigmoid. */
    private static final double ACTIVATION_ULPS = VectorSigmoid.MAX_ERROR_ULPS;

    /** Both kernels, on shapes that exercise every tile remainder (odd sizes, sizes below one vector). */
    static Stream<Arguments> kernelsAndShapes() {
        List<MatrixKernel> kernels = new ArrayList<>();
        kernels.add(Kernels.plain());
        // The test JVM runs with --add-modules=jdk.incubator.vector: the vector kernel must be there.
        kernels.add(Kernels.vector().orElseThrow());
        kernels.add(new VectorKernel(VectorKernel.Tiles.SCALAR));
        kernels.add(new VectorKernel(VectorKernel.Tiles.VECTOR));
        int[][] shapes = {{400, 25, 37}, {784, 5, 9}, {37, 100, 6}, {3, 1, 5}, {17, 3, 2}, {33, 7, 1}, {64, 2, 4}, {67, 3, 6},
            // groups of six units beside pairs and an odd unit, with pixel columns left over
            {71, 14, 5}, {100, 13, 3}};
        List<Arguments> cases = new ArrayList<>();
        for (MatrixKernel kernel : kernels) {
            for (int[] shape : shapes) {
                cases.add(Arguments.of(kernel, shape[0], shape[1], shape[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("kernelsAndShapes")
    void forwardEqualsBiasPlusDotProducts(MatrixKernel kernel, int inputs, int hidden, int rows) {
        Random random = new Random(42);
        int firstRow = 3;
        double[] x = values((firstRow + rows) * inputs, random);
        double[] theta = values(hidden * (inputs + 1), random);
        double[] z = new double[rows * hidden];
        kernel.forward(x, firstRow, rows, inputs, theta, hidden, z);
        assertBiasPlusDotProducts(x, firstRow, rows, inputs, theta, hidden, z, TOLERANCE, kernel.name());
    }

    /**
     * z[r][j] equals Θ[j][0] + Σ_p x[firstRow + r][p]·Θ[j][1 + p], summed plainly, within
     * {@code tolerance} × (1 + |expected|): the kernels sum in other orders.
     */
    static void assertBiasPlusDotProducts(double[] x, int firstRow, int rows, int inputs, double[] theta,
                                          int hidden, double[] z, double tolerance, String what) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                double expected = theta[j * (inputs + 1)];
                for (int p = 0; p < inputs; p++) {
                    expected += x[(firstRow + r) * inputs + p] * theta[j * (inputs + 1) + 1 + p];
                }
                assertEquals(expected, z[r * hidden + j], tolerance * (1 + Math.abs(expected)),
                        what + " z[" + r + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernelsAndShapes")
    void gradientAddsDeltaTransposeTimesInputsWithBias(MatrixKernel kernel, int inputs, int hidden, int rows) {
        Random random = new Random(42);
        int firstRow = 2;
        double[] x = values((firstRow + rows) * inputs, random);
        double[] delta = values(rows * hidden, random);
        double[] gradient = values(hidden * (inputs + 1), random);
        double[] expected = gradient.clone();
        for (int j = 0; j < hidden; j++) {
            for (int r = 0; r < rows; r++) {
                double d = delta[r * hidden + j];
                expected[j * (inputs + 1)] += d;
                for (int p = 0; p < inputs; p++) {
                    expected[j * (inputs + 1) + 1 + p] += d * x[(firstRow + r) * inputs + p];
                }
            }
        }
        kernel.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, gradient);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], gradient[i], TOLERANCE * (1 + Math.abs(expected[i])), kernel.name() + " g[" + i + "]");
        }
    }

    @Test
    void activationsAgreeWithActivationApplyToAFewUlps() {
        Random random = new Random(42);
        int length = 1003;
        double[] z = new double[length];
        for (int i = 0; i < length; i++) {
            z[i] = (random.nextDouble() * 2 - 1) * 40;
        }
        double[] extremes = {0.0, -0.0, 1e-300, -1e-300, 700, -700, 708.5, -708.5, 745, -745, 800, -800, 1e-9, -1e-9};
        System.arraycopy(extremes, 0, z, 0, extremes.length);
        for (MatrixKernel kernel : List.of(Kernels.plain(), Kernels.vector().orElseThrow())) {
            for (Activation g : Activation.values()) {
                double[] a = new double[length];
                kernel.activate(g, z, a, length);
                for (int i = 0; i < length; i++) {
                    double expected = g.apply(z[i]);
                    assertEquals(expected, a[i], ACTIVATION_ULPS * Math.ulp(expected) + Double.MIN_NORMAL,
                            kernel.name() + " " + g + "(" + z[i] + ")");
                }
            }
        }
    }

    @Test
    void resultsStayBitIdenticalWhileTheJitCompilesTheKernels() {
        Random random = new Random(42);
        // At least VectorKernel.MIN_VECTOR_INPUTS, so the vector loops run; not a multiple of the lanes.
        int inputs = 67;
        int hidden = 9; // a group of six units, a pair and the odd one out
        int rows = 9;
        double[] x = values(rows * inputs, random);
        double[] theta = values(hidden * (inputs + 1), random);
        double[] delta = values(rows * hidden, random);
        for (MatrixKernel kernel : List.of(Kernels.plain(), Kernels.vector().orElseThrow(),
                new VectorKernel(VectorKernel.Tiles.VECTOR))) {
            double[] firstZ = new double[rows * hidden];
            double[] firstGradient = theta.clone();
            kernel.forward(x, 0, rows, inputs, theta, hidden, firstZ);
            kernel.accumulateGradient(x, 0, rows, inputs, delta, hidden, firstGradient);
            double[] firstSigmoid = new double[firstZ.length];
            kernel.activate(Activation.SIGMOID, firstZ, firstSigmoid, firstZ.length);
            // Enough calls for the interpreted code to be replaced by C1 and then C2 code.
            for (int call = 0; call < JIT_CALLS; call++) {
                double[] z = new double[rows * hidden];
                double[] gradient = theta.clone();
                kernel.forward(x, 0, rows, inputs, theta, hidden, z);
                kernel.accumulateGradient(x, 0, rows, inputs, delta, hidden, gradient);
                assertArrayEquals(firstZ, z, 0.0, kernel.name() + " call " + call);
                assertArrayEquals(firstGradient, gradient, 0.0, kernel.name() + " call " + call);
                double[] a = new double[firstZ.length];
                kernel.activate(Activation.SIGMOID, firstZ, a, a.length);
                assertArrayEquals(firstSigmoid, a, 0.0, kernel.name() + " call " + call);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernelsAndShapes")
    void scalarAndVectorTilesGiveTheSameBits(MatrixKernel ignored, int inputs, int hidden, int rows) {
        Random random = new Random(7);
        int firstRow = 2;
        double[] x = values((firstRow + rows) * inputs, random);
        double[] theta = values(hidden * (inputs + 1), random);
        double[] delta = values(rows * hidden, random);
        MatrixKernel scalar = new VectorKernel(VectorKernel.Tiles.SCALAR);
        MatrixKernel vector = new VectorKernel(VectorKernel.Tiles.VECTOR);
        double[] scalarZ = new double[rows * hidden];
        double[] vectorZ = new double[rows * hidden];
        scalar.forward(x, firstRow, rows, inputs, theta, hidden, scalarZ);
        vector.forward(x, firstRow, rows, inputs, theta, hidden, vectorZ);
        assertArrayEquals(vectorZ, scalarZ, 0.0, "forward");
        double[] scalarGradient = theta.clone();
        double[] vectorGradient = theta.clone();
        scalar.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, scalarGradient);
        vector.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, vectorGradient);
        assertArrayEquals(vectorGradient, scalarGradient, 0.0, "gradient");
    }

    @Test
    void bestIsTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent(), "tests run with the module");
        assertEquals(Kernels.vector().orElseThrow(), Kernels.best());
        assertTrue(Kernels.best().name().startsWith("vector-"), Kernels.best().name());
    }

    /** {@code length} values uniform in [−1, 1). */
    static double[] values(int length, Random random) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return values;
    }
}
