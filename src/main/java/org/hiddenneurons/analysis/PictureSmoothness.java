package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;

/**
 * How smooth the hidden units' weight pictures are: for unit j, the Pearson correlation r_j over
 * the pooled pairs of neighbouring pixels of its picture (row j of Θ1 without the bias, read as an
 * inputHeight × inputWidth image, row-major) — every horizontal pair (w[y][x], w[y][x+1]) and every
 * vertical pair (w[y][x], w[y+1][x]) together, (H·(W−1) + (H−1)·W) pairs, the first pixel of each
 * pair in one list and the second in the other; the score is the mean of r_j over the units.
 * Random initial weights score about 0, stroke-like pictures close to 1, a checkerboard −1.
 * A unit whose pairs have no variance (a constant picture) has no r_j and is left out of the mean;
 * with none left the score is NaN.
 */
public final class PictureSmoothness {

    private PictureSmoothness() {
    }

    /** The mean over hidden units of r_j (see the class comment). Θ1: hidden × (1 + inputs), row-major. Not modified. */
    public static double of(Network network) {
        NetworkSpec spec = network.spec();
        double[] theta1 = network.theta1();
        int columns = spec.inputSize() + 1;
        double sum = 0;
        int units = 0;
        for (int j = 0; j < spec.hiddenSize(); j++) {
            double r = unit(theta1, j * columns + 1, spec.inputWidth(), spec.inputHeight());
            if (!Double.isNaN(r)) {
                sum += r;
                units++;
            }
        }
        return units == 0 ? Double.NaN : sum / units;
    }

    /**
     * r for one picture: {@code pixels[offset + y·width + x]}, height × width. Not modified.
     *
     * @return Pearson r over the pooled neighbour pairs, NaN when either side has no variance
     */
    public static double unit(double[] pixels, int offset, int width, int height) {
        double sumA = 0;
        double sumB = 0;
        double sumAA = 0;
        double sumBB = 0;
        double sumAB = 0;
        long n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double a = pixels[offset + y * width + x];
                for (int d = 0; d < 2; d++) {
                    int nx = d == 0 ? x + 1 : x;
                    int ny = d == 0 ? y : y + 1;
                    if (nx >= width || ny >= height) {
                        continue;
                    }
                    double b = pixels[offset + ny * width + nx];
                    sumA += a;
                    sumB += b;
                    sumAA += a * a;
                    sumBB += b * b;
                    sumAB += a * b;
                    n++;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double covariance = sumAB - sumA * sumB / n;
        double varianceA = sumAA - sumA * sumA / n;
        double varianceB = sumBB - sumB * sumB / n;
        if (varianceA <= 0 || varianceB <= 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceA * varianceB);
    }
}
