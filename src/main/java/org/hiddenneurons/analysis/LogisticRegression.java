package org.hiddenneurons.analysis;

import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.InputRows;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.core.kernel.MatrixKernel;
import org.hiddenneurons.train.Lbfgs;

/**
 * The network without a hidden layer: one-vs-all logistic regression (the course's ex3), one
 * template per class. Θ: classes×(inputs+1) row-major, bias in column 0; h_k(x) = sigmoid(Θ[k,:]·[1; x]);
 * the prediction is argmax_k h_k.
 *
 * <p>J(Θ) = −(1/m) Σ_i Σ_k [y_ik log h_k(x_i) + (1 − y_ik) log(1 − h_k(x_i))] + λ/(2m) Σ Θ[:,1:]²,
 * ∂J/∂Θ = (1/m) Σ_i (h(x_i) − y_i)·[1; x_i]ᵀ + (λ/m)·Θ (bias column not regularised);
 * minimised by full-batch {@link Lbfgs}.
 */
public final class LogisticRegression {

    /** λ, as in the course's ex3. */
    public static final double DEFAULT_LAMBDA = 0.1;
    /** L-BFGS iterations: enough to converge on the 4000 digits (the course runs fmincg for 50). */
    public static final int DEFAULT_ITERATIONS = 100;

    /**
     * A trained model.
     *
     * @param theta         classes×(inputs+1) row-major, bias in column 0
     * @param classCount    number of classes (rows)
     * @param inputSize     inputs (columns − 1)
     * @param trainAccuracy accuracy on the training set
     * @param testAccuracy  accuracy on the test set
     * @param iterations    L-BFGS iterations run
     */
    public record Model(double[] theta, int classCount, int inputSize, double trainAccuracy, double testAccuracy,
                        int iterations) {

        /** Class k's template Θ[k, 1:] (a copy, length inputs): its picture. */
        public double[] template(int k) {
            double[] out = new double[inputSize];
            System.arraycopy(theta, k * (inputSize + 1) + 1, out, 0, inputSize);
            return out;
        }

        /** max |Θ[k, 1:]| over all templates. */
        public double maxAbsWeight() {
            double max = 0;
            for (int k = 0; k < classCount; k++) {
                for (int i = 1; i <= inputSize; i++) {
                    max = Math.max(max, Math.abs(theta[k * (inputSize + 1) + i]));
                }
            }
            return max;
        }
    }

    private LogisticRegression() {
    }

    /**
     * Trains on {@code split.train()} and measures both accuracies.
     *
     * @param cancelled checked before every iteration; when it returns true, training stops and
     *                  null is returned
     * @return the model, or null when cancelled
     */
    public static Model train(Split split, double lambda, int iterations, BooleanSupplier cancelled) {
        Dataset train = split.train();
        int classes = train.classCount();
        int inputs = train.inputSize();
        double[] theta = new double[classes * (inputs + 1)];
        double[] gradient = new double[theta.length];
        Lbfgs optimizer = new Lbfgs();
        optimizer.initialize(new double[][] {theta}, new double[][] {gradient});
        int done = 0;
        for (; done < iterations; done++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            double cost = optimizer.step(() -> cost(theta, classes, train, train.labels(), train.size(), lambda,
                    gradient));
            if (!Double.isFinite(cost)) {
                break;
            }
        }
        return new Model(theta, classes, inputs, accuracy(theta, classes, train),
                accuracy(theta, classes, split.test()), done);
    }

    /**
     * J and ∂J/∂Θ.
     *
     * @param theta    classes×(inputs+1), not modified
     * @param inputs   count×inputs, not modified
     * @param gradient same shape as theta. Modified.
     */
    public static double cost(double[] theta, int classes, double[] inputs, int[] labels, int count, double lambda,
                              double[] gradient) {
        return cost(theta, classes, InputRows.of(inputs, count, theta.length / classes - 1), labels, count, lambda,
                gradient);
    }

    /** Rows of X per block of {@link #cost(double[], int, InputRows, int[], int, double, double[])}. */
    private static final int BLOCK_ROWS = 1024;

    /**
     * As {@link #cost(double[], int, double[], int[], int, double, double[])} on rows 0..count−1 of
     * {@code inputs}, read {@link #BLOCK_ROWS} rows at a time (a data set kept at one byte per pixel
     * is never decoded whole).
     */
    public static double cost(double[] theta, int classes, InputRows inputs, int[] labels, int count, double lambda,
                              double[] gradient) {
        int inputSize = theta.length / classes - 1;
        int stride = inputSize + 1;
        MatrixKernel kernel = Kernels.best();
        int blockRows = Math.max(1, Math.min(count, BLOCK_ROWS));
        double[] block = new double[blockRows * inputSize];
        double[] error = new double[blockRows * classes];
        double loss = 0.0;
        java.util.Arrays.fill(gradient, 0.0);
        for (int start = 0; start < count; start += blockRows) {
            int rows = Math.min(blockRows, count - start);
            inputs.copyRows(start, rows, block, 0);
            // Z = X·Θ[:,1:]ᵀ + Θ[:,0] (rows×classes); then the error h − y in place; then ∇ += (h − y)ᵀ·[1, X]
            kernel.forward(block, 0, rows, inputSize, theta, classes, error);
            for (int r = 0; r < rows; r++) {
                int label = labels[start + r];
                for (int k = 0; k < classes; k++) {
                    double z = error[r * classes + k];
                    boolean positive = label == k;
                    // −log h = softplus(−z); −log(1 − h) = softplus(z)
                    loss += softplus(positive ? -z : z);
                    error[r * classes + k] = Activation.sigmoid(z) - (positive ? 1.0 : 0.0);
                }
            }
            kernel.accumulateGradient(block, 0, rows, inputSize, error, classes, gradient);
        }
        double penalty = 0.0;
        for (int k = 0; k < classes; k++) {
            for (int p = 1; p < stride; p++) {
                double w = theta[k * stride + p];
                penalty += w * w;
                gradient[k * stride + p] += lambda * w;
            }
        }
        for (int t = 0; t < gradient.length; t++) {
            gradient[t] /= count;
        }
        return loss / count + lambda / (2.0 * count) * penalty;
    }

    /**
     * The fraction of {@code data} whose argmax_k Θ[k,:]·[1; x] is the label (ties: the lowest k);
     * NaN for an empty data set. The scores Z = X·Θ[:,1:]ᵀ + Θ[:,0] (count×classes) come from the
     * same product as {@link #cost}.
     */
    public static double accuracy(double[] theta, int classes, Dataset data) {
        int count = data.size();
        if (count == 0) {
            return Double.NaN;
        }
        int blockRows = Math.min(count, BLOCK_ROWS);
        double[] block = new double[blockRows * data.inputSize()];
        double[] scores = new double[blockRows * classes];
        int correct = 0;
        for (int start = 0; start < count; start += blockRows) {
            int rows = Math.min(blockRows, count - start);
            data.copyRows(start, rows, block, 0);
            Kernels.best().forward(block, 0, rows, data.inputSize(), theta, classes, scores);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (scores[r * classes + k] > scores[r * classes + best]) {
                        best = k;
                    }
                }
                if (best == data.label(start + r)) {
                    correct++;
                }
            }
        }
        return correct / (double) count;
    }

    /** log(1 + e^t) without overflow. */
    private static double softplus(double t) {
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
    }
}
