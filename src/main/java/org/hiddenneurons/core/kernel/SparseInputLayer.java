package org.hiddenneurons.core.kernel;

/**
 * {@link InputLayer} that skips zero inputs, in plain Java loops ({@link VectorSparseInputLayer}
 * overrides the loops with vector tiles). See {@link NonzeroIndex} for why.
 *
 * <p>Θ is packed transposed — row 0 the biases, row 1 + p the weights from input p into every
 * unit, {@code width} ≥ hidden doubles per row (zero padding) — so one input's weights are
 * contiguous. Forward, per example: s = +0, then s += x_p·Θᵀ[1 + p] for each nonzero x_p in
 * increasing p, then z = s + bias. Gradient, per example: Gᵀ[0] += δ, then Gᵀ[1 + p] += x_p·δ for
 * each nonzero x_p, into a G packed the same way.
 *
 * <p>Blocks with many nonzero inputs (random data, some photographs) run dense loops instead:
 * forward over every input in the same order, and the kernel's own
 * {@link MatrixKernel#accumulateGradient} on G in the course layout (the running sum moves
 * between the two layouts when the block kind changes). Skipping a zero input changes no bit: a
 * ±0 product added to a sum leaves it as it was, and neither sum here can become −0, as both
 * start at +0. So the results do not depend on which blocks ran which loops, G has the bits of
 * {@link MatrixKernel#accumulateGradient}, and z is within rounding of {@link MatrixKernel#forward}
 * (summed in another order). The one exception: with an infinite weight, 0·∞ is NaN in the dense
 * loops only — a diverged network either way.
 */
class SparseInputLayer implements InputLayer {

    /** Blocks with more than this fraction of nonzero inputs run the dense forward loops. */
    static final double DENSE_FORWARD_FRACTION = 0.5;
    /** Blocks with more than this fraction of nonzero inputs run the dense gradient loops. */
    static final double DENSE_GRADIENT_FRACTION = 0.35;

    private final MatrixKernel kernel;
    final int hidden;
    final int inputs;
    /** Doubles per packed row, ≥ hidden. */
    final int width;
    /** Whether a·b + c is fused ({@link Math#fma}), as in the kernel's other products. */
    final boolean fused;
    /** Θᵀ packed: (inputs + 1) × width. */
    final double[] weights;
    /** Gᵀ packed like {@link #weights}; allocated when first needed. */
    double[] packedGradient;
    /** G in the course layout, for dense blocks; allocated when first needed. */
    private double[] gradient;
    /** Whether the running sum of G is in {@link #packedGradient} (else in {@link #gradient}). */
    private boolean gradientPacked = true;

    /** The last block {@link #forward(double[], int, int, double[])} listed, valid while {@link #blockListed}. */
    private final NonzeroIndex blockIndex = new NonzeroIndex();
    private boolean blockListed;

    /** One example's sums s (before the bias), width doubles. */
    final double[] row;
    /** The second example's sums in a dense pair. */
    final double[] secondRow;
    /** One example's δ, width doubles, zero beyond hidden. */
    final double[] deltaRow;

    SparseInputLayer(MatrixKernel kernel, double[] theta, int hidden, int inputs, int width, boolean fused) {
        if (width < hidden) {
            throw new IllegalArgumentException("width " + width + " < hidden " + hidden);
        }
        this.kernel = kernel;
        this.hidden = hidden;
        this.inputs = inputs;
        this.width = width;
        this.fused = fused;
        weights = new double[(inputs + 1) * width];
        pack(theta, weights);
        row = new double[width];
        secondRow = new double[width];
        deltaRow = new double[width];
    }

    @Override
    public boolean fits(int hiddenSize, int inputSize) {
        return hiddenSize == hidden && inputSize == inputs;
    }

    @Override
    public void reset(double[] theta) {
        pack(theta, weights);
        if (packedGradient != null) {
            java.util.Arrays.fill(packedGradient, 0.0);
        }
        gradientPacked = true;
        blockListed = false;
    }

    @Override
    public void forward(double[] x, int firstRow, int rows, double[] z) {
        if (rows == 0) {
            return;
        }
        if (firstRowLooksDense(x, firstRow)) {
            blockListed = false;
            forwardDense(x, firstRow, rows, z);
            return;
        }
        blockIndex.build(x, firstRow, rows, inputs);
        blockListed = true;
        forward(blockIndex, 0, rows, z);
    }

    @Override
    public void forward(NonzeroIndex index, int from, int rows, double[] z) {
        checkIndex(index, from, rows);
        double[] x = index.values();
        int firstRow = index.firstRow() + from;
        if (index.nonzeros(from, rows) > DENSE_FORWARD_FRACTION * rows * inputs) {
            forwardDense(x, firstRow, rows, z);
            return;
        }
        for (int r = 0; r < rows; r++) {
            sparseRow(x, (firstRow + r) * inputs, index.column, index.rowStart[from + r], index.rowStart[from + r + 1]);
            addBias(row, z, r);
        }
    }

    private void forwardDense(double[] x, int firstRow, int rows, double[] z) {
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            densePair(x, (firstRow + r) * inputs);
            addBias(row, z, r);
            addBias(secondRow, z, r + 1);
        }
        if (r < rows) {
            denseRow(x, (firstRow + r) * inputs);
            addBias(row, z, r);
        }
    }

    /** z[r][j] = sums[j] + bias[j]. */
    private void addBias(double[] sums, double[] z, int r) {
        int zr = r * hidden;
        for (int j = 0; j < hidden; j++) {
            z[zr + j] = sums[j] + weights[j];
        }
    }

    /** {@link #row}[0, hidden) = Σ_k x[xOffset + column[k]]·Θᵀ[1 + column[k]] over k in [from, to), from +0, in order. */
    void sparseRow(double[] x, int xOffset, int[] column, int from, int to) {
        java.util.Arrays.fill(row, 0, hidden, 0.0);
        for (int k = from; k < to; k++) {
            int p = column[k];
            double v = x[xOffset + p];
            int base = (1 + p) * width;
            for (int j = 0; j < hidden; j++) {
                row[j] = multiplyAdd(v, weights[base + j], row[j]);
            }
        }
    }

    /** {@link #sparseRow} over every input of the example at xOffset. */
    void denseRow(double[] x, int xOffset) {
        java.util.Arrays.fill(row, 0, hidden, 0.0);
        for (int p = 0; p < inputs; p++) {
            double v = x[xOffset + p];
            int base = (1 + p) * width;
            for (int j = 0; j < hidden; j++) {
                row[j] = multiplyAdd(v, weights[base + j], row[j]);
            }
        }
    }

    /** {@link #denseRow} for the examples at xOffset (into {@link #row}) and the next (into {@link #secondRow}). */
    void densePair(double[] x, int xOffset) {
        denseRow(x, xOffset + inputs);
        System.arraycopy(row, 0, secondRow, 0, hidden);
        denseRow(x, xOffset);
    }

    @Override
    public void accumulateGradient(double[] x, int firstRow, int rows, double[] delta) {
        if (rows == 0) {
            return;
        }
        if (blockListed && blockIndex.values() == x && blockIndex.firstRow() == firstRow && blockIndex.rows() == rows) {
            accumulateGradient(blockIndex, 0, rows, delta);
            return;
        }
        if (firstRowLooksDense(x, firstRow)) {
            accumulateDense(x, firstRow, rows, delta);
            return;
        }
        blockIndex.build(x, firstRow, rows, inputs);
        blockListed = true;
        accumulateGradient(blockIndex, 0, rows, delta);
    }

    @Override
    public void accumulateGradient(NonzeroIndex index, int from, int rows, double[] delta) {
        checkIndex(index, from, rows);
        double[] x = index.values();
        int firstRow = index.firstRow() + from;
        if (index.nonzeros(from, rows) > DENSE_GRADIENT_FRACTION * rows * inputs) {
            accumulateDense(x, firstRow, rows, delta);
            return;
        }
        if (!gradientPacked) {
            pack(gradient, packedGradient());
            gradientPacked = true;
        }
        double[] g = packedGradient();
        if (accumulateByPixel(index, from, rows, delta, g)) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(delta, r * hidden, deltaRow, 0, hidden);
            for (int j = 0; j < hidden; j++) {
                g[j] += deltaRow[j];
            }
            sparseGradientRow(x, (firstRow + r) * inputs, index.column, index.rowStart[from + r],
                    index.rowStart[from + r + 1]);
        }
    }

    /**
     * The sparse gradient of index rows [from, from + rows) into the packed G, pixel by pixel
     * instead of example by example, if this layer has such loops ready ({@link VectorSparseInputLayer});
     * the same bits.
     *
     * @return false if it did nothing (here: always)
     */
    boolean accumulateByPixel(NonzeroIndex index, int from, int rows, double[] delta, double[] g) {
        return false;
    }

    private void accumulateDense(double[] x, int firstRow, int rows, double[] delta) {
        if (gradient == null) {
            gradient = new double[hidden * (inputs + 1)];
        }
        if (gradientPacked) {
            unpack(packedGradient(), gradient);
            gradientPacked = false;
        }
        kernel.accumulateGradient(x, firstRow, rows, inputs, delta, hidden, gradient);
    }

    /** Gᵀ[1 + column[k]] += x[xOffset + column[k]]·δ for k in [from, to), δ = {@link #deltaRow}. */
    void sparseGradientRow(double[] x, int xOffset, int[] column, int from, int to) {
        double[] g = packedGradient;
        for (int k = from; k < to; k++) {
            int p = column[k];
            double v = x[xOffset + p];
            int base = (1 + p) * width;
            for (int j = 0; j < hidden; j++) {
                g[base + j] = multiplyAdd(v, deltaRow[j], g[base + j]);
            }
        }
    }

    @Override
    public void gradientInto(double[] out) {
        if (gradientPacked) {
            unpack(packedGradient(), out);
        } else {
            System.arraycopy(gradient, 0, out, 0, gradient.length);
        }
    }

    private double[] packedGradient() {
        if (packedGradient == null) {
            packedGradient = new double[(inputs + 1) * width];
        }
        return packedGradient;
    }

    /** packed[column][j] = g[j][column] (course layout → packed; padding untouched). */
    private void pack(double[] g, double[] packed) {
        int stride = inputs + 1;
        for (int column = 0; column < stride; column++) {
            int packedRow = column * width;
            for (int j = 0; j < hidden; j++) {
                packed[packedRow + j] = g[j * stride + column];
            }
        }
    }

    /** g[j][column] = packed[column][j] (packed → course layout). */
    private void unpack(double[] packed, double[] g) {
        int stride = inputs + 1;
        for (int j = 0; j < hidden; j++) {
            for (int column = 0; column < stride; column++) {
                g[j * stride + column] = packed[column * width + j];
            }
        }
    }

    /** Whether the block's first example has more nonzero inputs than {@link #DENSE_FORWARD_FRACTION}: then listing the block would not pay. */
    private boolean firstRowLooksDense(double[] x, int firstRow) {
        int offset = firstRow * inputs;
        int nonzero = 0;
        for (int p = 0; p < inputs; p++) {
            nonzero += x[offset + p] != 0.0 ? 1 : 0;
        }
        return nonzero > DENSE_FORWARD_FRACTION * inputs;
    }

    private void checkIndex(NonzeroIndex index, int from, int rows) {
        if (index.columns() != inputs || from < 0 || rows < 0 || from + rows > index.rows()) {
            throw new IllegalArgumentException("index rows " + from + ".." + (from + rows) + " of " + index.rows()
                    + " with " + index.columns() + " columns do not fit a layer of " + inputs + " inputs");
        }
    }

    final double multiplyAdd(double a, double b, double c) {
        return fused ? Math.fma(a, b, c) : a * b + c;
    }
}
