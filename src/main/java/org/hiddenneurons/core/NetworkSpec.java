package org.hiddenneurons.core;

/**
 * The architecture of a fully connected input → hidden → output network.
 *
 * @param inputWidth  width of an input image in pixels (inputs are flattened row-major, x fastest)
 * @param inputHeight height of an input image in pixels
 * @param hiddenSize  number of hidden units
 * @param outputSize  number of classes
 * @param hiddenActivation g for the hidden layer
 * @param outputLayer output non-linearity and cost
 */
public record NetworkSpec(int inputWidth, int inputHeight, int hiddenSize, int outputSize,
                          Activation hiddenActivation, OutputLayer outputLayer) {

    /** The course network: 20×20 inputs, 25 sigmoid hidden units, 10 sigmoid outputs. */
    public static final NetworkSpec DEFAULT =
            new NetworkSpec(20, 20, 25, 10, Activation.SIGMOID, OutputLayer.SIGMOID_CROSS_ENTROPY);

    public NetworkSpec {
        if (inputWidth < 1 || inputHeight < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputWidth + "x" + inputHeight);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be at least 1, got " + hiddenSize);
        }
        if (outputSize < 2) {
            throw new IllegalArgumentException("outputSize must be at least 2, got " + outputSize);
        }
        if (hiddenActivation == null || outputLayer == null) {
            throw new IllegalArgumentException("activation and output layer must be given");
        }
    }

    /** inputWidth · inputHeight: the number of input units without the bias. */
    public int inputSize() {
        return inputWidth * inputHeight;
    }

    /** A copy with another hidden size. */
    public NetworkSpec withHiddenSize(int newHiddenSize) {
        return new NetworkSpec(inputWidth, inputHeight, newHiddenSize, outputSize, hiddenActivation, outputLayer);
    }
}
