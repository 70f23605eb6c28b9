package org.hiddenneurons.core.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SparseInputLayer} with Vector API tiles of {@link #TILE_VECTORS} vectors of units; the
 * packed rows are padded to whole vectors, at least one tile. Forward, per nonzero input: one
 * broadcast of its value and four (or eight) vectors of its weights row, the sums in registers.
 * Gradient: per nonzero input, its row of G loaded, updated and stored ({@link #gradientTile});
 * once the warm-up has seen the pixel tiles compiled, per pixel instead, its eight vectors of G
 * in registers while the examples where it is nonzero stream past ({@link #accumulateByPixel}).
 * Forward tiles start at 0, 4, 8, …
 * vectors, the last one moved back to end at the row's end, so it may recompute vectors of the
 * tile before with the same bits. Every tile gives the bits of the scalar loop it replaces.
 */
final class VectorSparseInputLayer extends SparseInputLayer {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int TILE_VECTORS = 4;
    static final int TILE_WIDTH = TILE_VECTORS * LANES;
    /** Examples per part of a block in the pixel-by-pixel gradient: the bits of a pixel's mask. */
    static final int MASK_ROWS = Long.SIZE;
    /**
     * {@link VectorKernel#USE_FMA}, written out in each loop as {@code FMA ? a.fma(b, c) :
     * a.mul(b).add(c)} rather than through a helper method: the JIT folds the constant, and no
     * call is left for it to not inline (a vector passed to a call that is not inlined becomes
     * an object on the heap, many times slower).
     */
    private static final boolean FMA = VectorKernel.USE_FMA;

    private final VectorKernel kernel;
    /** The tiles {@link #sparseRow} and {@link #accumulateByPixel} use for this width (bits as {@link VectorKernel#SPARSE_EIGHT}). */
    private final int sparseTiles;
    private final int pixelTiles;
    /** The δ rows of a part of a block, width doubles each (zero beyond hidden): MASK_ROWS×width. */
    private final double[] deltaRows;
    /** Per input p, the rows r of the current part with x_p ≠ 0 (bit r). */
    private final long[] pixelRows;

    VectorSparseInputLayer(VectorKernel kernel, double[] theta, int hidden, int inputs) {
        super(kernel, theta, hidden, inputs, paddedWidth(hidden), VectorKernel.USE_FMA);
        this.kernel = kernel;
        boolean eights = width >= 2 * TILE_WIDTH;
        boolean four = width % (2 * TILE_WIDTH) != 0;
        sparseTiles = (eights ? VectorKernel.SPARSE_EIGHT : 0) | (four ? VectorKernel.SPARSE_FOUR : 0);
        pixelTiles = (eights ? VectorKernel.PIXEL_EIGHT : 0) | (four ? VectorKernel.PIXEL_FOUR : 0);
        deltaRows = new double[MASK_ROWS * width];
        pixelRows = new long[inputs];
    }

    /** Units rounded up to whole vectors, at least one tile. */
    static int paddedWidth(int hidden) {
        return (hidden + TILE_WIDTH - 1) / TILE_WIDTH * TILE_WIDTH;
    }

    @Override
    void sparseRow(double[] x, int xOffset, int[] column, int from, int to) {
        if (!kernel.vectorTiles(sparseTiles)) {
            super.sparseRow(x, xOffset, column, from, to);
            return;
        }
        int start = 0;
        for (; start + 2 * TILE_WIDTH <= width; start += 2 * TILE_WIDTH) {
            sparseTileEight(x, xOffset, column, from, to, weights, width, start, row);
        }
        if (start < width) {
            sparseTile(x, xOffset, column, from, to, weights, width, start, row);
        }
    }

    @Override
    void denseRow(double[] x, int xOffset) {
        if (!kernel.vectorTiles(VectorKernel.DENSE_PAIR)) {
            super.denseRow(x, xOffset);
            return;
        }
        for (int start = 0; start < width; start += TILE_WIDTH) {
            denseTile(x, xOffset, xOffset, 1, inputs, weights, width, start, row, row);
        }
    }

    @Override
    void densePair(double[] x, int xOffset) {
        if (!kernel.vectorTiles(VectorKernel.DENSE_PAIR)) {
            super.densePair(x, xOffset);
            return;
        }
        for (int start = 0; start < width; start += TILE_WIDTH) {
            denseTile(x, xOffset, xOffset + inputs, 2, inputs, weights, width, start, row, secondRow);
        }
    }

    /**
     * Gᵀ[0] += δ per example and Gᵀ[1 + p] += x_p·δ per nonzero x_p, pixel by pixel once the pixel
     * tiles are compiled: per part of up to {@link #MASK_ROWS} examples, a bit mask per pixel of
     * the examples where it is nonzero, and per pixel its row of G in registers while those
     * examples stream past in increasing order ({@link #pixelTileEight}). G is loaded and stored
     * once per pixel and part instead of once per nonzero input (the row-by-row loops are
     * store-bound), and each entry still sums its examples in order: the same bits.
     */
    @Override
    boolean accumulateByPixel(NonzeroIndex index, int from, int rows, double[] delta, double[] g) {
        if (!kernel.vectorTiles(pixelTiles)) {
            return false;
        }
        double[] x = index.values();
        int firstRow = index.firstRow() + from;
        for (int part = 0; part < rows; part += MASK_ROWS) {
            int partRows = Math.min(MASK_ROWS, rows - part);
            for (int r = 0; r < partRows; r++) {
                int dr = (part + r) * hidden;
                System.arraycopy(delta, dr, deltaRows, r * width, hidden);
                for (int j = 0; j < hidden; j++) {
                    g[j] += delta[dr + j];
                }
            }
            listPixelRows(index, from + part, partRows);
            int xOffset = (firstRow + part) * inputs;
            for (int p = 0; p < inputs; p++) {
                long mask = pixelRows[p];
                if (mask != 0L) {
                    int at = xOffset + p;
                    int base = (1 + p) * width;
                    int start = 0;
                    for (; start + 2 * TILE_WIDTH <= width; start += 2 * TILE_WIDTH) {
                        pixelTileEight(x, at, inputs, mask, deltaRows, width, g, base + start, start);
                    }
                    if (start < width) {
                        pixelTile(x, at, inputs, mask, deltaRows, width, g, base + start, start);
                    }
                }
            }
        }
        return true;
    }

    /** {@link #pixelRows}[p] = the rows r &lt; rows (bit r) of index rows [from, from + rows) with x_p ≠ 0. */
    private void listPixelRows(NonzeroIndex index, int from, int rows) {
        long[] masks = pixelRows;
        java.util.Arrays.fill(masks, 0L);
        int[] column = index.column;
        for (int r = 0; r < rows; r++) {
            long rowBit = 1L << r;
            int end = index.rowStart[from + r + 1];
            for (int k = index.rowStart[from + r]; k < end; k++) {
                masks[column[k]] |= rowBit;
            }
        }
    }

    @Override
    void sparseGradientRow(double[] x, int xOffset, int[] column, int from, int to) {
        if (!kernel.vectorTiles(VectorKernel.ROW_GRADIENT)) {
            super.sparseGradientRow(x, xOffset, column, from, to);
            return;
        }
        for (int start = 0; start < width; start += TILE_WIDTH) {
            gradientTile(x, xOffset, column, from, to, deltaRow, packedGradient, width, start);
        }
    }

    /**
     * out[start, start + {@link #TILE_WIDTH}) = Σ_k x_p·Θᵀ[1 + p] over those columns, p = column[k]
     * for k in [from, to) in order, from +0. A small method of its own, vectors only as locals, so
     * the JIT compiles it soon and keeps the four sums in registers.
     */
    static void sparseTile(double[] x, int xOffset, int[] column, int from, int to, double[] weights, int width,
                           int start, double[] out) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int k = from; k < to; k++) {
            int p = column[k];
            int base = (1 + p) * width + start;
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[xOffset + p]);
            s0 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base), s0) : v.mul(DoubleVector.fromArray(SPECIES, weights, base)).add(s0)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base)).add(s0));
            s1 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + LANES), s1) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + LANES)).add(s1)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + LANES)).add(s1));
            s2 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES), s2) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES)).add(s2)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES)).add(s2));
            s3 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES), s3) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES)).add(s3)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES)).add(s3));
        }
        s0.intoArray(out, start);
        s1.intoArray(out, start + LANES);
        s2.intoArray(out, start + 2 * LANES);
        s3.intoArray(out, start + 3 * LANES);
    }

    /**
     * {@link #sparseTile} over eight vectors of columns from {@code start}: one pass over the
     * nonzero inputs for up to 32 units (AVX2), eight independent sums in flight.
     */
    static void sparseTileEight(double[] x, int xOffset, int[] column, int from, int to, double[] weights, int width,
                                int start, double[] out) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (int k = from; k < to; k++) {
            int p = column[k];
            int base = (1 + p) * width + start;
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[xOffset + p]);
            s0 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base), s0) : v.mul(DoubleVector.fromArray(SPECIES, weights, base)).add(s0)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base)).add(s0));
            s1 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + LANES), s1) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + LANES)).add(s1)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + LANES)).add(s1));
            s2 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES), s2) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES)).add(s2)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES)).add(s2));
            s3 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES), s3) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES)).add(s3)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES)).add(s3));
            s4 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 4 * LANES), s4) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 4 * LANES)).add(s4)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 4 * LANES)).add(s4));
            s5 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 5 * LANES), s5) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 5 * LANES)).add(s5)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 5 * LANES)).add(s5));
            s6 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 6 * LANES), s6) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 6 * LANES)).add(s6)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 6 * LANES)).add(s6));
            s7 = (FMA ? (FMA ? v.fma(DoubleVector.fromArray(SPECIES, weights, base + 7 * LANES), s7) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 7 * LANES)).add(s7)) : v.mul(DoubleVector.fromArray(SPECIES, weights, base + 7 * LANES)).add(s7));
        }
        s0.intoArray(out, start);
        s1.intoArray(out, start + LANES);
        s2.intoArray(out, start + 2 * LANES);
        s3.intoArray(out, start + 3 * LANES);
        s4.intoArray(out, start + 4 * LANES);
        s5.intoArray(out, start + 5 * LANES);
        s6.intoArray(out, start + 6 * LANES);
        s7.intoArray(out, start + 7 * LANES);
    }

    /**
     * {@link #sparseTile} over every input, for {@code examples} (1 or 2) examples at once that
     * share each weights load: the first at x0 into out0, the second at x1 into out1.
     */
    static void denseTile(double[] x, int x0, int x1, int examples, int inputs, double[] weights, int width,
                          int start, double[] out0, double[] out1) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        int second = examples == 2 ? x1 : x0;
        for (int p = 0, base = width + start; p < inputs; p++, base += width) {
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, weights, base);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, weights, base + LANES);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, weights, base + 2 * LANES);
            DoubleVector w3 = DoubleVector.fromArray(SPECIES, weights, base + 3 * LANES);
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[x0 + p]);
            a0 = (FMA ? v.fma(w0, a0) : v.mul(w0).add(a0));
            a1 = (FMA ? v.fma(w1, a1) : v.mul(w1).add(a1));
            a2 = (FMA ? v.fma(w2, a2) : v.mul(w2).add(a2));
            a3 = (FMA ? v.fma(w3, a3) : v.mul(w3).add(a3));
            v = DoubleVector.broadcast(SPECIES, x[second + p]);
            b0 = (FMA ? v.fma(w0, b0) : v.mul(w0).add(b0));
            b1 = (FMA ? v.fma(w1, b1) : v.mul(w1).add(b1));
            b2 = (FMA ? v.fma(w2, b2) : v.mul(w2).add(b2));
            b3 = (FMA ? v.fma(w3, b3) : v.mul(w3).add(b3));
        }
        a0.intoArray(out0, start);
        a1.intoArray(out0, start + LANES);
        a2.intoArray(out0, start + 2 * LANES);
        a3.intoArray(out0, start + 3 * LANES);
        if (examples == 2) {
            b0.intoArray(out1, start);
            b1.intoArray(out1, start + LANES);
            b2.intoArray(out1, start + 2 * LANES);
            b3.intoArray(out1, start + 3 * LANES);
        }
    }

    /**
     * One pixel's gradient row, units [start, start + 2·{@link #TILE_WIDTH}): g[at + i] +=
     * x[xAt + r·inputs]·delta[r·width + start + i] for the rows r set in {@code rows}, in
     * increasing r. The eight vectors of G stay in registers; per row, one broadcast of x and
     * eight vectors of δ.
     */
    static void pixelTileEight(double[] x, int xAt, int inputs, long rows, double[] delta, int width, double[] g,
                               int at, int start) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, g, at);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, g, at + LANES);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, g, at + 2 * LANES);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, g, at + 3 * LANES);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, g, at + 4 * LANES);
        DoubleVector c5 = DoubleVector.fromArray(SPECIES, g, at + 5 * LANES);
        DoubleVector c6 = DoubleVector.fromArray(SPECIES, g, at + 6 * LANES);
        DoubleVector c7 = DoubleVector.fromArray(SPECIES, g, at + 7 * LANES);
        for (long bits = rows; bits != 0L; bits &= bits - 1) {
            int r = Long.numberOfTrailingZeros(bits);
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[xAt + r * inputs]);
            int d = r * width + start;
            c0 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d), c0) : v.mul(DoubleVector.fromArray(SPECIES, delta, d)).add(c0);
            c1 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + LANES), c1) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + LANES)).add(c1);
            c2 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 2 * LANES), c2) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 2 * LANES)).add(c2);
            c3 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 3 * LANES), c3) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 3 * LANES)).add(c3);
            c4 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 4 * LANES), c4) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 4 * LANES)).add(c4);
            c5 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 5 * LANES), c5) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 5 * LANES)).add(c5);
            c6 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 6 * LANES), c6) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 6 * LANES)).add(c6);
            c7 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 7 * LANES), c7) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 7 * LANES)).add(c7);
        }
        c0.intoArray(g, at);
        c1.intoArray(g, at + LANES);
        c2.intoArray(g, at + 2 * LANES);
        c3.intoArray(g, at + 3 * LANES);
        c4.intoArray(g, at + 4 * LANES);
        c5.intoArray(g, at + 5 * LANES);
        c6.intoArray(g, at + 6 * LANES);
        c7.intoArray(g, at + 7 * LANES);
    }

    /** {@link #pixelTileEight} for units [start, start + {@link #TILE_WIDTH}). */
    static void pixelTile(double[] x, int xAt, int inputs, long rows, double[] delta, int width, double[] g,
                          int at, int start) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, g, at);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, g, at + LANES);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, g, at + 2 * LANES);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, g, at + 3 * LANES);
        for (long bits = rows; bits != 0L; bits &= bits - 1) {
            int r = Long.numberOfTrailingZeros(bits);
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[xAt + r * inputs]);
            int d = r * width + start;
            c0 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d), c0) : v.mul(DoubleVector.fromArray(SPECIES, delta, d)).add(c0);
            c1 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + LANES), c1) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + LANES)).add(c1);
            c2 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 2 * LANES), c2) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 2 * LANES)).add(c2);
            c3 = FMA ? v.fma(DoubleVector.fromArray(SPECIES, delta, d + 3 * LANES), c3) : v.mul(DoubleVector.fromArray(SPECIES, delta, d + 3 * LANES)).add(c3);
        }
        c0.intoArray(g, at);
        c1.intoArray(g, at + LANES);
        c2.intoArray(g, at + 2 * LANES);
        c3.intoArray(g, at + 3 * LANES);
    }

    /**
     * Gᵀ[1 + p] += x_p·δ over the columns [start, start + {@link #TILE_WIDTH}), p = column[k] for k
     * in [from, to) in order.
     */
    static void gradientTile(double[] x, int xOffset, int[] column, int from, int to, double[] delta,
                             double[] gradient, int width, int start) {
        DoubleVector d0 = DoubleVector.fromArray(SPECIES, delta, start);
        DoubleVector d1 = DoubleVector.fromArray(SPECIES, delta, start + LANES);
        DoubleVector d2 = DoubleVector.fromArray(SPECIES, delta, start + 2 * LANES);
        DoubleVector d3 = DoubleVector.fromArray(SPECIES, delta, start + 3 * LANES);
        for (int k = from; k < to; k++) {
            int p = column[k];
            int base = (1 + p) * width + start;
            DoubleVector v = DoubleVector.broadcast(SPECIES, x[xOffset + p]);
            (FMA ? v.fma(d0, DoubleVector.fromArray(SPECIES, gradient, base)) : v.mul(d0).add(DoubleVector.fromArray(SPECIES, gradient, base))).intoArray(gradient, base);
            (FMA ? v.fma(d1, DoubleVector.fromArray(SPECIES, gradient, base + LANES)) : v.mul(d1).add(DoubleVector.fromArray(SPECIES, gradient, base + LANES))).intoArray(gradient, base + LANES);
            (FMA ? v.fma(d2, DoubleVector.fromArray(SPECIES, gradient, base + 2 * LANES)) : v.mul(d2).add(DoubleVector.fromArray(SPECIES, gradient, base + 2 * LANES)))
                    .intoArray(gradient, base + 2 * LANES);
            (FMA ? v.fma(d3, DoubleVector.fromArray(SPECIES, gradient, base + 3 * LANES)) : v.mul(d3).add(DoubleVector.fromArray(SPECIES, gradient, base + 3 * LANES)))
                    .intoArray(gradient, base + 3 * LANES);
        }
    }
}
