package org.hiddenneurons.core.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SparseInputLayer} with Vector API tiles of {@link #TILE_VECTORS} vectors of units; the
 * packed rows are padded to whole vectors, at least one tile. Per nonzero input: one broadcast of
 * its value, and four vectors of its weights row (forward, the sums in registers) or of its
 * gradient row (loaded, updated, stored; δ in registers). Forward tiles start at 0, 4, 8, …
 * vectors, the last one moved back to end at the row's end, so it may recompute vectors of the
 * tile before with the same bits. Every tile gives the bits of the scalar loop it replaces.
 */
final class VectorSparseInputLayer extends SparseInputLayer {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int TILE_VECTORS = 4;
    static final int TILE_WIDTH = TILE_VECTORS * LANES;
    /**
     * {@link VectorKernel#USE_FMA}, written out in each loop as {@code FMA ? a.fma(b, c) :
     * a.mul(b).add(c)} rather than through a helper method: the JIT folds the constant, and no
     * call is left for it to not inline (a vector passed to a call that is not inlined becomes
     * an object on the heap, many times slower).
     */
    private static final boolean FMA = VectorKernel.USE_FMA;

    private final VectorKernel kernel;

    VectorSparseInputLayer(VectorKernel kernel, double[] theta, int hidden, int inputs) {
        super(kernel, theta, hidden, inputs, paddedWidth(hidden), VectorKernel.USE_FMA);
        this.kernel = kernel;
    }

    /** Units rounded up to whole vectors, at least one tile. */
    static int paddedWidth(int hidden) {
        return (hidden + TILE_WIDTH - 1) / TILE_WIDTH * TILE_WIDTH;
    }

    @Override
    void sparseRow(double[] x, int xOffset, int[] column, int from, int to) {
        if (!kernel.vectorTiles()) {
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
        if (!kernel.vectorTiles()) {
            super.denseRow(x, xOffset);
            return;
        }
        for (int start = 0; start < width; start += TILE_WIDTH) {
            denseTile(x, xOffset, xOffset, 1, inputs, weights, width, start, row, row);
        }
    }

    @Override
    void densePair(double[] x, int xOffset) {
        if (!kernel.vectorTiles()) {
            super.densePair(x, xOffset);
            return;
        }
        for (int start = 0; start < width; start += TILE_WIDTH) {
            denseTile(x, xOffset, xOffset + inputs, 2, inputs, weights, width, start, row, secondRow);
        }
    }

    @Override
    void sparseGradientRow(double[] x, int xOffset, int[] column, int from, int to) {
        if (!kernel.vectorTiles()) {
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
