package org.hiddenneurons.core.kernel;

import org.hiddenneurons.core.Activation;


/**
 * {@link MatrixKernel} in plain Java loops, register-blocked over {@link #SAMPLE_BLOCK} examples
 * and {@link #UNIT_BLOCK} hidden units so each loaded weight and pixel is used several times.
 * The fallback when the Vector API module is absent.
 */
public final class PlainKernel implements MatrixKernel {

    /** Examples handled together in the forward product. */
    static final int SAMPLE_BLOCK = 4;
    /** Hidden units handled together in both products. */
    static final int UNIT_BLOCK = 2;

    static final PlainKernel INSTANCE = new PlainKernel();

    private PlainKernel() {
    }

    @Override
    public String name() {
        return "plain";
    }

    /** {@link SparseInputLayer} in plain loops, unpadded, a·b + c not fused (as the other products here). */
    @Override
    public InputLayer inputLayer(double[] theta, int hidden, int inputs) {
        return new SparseInputLayer(this, theta, hidden, inputs, hidden, false);
    }

    @Override
    public void forward(double[] x, int firstRow, int rows, int inputs, double[] theta, int hidden, double[] z) {
        int stride = inputs + 1;
        int r = 0;
        for (; r + SAMPLE_BLOCK <= rows; r += SAMPLE_BLOCK) {
            int x0 = (firstRow + r) * inputs;
            int x1 = x0 + inputs;
            int x2 = x1 + inputs;
            int x3 = x2 + inputs;
            int j = 0;
            for (; j + UNIT_BLOCK <= hidden; j += UNIT_BLOCK) {
                int w0 = j * stride + 1;
                int w1 = w0 + stride;
                double s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
                for (int p = 0; p < inputs; p++) {
                    double a = theta[w0 + p];
                    double b = theta[w1 + p];
                    double v0 = x[x0 + p];
                    double v1 = x[x1 + p];
                    double v2 = x[x2 + p];
                    double v3 = x[x3 + p];
                    s00 += v0 * a;
                    s01 += v0 * b;
                    s10 += v1 * a;
                    s11 += v1 * b;
                    s20 += v2 * a;
                    s21 += v2 * b;
                    s30 += v3 * a;
                    s31 += v3 * b;
                }
                double bias0 = theta[w0 - 1];
                double bias1 = theta[w1 - 1];
                int zr = r * hidden + j;
                z[zr] = bias0 + s00;
                z[zr + 1] = bias1 + s01;
                z[zr + hidden] = bias0 + s10;
                z[zr + hidden + 1] = bias1 + s11;
                z[zr + 2 * hidden] = bias0 + s20;
                z[zr + 2 * hidden + 1] = bias1 + s21;
                z[zr + 3 * hidden] = bias0 + s30;
                z[zr + 3 * hidden + 1] = bias1 + s31;
            }
            for (; j < hidden; j++) {
                for (int q = 0; q < SAMPLE_BLOCK; q++) {
                    z[(r + q) * hidden + j] = dot(x, (firstRow + r + q) * inputs, theta, j * stride, inputs);
                }
            }
        }
        for (; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                z[r * hidden + j] = dot(x, (firstRow + r) * inputs, theta, j * stride, inputs);
            }
        }
    }

    /** Θ[row][0] + Σ_p x[xOffset + p]·Θ[row][1 + p], with {@code thetaRow} the index of Θ[row][0]. */
    static double dot(double[] x, int xOffset, double[] theta, int thetaRow, int inputs) {
        double sum = 0;
        for (int p = 0; p < inputs; p++) {
            sum += x[xOffset + p] * theta[thetaRow + 1 + p];
        }
        return theta[thetaRow] + sum;
    }

    @Override
    public void accumulateGradient(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                   double[] gradient) {
        int stride = inputs + 1;
        int j = 0;
        for (; j + UNIT_BLOCK <= hidden; j += UNIT_BLOCK) {
            int g0 = j * stride;
            int g1 = g0 + stride;
            for (int r = 0; r < rows; r++) {
                gradient[g0] += delta[r * hidden + j];
                gradient[g1] += delta[r * hidden + j + 1];
            }
            // Two units × four pixels per pass; the sum over examples runs in order for each entry.
            int p = 0;
            for (; p + 4 <= inputs; p += 4) {
                double a0 = gradient[g0 + 1 + p], a1 = gradient[g0 + 2 + p];
                double a2 = gradient[g0 + 3 + p], a3 = gradient[g0 + 4 + p];
                double b0 = gradient[g1 + 1 + p], b1 = gradient[g1 + 2 + p];
                double b2 = gradient[g1 + 3 + p], b3 = gradient[g1 + 4 + p];
                for (int r = 0; r < rows; r++) {
                    double d0 = delta[r * hidden + j];
                    double d1 = delta[r * hidden + j + 1];
                    int xr = (firstRow + r) * inputs + p;
                    double v0 = x[xr], v1 = x[xr + 1], v2 = x[xr + 2], v3 = x[xr + 3];
                    a0 += d0 * v0;
                    a1 += d0 * v1;
                    a2 += d0 * v2;
                    a3 += d0 * v3;
                    b0 += d1 * v0;
                    b1 += d1 * v1;
                    b2 += d1 * v2;
                    b3 += d1 * v3;
                }
                gradient[g0 + 1 + p] = a0;
                gradient[g0 + 2 + p] = a1;
                gradient[g0 + 3 + p] = a2;
                gradient[g0 + 4 + p] = a3;
                gradient[g1 + 1 + p] = b0;
                gradient[g1 + 2 + p] = b1;
                gradient[g1 + 3 + p] = b2;
                gradient[g1 + 4 + p] = b3;
            }
            accumulatePairTail(x, firstRow, rows, inputs, delta, hidden, gradient, j, g0, g1, p, false);
        }
        for (; j < hidden; j++) {
            accumulateUnit(x, firstRow, rows, inputs, delta, hidden, gradient, j);
        }
    }

    /** The {@link #accumulateGradient} update for the single hidden unit j, four pixels per pass. */
    /**
     * The scalar remainder of a two-unit gradient tile: for inputs p = fromInput … inputs−1,
     * gradient[g0+1+p] += Σ_r δ[r][j]·x[r][p] and gradient[g1+1+p] += Σ_r δ[r][j+1]·x[r][p]
     * (rows summed in order; each a·b + c fused if {@code fused}, as in the calling kernel's tiles).
     * {@code gradient} modified.
     */
    static void accumulatePairTail(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                   double[] gradient, int j, int g0, int g1, int fromInput, boolean fused) {
        for (int p = fromInput; p < inputs; p++) {
            double a = gradient[g0 + 1 + p];
            double b = gradient[g1 + 1 + p];
            for (int r = 0; r < rows; r++) {
                double v = x[(firstRow + r) * inputs + p];
                double d0 = delta[r * hidden + j];
                double d1 = delta[r * hidden + j + 1];
                a = fused ? Math.fma(d0, v, a) : a + d0 * v;
                b = fused ? Math.fma(d1, v, b) : b + d1 * v;
            }
            gradient[g0 + 1 + p] = a;
            gradient[g1 + 1 + p] = b;
        }
    }

    static void accumulateUnit(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                       double[] gradient, int j) {
        int g0 = j * (inputs + 1);
        for (int r = 0; r < rows; r++) {
            gradient[g0] += delta[r * hidden + j];
        }
        int p = 0;
        for (; p + 4 <= inputs; p += 4) {
            double a0 = gradient[g0 + 1 + p], a1 = gradient[g0 + 2 + p];
            double a2 = gradient[g0 + 3 + p], a3 = gradient[g0 + 4 + p];
            for (int r = 0; r < rows; r++) {
                double d = delta[r * hidden + j];
                int xr = (firstRow + r) * inputs + p;
                a0 += d * x[xr];
                a1 += d * x[xr + 1];
                a2 += d * x[xr + 2];
                a3 += d * x[xr + 3];
            }
            gradient[g0 + 1 + p] = a0;
            gradient[g0 + 2 + p] = a1;
            gradient[g0 + 3 + p] = a2;
            gradient[g0 + 4 + p] = a3;
        }
        for (; p < inputs; p++) {
            double a = gradient[g0 + 1 + p];
            for (int r = 0; r < rows; r++) {
                a += delta[r * hidden + j] * x[(firstRow + r) * inputs + p];
            }
            gradient[g0 + 1 + p] = a;
        }
    }

    @Override
    public void activate(Activation g, double[] z, double[] a, int length) {
        for (int i = 0; i < length; i++) {
            a[i] = g.apply(z[i]);
        }
    }
}
