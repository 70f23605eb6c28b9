package org.hiddenneurons.core;

/**
 * Every intermediate of one example's forward pass, in the course's notation. Arrays are owned by
 * this record; callers must not modify them.
 *
 * @param a1 input with the bias: length inputs+1, a1[0] = 1
 * @param z2 hidden pre-activations Θ1·a1: length hidden
 * @param a2 hidden activations with the bias: length hidden+1, a2[0] = 1, a2[j+1] = g(z2[j])
 * @param z3 output pre-activations Θ2·a2: length outputs
 * @param a3 output probabilities (sigmoid or softmax of z3): length outputs
 */
public record ForwardPass(double[] a1, double[] z2, double[] a2, double[] z3, double[] a3) {

    /** The index of the largest output: the predicted class. */
    public int predictedClass() {
        return Network.argMax(a3);
    }
}
