package org.hiddenneurons.core.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.hiddenneurons.core.Activation;

/**
 * {@link MatrixKernel} with explicit SIMD through the JDK's Vector API (incubator module
 * {@code jdk.incubator.vector}). Only {@link Kernels} loads this class, and only when the module
 * is in the boot layer, so the rest of the program runs without it.
 *
 * <p>Forward: a 4-example × 2-unit register tile of lane-wise accumulators over the pixels, one
 * in-order lane sum per dot product. Gradient: a 6-unit × 2-vector tile of G held in registers
 * while the examples stream past (the outer-product order), so G is loaded and stored once per
 * block of examples; units left over from groups of six get 2-unit × 4-vector tiles. An odd last unit (the 25th of 25) gets 1-unit tiles (4 examples × 1 unit;
 * 1 unit × 8 vectors). Small products, remainder rows and the activations run in
 * {@link PlainKernel} (see {@link #MIN_VECTOR_INPUTS}).
 */
final class VectorKernel implements MatrixKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Vectors of pixels per gradient tile. */
    private static final int GRADIENT_VECTORS = 4;
    private static final int GRADIENT_WIDTH = GRADIENT_VECTORS * LANES;
    /** Units per {@link #gradientTileSix}, and its width in pixels (two vectors). */
    private static final int SIX_UNITS = 6;
    private static final int SIX_WIDTH = 2 * LANES;

    /**
     * Whether a·b + c uses one fused instruction: only when HotSpot has hardware FMA (the
     * {@code UseFMA} VM option), as without it the fused form is a slow software path.
     * A static constant so the JIT folds the choice away.
     */
    static final boolean USE_FMA = hasFma();

    /**
     * Products over fewer inputs than this run in {@link PlainKernel}: below two vectors the lane
     * sums cost more than the vectors save. The 25 → 10 layer and its backward pass (25 and 10
     * inputs) do use the vector tiles: 0.7 ms less per 4000 examples on one core than the plain
     * loops (BENCHMARKS.md). Remainder rows of the products use the plain loops.
     */
    static final int MIN_VECTOR_INPUTS = Integer.getInteger("hn.minvec", 8);

    /** Which tile code a kernel runs: both give the same bits, see {@link #scalarForwardTile}. */
    enum Tiles {
        /** The scalar tiles until the background warm-up has run the vector tiles, then vectors. */
        AUTO,
        /** Always the scalar tiles (for tests). */
        SCALAR,
        /** Always the vector tiles (for tests). */
        VECTOR
    }

    /** Calls of each vector tile the warm-up thread makes on dummy data before the vector tiles are used. */
    static final int WARM_UP_CALLS = 3000;
    /** Inputs of the warm-up's dummy data: small, and not a multiple of a gradient tile (so every tile runs). */
    private static final int WARM_UP_INPUTS = 68;
    private static final int WARM_UP_ROWS = 8;

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();
    private static volatile boolean vectorTilesWarm;

    private final Tiles tiles;

    VectorKernel() {
        this(Tiles.AUTO);
    }

    VectorKernel(Tiles tiles) {
        this.tiles = tiles;
    }

    /**
     * Whether this call runs the vector tiles. Until C2 has compiled them, Vector API code runs
     * ~100× slower than scalar code (every vector is an object in the interpreter and C1 code), and
     * the default training run spent over a second there. So the first calls start a daemon thread
     * that runs the vector tiles on dummy data ({@link #WARM_UP_CALLS} each) while this thread uses
     * the scalar tiles, which give the same bits; afterwards the vector tiles are used. Results
     * therefore do not depend on when the switch happens.
     */
    boolean vectorTiles() {
        switch (tiles) {
            case SCALAR:
                return false;
            case VECTOR:
                return true;
            default:
                if (vectorTilesWarm) {
                    return true;
                }
                if (WARM_UP_STARTED.compareAndSet(false, true)) {
                    Thread thread = new Thread(VectorKernel::warmUpTiles, "vector-kernel-warm-up");
                    thread.setDaemon(true);
                    thread.start();
                }
                return false;
        }
    }

    /**
     * Runs the vector tiles' warm-up on this thread unless it has started elsewhere (then returns
     * at once); afterwards {@link Tiles#AUTO} kernels use the vector tiles.
     */
    @Override
    public void warmUp() {
        if (WARM_UP_STARTED.compareAndSet(false, true)) {
            warmUpTiles();
        }
    }

    /**
     * Calls every vector tile {@link #WARM_UP_CALLS} times on dummy data. Directly, not through
     * {@link #forward} or an {@link InputLayer}: the callers that run the real work may still be
     * interpreted when the switch happens, and they call each tile's own compiled code — which
     * only direct calls get compiled (through a caller, a tile is compiled into the caller).
     */
    private static void warmUpTiles() {
        try {
            int inputs = WARM_UP_INPUTS;
            int stride = inputs + 1;
            double[] x = new double[WARM_UP_ROWS * inputs];
            double[] theta = new double[2 * stride];
            double[] z = new double[4 * 2];
            double[] delta = new double[WARM_UP_ROWS * 2];
            double[] gradient = new double[2 * stride];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 7) * 0.125;
            }
            Arrays.fill(theta, 0.01);
            Arrays.fill(delta, 0.5);
            int wideEnd = inputs - inputs % GRADIENT_WIDTH;
            int sixEnd = inputs - inputs % SIX_WIDTH;
            int wideOneEnd = inputs - inputs % (2 * GRADIENT_WIDTH);
            double[] deltaSix = new double[WARM_UP_ROWS * SIX_UNITS];
            double[] gradientSix = new double[SIX_UNITS * stride];
            Arrays.fill(deltaSix, 0.5);
            // Packed rows of eight vectors of units: room for every input-layer tile.
            int packedWidth = 2 * VectorSparseInputLayer.TILE_WIDTH;
            double[] packed = new double[(inputs + 1) * packedWidth];
            double[] packedRow = new double[packedWidth];
            double[] secondRow = new double[packedWidth];
            int[] columns = new int[inputs];
            int nonzeros = 0;
            for (int p = 0; p < inputs; p += 3) {
                columns[nonzeros++] = p;
            }
            for (int call = 0; call < WARM_UP_CALLS; call++) {
                VectorSparseInputLayer.sparseTileEight(x, 0, columns, 0, nonzeros, packed, packedWidth, 0, packedRow);
                VectorSparseInputLayer.sparseTile(x, 0, columns, 0, nonzeros, packed, packedWidth, 0, packedRow);
                VectorSparseInputLayer.denseTile(x, 0, inputs, 2, inputs, packed, packedWidth, 0, packedRow, secondRow);
                VectorSparseInputLayer.gradientTile(x, 0, columns, 0, nonzeros, packedRow, packed, packedWidth, 0);
                for (int p = 0; p < sixEnd; p += SIX_WIDTH) {
                    gradientTileSix(x, p, WARM_UP_ROWS, inputs, deltaSix, 0, SIX_UNITS, gradientSix, 1 + p, stride);
                }
                forwardTile(x, 0, inputs, theta, 1, stride, z, 0, 2);
                for (int p = 0; p < wideEnd; p += GRADIENT_WIDTH) {
                    gradientTile(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p, stride);
                }
                for (int p = wideEnd; p + LANES <= inputs; p += LANES) {
                    gradientColumn(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p, stride);
                }
                forwardTileOne(x, 0, inputs, theta, 1, z, 0, 2);
                for (int p = 0; p < wideOneEnd; p += 2 * GRADIENT_WIDTH) {
                    gradientTileOne(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p);
                }
                for (int p = wideOneEnd; p + LANES <= inputs; p += LANES) {
                    gradientColumnOne(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p);
                }
                Arrays.fill(gradient, 0.0);
                Arrays.fill(gradientSix, 0.0);
                Arrays.fill(packed, 0.0);
            }
        } finally {
            vectorTilesWarm = true;
        }
    }

    private static boolean hasFma() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The preferred vector width in lanes of doubles on this machine. */
    static int lanes() {
        return LANES;
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + (USE_FMA ? "" : "-nofma");
    }

    /** a·b + c, fused exactly when {@link #multiplyAdd} is: the scalar tiles' twin of it. */
    private static double multiplyAdd(double a, double b, double c) {
        return USE_FMA ? Math.fma(a, b, c) : a * b + c;
    }

    private static DoubleVector multiplyAdd(DoubleVector a, DoubleVector b, DoubleVector c) {
        return USE_FMA ? a.fma(b, c) : a.mul(b).add(c);
    }

    /**
     * lane 0 + lane 1 + … in that order. Not {@code reduceLanes(ADD)}: its order is unspecified and
     * differs between the interpreted and the compiled code, which would break bit-reproducibility.
     */
    private static double sumLanes(DoubleVector v) {
        double sum = v.lane(0);
        for (int i = 1; i < LANES; i++) {
            sum += v.lane(i);
        }
        return sum;
    }

    /** {@link VectorSparseInputLayer}; below {@link #MIN_VECTOR_INPUTS} inputs the plain kernel's layer. */
    @Override
    public InputLayer inputLayer(double[] theta, int hidden, int inputs) {
        if (inputs < MIN_VECTOR_INPUTS) {
            return PlainKernel.INSTANCE.inputLayer(theta, hidden, inputs);
        }
        return new VectorSparseInputLayer(this, theta, hidden, inputs);
    }

    @Override
    public void forward(double[] x, int firstRow, int rows, int inputs, double[] theta, int hidden, double[] z) {
        if (inputs < MIN_VECTOR_INPUTS) {
            PlainKernel.INSTANCE.forward(x, firstRow, rows, inputs, theta, hidden, z);
            return;
        }
        int stride = inputs + 1;
        boolean vectors = vectorTiles();
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int x0 = (firstRow + r) * inputs;
            int j = 0;
            for (; j + 2 <= hidden; j += 2) {
                if (vectors) {
                    forwardTile(x, x0, inputs, theta, j * stride + 1, stride, z, r * hidden + j, hidden);
                } else {
                    scalarForwardTile(x, x0, inputs, theta, j * stride + 1, stride, z, r * hidden + j, hidden, 2);
                }
            }
            if (j < hidden) {
                // The odd unit out (e.g. the 25th): a 4-example × 1-unit tile, not scalar dot products.
                if (vectors) {
                    forwardTileOne(x, x0, inputs, theta, j * stride + 1, z, r * hidden + j, hidden);
                } else {
                    scalarForwardTile(x, x0, inputs, theta, j * stride + 1, stride, z, r * hidden + j, hidden, 1);
                }
            }
        }
        for (; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                z[r * hidden + j] = PlainKernel.dot(x, (firstRow + r) * inputs, theta, j * stride, inputs);
            }
        }
    }

    /**
     * One 4-example × 2-unit tile of {@link #forward}: z[zr + q·hidden + u] for the examples whose
     * pixels start at x0 + q·inputs (q = 0..3) and the units whose weights (after the bias) start at
     * w0 + u·stride (u = 0, 1). A small method of its own, with vectors only as locals, so the JIT
     * compiles this hot loop soon and cheaply while the loops around it stay scalar.
     */
    private static void forwardTile(double[] x, int x0, int inputs, double[] theta, int w0, int stride,
                                    double[] z, int zr, int hidden) {
        int x1 = x0 + inputs;
        int x2 = x1 + inputs;
        int x3 = x2 + inputs;
        int w1 = w0 + stride;
        int vectorEnd = SPECIES.loopBound(inputs);
        DoubleVector s00 = DoubleVector.zero(SPECIES), s01 = DoubleVector.zero(SPECIES);
        DoubleVector s10 = DoubleVector.zero(SPECIES), s11 = DoubleVector.zero(SPECIES);
        DoubleVector s20 = DoubleVector.zero(SPECIES), s21 = DoubleVector.zero(SPECIES);
        DoubleVector s30 = DoubleVector.zero(SPECIES), s31 = DoubleVector.zero(SPECIES);
        int p = 0;
        for (; p < vectorEnd; p += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, theta, w0 + p);
            DoubleVector b = DoubleVector.fromArray(SPECIES, theta, w1 + p);
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, x0 + p);
            s00 = multiplyAdd(v, a, s00);
            s01 = multiplyAdd(v, b, s01);
            v = DoubleVector.fromArray(SPECIES, x, x1 + p);
            s10 = multiplyAdd(v, a, s10);
            s11 = multiplyAdd(v, b, s11);
            v = DoubleVector.fromArray(SPECIES, x, x2 + p);
            s20 = multiplyAdd(v, a, s20);
            s21 = multiplyAdd(v, b, s21);
            v = DoubleVector.fromArray(SPECIES, x, x3 + p);
            s30 = multiplyAdd(v, a, s30);
            s31 = multiplyAdd(v, b, s31);
        }
        double t00 = sumLanes(s00), t01 = sumLanes(s01);
        double t10 = sumLanes(s10), t11 = sumLanes(s11);
        double t20 = sumLanes(s20), t21 = sumLanes(s21);
        double t30 = sumLanes(s30), t31 = sumLanes(s31);
        for (; p < inputs; p++) {
            double a = theta[w0 + p];
            double b = theta[w1 + p];
            t00 += x[x0 + p] * a;
            t01 += x[x0 + p] * b;
            t10 += x[x1 + p] * a;
            t11 += x[x1 + p] * b;
            t20 += x[x2 + p] * a;
            t21 += x[x2 + p] * b;
            t30 += x[x3 + p] * a;
            t31 += x[x3 + p] * b;
        }
        double bias0 = theta[w0 - 1];
        double bias1 = theta[w1 - 1];
        z[zr] = bias0 + t00;
        z[zr + 1] = bias1 + t01;
        z[zr + hidden] = bias0 + t10;
        z[zr + hidden + 1] = bias1 + t11;
        z[zr + 2 * hidden] = bias0 + t20;
        z[zr + 2 * hidden + 1] = bias1 + t21;
        z[zr + 3 * hidden] = bias0 + t30;
        z[zr + 3 * hidden + 1] = bias1 + t31;
    }

    /** A 4-example × 1-unit tile of {@link #forward}, arguments as {@link #forwardTile} (unit 0 only). */
    private static void forwardTileOne(double[] x, int x0, int inputs, double[] theta, int w0,
                                       double[] z, int zr, int hidden) {
        int x1 = x0 + inputs;
        int x2 = x1 + inputs;
        int x3 = x2 + inputs;
        int vectorEnd = SPECIES.loopBound(inputs);
        DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = DoubleVector.zero(SPECIES);
        DoubleVector s2 = DoubleVector.zero(SPECIES), s3 = DoubleVector.zero(SPECIES);
        int p = 0;
        for (; p < vectorEnd; p += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, theta, w0 + p);
            s0 = multiplyAdd(DoubleVector.fromArray(SPECIES, x, x0 + p), a, s0);
            s1 = multiplyAdd(DoubleVector.fromArray(SPECIES, x, x1 + p), a, s1);
            s2 = multiplyAdd(DoubleVector.fromArray(SPECIES, x, x2 + p), a, s2);
            s3 = multiplyAdd(DoubleVector.fromArray(SPECIES, x, x3 + p), a, s3);
        }
        double t0 = sumLanes(s0), t1 = sumLanes(s1), t2 = sumLanes(s2), t3 = sumLanes(s3);
        for (; p < inputs; p++) {
            double a = theta[w0 + p];
            t0 += x[x0 + p] * a;
            t1 += x[x1 + p] * a;
            t2 += x[x2 + p] * a;
            t3 += x[x3 + p] * a;
        }
        double bias = theta[w0 - 1];
        z[zr] = bias + t0;
        z[zr + hidden] = bias + t1;
        z[zr + 2 * hidden] = bias + t2;
        z[zr + 3 * hidden] = bias + t3;
    }

    @Override
    public void accumulateGradient(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                   double[] gradient) {
        if (inputs < MIN_VECTOR_INPUTS) {
            PlainKernel.INSTANCE.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, gradient);
            return;
        }
        int stride = inputs + 1;
        boolean vectors = vectorTiles();
        int xr = firstRow * inputs;
        int sixEnd = inputs - inputs % SIX_WIDTH;
        int j = 0;
        for (; j + SIX_UNITS <= hidden; j += SIX_UNITS) {
            int g0 = j * stride;
            int p = 0;
            for (; p < sixEnd; p += SIX_WIDTH) {
                if (vectors) {
                    gradientTileSix(x, xr + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p, stride);
                } else {
                    for (int u = 0; u < SIX_UNITS; u += 2) {
                        scalarGradientTile(x, xr + p, rows, inputs, delta, j + u, hidden, gradient,
                                g0 + u * stride + 1 + p, stride, SIX_WIDTH, 2);
                    }
                }
            }
            for (int u = 0; u < SIX_UNITS; u += 2) {
                accumulatePair(x, firstRow, rows, inputs, delta, hidden, gradient, j + u, p, vectors);
            }
        }
        for (; j + 2 <= hidden; j += 2) {
            accumulatePair(x, firstRow, rows, inputs, delta, hidden, gradient, j, 0, vectors);
        }
        if (j < hidden) {
            // The odd unit out: 1-unit tiles of twice the width, so as many sums stay in flight.
            int vectorEnd = SPECIES.loopBound(inputs);
            int g0 = j * stride;
            for (int r = 0; r < rows; r++) {
                gradient[g0] += delta[r * hidden + j];
            }
            int wideOneEnd = inputs - inputs % (2 * GRADIENT_WIDTH);
            int p = 0;
            for (; p < wideOneEnd; p += 2 * GRADIENT_WIDTH) {
                if (vectors) {
                    gradientTileOne(x, firstRow * inputs + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p);
                } else {
                    scalarGradientTile(x, firstRow * inputs + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p,
                            stride, 2 * GRADIENT_WIDTH, 1);
                }
            }
            for (; p < vectorEnd; p += LANES) {
                if (vectors) {
                    gradientColumnOne(x, firstRow * inputs + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p);
                } else {
                    scalarGradientTile(x, firstRow * inputs + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p,
                            stride, LANES, 1);
                }
            }
            for (; p < inputs; p++) {
                double a = gradient[g0 + 1 + p];
                for (int r = 0; r < rows; r++) {
                    a = multiplyAdd(delta[r * hidden + j], x[(firstRow + r) * inputs + p], a);
                }
                gradient[g0 + 1 + p] = a;
            }
        }
    }

    /**
     * Units j and j + 1 of {@link #accumulateGradient}: their bias column, then their pixel columns
     * from {@code fromInput} on ({@link #gradientTile}s, then {@link #gradientColumn}s, then plain
     * loops for the last few).
     */
    private void accumulatePair(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                                double[] gradient, int j, int fromInput, boolean vectors) {
        int stride = inputs + 1;
        int g0 = j * stride;
        int g1 = g0 + stride;
        for (int r = 0; r < rows; r++) {
            gradient[g0] += delta[r * hidden + j];
            gradient[g1] += delta[r * hidden + j + 1];
        }
        int xr = firstRow * inputs;
        int wideEnd = fromInput + (inputs - fromInput) / GRADIENT_WIDTH * GRADIENT_WIDTH;
        int vectorEnd = fromInput + SPECIES.loopBound(inputs - fromInput);
        int p = fromInput;
        for (; p < wideEnd; p += GRADIENT_WIDTH) {
            if (vectors) {
                gradientTile(x, xr + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p, stride);
            } else {
                scalarGradientTile(x, xr + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p, stride,
                        GRADIENT_WIDTH, 2);
            }
        }
        for (; p < vectorEnd; p += LANES) {
            if (vectors) {
                gradientColumn(x, xr + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p, stride);
            } else {
                scalarGradientTile(x, xr + p, rows, inputs, delta, j, hidden, gradient, g0 + 1 + p, stride, LANES, 2);
            }
        }
        PlainKernel.accumulatePairTail(x, firstRow, rows, inputs, delta, hidden, gradient, j, g0, g1, p, USE_FMA);
    }

    /**
     * A {@link #SIX_UNITS}-unit × 2-vector tile of {@link #accumulateGradient}: the G entries from
     * index a + u·stride (unit j + u, u = 0..5), {@link #SIX_WIDTH} pixels each, stay in twelve
     * registers while the rows stream past; per row two vectors of x and six broadcast δ values
     * feed twelve fused multiply-adds. Fewer vector loads per multiply-add than {@link #gradientTile}
     * (2 : 12 against 4 : 8), which is what limits these loops here: the 400→25 gradient went from
     * ~6 ms to ~4 ms per 4000 examples on one core (BENCHMARKS.md). Each entry still sums its rows
     * in order, so the bits are those of every other tile.
     */
    private static void gradientTileSix(double[] x, int xr, int rows, int inputs, double[] delta, int dr, int hidden,
                                        double[] gradient, int a, int stride) {
        int a1 = a + stride;
        int a2 = a1 + stride;
        int a3 = a2 + stride;
        int a4 = a3 + stride;
        int a5 = a4 + stride;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, gradient, a);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, gradient, a + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, gradient, a1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, gradient, a1 + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, gradient, a2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, gradient, a2 + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, gradient, a3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, gradient, a3 + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, gradient, a4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, gradient, a4 + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, gradient, a5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, gradient, a5 + LANES);
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, x, xr);
            DoubleVector v1 = DoubleVector.fromArray(SPECIES, x, xr + LANES);
            DoubleVector d = DoubleVector.broadcast(SPECIES, delta[dr]);
            c00 = multiplyAdd(d, v0, c00);
            c01 = multiplyAdd(d, v1, c01);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 1]);
            c10 = multiplyAdd(d, v0, c10);
            c11 = multiplyAdd(d, v1, c11);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 2]);
            c20 = multiplyAdd(d, v0, c20);
            c21 = multiplyAdd(d, v1, c21);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 3]);
            c30 = multiplyAdd(d, v0, c30);
            c31 = multiplyAdd(d, v1, c31);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 4]);
            c40 = multiplyAdd(d, v0, c40);
            c41 = multiplyAdd(d, v1, c41);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 5]);
            c50 = multiplyAdd(d, v0, c50);
            c51 = multiplyAdd(d, v1, c51);
        }
        c00.intoArray(gradient, a);
        c01.intoArray(gradient, a + LANES);
        c10.intoArray(gradient, a1);
        c11.intoArray(gradient, a1 + LANES);
        c20.intoArray(gradient, a2);
        c21.intoArray(gradient, a2 + LANES);
        c30.intoArray(gradient, a3);
        c31.intoArray(gradient, a3 + LANES);
        c40.intoArray(gradient, a4);
        c41.intoArray(gradient, a4 + LANES);
        c50.intoArray(gradient, a5);
        c51.intoArray(gradient, a5 + LANES);
    }

    /**
     * One 2-unit × {@link #GRADIENT_VECTORS}-vector tile of {@link #accumulateGradient}: the G
     * entries from index a (unit j) and a + stride (unit j + 1) stay in registers while the rows
     * stream past; x from index xr, δ from index dr (= j), one row further each step. A method
     * of its own for the JIT, as {@link #forwardTile}.
     */
    private static void gradientTile(double[] x, int xr, int rows, int inputs, double[] delta, int dr, int hidden,
                                     double[] gradient, int a, int stride) {
        int b = a + stride;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, a);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, gradient, a + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, gradient, a + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, gradient, a + 3 * LANES);
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, gradient, b);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, gradient, b + LANES);
        DoubleVector b2 = DoubleVector.fromArray(SPECIES, gradient, b + 2 * LANES);
        DoubleVector b3 = DoubleVector.fromArray(SPECIES, gradient, b + 3 * LANES);
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            DoubleVector d0 = DoubleVector.broadcast(SPECIES, delta[dr]);
            DoubleVector d1 = DoubleVector.broadcast(SPECIES, delta[dr + 1]);
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, xr);
            a0 = multiplyAdd(d0, v, a0);
            b0 = multiplyAdd(d1, v, b0);
            v = DoubleVector.fromArray(SPECIES, x, xr + LANES);
            a1 = multiplyAdd(d0, v, a1);
            b1 = multiplyAdd(d1, v, b1);
            v = DoubleVector.fromArray(SPECIES, x, xr + 2 * LANES);
            a2 = multiplyAdd(d0, v, a2);
            b2 = multiplyAdd(d1, v, b2);
            v = DoubleVector.fromArray(SPECIES, x, xr + 3 * LANES);
            a3 = multiplyAdd(d0, v, a3);
            b3 = multiplyAdd(d1, v, b3);
        }
        a0.intoArray(gradient, a);
        a1.intoArray(gradient, a + LANES);
        a2.intoArray(gradient, a + 2 * LANES);
        a3.intoArray(gradient, a + 3 * LANES);
        b0.intoArray(gradient, b);
        b1.intoArray(gradient, b + LANES);
        b2.intoArray(gradient, b + 2 * LANES);
        b3.intoArray(gradient, b + 3 * LANES);
    }

    /** A 2-unit × 1-vector tile of {@link #accumulateGradient}, arguments as {@link #gradientTile}. */
    private static void gradientColumn(double[] x, int xr, int rows, int inputs, double[] delta, int dr, int hidden,
                                       double[] gradient, int a, int stride) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, a);
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, gradient, a + stride);
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, xr);
            a0 = multiplyAdd(DoubleVector.broadcast(SPECIES, delta[dr]), v, a0);
            b0 = multiplyAdd(DoubleVector.broadcast(SPECIES, delta[dr + 1]), v, b0);
        }
        a0.intoArray(gradient, a);
        b0.intoArray(gradient, a + stride);
    }

    /**
     * A 1-unit × 2·{@link #GRADIENT_VECTORS}-vector tile of {@link #accumulateGradient} for the
     * odd unit out, arguments as {@link #gradientTile} (no second unit).
     */
    private static void gradientTileOne(double[] x, int xr, int rows, int inputs, double[] delta, int dr, int hidden,
                                        double[] gradient, int a) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, a);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, gradient, a + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, gradient, a + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, gradient, a + 3 * LANES);
        DoubleVector a4 = DoubleVector.fromArray(SPECIES, gradient, a + 4 * LANES);
        DoubleVector a5 = DoubleVector.fromArray(SPECIES, gradient, a + 5 * LANES);
        DoubleVector a6 = DoubleVector.fromArray(SPECIES, gradient, a + 6 * LANES);
        DoubleVector a7 = DoubleVector.fromArray(SPECIES, gradient, a + 7 * LANES);
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            DoubleVector d = DoubleVector.broadcast(SPECIES, delta[dr]);
            a0 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr), a0);
            a1 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + LANES), a1);
            a2 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 2 * LANES), a2);
            a3 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 3 * LANES), a3);
            a4 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 4 * LANES), a4);
            a5 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 5 * LANES), a5);
            a6 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 6 * LANES), a6);
            a7 = multiplyAdd(d, DoubleVector.fromArray(SPECIES, x, xr + 7 * LANES), a7);
        }
        a0.intoArray(gradient, a);
        a1.intoArray(gradient, a + LANES);
        a2.intoArray(gradient, a + 2 * LANES);
        a3.intoArray(gradient, a + 3 * LANES);
        a4.intoArray(gradient, a + 4 * LANES);
        a5.intoArray(gradient, a + 5 * LANES);
        a6.intoArray(gradient, a + 6 * LANES);
        a7.intoArray(gradient, a + 7 * LANES);
    }

    /** A 1-unit × 1-vector tile of {@link #accumulateGradient}, arguments as {@link #gradientTileOne}. */
    private static void gradientColumnOne(double[] x, int xr, int rows, int inputs, double[] delta, int dr, int hidden,
                                          double[] gradient, int a) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, a);
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            a0 = multiplyAdd(DoubleVector.broadcast(SPECIES, delta[dr]), DoubleVector.fromArray(SPECIES, x, xr), a0);
        }
        a0.intoArray(gradient, a);
    }

    /**
     * {@link #forwardTile} ({@code units} = 2) or {@link #forwardTileOne} (1) in scalar code, with the same bits: lane l of each vector accumulator is
     * the chain over p ≡ l (mod lanes) in increasing p, fused exactly when the vectors are, and the
     * lanes are summed in order as {@link #sumLanes} does.
     */
    private static void scalarForwardTile(double[] x, int x0, int inputs, double[] theta, int w0, int stride,
                                          double[] z, int zr, int hidden, int units) {
        int vectorEnd = SPECIES.loopBound(inputs);
        for (int q = 0; q < 4; q++) {
            int xq = x0 + q * inputs;
            for (int u = 0; u < units; u++) {
                int wu = w0 + u * stride;
                double total = 0.0;
                for (int lane = 0; lane < LANES; lane++) {
                    double chain = 0.0;
                    for (int p = lane; p < vectorEnd; p += LANES) {
                        chain = multiplyAdd(x[xq + p], theta[wu + p], chain);
                    }
                    total = lane == 0 ? chain : total + chain;
                }
                for (int p = vectorEnd; p < inputs; p++) {
                    total += x[xq + p] * theta[wu + p];
                }
                z[zr + q * hidden + u] = theta[wu - 1] + total;
            }
        }
    }

    /**
     * {@link #gradientTile} (width {@link #GRADIENT_WIDTH}) or {@link #gradientColumn} (width
     * {@link #LANES}) in scalar code, or with {@code units} = 1 {@link #gradientTileOne} (width
     * 2·{@link #GRADIENT_WIDTH}) or {@link #gradientColumnOne}, with the same bits: each entry sums
     * its rows in order.
     */
    private static void scalarGradientTile(double[] x, int xr, int rows, int inputs, double[] delta, int dr,
                                           int hidden, double[] gradient, int a, int stride, int width, int units) {
        int b = a + stride;
        for (int r = 0; r < rows; r++, xr += inputs, dr += hidden) {
            double d0 = delta[dr];
            for (int i = 0; i < width; i++) {
                gradient[a + i] = multiplyAdd(d0, x[xr + i], gradient[a + i]);
            }
            if (units == 2) {
                double d1 = delta[dr + 1];
                for (int i = 0; i < width; i++) {
                    gradient[b + i] = multiplyAdd(d1, x[xr + i], gradient[b + i]);
                }
            }
        }
    }

    /**
     * a = g(z) in plain Java ({@link Activation#apply}, so the same values as {@link PlainKernel}):
     * a block's z is small next to its products, and vector code for it would add to the JIT's
     * warm-up (see {@link #MIN_VECTOR_INPUTS}).
     */
    @Override
    public void activate(Activation g, double[] z, double[] a, int length) {
        PlainKernel.INSTANCE.activate(g, z, a, length);
    }
}
