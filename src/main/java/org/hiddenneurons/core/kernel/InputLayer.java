package org.hiddenneurons.core.kernel;

/**
 * The input layer's two large products for one thread's pass over a batch, one block of examples
 * at a time: Z = X·Θ[:,1:]ᵀ + Θ[:,0] for each block, and G = Σ_blocks Δᵀ·[1, X] summed over every
 * block passed to {@link #accumulateGradient}.
 *
 * <p>Shapes as in {@link MatrixKernel}: X is rows×inputs row-major, Θ and G are
 * hidden×(inputs+1) row-major with the bias in column 0, Z and Δ are rows×hidden row-major.
 * Obtained from {@link MatrixKernel#inputLayer} for one Θ, which it copies (later changes to Θ are
 * not seen). Not thread-safe: it holds packed copies of Θ and G and the current block's nonzero
 * inputs, so each thread gets its own.
 */
public interface InputLayer {

    /**
     * z[r·hidden + j] = Θ[j][0] + Σ_p x[(firstRow + r)·inputs + p]·Θ[j][1 + p], the sum taken over
     * the nonzero inputs in increasing p, starting from the bias.
     *
     * @param x examples, row-major. Not modified; it must not change before the matching
     *          {@link #accumulateGradient} call, which reuses this block's list of nonzero inputs.
     * @param z rows×hidden, from index 0. Modified.
     */
    void forward(double[] x, int firstRow, int rows, double[] z);

    /**
     * As {@link #forward(double[], int, int, double[])} for index rows [from, from + rows), with the
     * nonzero inputs already listed (e.g. once for a whole training set).
     *
     * @param z rows×hidden, from index 0. Modified.
     */
    void forward(NonzeroIndex index, int from, int rows, double[] z);

    /**
     * Adds this block to G: G[j][0] += Σ_r δ[r][j] and G[j][1 + p] += Σ_r δ[r][j]·x[firstRow + r][p],
     * each entry summing its rows in increasing order.
     *
     * @param x     examples, row-major. Not modified.
     * @param delta rows×hidden, from index 0. Not modified.
     */
    void accumulateGradient(double[] x, int firstRow, int rows, double[] delta);

    /** As {@link #accumulateGradient(double[], int, int, double[])} for index rows [from, from + rows). */
    void accumulateGradient(NonzeroIndex index, int from, int rows, double[] delta);

    /** Whether this layer has the given shape, so that {@link #reset} can reuse it. */
    boolean fits(int hidden, int inputs);

    /**
     * Loads new weights of this layer's shape and sets G to zero, reusing the buffers: as a new
     * layer from {@link MatrixKernel#inputLayer}, without allocating one per call.
     *
     * @param theta hidden×(inputs+1) row-major, bias in column 0. Copied, not modified.
     */
    void reset(double[] theta);

    /**
     * Writes G, the sum of every block accumulated so far (zero if none), in the course layout.
     *
     * @param gradient hidden×(inputs+1) row-major, bias in column 0. Overwritten.
     */
    void gradientInto(double[] gradient);
}
