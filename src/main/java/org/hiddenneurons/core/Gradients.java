package org.hiddenneurons.core;

/**
 * The cost J and its gradients ∂J/∂Θ1 (hidden×(inputs+1)) and ∂J/∂Θ2 (outputs×(hidden+1)),
 * row-major in the Θ layout. A mutable buffer that the cost function fills; reuse it across calls.
 */
public final class Gradients {

    private final NetworkSpec spec;
    private final double[] theta1Gradient;
    private final double[] theta2Gradient;
    private double cost;

    public Gradients(NetworkSpec spec) {
        this.spec = spec;
        this.theta1Gradient = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        this.theta2Gradient = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** ∂J/∂Θ1, live array. */
    public double[] theta1Gradient() {
        return theta1Gradient;
    }

    /** ∂J/∂Θ2, live array. */
    public double[] theta2Gradient() {
        return theta2Gradient;
    }

    /** J, including the regularisation term. */
    public double cost() {
        return cost;
    }

    public void setCost(double cost) {
        this.cost = cost;
    }
}
