package org.hiddenneurons.train;

/**
 * Mini-batch stochastic gradient descent with classical (Polyak) momentum:
 * v ← μ·v − α·∇J_B(θ); θ ← θ + v, where J_B is the cost of mini-batch B
 * (Polyak 1964; in the form of Sutskever, Martens, Dahl &amp; Hinton 2013, eq. 1). μ = 0 is plain SGD.
 *
 * <p>Lifecycle: {@link #initialize} (v = 0) → {@link #step}… (one per mini-batch) →
 * {@link #reset()} sets v = 0 again.
 */
public final class MomentumSgd implements Optimizer {

    private final double learningRate;
    private double learningRateScale = 1.0;
    private final double momentum;
    private double[][] parameters;
    private double[][] gradient;
    /** The velocity v, one segment per parameter segment. */
    private double[][] velocity;

    /**
     * @param learningRate α &gt; 0
     * @param momentum     μ in [0, 1)
     */
    public MomentumSgd(double learningRate, double momentum) {
        ParameterVectors.checkLearningRate(learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void initialize(double[][] parameters, double[][] gradient) {
        ParameterVectors.checkShapes(parameters, gradient);
        this.parameters = parameters;
        this.gradient = gradient;
        this.velocity = new double[parameters.length][];
        for (int s = 0; s < parameters.length; s++) {
            velocity[s] = new double[parameters[s].length];
        }
    }

    @Override
    public double step(Objective objective) {
        double cost = objective.evaluate();
        for (int s = 0; s < parameters.length; s++) {
            double[] theta = parameters[s];
            double[] grad = gradient[s];
            double[] v = velocity[s];
            for (int i = 0; i < theta.length; i++) {
                v[i] = momentum * v[i] - learningRate * learningRateScale * grad[i];
                theta[i] += v[i];
            }
        }
        return cost;
    }

    @Override
    public void setLearningRateScale(double scale) {
        learningRateScale = scale;
    }

    @Override
    public void reset() {
        for (double[] v : velocity) {
            java.util.Arrays.fill(v, 0.0);
        }
    }

    @Override
    public boolean isFullBatch() {
        return false;
    }
}
