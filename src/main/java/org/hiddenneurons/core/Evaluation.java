package org.hiddenneurons.core;

/**
 * Loss and accuracy of a network over a batch of examples (forward passes only).
 *
 * <p>API CONTRACT: this is the straightforward version; the kernel work may replace its body
 * with a faster batched one, keeping the signatures.
 */
public final class Evaluation {

    /**
     * @param loss     J with regularisation λ (as {@link CostFunction})
     * @param accuracy fraction of examples whose argmax output equals the label, in [0, 1]
     */
    public record Metrics(double loss, double accuracy) {
    }

    private Evaluation() {
    }

    /**
     * Loss and accuracy over the first {@code count} examples.
     *
     * @param inputs count×inputs row-major, not modified
     * @param labels not modified
     */
    public static Metrics evaluate(Network network, double[] inputs, int[] labels, int count, double lambda) {
        double loss = CostFunction.standard().evaluate(network, inputs, labels, count, lambda, null);
        int[] predicted = predictAll(network, inputs, count);
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return new Metrics(loss, count == 0 ? Double.NaN : correct / (double) count);
    }

    /** The predicted class (argmax of a3) of each of the first {@code count} examples. */
    public static int[] predictAll(Network network, double[] inputs, int count) {
        int inputSize = network.spec().inputSize();
        int[] predicted = new int[count];
        double[] example = new double[inputSize];
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs, i * inputSize, example, 0, inputSize);
            predicted[i] = network.forward(example).predictedClass();
        }
        return predicted;
    }
}
