package org.hiddenneurons.train;

import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;

/**
 * A quicker (allocation-free, 4-samples-at-a-time) version of the course cost for the tuning
 * harness only, while the production kernels are being written. Sigmoid hidden units only.
 * Same formulas as {@link org.hiddenneurons.core.ReferenceCostFunction}.
 */
final class TuningCostFunction implements CostFunction {

    private static final int BLOCK = 4;
    private double[] hidden = new double[0];
    private double[] delta2 = new double[0];
    private final double[] output = new double[64];

    @Override
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
        NetworkSpec spec = network.spec();
        if (spec.hiddenActivation() != Activation.SIGMOID) {
            throw new IllegalArgumentException("tuning kernel supports sigmoid hidden units only");
        }
        int in = spec.inputSize();
        int hid = spec.hiddenSize();
        int outs = spec.outputSize();
        double[] t1 = network.theta1Copy();
        double[] t2 = network.theta2Copy();
        if (hidden.length < count * hid) {
            hidden = new double[count * hid];
            delta2 = new double[count * hid];
        }
        double[] g1 = out == null ? null : out.theta1Gradient();
        double[] g2 = out == null ? null : out.theta2Gradient();
        if (out != null) {
            java.util.Arrays.fill(g1, 0.0);
            java.util.Arrays.fill(g2, 0.0);
        }
        // Forward to the hidden layer, BLOCK samples per pass over Θ1.
        for (int i0 = 0; i0 < count; i0 += BLOCK) {
            int n = Math.min(BLOCK, count - i0);
            for (int j = 0; j < hid; j++) {
                int row = j * (in + 1);
                double bias = t1[row];
                if (n == BLOCK) {
                    int x0 = i0 * in;
                    int x1 = x0 + in;
                    int x2 = x1 + in;
                    int x3 = x2 + in;
                    double s0 = bias;
                    double s1 = bias;
                    double s2 = bias;
                    double s3 = bias;
                    for (int p = 0; p < in; p++) {
                        double w = t1[row + 1 + p];
                        s0 += w * inputs[x0 + p];
                        s1 += w * inputs[x1 + p];
                        s2 += w * inputs[x2 + p];
                        s3 += w * inputs[x3 + p];
                    }
                    hidden[i0 * hid + j] = Activation.sigmoid(s0);
                    hidden[(i0 + 1) * hid + j] = Activation.sigmoid(s1);
                    hidden[(i0 + 2) * hid + j] = Activation.sigmoid(s2);
                    hidden[(i0 + 3) * hid + j] = Activation.sigmoid(s3);
                } else {
                    for (int i = i0; i < i0 + n; i++) {
                        double s = bias;
                        for (int p = 0; p < in; p++) {
                            s += t1[row + 1 + p] * inputs[i * in + p];
                        }
                        hidden[i * hid + j] = Activation.sigmoid(s);
                    }
                }
            }
        }
        double dataCost = 0.0;
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < outs; k++) {
                int row = k * (hid + 1);
                double s = t2[row];
                for (int j = 0; j < hid; j++) {
                    s += t2[row + 1 + j] * hidden[i * hid + j];
                }
                output[k] = s;
            }
            Network.outputActivation(spec.outputLayer(), output, 0, output, 0, outs);
            int label = labels[i];
            for (int k = 0; k < outs; k++) {
                double y = k == label ? 1.0 : 0.0;
                double a = output[k];
                if (spec.outputLayer() == OutputLayer.SIGMOID_CROSS_ENTROPY) {
                    dataCost -= y * Math.log(Math.max(a, Double.MIN_NORMAL))
                            + (1 - y) * Math.log(Math.max(1 - a, Double.MIN_NORMAL));
                } else if (k == label) {
                    dataCost -= Math.log(Math.max(a, Double.MIN_NORMAL));
                }
                output[k] = a - y;
            }
            if (out == null) {
                continue;
            }
            for (int k = 0; k < outs; k++) {
                int row = k * (hid + 1);
                double d = output[k];
                g2[row] += d;
                for (int j = 0; j < hid; j++) {
                    g2[row + 1 + j] += d * hidden[i * hid + j];
                }
            }
            for (int j = 0; j < hid; j++) {
                double s = 0.0;
                for (int k = 0; k < outs; k++) {
                    s += t2[k * (hid + 1) + 1 + j] * output[k];
                }
                double h = hidden[i * hid + j];
                delta2[i * hid + j] = s * h * (1 - h);
            }
        }
        if (out != null) {
            for (int j = 0; j < hid; j++) {
                int row = j * (in + 1);
                int i = 0;
                for (; i + BLOCK <= count; i += BLOCK) {
                    double d0 = delta2[i * hid + j];
                    double d1 = delta2[(i + 1) * hid + j];
                    double d2 = delta2[(i + 2) * hid + j];
                    double d3 = delta2[(i + 3) * hid + j];
                    g1[row] += d0 + d1 + d2 + d3;
                    int x0 = i * in;
                    for (int p = 0; p < in; p++) {
                        g1[row + 1 + p] += d0 * inputs[x0 + p] + d1 * inputs[x0 + in + p]
                                + d2 * inputs[x0 + 2 * in + p] + d3 * inputs[x0 + 3 * in + p];
                    }
                }
                for (; i < count; i++) {
                    double d = delta2[i * hid + j];
                    g1[row] += d;
                    for (int p = 0; p < in; p++) {
                        g1[row + 1 + p] += d * inputs[i * in + p];
                    }
                }
            }
        }
        double m = count;
        double squares = 0.0;
        for (int r = 0; r < hid; r++) {
            for (int c = 1; c <= in; c++) {
                squares += t1[r * (in + 1) + c] * t1[r * (in + 1) + c];
            }
        }
        for (int r = 0; r < outs; r++) {
            for (int c = 1; c <= hid; c++) {
                squares += t2[r * (hid + 1) + c] * t2[r * (hid + 1) + c];
            }
        }
        double cost = dataCost / m + lambda / (2 * m) * squares;
        if (out != null) {
            finish(g1, t1, hid, in + 1, m, lambda);
            finish(g2, t2, outs, hid + 1, m, lambda);
            out.setCost(cost);
        }
        return cost;
    }

    private static void finish(double[] grad, double[] theta, int rows, int cols, double m, double lambda) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int idx = r * cols + c;
                grad[idx] = grad[idx] / m + (c == 0 ? 0.0 : lambda / m * theta[idx]);
            }
        }
    }
}
