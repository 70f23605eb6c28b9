package org.hiddenneurons.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A straightforward, one-example-at-a-time implementation of {@link CostFunction}: the
 * readable reference that faster kernels are tested against. Its products are EJML's
 * ({@link CommonOps_DDRM}), not the project's kernels, so the kernels are checked against an
 * implementation they share no code with. Per example (Θ2: outputs×(hidden+1), a2: hidden+1):
 * δ3 = a3 − y; δ2 = (Θ2ᵀ·δ3)[1:] ⊙ g′(z2); ∇Θ2 += δ3·a2ᵀ; ∇Θ1 += δ2·a1ᵀ.
 */
public final class ReferenceCostFunction implements CostFunction {

    public static final ReferenceCostFunction INSTANCE = new ReferenceCostFunction();

    private ReferenceCostFunction() {
    }

    @Override
    public double evaluate(Network network, double[] inputs, int[] labels, int count, double lambda, Gradients out) {
        NetworkSpec spec = network.spec();
        int inputSize = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        double[] theta1 = network.theta1Array();
        double[] theta2 = network.theta2Array();
        double[] grad1 = out == null ? null : out.theta1Gradient();
        double[] grad2 = out == null ? null : out.theta2Gradient();
        if (out != null) {
            java.util.Arrays.fill(grad1, 0.0);
            java.util.Arrays.fill(grad2, 0.0);
        }
        Activation g = spec.hiddenActivation();
        double dataCost = 0.0;
        double[] example = new double[inputSize];
        double[] delta3 = new double[outputs];
        double[] delta2 = new double[hidden];
        DMatrixRMaj theta2Matrix = DMatrixRMaj.wrap(outputs, hidden + 1, theta2);
        DMatrixRMaj grad1Matrix = out == null ? null : DMatrixRMaj.wrap(hidden, inputSize + 1, grad1);
        DMatrixRMaj grad2Matrix = out == null ? null : DMatrixRMaj.wrap(outputs, hidden + 1, grad2);
        DMatrixRMaj delta3Column = DMatrixRMaj.wrap(outputs, 1, delta3);
        DMatrixRMaj delta2Column = DMatrixRMaj.wrap(hidden, 1, delta2);
        DMatrixRMaj backError = new DMatrixRMaj(hidden + 1, 1);
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs, i * inputSize, example, 0, inputSize);
            ForwardPass pass = network.forward(example);
            double[] a3 = pass.a3();
            int label = labels[i];
            checkLabel(label, i, outputs);
            dataCost += CrossEntropy.exampleCost(spec.outputLayer(), pass.z3(), 0, outputs, label);
            for (int k = 0; k < outputs; k++) {
                double y = k == label ? 1.0 : 0.0;
                delta3[k] = a3[k] - y;
            }
            if (out == null) {
                continue;
            }
            // Θ2ᵀ·δ3 ((hidden+1)×1); its row 0 belongs to the bias unit, which has no δ
            CommonOps_DDRM.multTransA(theta2Matrix, delta3Column, backError);
            for (int j = 0; j < hidden; j++) {
                delta2[j] = backError.get(j + 1, 0) * g.derivative(pass.z2()[j]);
            }
            CommonOps_DDRM.multAdd(delta3Column, DMatrixRMaj.wrap(1, hidden + 1, pass.a2()), grad2Matrix);
            CommonOps_DDRM.multAdd(delta2Column, DMatrixRMaj.wrap(1, inputSize + 1, pass.a1()), grad1Matrix);
        }
        double m = count;
        double cost = regularisedCost(network, dataCost, m, lambda);
        if (out != null) {
            finishGradient(grad1, theta1, hidden, inputSize + 1, m, lambda);
            finishGradient(grad2, theta2, outputs, hidden + 1, m, lambda);
            out.setCost(cost);
        }
        return cost;
    }

    /** @throws IllegalArgumentException if {@code label} (of example {@code example}) is outside 0..outputs−1 */
    static void checkLabel(int label, int example, int outputs) {
        if (label < 0 || label >= outputs) {
            throw new IllegalArgumentException("label " + label + " of example " + example + " is outside 0.."
                    + (outputs - 1));
        }
    }

    /** J = dataCost/m + λ/(2m)·(Σ Θ1[:,1:]² + Σ Θ2[:,1:]²): mean data cost plus L2 on non-bias weights. */
    static double regularisedCost(Network network, double dataCost, double m, double lambda) {
        NetworkSpec spec = network.spec();
        int inputSize = spec.inputSize();
        int hidden = spec.hiddenSize();
        return dataCost / m + lambda / (2.0 * m) * (sumSquaresWithoutBias(network.theta1Array(), hidden, inputSize + 1)
                + sumSquaresWithoutBias(network.theta2Array(), spec.outputSize(), hidden + 1));
    }

    /** Σ of Θ[r][c]² over c ≥ 1 (Θ: rows×cols, row-major; the bias column 0 is left out). */
    public static double sumSquaresWithoutBias(double[] theta, int rows, int cols) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                double w = theta[r * cols + c];
                sum += w * w;
            }
        }
        return sum;
    }

    /** grad = grad/m + (λ/m)·Θ on non-bias columns. grad modified. */
    static void finishGradient(double[] grad, double[] theta, int rows, int cols, double m, double lambda) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int idx = r * cols + c;
                grad[idx] = grad[idx] / m + (c == 0 ? 0.0 : lambda / m * theta[idx]);
            }
        }
    }
}
