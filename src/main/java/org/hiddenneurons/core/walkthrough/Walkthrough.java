package org.hiddenneurons.core.walkthrough;

import static org.hiddenneurons.core.ReferenceCostFunction.sumSquaresWithoutBias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.CrossEntropy;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;

/**
 * One example walked through the real network: forward pass, cost, backward pass and one
 * gradient-descent step, every intermediate kept for the ten {@link WalkthroughStep steps}.
 *
 * <p>Course notation and layout (m = 1 example):
 * <ul>
 *   <li>a1 = [1; x] (inputs+1), z2 = Θ1·a1 (hidden), a2 = [1; g(z2)] (hidden+1), z3 = Θ2·a2
 *       (outputs), a3 = sigmoid(z3) or softmax(z3) — from {@link Network#forward};</li>
 *   <li>J = data term + λ/(2m)·(ΣΘ1[:,1:]² + ΣΘ2[:,1:]²) with m = 1 — from
 *       {@link CostFunction#standard()};</li>
 *   <li>δ3 = a3 − y; δ2 = (Θ2[:,1:]ᵀ·δ3) ⊙ g′(z2); Δ2 = δ3·a2ᵀ (outputs×(hidden+1));
 *       Δ1 = δ2·a1ᵀ (hidden×(inputs+1)) — written out here step by step, and equal to the core's
 *       gradient with λ = 0 (tested to 1e-12);</li>
 *   <li>Θ ← Θ − α·∇J with the core's gradient ∇J = Δ + λ·Θ (bias column not regularised, m = 1):
 *       one step of {@code train.GradientDescent} on this one example.</li>
 * </ul>
 * Immutable: the network passed in is copied, never modified.
 */
public final class Walkthrough {

    /**
     * Default step size α of the update step. One example, m = 1: large enough that the update
     * visibly lowers this example's cost, small enough not to overshoot on a trained network.
     */
    public static final double DEFAULT_LEARNING_RATE = 0.5;
    /**
     * Default λ. With m = 1 the regularisation gradient λ·Θ is not divided by a training-set
     * size, so a training-size λ (1–2) would shrink every weight by a factor 1 − αλ in one step;
     * a small λ keeps the term visible without drowning the data's gradient.
     */
    public static final double DEFAULT_LAMBDA = 0.01;

    private final Network network;
    private final double[] input;
    private final int label;
    private final double lambda;
    private final double learningRate;
    private final ForwardPass pass;
    private final double[] y;
    private final double[] costTerms;
    private final double dataCost;
    private final double regularisation;
    private final double cost;
    private final double[] delta3;
    private final double[] backSum;
    private final double[] slope;
    private final double[] delta2;
    private final double[] bigDelta1;
    private final double[] bigDelta2;
    private final double[] gradient1;
    private final double[] gradient2;
    private final Network networkAfter;
    private final ForwardPass passAfter;
    private final double costAfter;
    private final double dataCostAfter;

    private Walkthrough(Network source, double[] example, int trueLabel, double lambda, double learningRate) {
        NetworkSpec spec = source.spec();
        if (example.length != spec.inputSize()) {
            throw new IllegalArgumentException("input has " + example.length + " values, the network expects "
                    + spec.inputSize());
        }
        if (trueLabel < 0 || trueLabel >= spec.outputSize()) {
            throw new IllegalArgumentException("label " + trueLabel + " is outside 0.." + (spec.outputSize() - 1));
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.network = source.copy();
        this.input = example.clone();
        this.label = trueLabel;
        this.lambda = lambda;
        this.learningRate = learningRate;
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        int inputs = spec.inputSize();
        double[] theta2 = network.theta2Copy();

        pass = network.forward(input);
        y = new double[outputs];
        y[label] = 1.0;
        costTerms = CrossEntropy.terms(spec.outputLayer(), pass.z3(), label);
        CostFunction costFunction = CostFunction.standard();
        int[] labels = {label};
        dataCost = costFunction.evaluate(network, input, labels, 1, 0.0, null);
        regularisation = lambda / 2.0 * (sumSquaresWithoutBias(network.theta1Copy(), hidden, inputs + 1)
                + sumSquaresWithoutBias(theta2, outputs, hidden + 1));
        Gradients gradients = new Gradients(spec);
        cost = costFunction.evaluate(network, input, labels, 1, lambda, gradients);
        gradient1 = gradients.theta1Gradient().clone();
        gradient2 = gradients.theta2Gradient().clone();

        delta3 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            delta3[k] = pass.a3()[k] - y[k];
        }
        backSum = new double[hidden];
        slope = new double[hidden];
        delta2 = new double[hidden];
        Activation g = spec.hiddenActivation();
        for (int j = 0; j < hidden; j++) {
            double sum = 0.0;
            for (int k = 0; k < outputs; k++) {
                sum += theta2[k * (hidden + 1) + j + 1] * delta3[k];
            }
            backSum[j] = sum;
            slope[j] = g.derivative(pass.z2()[j]);
            delta2[j] = sum * slope[j];
        }
        bigDelta2 = outer(delta3, pass.a2());
        bigDelta1 = outer(delta2, pass.a1());

        double[] theta1After = network.theta1Copy();
        double[] theta2After = theta2.clone();
        descend(theta1After, gradient1, learningRate);
        descend(theta2After, gradient2, learningRate);
        networkAfter = new Network(spec, theta1After, theta2After);
        passAfter = networkAfter.forward(input);
        dataCostAfter = costFunction.evaluate(networkAfter, input, labels, 1, 0.0, null);
        costAfter = costFunction.evaluate(networkAfter, input, labels, 1, lambda, null);
    }

    /**
     * Walks one example through {@code network}.
     *
     * @param network      the weights; copied, not modified
     * @param input        the example, length inputs, values in [0, 1]; copied
     * @param label        the true class y (0-based)
     * @param lambda       λ ≥ 0 of the regularisation (m = 1)
     * @param learningRate α &gt; 0 of the update step
     */
    public static Walkthrough of(Network network, double[] input, int label, double lambda, double learningRate) {
        return new Walkthrough(network, input, label, lambda, learningRate);
    }

    // ---- the numbers ---------------------------------------------------------------------

    public NetworkSpec spec() {
        return network.spec();
    }

    /** The weights before the update (a private copy; do not modify). */
    public Network network() {
        return network;
    }

    /** The example x (a copy). */
    public double[] input() {
        return input.clone();
    }

    public int label() {
        return label;
    }

    public double lambda() {
        return lambda;
    }

    public double learningRate() {
        return learningRate;
    }

    /** a1, z2, a2, z3, a3 before the update. */
    public ForwardPass pass() {
        return pass;
    }

    /** The one-hot y (a copy). */
    public double[] y() {
        return y.clone();
    }

    /** J without the regularisation term. */
    public double dataCost() {
        return dataCost;
    }

    /** λ/(2m)·(ΣΘ1[:,1:]² + ΣΘ2[:,1:]²), m = 1. */
    public double regularisation() {
        return regularisation;
    }

    /** J with the regularisation term (from the core's cost function). */
    public double cost() {
        return cost;
    }

    /** δ3 = a3 − y (a copy). */
    public double[] delta3() {
        return delta3.clone();
    }

    /** δ2 = (Θ2[:,1:]ᵀ·δ3) ⊙ g′(z2) (a copy). */
    public double[] delta2() {
        return delta2.clone();
    }

    /** Δ1 = δ2·a1ᵀ, hidden×(inputs+1) row-major (a copy). */
    public double[] bigDelta1() {
        return bigDelta1.clone();
    }

    /** Δ2 = δ3·a2ᵀ, outputs×(hidden+1) row-major (a copy). */
    public double[] bigDelta2() {
        return bigDelta2.clone();
    }

    /** ∂J/∂Θ1 = Δ1 + λ·Θ1 (bias column not regularised), from the core (a copy). */
    public double[] gradient1() {
        return gradient1.clone();
    }

    /** ∂J/∂Θ2 = Δ2 + λ·Θ2 (bias column not regularised), from the core (a copy). */
    public double[] gradient2() {
        return gradient2.clone();
    }

    /** The weights after Θ ← Θ − α·∇J (do not modify). */
    public Network networkAfter() {
        return networkAfter;
    }

    public ForwardPass passAfter() {
        return passAfter;
    }

    /** J (with regularisation) after the update. */
    public double costAfter() {
        return costAfter;
    }

    /** J without the regularisation term after the update. */
    public double dataCostAfter() {
        return dataCostAfter;
    }

    // ---- gradient check ------------------------------------------------------------------

    /**
     * Backprop's ∂J/∂θ of one weight beside the central difference (J(θ+ε) − J(θ−ε)) / 2ε of
     * this example's cost J (with regularisation, m = 1, the core's cost function).
     */
    public GradientCheckResult gradientCheck(WeightRef weight) {
        NetworkSpec spec = spec();
        int index = weight.index(spec);
        double analytic = weight.layer() == 1 ? gradient1[index] : gradient2[index];
        WeightBuffers probe = network.mutableCopy();
        double numerical = NumericalDerivative.centralDifference(CostFunction.standard(), probe, input,
                new int[] {label}, lambda, weight.layer(), index);
        double value = weight.layer() == 1 ? network.theta1(index) : network.theta2(index);
        return new GradientCheckResult(weight, value, analytic, numerical, NumericalDerivative.EPSILON,
                NumericalDerivative.relativeDifference(numerical, analytic));
    }

    // ---- what each step shows --------------------------------------------------------------

    /** Θ1[j][i]·a1[i] for i = 0..inputs (bias first), hidden unit j's terms of z2[j]. */
    public double[] products(int unit) {
        int columns = spec().inputSize() + 1;
        double[] out = new double[columns];
        double[] a1 = pass.a1();
        for (int i = 0; i < columns; i++) {
            out[i] = network.theta1(unit * columns + i) * a1[i];
        }
        return out;
    }

    /** Per-class terms of the data cost: sigmoid −[y log a + (1−y) log(1−a)]; softmax −y log a. */
    public double[] costTerms() {
        return costTerms.clone();
    }

    /** (Θ2[:,1:]ᵀ·δ3), length hidden. */
    public double[] backSum() {
        return backSum.clone();
    }

    /** g′(z2), length hidden. */
    public double[] slope() {
        return slope.clone();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** column·rowᵀ, |column|×|row| row-major. */
    private static double[] outer(double[] column, double[] row) {
        double[] out = new double[column.length * row.length];
        for (int r = 0; r < column.length; r++) {
            for (int c = 0; c < row.length; c++) {
                out[r * row.length + c] = column[r] * row[c];
            }
        }
        return out;
    }

    /** θ ← θ − α·∇J. @param theta Modified. */
    private static void descend(double[] theta, double[] gradient, double learningRate) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= learningRate * gradient[i];
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Walkthrough[label=%d, J=%.6g, lambda=%g, alpha=%g]", label, cost, lambda,
                learningRate);
    }

    static double[] copyOf(double[] values) {
        return Arrays.copyOf(values, values.length);
    }
}
