package org.hiddenneurons.train;

/**
 * Operations on a vector stored as segments (θ = [Θ1; Θ2] without copying), and on flat copies.
 * Nothing here allocates.
 */
final class ParameterVectors {

    private ParameterVectors() {
    }

    /** Σ segment lengths. */
    static int size(double[][] segments) {
        int size = 0;
        for (double[] segment : segments) {
            size += segment.length;
        }
        return size;
    }

    /** flat ← segments (concatenated). @param flat Modified. */
    static void flatten(double[][] segments, double[] flat) {
        int offset = 0;
        for (double[] segment : segments) {
            System.arraycopy(segment, 0, flat, offset, segment.length);
            offset += segment.length;
        }
    }

    /** segments ← flat. @param segments Modified. */
    static void unflatten(double[] flat, double[][] segments) {
        int offset = 0;
        for (double[] segment : segments) {
            System.arraycopy(flat, offset, segment, 0, segment.length);
            offset += segment.length;
        }
    }

    /** segments ← base + t·direction (all flat except the target). @param segments Modified. */
    static void setToPointOnLine(double[] base, double t, double[] direction, double[][] segments) {
        int offset = 0;
        for (double[] segment : segments) {
            for (int i = 0; i < segment.length; i++) {
                segment[i] = base[offset + i] + t * direction[offset + i];
            }
            offset += segment.length;
        }
    }

    /** aᵀb. */
    static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** y ← y + alpha·x. @param y Modified. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** True if every value of every segment is finite. */
    static boolean allFinite(double[][] segments) {
        for (double[] segment : segments) {
            for (double v : segment) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException if the gradient segments do not match the parameter segments */
    static void checkShapes(double[][] parameters, double[][] gradient) {
        if (parameters.length != gradient.length) {
            throw new IllegalArgumentException("parameters have " + parameters.length
                    + " segments but the gradient has " + gradient.length);
        }
        for (int s = 0; s < parameters.length; s++) {
            if (parameters[s].length != gradient[s].length) {
                throw new IllegalArgumentException("parameter segment " + s + " has " + parameters[s].length
                        + " values but its gradient has " + gradient[s].length);
            }
        }
    }

    /**
     * @return {@code learningRate}
     * @throws IllegalArgumentException unless it is a finite number &gt; 0
     */
    static double checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        return learningRate;
    }
}
