package org.hiddenneurons.train;

/**
 * Updates a parameter vector in place to lower an {@link Objective}.
 *
 * <p>The parameter vector θ is the concatenation of the segments handed to
 * {@link #initialize(double[][], double[][])} (for a network: Θ1 then Θ2, the network's live
 * arrays). Lifecycle: {@code initialize} once → {@code step}… (one step per mini-batch for
 * mini-batch optimizers, one step per epoch for full-batch ones) → optionally {@code reset}
 * (forget the state, e.g. after the parameters were changed from outside) → {@code step}….
 * Steps allocate nothing.
 *
 * <p>Not thread-safe: one training thread owns an optimizer.
 */
public interface Optimizer {

    /**
     * Binds the optimizer to its parameters and gradient buffer and allocates its state.
     *
     * @param parameters the segments of θ. Modified by every {@link #step}.
     * @param gradient   segments of the same lengths that the objective writes ∇J into. Modified.
     */
    void initialize(double[][] parameters, double[][] gradient);

    /**
     * One update of θ in place.
     *
     * @param objective J (for mini-batch optimizers: on the current mini-batch)
     * @return for full-batch optimizers ({@link #isFullBatch()}): J at the new θ; for mini-batch
     *         optimizers: J of the mini-batch at θ before the update. NaN or ±∞ if the objective was.
     */
    double step(Objective objective);

    /**
     * Scales the learning rate for the following steps: α_used = α · scale (a schedule; 1 = as
     * configured). Ignored by optimizers without a learning rate (L-BFGS).
     */
    void setLearningRateScale(double scale);

    /** Forgets momenta, history and cached evaluations; the next step starts afresh. */
    void reset();

    /** True if a step uses the whole training set (one step = one epoch). */
    boolean isFullBatch();

    /**
     * A new optimizer of the configured kind with the configured learning rate and momentum.
     * The learning rate is ignored by L-BFGS.
     */
    static Optimizer create(TrainingConfig config) {
        return switch (config.optimizer()) {
            case GD -> new GradientDescent(config.learningRate());
            case SGD -> new MomentumSgd(config.learningRate(), config.momentum());
            case ADAM -> new Adam(config.learningRate());
            case LBFGS -> new Lbfgs();
        };
    }
}
