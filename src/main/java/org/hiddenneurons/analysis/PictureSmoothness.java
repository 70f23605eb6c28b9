package org.hiddenneurons.analysis;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;

/**
 * How smooth the hidden units' pictures are: whether neighbouring pixels of a unit's incoming
 * weights agree (strokes, bars, blobs) or not (speckle). Pure functions.
 *
 * <p>For hidden unit j, take its picture w (row j of Θ1 without the bias, inputHeight ×
 * inputWidth, x fastest) and pool every adjacent pair: the horizontal pairs (w[y][x], w[y][x+1])
 * and the vertical pairs (w[y][x], w[y+1][x]); for a 20×20 picture that is 2·20·19 = 760 pairs.
 * r_j is the Pearson correlation of the pairs' first against their second members:
 * <pre>
 * r_j = Σ (a − ā)(b − b̄) / √(Σ (a − ā)² · Σ (b − b̄)²)
 * </pre>
 * (ā, b̄: means over the pooled pairs). {@code pictureSmoothness} = mean of r_j over the units.
 * 1: a picture that varies slowly; 0: independent pixels (random initial weights); negative: a
 * checkerboard. A unit whose picture has no variance in a or b contributes 0.
 * Reproduced outside the app by {@code scripts/picture_smoothness.py}.
 */
public final class PictureSmoothness {

    private PictureSmoothness() {
    }

    /** Mean over hidden units of {@link #unit}. */
    public static double of(Network network) {
        NetworkSpec spec = network.spec();
        double sum = 0.0;
        for (int j = 0; j < spec.hiddenSize(); j++) {
            sum += unit(network, j);
        }
        return sum / spec.hiddenSize();
    }

    /** r_j of the class comment for hidden unit {@code unit}. */
    public static double unit(Network network, int unit) {
        NetworkSpec spec = network.spec();
        int width = spec.inputWidth();
        int height = spec.inputHeight();
        double[] theta1 = network.theta1Row(unit);
        int base = 1;
        // Pass 1: the means of the first and second members over all pairs.
        double sumA = 0.0;
        double sumB = 0.0;
        long pairs = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double a = theta1[base + y * width + x];
                if (x + 1 < width) {
                    sumA += a;
                    sumB += theta1[base + y * width + x + 1];
                    pairs++;
                }
                if (y + 1 < height) {
                    sumA += a;
                    sumB += theta1[base + (y + 1) * width + x];
                    pairs++;
                }
            }
        }
        if (pairs == 0) {
            return 0.0;
        }
        double meanA = sumA / pairs;
        double meanB = sumB / pairs;
        // Pass 2: centred sums of products and squares.
        double ab = 0.0;
        double aa = 0.0;
        double bb = 0.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double a = theta1[base + y * width + x] - meanA;
                if (x + 1 < width) {
                    double b = theta1[base + y * width + x + 1] - meanB;
                    ab += a * b;
                    aa += a * a;
                    bb += b * b;
                }
                if (y + 1 < height) {
                    double b = theta1[base + (y + 1) * width + x] - meanB;
                    ab += a * b;
                    aa += a * a;
                    bb += b * b;
                }
            }
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0.0;
    }
}
