package org.hiddenneurons.core.kernel;

import org.hiddenneurons.core.Activation;


/**
 * The two skinny matrix products that dominate a training epoch, over a block of examples.
 *
 * <p>Shapes in the course layout: X is rows×inputs row-major (one example per row), Θ is
 * hidden×(inputs+1) row-major with the bias in column 0, Z and Δ are rows×hidden row-major.
 * Implementations: {@link PlainKernel} (plain loops, any JVM) and a Vector API one chosen by
 * {@link Kernels#best()} when the {@code jdk.incubator.vector} module is present.
 * Implementations are stateless and thread-safe, and deterministic: the same arguments give the
 * same bits whether the code runs interpreted or JIT-compiled.
 */
public interface MatrixKernel {

    /** A short name for reports and benchmarks, e.g. "vector-256" or "plain". */
    String name();

    /**
     * Z = X·Θ[:,1:]ᵀ + Θ[:,0]: z[r·hidden + j] = Θ[j][0] + Σ_p x[(firstRow + r)·inputs + p]·Θ[j][1 + p].
     *
     * @param x        examples, row-major with {@code inputs} columns. Not modified.
     * @param firstRow first example (row of x) to use
     * @param rows     number of examples
     * @param inputs   columns of x
     * @param theta    hidden×(inputs+1) row-major, bias in column 0. Not modified.
     * @param hidden   rows of Θ
     * @param z        rows×hidden row-major, from index 0. Modified.
     */
    void forward(double[] x, int firstRow, int rows, int inputs, double[] theta, int hidden, double[] z);

    /**
     * G += Δᵀ·[1, X]: g[j][0] += Σ_r δ[r][j] and g[j][1 + p] += Σ_r δ[r][j]·x[firstRow + r][p],
     * the sum over r taken in increasing order starting from the value already in g.
     *
     * @param x        examples, row-major with {@code inputs} columns. Not modified.
     * @param firstRow first example (row of x) to use
     * @param rows     number of examples
     * @param inputs   columns of x
     * @param delta    rows×hidden row-major, from index 0. Not modified.
     * @param hidden   columns of Δ, rows of G
     * @param gradient hidden×(inputs+1) row-major, bias in column 0. Modified.
     */
    void accumulateGradient(double[] x, int firstRow, int rows, int inputs, double[] delta, int hidden,
                            double[] gradient);

    /**
     * The input layer's products for one thread's pass over a batch (see {@link InputLayer}): the
     * same G bits as {@link #accumulateGradient}; Z in its own summation order, within rounding of
     * {@link #forward}'s. The fast path of training, which may exploit what {@link #forward} cannot
     * (e.g. skip zero inputs, or pack Θ once per pass).
     *
     * @param theta hidden×(inputs+1) row-major, bias in column 0. Copied, not modified.
     */
    InputLayer inputLayer(double[] theta, int hidden, int inputs);

    /**
     * a[i] = g(z[i]) for i in [0, length): the activations of a block. Within a few ulps of
     * {@link Activation#apply} (the vector kernel has its own sigmoid, {@code VectorSigmoid}).
     *
     * @param z not modified
     * @param a modified (may be z itself)
     */
    void activate(Activation g, double[] z, double[] a, int length);

    /**
     * Prepares this kernel's fast path on the calling thread (e.g. runs JIT-sensitive code on dummy
     * data), so that later calls on any thread are fast sooner. Never changes any result. The
     * default does nothing; a kernel may return at once if another thread already does it.
     */
    default void warmUp() {
    }
}
