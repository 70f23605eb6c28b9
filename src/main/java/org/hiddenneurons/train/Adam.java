package org.hiddenneurons.train;

import java.util.Arrays;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1), per
 * mini-batch B with g = ∇J_B(θ) and step count t:
 * <pre>
 * m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 * m̂ = m / (1 − β1^t)             v̂ = v / (1 − β2^t)        (bias correction)
 * θ ← θ − α·m̂ / (√v̂ + ε)
 * </pre>
 * with the paper's defaults β1 = {@value #BETA1}, β2 = {@value #BETA2}, ε = {@value #EPSILON}.
 *
 * <p>Lifecycle: {@link #initialize} (m = v = 0, t = 0) → {@link #step}… (one per mini-batch) →
 * {@link #reset()} returns to m = v = 0, t = 0.
 */
public final class Adam implements Optimizer {

    /** Decay of the first-moment estimate (paper default). */
    public static final double BETA1 = 0.9;
    /** Decay of the second-moment estimate (paper default). */
    public static final double BETA2 = 0.999;
    /** Added to √v̂ to avoid division by zero (paper default). */
    public static final double EPSILON = 1e-8;

    private final double learningRate;
    private double learningRateScale = 1.0;
    private double[][] parameters;
    private double[][] gradient;
    private double[][] firstMoment;
    private double[][] secondMoment;
    private long stepCount;
    /** β1^t and β2^t, updated by multiplication each step. */
    private double beta1Power;
    private double beta2Power;

    /** @param learningRate α &gt; 0 */
    public Adam(double learningRate) {
        this.learningRate = ParameterVectors.checkLearningRate(learningRate);
    }

    @Override
    public void initialize(double[][] parameters, double[][] gradient) {
        ParameterVectors.checkShapes(parameters, gradient);
        this.parameters = parameters;
        this.gradient = gradient;
        this.firstMoment = new double[parameters.length][];
        this.secondMoment = new double[parameters.length][];
        for (int s = 0; s < parameters.length; s++) {
            firstMoment[s] = new double[parameters[s].length];
            secondMoment[s] = new double[parameters[s].length];
        }
        reset();
    }

    @Override
    public double step(Objective objective) {
        double cost = objective.evaluate();
        stepCount++;
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double firstCorrection = 1.0 / (1.0 - beta1Power);
        double secondCorrection = 1.0 / (1.0 - beta2Power);
        for (int s = 0; s < parameters.length; s++) {
            double[] theta = parameters[s];
            double[] grad = gradient[s];
            double[] m = firstMoment[s];
            double[] v = secondMoment[s];
            for (int i = 0; i < theta.length; i++) {
                double g = grad[i];
                m[i] = BETA1 * m[i] + (1.0 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1.0 - BETA2) * g * g;
                double mHat = m[i] * firstCorrection;
                double vHat = v[i] * secondCorrection;
                theta[i] -= learningRate * learningRateScale * mHat / (Math.sqrt(vHat) + EPSILON);
            }
        }
        return cost;
    }

    /** The number of steps taken since the last reset (t). */
    public long stepCount() {
        return stepCount;
    }

    @Override
    public void setLearningRateScale(double scale) {
        learningRateScale = scale;
    }

    @Override
    public void reset() {
        for (int s = 0; s < firstMoment.length; s++) {
            Arrays.fill(firstMoment[s], 0.0);
            Arrays.fill(secondMoment[s], 0.0);
        }
        stepCount = 0;
        beta1Power = 1.0;
        beta2Power = 1.0;
    }

    @Override
    public boolean isFullBatch() {
        return false;
    }
}
