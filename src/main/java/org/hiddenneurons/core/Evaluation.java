package org.hiddenneurons.core;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.kernel.NonzeroIndex;

/**
 * Loss and accuracy of a network over a batch of examples (forward passes only), computed in one
 * batched pass by {@link BatchedCostFunction#fastest()}.
 */
public final class Evaluation {

    /**
     * @param loss     J with regularisation λ (as {@link CostFunction})
     * @param accuracy fraction of examples whose argmax output equals the label, in [0, 1]
     */
    public record Metrics(double loss, double accuracy) {
    }

    /** Loss and accuracy NaN: nothing measured (no examples). */
    public static final Metrics NOT_MEASURED = new Metrics(Double.NaN, Double.NaN);

    private Evaluation() {
    }

    /**
     * Loss and accuracy over the first {@code count} examples. With {@code count == 0} both are NaN.
     *
     * @param inputs count×inputs row-major, not modified
     * @param labels not modified
     * @throws IllegalArgumentException if a label is outside 0..outputs−1
     */
    public static Metrics evaluate(Network network, double[] inputs, int[] labels, int count, double lambda) {
        return evaluate(network, inputs, labels, count, lambda, null);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double)}, giving up between blocks of
     * examples once {@code cancelled} returns true.
     *
     * @param cancelled null = never cancelled
     * @throws CancellationException when cancelled
     */
    public static Metrics evaluate(Network network, double[] inputs, int[] labels, int count, double lambda,
                                   BooleanSupplier cancelled) {
        return evaluate(BatchedCostFunction.fastest(), network, inputs, labels, count, lambda, cancelled);
    }

    /**
     * As {@link #evaluate(Network, double[], int[], int, double, BooleanSupplier)}, computed by
     * {@code function} (e.g. one limited to one thread).
     */
    public static Metrics evaluate(BatchedCostFunction function, Network network, double[] inputs, int[] labels,
                                   int count, double lambda, BooleanSupplier cancelled) {
        return evaluate(function, network, inputs, null, null, labels, count, lambda, cancelled);
    }

    /**
     * As {@link #evaluate(BatchedCostFunction, Network, double[], int[], int, double, BooleanSupplier)}
     * on {@code inputs.values()}, with the nonzero inputs already listed (e.g. once per data set).
     */
    public static Metrics evaluate(BatchedCostFunction function, Network network, NonzeroIndex inputs, int[] labels,
                                   int count, double lambda, BooleanSupplier cancelled) {
        return evaluate(function, network, inputs.values(), inputs, null, labels, count, lambda, cancelled);
    }

    /**
     * As {@link #evaluate(BatchedCostFunction, Network, double[], int[], int, double, BooleanSupplier)}
     * on rows 0..count−1 of {@code inputs}, read a block at a time (e.g. a data set kept at one byte
     * per pixel). The same loss and accuracy.
     */
    public static Metrics evaluate(BatchedCostFunction function, Network network, InputRows inputs, int[] labels,
                                   int count, double lambda, BooleanSupplier cancelled) {
        return evaluate(function, network, null, null, inputs, labels, count, lambda, cancelled);
    }

    private static Metrics evaluate(BatchedCostFunction function, Network network, double[] inputs,
                                    NonzeroIndex index, InputRows rows, int[] labels, int count, double lambda,
                                    BooleanSupplier cancelled) {
        if (count == 0) {
            return NOT_MEASURED;
        }
        int outputSize = network.spec().outputSize();
        double[] outputs = new double[count * outputSize];
        double loss = rows != null
                ? function.evaluate(network, rows, labels, count, lambda, null, outputs, cancelled)
                : index == null
                ? function.evaluate(network, inputs, labels, count, lambda, null, outputs, cancelled)
                : function.evaluate(network, index, labels, count, lambda, null, outputs, cancelled);
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (Network.argMax(outputs, i * outputSize, outputSize) == labels[i]) {
                correct++;
            }
        }
        return new Metrics(loss, correct / (double) count);
    }

    /**
     * The output probabilities a3 of each of the first {@code count} examples.
     *
     * @param inputs count×inputs row-major, not modified
     * @return count×outputs row-major
     */
    public static double[] forwardAll(Network network, double[] inputs, int count) {
        return BatchedCostFunction.fastest().forwardAll(network, inputs, count);
    }

    /**
     * The output probabilities a3 of every row of {@code inputs}, read a block at a time.
     *
     * @return size×outputs row-major
     */
    public static double[] forwardAll(Network network, InputRows inputs) {
        double[] outputs = new double[inputs.size() * network.spec().outputSize()];
        if (inputs.size() > 0) {
            BatchedCostFunction.fastest().evaluate(network, inputs, null, inputs.size(), 0.0, null, outputs, null);
        }
        return outputs;
    }

    /** The predicted class (argmax of a3, the first on ties) of each of the first {@code count} examples. */
    public static int[] predictAll(Network network, double[] inputs, int count) {
        return argMaxes(network, forwardAll(network, inputs, count), count);
    }

    /** The predicted class (argmax of a3, the first on ties) of every row of {@code inputs}. */
    public static int[] predictAll(Network network, InputRows inputs) {
        return argMaxes(network, forwardAll(network, inputs), inputs.size());
    }

    private static int[] argMaxes(Network network, double[] outputs, int count) {
        int outputSize = network.spec().outputSize();
        int[] predicted = new int[count];
        for (int i = 0; i < count; i++) {
            predicted[i] = Network.argMax(outputs, i * outputSize, outputSize);
        }
        return predicted;
    }
}
