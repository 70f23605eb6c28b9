package org.hiddenneurons.analysis;

import java.util.Random;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.TestNetworks;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;

/** Random networks and data sets for the analysis tests. */
final class AnalysisFixtures {

    static final long SEED = 42;
    /** A small network: 4×3 inputs, 5 hidden units, 3 classes. */
    static final NetworkSpec SMALL = new NetworkSpec(4, 3, 5, 3, Activation.SIGMOID, OutputLayer.SIGMOID_CROSS_ENTROPY);

    private AnalysisFixtures() {
    }

    /** A network with Gaussian weights: Θ1 of standard deviation {@code scale}, Θ2 of 3·{@code scale}. */
    static Network randomNetwork(NetworkSpec spec, Random random, double scale) {
        return TestNetworks.gaussianNetwork(spec, random, scale, 3);
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
        WeightBuffers copy = network.mutableCopy();
        int hidden = network.spec().hiddenSize();
        for (int k = 0; k < network.spec().outputSize(); k++) {
            copy.theta2()[k * (hidden + 1) + unit + 1] = 0.0;
        }
        return copy.toNetwork();
    }
}
