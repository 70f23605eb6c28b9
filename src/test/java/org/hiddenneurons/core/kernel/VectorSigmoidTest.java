package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link VectorSigmoid}: a few ulps from {@link Activation#sigmoid}, and the same bits in its vector and scalar loops. */
class VectorSigmoidTest {

    /** Calls for the interpreted code to be replaced by C1 and then C2 code. */
    private static final int JIT_CALLS = 20_000;
    private static final double[] EXTREMES = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
        1e-9, -1e-9, 36.7, -36.7, 700, -700, 708, -708, 708.5, -708.5, 745, -745, 800, -800,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    /** Random values in [−40, 40], with every extreme value at several lane positions. */
    private static double[] values(int length, Random random) {
        double[] z = new double[length];
        for (int i = 0; i < length; i++) {
            z[i] = (random.nextDouble() * 2 - 1) * 40;
        }
        for (int i = 0; i < EXTREMES.length; i++) {
            z[(i * 7) % length] = EXTREMES[i];
            z[(i * 13 + 3) % length] = EXTREMES[i];
        }
        return z;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void isWithinAFewUlpsOfTheLogisticFunction(boolean fused) {
        double[] z = values(2003, new Random(1));
        double[] a = new double[z.length];
        VectorSigmoid.apply(z, a, z.length, true, fused);
        for (int i = 0; i < z.length; i++) {
            double expected = Activation.sigmoid(z[i]);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(a[i]), "sigmoid(NaN) = " + a[i]);
            } else {
                assertEquals(expected, a[i], VectorSigmoid.MAX_ERROR_ULPS * Math.ulp(expected), "sigmoid(" + z[i] + ")");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void vectorAndScalarLoopsGiveTheSameBits(boolean fused) {
        double[] z = values(1001, new Random(2));
        double[] vector = new double[z.length];
        double[] scalar = new double[z.length];
        VectorSigmoid.apply(z, vector, z.length, true, fused);
        VectorSigmoid.apply(z, scalar, z.length, false, fused);
        assertArrayEquals(scalar, vector, 0.0);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToRawLongBits(VectorSigmoid.scalar(z[i], fused)),
                    Double.doubleToRawLongBits(vector[i]), "sigmoid(" + z[i] + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void resultsStayBitIdenticalWhileTheJitCompilesTheLoop(boolean fused) {
        double[] z = values(37, new Random(3));
        double[] first = new double[z.length];
        VectorSigmoid.apply(z, first, z.length, true, fused);
        double[] a = new double[z.length];
        for (int call = 0; call < JIT_CALLS; call++) {
            VectorSigmoid.apply(z, a, z.length, true, fused);
            assertArrayEquals(first, a, 0.0, "call " + call);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void givesTheSameBitsInPlace(boolean vector) {
        double[] z = values(203, new Random(4));
        double[] expected = new double[z.length];
        VectorSigmoid.apply(z, expected, z.length, vector, true);
        VectorSigmoid.apply(z, z, z.length, vector, true);
        assertArrayEquals(expected, z, 0.0);
    }
}
