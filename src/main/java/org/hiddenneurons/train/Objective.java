package org.hiddenneurons.train;

/**
 * A differentiable function of the parameters an {@link Optimizer} was initialised with.
 *
 * <p>The objective reads the parameter segments (for a network: Θ1 and Θ2, in place) and writes
 * its gradient into the gradient segments given to {@link Optimizer#initialize}. For mini-batch
 * optimizers the trainer swaps the mini-batch between calls; for full-batch optimizers the
 * objective must stay the same function between {@link Optimizer#reset()} calls.
 */
@FunctionalInterface
public interface Objective {

    /**
     * J at the current parameters; also writes ∇J (same shapes as the parameters) into the
     * gradient segments. Modifies the gradient segments only.
     *
     * @return J
     */
    double evaluate();
}
