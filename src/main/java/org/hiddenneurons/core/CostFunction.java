package org.hiddenneurons.core;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.kernel.NonzeroIndex;

/**
 * The regularised cost and its gradients by backpropagation, over a batch of m examples.
 *
 * <p>J(Θ) = data term (see {@link OutputLayer}) + λ/(2m) · (ΣΘ1[:,1:]² + ΣΘ2[:,1:]²)
 * — biases (column 0) are not regularised.
 *
 * <p>Backprop per example: δ3 = a3 − y; δ2 = (Θ2[:,1:]ᵀ·δ3) ⊙ g'(z2);
 * ∂J/∂Θ2 = (1/m) Σ δ3·a2ᵀ + (λ/m)·Θ2 (bias column excluded); ∂J/∂Θ1 = (1/m) Σ δ2·a1ᵀ + (λ/m)·Θ1.
 */
public interface CostFunction {

    /**
     * Computes J and, if {@code out} is not null, the gradients.
     *
     * @param network weights, not modified
     * @param inputs  m×inputs row-major examples, not modified (only the first {@code count} rows are read)
     * @param labels  class index per example (0..outputs−1), not modified
     * @param count   m, the number of examples to use
     * @param lambda  L2 regularisation strength λ ≥ 0
     * @param out     receives J and the gradients. Modified. May be null for the cost alone.
     * @return J
     */
    double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out);

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients)}, giving up once
     * {@code cancelled} returns true. This default checks before and after the evaluation;
     * {@link BatchedCostFunction} also checks between blocks of examples.
     *
     * @param cancelled polled from the evaluating thread(s)
     * @throws CancellationException when cancelled; {@code out} is then undefined
     */
    default double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out,
                            BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cost evaluation cancelled");
        }
        double cost = evaluate(network, inputs, labels, count, lambda, out);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cost evaluation cancelled");
        }
        return cost;
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients, BooleanSupplier)} on
     * {@code inputs.values()}, with the examples' nonzero inputs already listed (index row i is
     * example i), which {@link BatchedCostFunction} uses to skip zero inputs; this default ignores
     * the index. The same J and gradients either way.
     */
    default double evaluate(Network network, NonzeroIndex inputs, int[] labels, int count, double lambda,
                            Gradients out, BooleanSupplier cancelled) {
        return evaluate(network, inputs.values(), labels, count, lambda, out, cancelled);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, Gradients, BooleanSupplier)} on rows
     * 0..count−1 of {@code inputs}: this default copies them into one array;
     * {@link BatchedCostFunction} reads one block of rows at a time. The same J and gradients.
     */
    default double evaluate(Network network, InputRows inputs, int[] labels, int count, double lambda,
                            Gradients out, BooleanSupplier cancelled) {
        double[] all = new double[count * inputs.inputSize()];
        inputs.copyRows(0, count, all, 0);
        return evaluate(network, all, labels, count, lambda, out, cancelled);
    }

    /**
     * The default implementation: the fastest kernel available on this JVM
     * ({@link BatchedCostFunction#fastest()}).
     */
    static CostFunction standard() {
        return BatchedCostFunction.fastest();
    }
}
