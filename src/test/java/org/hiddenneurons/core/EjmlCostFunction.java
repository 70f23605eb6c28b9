package org.hiddenneurons.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * {@link CostFunction} written with EJML's general dense routines (multTransB / multTransA / mult),
 * the matrix form of ex4's vectorised nnCostFunction. Test scope: a comparison point for the
 * benchmarks (EpochBenchmark) and a third, independent check of the maths.
 */
public final class EjmlCostFunction implements CostFunction {

    public static final EjmlCostFunction INSTANCE = new EjmlCostFunction();

    private EjmlCostFunction() {
    }

    @Override
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
        NetworkSpec spec = network.spec();
        int inputSize = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        Activation g = spec.hiddenActivation();
        DMatrixRMaj x = DMatrixRMaj.wrap(count, inputSize, inputs);
        // Θ1 split into its bias column and W1 = Θ1[:,1:]; W2 = Θ2[:,1:].
        DMatrixRMaj theta1 = network.theta1Matrix();
        DMatrixRMaj w1 = CommonOps_DDRM.extract(theta1, 0, hidden, 1, inputSize + 1);
        DMatrixRMaj theta2 = network.theta2Matrix();
        DMatrixRMaj w2 = CommonOps_DDRM.extract(theta2, 0, outputs, 1, hidden + 1);
        DMatrixRMaj z2 = new DMatrixRMaj(count, hidden);
        CommonOps_DDRM.multTransB(x, w1, z2);
        DMatrixRMaj a2 = new DMatrixRMaj(count, hidden + 1);
        for (int i = 0; i < count; i++) {
            a2.unsafe_set(i, 0, 1.0);
            for (int j = 0; j < hidden; j++) {
                double z = z2.unsafe_get(i, j) + theta1.unsafe_get(j, 0);
                z2.unsafe_set(i, j, z);
                a2.unsafe_set(i, j + 1, g.apply(z));
            }
        }
        DMatrixRMaj z3 = new DMatrixRMaj(count, outputs);
        CommonOps_DDRM.multTransB(a2, theta2, z3);
        DMatrixRMaj delta3 = new DMatrixRMaj(count, outputs);
        double dataCost = 0.0;
        double[] a3 = new double[outputs];
        for (int i = 0; i < count; i++) {
            int label = labels[i];
            ReferenceCostFunction.checkLabel(label, i, outputs);
            Network.outputActivation(spec.outputLayer(), z3.data, i * outputs, a3, 0, outputs);
            dataCost += CrossEntropy.exampleCost(spec.outputLayer(), z3.data, i * outputs, outputs, label);
            for (int k = 0; k < outputs; k++) {
                delta3.unsafe_set(i, k, a3[k] - (k == label ? 1.0 : 0.0));
            }
        }
        double m = count;
        double cost = ReferenceCostFunction.regularisedCost(network, dataCost, m, lambda);
        if (out == null) {
            return cost;
        }
        DMatrixRMaj grad2 = DMatrixRMaj.wrap(outputs, hidden + 1, out.theta2Gradient());
        CommonOps_DDRM.multTransA(delta3, a2, grad2);
        DMatrixRMaj delta2 = new DMatrixRMaj(count, hidden);
        CommonOps_DDRM.mult(delta3, w2, delta2);
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < hidden; j++) {
                delta2.unsafe_set(i, j, delta2.unsafe_get(i, j) * g.derivative(z2.unsafe_get(i, j), a2.unsafe_get(i, j + 1)));
            }
        }
        DMatrixRMaj body = new DMatrixRMaj(hidden, inputSize);
        CommonOps_DDRM.multTransA(delta2, x, body);
        double[] grad1 = out.theta1Gradient();
        for (int j = 0; j < hidden; j++) {
            double biasSum = 0.0;
            for (int i = 0; i < count; i++) {
                biasSum += delta2.unsafe_get(i, j);
            }
            grad1[j * (inputSize + 1)] = biasSum;
            System.arraycopy(body.data, j * inputSize, grad1, j * (inputSize + 1) + 1, inputSize);
        }
        ReferenceCostFunction.finishGradient(grad1, network.theta1Copy(), hidden, inputSize + 1, m, lambda);
        ReferenceCostFunction.finishGradient(out.theta2Gradient(), network.theta2Copy(), outputs, hidden + 1, m, lambda);
        out.setCost(cost);
        return cost;
    }
}
