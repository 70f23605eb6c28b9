package org.hiddenneurons.core;

/**
 * Θ1 and Θ2 as plain arrays that their owner changes in place: the trainer's parameters (handed to
 * the optimizer and read by the cost function), a weight the gradient check nudges, a unit an
 * experiment switches off. The layout is {@link Network}'s.
 *
 * <p>Not thread-safe and never published: other threads get {@link #toNetwork()}, a copy that does
 * not change. {@link #view()} lets the owner's own thread call code that takes a {@link Network}
 * (cost functions, scoring) without copying.
 */
public final class WeightBuffers {

    private final NetworkSpec spec;
    private final double[] theta1;
    private final double[] theta2;
    private final Network view;

    /** Buffers holding a copy of {@code network}'s weights. */
    public WeightBuffers(Network network) {
        this(network.spec(), network.theta1Copy(), network.theta2Copy());
    }

    /**
     * @param theta1 hidden×(inputs+1) row-major. Not copied: the buffers are these arrays.
     * @param theta2 outputs×(hidden+1) row-major. Not copied.
     * @throws IllegalArgumentException if a length does not match the spec
     */
    public WeightBuffers(NetworkSpec spec, double[] theta1, double[] theta2) {
        Network.checkLengths(spec, theta1, theta2);
        this.spec = spec;
        this.theta1 = theta1;
        this.theta2 = theta2;
        this.view = Network.viewOf(this);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Θ1, hidden×(inputs+1) row-major. The live buffer: writes change these weights. */
    public double[] theta1() {
        return theta1;
    }

    /** Θ2, outputs×(hidden+1) row-major. The live buffer. */
    public double[] theta2() {
        return theta2;
    }

    /** Θ1 or Θ2 by layer number (1 or 2), the live buffer. */
    public double[] layer(int layer) {
        if (layer != 1 && layer != 2) {
            throw new IllegalArgumentException("layer must be 1 or 2, got " + layer);
        }
        return layer == 1 ? theta1 : theta2;
    }

    /** Overwrites these weights with {@code network}'s (same spec). */
    public void copyFrom(Network network) {
        if (!network.spec().equals(spec)) {
            throw new IllegalArgumentException("cannot copy weights of " + network.spec() + " into " + spec);
        }
        network.copyTheta1Into(theta1);
        network.copyTheta2Into(theta2);
    }

    /** A network holding a copy of the current weights: later writes here do not reach it. */
    public Network toNetwork() {
        return new Network(spec, theta1, theta2);
    }

    /**
     * A read-only {@link Network} over these buffers (the same object on every call): it follows
     * every write here, so it stays with the owner's thread; hand on {@link #toNetwork()} instead.
     */
    public Network view() {
        return view;
    }
}
