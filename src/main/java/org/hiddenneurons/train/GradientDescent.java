package org.hiddenneurons.train;

/**
 * Full-batch gradient descent: θ ← θ − α·∇J(θ) (Cauchy 1847; Nocedal &amp; Wright, "Numerical
 * Optimization", 2nd ed., §2.2 with a fixed step length α).
 *
 * <p>Lifecycle: {@link #initialize} → {@link #step}… (one step = one epoch). The gradient at the
 * current θ is kept from the previous step, so each step costs one evaluation of J and ∇J
 * (at the new θ, whose J it returns).
 */
public final class GradientDescent implements Optimizer {

    private final double learningRate;
    private double learningRateScale = 1.0;
    private double[][] parameters;
    private double[][] gradient;
    /** True when {@link #gradient} holds ∇J at the current θ. */
    private boolean gradientCurrent;

    /** @param learningRate α &gt; 0 */
    public GradientDescent(double learningRate) {
        this.learningRate = ParameterVectors.checkLearningRate(learningRate);
    }

    @Override
    public void initialize(double[][] parameters, double[][] gradient) {
        ParameterVectors.checkShapes(parameters, gradient);
        this.parameters = parameters;
        this.gradient = gradient;
        this.gradientCurrent = false;
    }

    @Override
    public double step(Objective objective) {
        if (!gradientCurrent) {
            objective.evaluate();
        }
        // Until the evaluation below completes, the gradient does not belong to θ (a step abandoned
        // by an exception from the objective must not leave a stale gradient marked current).
        gradientCurrent = false;
        for (int s = 0; s < parameters.length; s++) {
            double[] theta = parameters[s];
            double[] grad = gradient[s];
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * learningRateScale * grad[i];
            }
        }
        double cost = objective.evaluate();
        gradientCurrent = true;
        return cost;
    }

    @Override
    public void setLearningRateScale(double scale) {
        learningRateScale = scale;
    }

    @Override
    public void reset() {
        gradientCurrent = false;
    }

    @Override
    public boolean isFullBatch() {
        return true;
    }
}
