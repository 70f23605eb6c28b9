package org.hiddenneurons.analysis;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;

/** Random networks and data sets for the analysis tests. */
final class AnalysisFixtures {

    static final long SEED = 42;
    /** A small network: 4×3 inputs, 5 hidden units, 3 classes. */
    static final NetworkSpec SMALL = new NetworkSpec(4, 3, 5, 3, Activation.SIGMOID, OutputLayer.SIGMOID_CROSS_ENTROPY);

    private AnalysisFixtures() {
    }

    /** A network with Gaussian weights of standard deviation {@code scale}. */
    static Network randomNetwork(NetworkSpec spec, Random random, double scale) {
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < theta1.length; i++) {
            theta1[i] = random.nextGaussian() * scale;
        }
        for (int i = 0; i < theta2.length; i++) {
            theta2[i] = random.nextGaussian() * 3 * scale;
        }
        return new Network(spec, theta1, theta2);
    }

    /** {@code count} random images in [0, 1] whose labels are mostly the network's own answers. */
    static Dataset dataset(Network network, int count, Random random) {
        NetworkSpec spec = network.spec();
        int inputs = spec.inputSize();
        double[] pixels = new double[count * inputs];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double[] x = new double[inputs];
            for (int p = 0; p < inputs; p++) {
                x[p] = random.nextDouble();
            }
            System.arraycopy(x, 0, pixels, i * inputs, inputs);
            labels[i] = random.nextInt(4) == 0 ? random.nextInt(spec.outputSize()) : network.forward(x).predictedClass();
        }
        return new Dataset("random", spec.inputWidth(), spec.inputHeight(), spec.outputSize(), pixels, labels);
    }

    static Split split(Network network, int trainCount, int testCount, Random random) {
        return new Split(dataset(network, trainCount, random), dataset(network, testCount, random));
    }

    /** A copy of {@code network} with hidden unit j's outgoing weights Θ2[:, j+1] set to 0. */
    static Network withOutgoingWeightsZeroed(Network network, int unit) {
        Network copy = network.copy();
        int hidden = network.spec().hiddenSize();
        for (int k = 0; k < network.spec().outputSize(); k++) {
            copy.theta2()[k * (hidden + 1) + unit + 1] = 0.0;
        }
        return copy;
    }
}
