package org.hiddenneurons.core.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
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
 * 1 unit × 8 vectors). The sigmoid runs in {@link VectorSigmoid}. Small products, remainder rows
 * and the other activations run in
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
    static final int MIN_VECTOR_INPUTS = 8;

    /** Which tile code a kernel runs: both give the same bits, see {@link #scalarForwardTile}. */
    enum Tiles {
        /** The scalar tiles until the background warm-up has run the vector tiles, then vectors. */
        AUTO,
        /** Always the scalar tiles (for tests). */
        SCALAR,
        /** Always the vector tiles (for tests). */
        VECTOR,
        /** The vector tiles but those of {@link #ONLY_WHEN_COMPILED}, as before the warm-up is through with those (for tests). */
        VECTOR_FIRST_STAGES
    }

    /**
     * Calls of each vector tile the warm-up makes first, in turns, so that the JIT queues its C2
     * compile (HotSpot's tier-4 threshold counts calls and loop iterations: 15 000, raised while
     * the compiler is busy).
     */
    static final int WARM_UP_CALLS = 3000;
    /** Calls of a tile per turn while it has fewer than {@link #WARM_UP_CALLS}. */
    static final int WARM_UP_BATCH = 50;
    /** Calls per turn afterwards: a check. */
    static final int WARM_UP_CHECK = 4;
    /** Bytes a turn may allocate and still show the tile compiled (one call of slow vector code takes thousands). */
    static final long COMPILED_TURN_BYTES = 256;
    /** The pause between rounds of checks, leaving the CPU to the real work and the compiler. */
    private static final long COMPILE_WAIT_MILLIS = 5;
    /**
     * The pause before the last stage, the tiles used only once compiled: a short run (the
     * default {@code train} is over in under a second) keeps the CPU, and a long one gets the
     * faster tiles a few seconds in.
     */
    private static final long LAST_STAGE_DELAY_MILLIS = 2000;
    /** The warm-up gives up after this long; tiles not compiled by then stay scalar. */
    private static final long WARM_UP_LIMIT_MILLIS = 20_000;
    /**
     * Inputs of the warm-up's dummy data: small, not a multiple of a gradient tile (so every tile
     * runs), and odd, so that the forward tiles' scalar tail after the vectors runs too, as it
     * does for the course network's 25 hidden units (with 68 it never ran, and the compiled
     * forward tiles were thrown away when training reached its second layer).
     */
    private static final int WARM_UP_INPUTS = 69;
    private static final int WARM_UP_ROWS = 8;
    /** Rows of the warm-up's data for the pixel gradient tiles: 9 of the first 16. */
    private static final long WARM_UP_ROW_MASK = 0b1010_1101_0110_1011L;
    private static final int WARM_UP_PIXEL_ROWS = 16;
    /** Values per call of the warm-up's sigmoid: eight vectors. */
    private static final int WARM_UP_SIGMOID_VALUES = 8 * LANES;

    /* The vector tiles (and loops), one bit each in compiledTiles. */
    static final int SPARSE_EIGHT = 1;
    static final int SPARSE_FOUR = 1 << 1;
    static final int DENSE_PAIR = 1 << 2;
    static final int PIXEL_EIGHT = 1 << 3;
    static final int PIXEL_FOUR = 1 << 4;
    static final int SIGMOID = 1 << 5;
    private static final int FORWARD = 1 << 6;
    private static final int FORWARD_ONE = 1 << 7;
    private static final int GRADIENT_SIX = 1 << 8;
    private static final int GRADIENT = 1 << 9;
    private static final int GRADIENT_COLUMN = 1 << 10;
    private static final int GRADIENT_ONE = 1 << 11;
    private static final int GRADIENT_COLUMN_ONE = 1 << 12;
    static final int ROW_GRADIENT = 1 << 13;
    /** The tiles of {@link #forward} and of {@link #accumulateGradient}. */
    private static final int FORWARD_TILES = FORWARD | FORWARD_ONE;
    /**
     * Tiles used only once the warm-up has seen them compiled; the others are used once they have
     * had {@link #WARM_UP_CALLS}, when the JIT has queued their compile, and the real work's calls
     * get them compiled soon (waiting for proof took seconds on a busy machine, as HotSpot's
     * compiler serves the methods called most first, and made the default run slower). These
     * three replace loops that are fast already (the gradient row by row, the plain sigmoid), and
     * the sigmoid's slow code costs twenty times a tile's per call.
     */
    private static final int ONLY_WHEN_COMPILED = SIGMOID | PIXEL_EIGHT | PIXEL_FOUR;
    private static final int GRADIENT_TILES = GRADIENT_SIX | GRADIENT | GRADIENT_COLUMN | GRADIENT_ONE | GRADIENT_COLUMN_ONE;

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();
    /** The tiles the warm-up has seen run as compiled code (bits as {@link #SPARSE_EIGHT}); written by the warm-up only. */
    private static volatile int compiledTiles;

    private final Tiles tiles;

    VectorKernel() {
        this(Tiles.AUTO);
    }

    VectorKernel(Tiles tiles) {
        this.tiles = tiles;
    }

    /**
     * Whether this call runs the given vector tiles (bits as {@link #SPARSE_EIGHT}). Until C2 has
     * compiled a tile, Vector API code runs ~100× slower than scalar code (every vector is an
     * object in the interpreter and C1 code), and the default training run spent over a second
     * there. So the first call starts a daemon thread that runs the vector tiles on dummy data
     * ({@link WarmUp}) while the callers use the scalar tiles, which give the same bits; each
     * caller switches to its vector tiles once the warm-up is through with them. Results therefore
     * do not depend on when the switches happen.
     */
    boolean vectorTiles(int tilesNeeded) {
        switch (tiles) {
            case SCALAR:
                return false;
            case VECTOR:
                return true;
            case VECTOR_FIRST_STAGES:
                return (tilesNeeded & ONLY_WHEN_COMPILED) == 0;
            default:
                if ((compiledTiles & tilesNeeded) == tilesNeeded) {
                    return true;
                }
                if (WARM_UP_STARTED.compareAndSet(false, true)) {
                    WarmUpThread.start("vector-kernel-warm-up", VectorKernel::warmUpTiles);
                }
                return false;
        }
    }

    /**
     * Runs the vector tiles' warm-up on this thread unless it has started elsewhere (then returns
     * at once); afterwards {@link Tiles#AUTO} kernels use the vector tiles, except those of
     * {@link #ONLY_WHEN_COMPILED}, which a daemon thread goes on warming up.
     */
    @Override
    public void warmUp() {
        if (WARM_UP_STARTED.compareAndSet(false, true)) {
            warmUpTiles();
        }
    }

    /**
     * Runs the warm-up ({@link WarmUp}) of every vector tile on dummy data. Tiles are called
     * directly, not through {@link #forward} or an {@link InputLayer}: the callers that run the
     * real work call each tile's own compiled code (the tiles are too large to be inlined into
     * them), and only direct calls get it compiled.
     */
    private static void warmUpTiles() {
        new WarmUp(warmUpCalls(), WARM_UP_STAGES, WARM_UP_TILES, ONLY_WHEN_COMPILED, LAST_STAGE_DELAY_MILLIS,
                WARM_UP_LIMIT_MILLIS, tile -> compiledTiles |= tile).run();
    }

    /** The tiles of {@link #warmUpCalls}, in order (bits as {@link #SPARSE_EIGHT}). */
    private static final int[] WARM_UP_TILES = {SPARSE_EIGHT, ROW_GRADIENT, FORWARD, FORWARD_ONE,
        GRADIENT_SIX, GRADIENT, GRADIENT_COLUMN, GRADIENT_ONE, GRADIENT_COLUMN_ONE, SPARSE_FOUR,
        DENSE_PAIR, PIXEL_EIGHT, PIXEL_FOUR, SIGMOID};
    /**
     * The warm-up's stage of each of {@link #WARM_UP_TILES}: the course network's input layer
     * first, then its small products, then the tiles of other shapes and of dense data, so that
     * the compiles the default training run needs queue first; last, on a daemon thread, the
     * tiles of {@link #ONLY_WHEN_COMPILED}.
     */
    private static final int[] WARM_UP_STAGES = {0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3};

    /** One call of each vector tile on dummy data, in the order of {@link #WARM_UP_TILES}. */
    private static Runnable[] warmUpCalls() {
        int inputs = WARM_UP_INPUTS;
        int stride = inputs + 1;
        double[] x = new double[WARM_UP_PIXEL_ROWS * inputs];
        double[] theta = new double[2 * stride];
        double[] z = new double[4 * 2];
        double[] delta = new double[WARM_UP_ROWS * 2];
        double[] gradient = new double[2 * stride];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) * 0.125;
        }
        Arrays.fill(theta, 0.01);
        Arrays.fill(delta, 0.5);
        int sixEnd = inputs - inputs % SIX_WIDTH;
        int wideEnd = inputs - inputs % GRADIENT_WIDTH;
        int wideOneEnd = inputs - inputs % (2 * GRADIENT_WIDTH);
        double[] deltaSix = new double[WARM_UP_ROWS * SIX_UNITS];
        double[] gradientSix = new double[SIX_UNITS * stride];
        Arrays.fill(deltaSix, 0.5);
        // Packed rows of eight vectors of units: room for every input-layer tile.
        int packedWidth = 2 * VectorSparseInputLayer.TILE_WIDTH;
        double[] packed = new double[(inputs + 1) * packedWidth];
        double[] packedRow = new double[packedWidth];
        double[] secondRow = new double[packedWidth];
        double[] sigmoid = new double[WARM_UP_SIGMOID_VALUES];
        int[] columns = new int[inputs];
        int listed = 0;
        for (int p = 0; p < inputs; p += 3) {
            columns[listed++] = p;
        }
        int nonzeros = listed;
        // Outputs only grow linearly, a few units a call: no overflow and no subnormal values.
        return new Runnable[] {
            () -> VectorSparseInputLayer.sparseTileEight(x, 0, columns, 0, nonzeros, packed, packedWidth, 0, packedRow),
            () -> VectorSparseInputLayer.gradientTile(x, 0, columns, 0, nonzeros, packedRow, packed, packedWidth, 0),
            () -> forwardTile(x, 0, inputs, theta, 1, stride, z, 0, 2),
            () -> forwardTileOne(x, 0, inputs, theta, 1, z, 0, 2),
            () -> {
                for (int p = 0; p < sixEnd; p += SIX_WIDTH) {
                    gradientTileSix(x, p, WARM_UP_ROWS, inputs, deltaSix, 0, SIX_UNITS, gradientSix, 1 + p, stride);
                }
            },
            () -> {
                for (int p = 0; p < wideEnd; p += GRADIENT_WIDTH) {
                    gradientTile(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p, stride);
                }
            },
            () -> {
                for (int p = wideEnd; p + LANES <= inputs; p += LANES) {
                    gradientColumn(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p, stride);
                }
            },
            () -> {
                for (int p = 0; p < wideOneEnd; p += 2 * GRADIENT_WIDTH) {
                    gradientTileOne(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p);
                }
            },
            () -> {
                for (int p = wideOneEnd; p + LANES <= inputs; p += LANES) {
                    gradientColumnOne(x, p, WARM_UP_ROWS, inputs, delta, 0, 2, gradient, 1 + p);
                }
            },
            () -> VectorSparseInputLayer.sparseTile(x, 0, columns, 0, nonzeros, packed, packedWidth, 0, packedRow),
            () -> VectorSparseInputLayer.denseTile(x, 0, inputs, 2, inputs, packed, packedWidth, 0, packedRow, secondRow),
            () -> VectorSparseInputLayer.pixelTileEight(x, 0, inputs, WARM_UP_ROW_MASK, packed, packedWidth, packedRow, 0, 0),
            () -> VectorSparseInputLayer.pixelTile(x, 0, inputs, WARM_UP_ROW_MASK, packed, packedWidth, packedRow, 0, 0),
            () -> VectorSigmoid.apply(x, sigmoid, WARM_UP_SIGMOID_VALUES, true, USE_FMA),
        };
    }

    /**
     * Runs calls on dummy data in turns: {@link #WARM_UP_BATCH} calls a turn until a call has had
     * {@link #WARM_UP_CALLS}, then {@link #WARM_UP_CHECK}. A call is through once a turn of it
     * allocates at most {@link #COMPILED_TURN_BYTES} — the sign that C2 has compiled it with the
     * Vector API's intrinsics, as interpreted, C1 or half-intrinsified code allocates an object per
     * vector — or, unless its tag is in {@code onlyWhenCompiled}, once it has had its calls; then
     * its tag goes to {@code done}. The calls of a stage join the turns once those of the stages
     * before have had their calls. {@link #run} returns before the last stage, and a daemon thread
     * goes on, after a pause, with the last stage and the calls left: every one of them takes a
     * turn every {@link #COMPILE_WAIT_MILLIS}, as HotSpot drops the queued compile of a method
     * that is not called for a while.
     */
    static final class WarmUp {
        private final Runnable[] calls;
        private final int[] stages;
        private final int[] tags;
        private final int onlyWhenCompiled;
        private final long lastStageDelayMillis;
        private final IntConsumer done;
        private final long deadline;
        /** Null if this JVM cannot measure a thread's allocations: then no call counts as compiled. */
        private final com.sun.management.ThreadMXBean allocations = allocations();
        private final boolean[] finished;
        private final int[] made;
        private int remaining;

        /**
         * @param stages each call's stage: 0, 1, … in order
         * @param tags   each call's tag for {@code done}
         * @param limitMillis after this long, the calls not through yet are given up
         */
        WarmUp(Runnable[] calls, int[] stages, int[] tags, int onlyWhenCompiled, long lastStageDelayMillis,
               long limitMillis, IntConsumer done) {
            this.calls = calls;
            this.stages = stages;
            this.tags = tags;
            this.onlyWhenCompiled = onlyWhenCompiled;
            this.lastStageDelayMillis = lastStageDelayMillis;
            this.done = done;
            deadline = System.nanoTime() + limitMillis * 1_000_000L;
            finished = new boolean[calls.length];
            made = new int[calls.length];
            remaining = calls.length;
        }

        /** Runs the stages but the last on this thread, then starts the daemon thread for the rest. */
        void run() {
            int lastStage = stages[stages.length - 1];
            for (int stage = 0; stage < lastStage; stage++) {
                while (!turns(stage)) {
                    // the stage's calls have not all had WARM_UP_CALLS yet
                }
            }
            if (remaining > 0) {
                WarmUpThread.start("vector-kernel-warm-up-last", this::finish);
            }
        }

        private void finish() {
            try {
                Thread.sleep(lastStageDelayMillis);
                while (remaining > 0 && System.nanoTime() - deadline < 0) {
                    turns(stages[stages.length - 1]);
                    Thread.sleep(COMPILE_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** One turn of each call left up to the given stage; whether all of them have had their calls (or time is up). */
        private boolean turns(int stage) {
            boolean allMade = true;
            for (int i = 0; i < calls.length && stages[i] <= stage; i++) {
                if (finished[i]) {
                    continue;
                }
                int turn = made[i] < WARM_UP_CALLS ? WARM_UP_BATCH : WARM_UP_CHECK;
                long before = allocated();
                for (int call = 0; call < turn; call++) {
                    calls[i].run();
                }
                made[i] += turn;
                boolean compiled = before >= 0 && allocated() - before <= COMPILED_TURN_BYTES;
                if (compiled || (made[i] >= WARM_UP_CALLS && (tags[i] & onlyWhenCompiled) == 0)) {
                    finished[i] = true;
                    remaining--;
                    done.accept(tags[i]);
                } else if (made[i] < WARM_UP_CALLS) {
                    allMade = false;
                }
            }
            return allMade || System.nanoTime() - deadline > 0;
        }

        /** Bytes this thread has allocated so far, or −1 if unknown. */
        private long allocated() {
            return allocations == null ? -1 : allocations.getCurrentThreadAllocatedBytes();
        }

        private static com.sun.management.ThreadMXBean allocations() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                    && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
                return threads;
            }
            return null;
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

    /**
     * a·b + c, fused exactly when the vector tiles are. They write {@code USE_FMA ? a.fma(b, c) :
     * a.mul(b).add(c)} out rather than call a helper: a vector passed to a call the JIT does not
     * inline becomes a heap object, and the tile runs many times slower.
     */
    private static double multiplyAdd(double a, double b, double c) {
        return USE_FMA ? Math.fma(a, b, c) : a * b + c;
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
        boolean vectors = vectorTiles(FORWARD_TILES);
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
            s00 = USE_FMA ? v.fma(a, s00) : v.mul(a).add(s00);
            s01 = USE_FMA ? v.fma(b, s01) : v.mul(b).add(s01);
            v = DoubleVector.fromArray(SPECIES, x, x1 + p);
            s10 = USE_FMA ? v.fma(a, s10) : v.mul(a).add(s10);
            s11 = USE_FMA ? v.fma(b, s11) : v.mul(b).add(s11);
            v = DoubleVector.fromArray(SPECIES, x, x2 + p);
            s20 = USE_FMA ? v.fma(a, s20) : v.mul(a).add(s20);
            s21 = USE_FMA ? v.fma(b, s21) : v.mul(b).add(s21);
            v = DoubleVector.fromArray(SPECIES, x, x3 + p);
            s30 = USE_FMA ? v.fma(a, s30) : v.mul(a).add(s30);
            s31 = USE_FMA ? v.fma(b, s31) : v.mul(b).add(s31);
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
            s0 = USE_FMA ? DoubleVector.fromArray(SPECIES, x, x0 + p).fma(a, s0) : DoubleVector.fromArray(SPECIES, x, x0 + p).mul(a).add(s0);
            s1 = USE_FMA ? DoubleVector.fromArray(SPECIES, x, x1 + p).fma(a, s1) : DoubleVector.fromArray(SPECIES, x, x1 + p).mul(a).add(s1);
            s2 = USE_FMA ? DoubleVector.fromArray(SPECIES, x, x2 + p).fma(a, s2) : DoubleVector.fromArray(SPECIES, x, x2 + p).mul(a).add(s2);
            s3 = USE_FMA ? DoubleVector.fromArray(SPECIES, x, x3 + p).fma(a, s3) : DoubleVector.fromArray(SPECIES, x, x3 + p).mul(a).add(s3);
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
        boolean vectors = vectorTiles(GRADIENT_TILES);
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
            c00 = USE_FMA ? d.fma(v0, c00) : d.mul(v0).add(c00);
            c01 = USE_FMA ? d.fma(v1, c01) : d.mul(v1).add(c01);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 1]);
            c10 = USE_FMA ? d.fma(v0, c10) : d.mul(v0).add(c10);
            c11 = USE_FMA ? d.fma(v1, c11) : d.mul(v1).add(c11);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 2]);
            c20 = USE_FMA ? d.fma(v0, c20) : d.mul(v0).add(c20);
            c21 = USE_FMA ? d.fma(v1, c21) : d.mul(v1).add(c21);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 3]);
            c30 = USE_FMA ? d.fma(v0, c30) : d.mul(v0).add(c30);
            c31 = USE_FMA ? d.fma(v1, c31) : d.mul(v1).add(c31);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 4]);
            c40 = USE_FMA ? d.fma(v0, c40) : d.mul(v0).add(c40);
            c41 = USE_FMA ? d.fma(v1, c41) : d.mul(v1).add(c41);
            d = DoubleVector.broadcast(SPECIES, delta[dr + 5]);
            c50 = USE_FMA ? d.fma(v0, c50) : d.mul(v0).add(c50);
            c51 = USE_FMA ? d.fma(v1, c51) : d.mul(v1).add(c51);
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
            a0 = USE_FMA ? d0.fma(v, a0) : d0.mul(v).add(a0);
            b0 = USE_FMA ? d1.fma(v, b0) : d1.mul(v).add(b0);
            v = DoubleVector.fromArray(SPECIES, x, xr + LANES);
            a1 = USE_FMA ? d0.fma(v, a1) : d0.mul(v).add(a1);
            b1 = USE_FMA ? d1.fma(v, b1) : d1.mul(v).add(b1);
            v = DoubleVector.fromArray(SPECIES, x, xr + 2 * LANES);
            a2 = USE_FMA ? d0.fma(v, a2) : d0.mul(v).add(a2);
            b2 = USE_FMA ? d1.fma(v, b2) : d1.mul(v).add(b2);
            v = DoubleVector.fromArray(SPECIES, x, xr + 3 * LANES);
            a3 = USE_FMA ? d0.fma(v, a3) : d0.mul(v).add(a3);
            b3 = USE_FMA ? d1.fma(v, b3) : d1.mul(v).add(b3);
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
            a0 = USE_FMA ? DoubleVector.broadcast(SPECIES, delta[dr]).fma(v, a0) : DoubleVector.broadcast(SPECIES, delta[dr]).mul(v).add(a0);
            b0 = USE_FMA ? DoubleVector.broadcast(SPECIES, delta[dr + 1]).fma(v, b0) : DoubleVector.broadcast(SPECIES, delta[dr + 1]).mul(v).add(b0);
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
            a0 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr), a0) : d.mul(DoubleVector.fromArray(SPECIES, x, xr)).add(a0);
            a1 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + LANES), a1) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + LANES)).add(a1);
            a2 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 2 * LANES), a2) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 2 * LANES)).add(a2);
            a3 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 3 * LANES), a3) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 3 * LANES)).add(a3);
            a4 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 4 * LANES), a4) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 4 * LANES)).add(a4);
            a5 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 5 * LANES), a5) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 5 * LANES)).add(a5);
            a6 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 6 * LANES), a6) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 6 * LANES)).add(a6);
            a7 = USE_FMA ? d.fma(DoubleVector.fromArray(SPECIES, x, xr + 7 * LANES), a7) : d.mul(DoubleVector.fromArray(SPECIES, x, xr + 7 * LANES)).add(a7);
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
            a0 = USE_FMA ? DoubleVector.broadcast(SPECIES, delta[dr]).fma(DoubleVector.fromArray(SPECIES, x, xr), a0) : DoubleVector.broadcast(SPECIES, delta[dr]).mul(DoubleVector.fromArray(SPECIES, x, xr)).add(a0);
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
     * a = g(z): the sigmoid with SIMD ({@link VectorSigmoid}, a few ulps from {@link Activation#sigmoid},
     * the same bits in the scalar and the vector tiles); the other activations in plain Java
     * ({@link Activation#apply}, as {@link PlainKernel}).
     */
    @Override
    public void activate(Activation g, double[] z, double[] a, int length) {
        if (g == Activation.SIGMOID) {
            VectorSigmoid.apply(z, a, length, vectorTiles(SIGMOID), USE_FMA);
        } else {
            PlainKernel.INSTANCE.activate(g, z, a, length);
        }
    }
}
