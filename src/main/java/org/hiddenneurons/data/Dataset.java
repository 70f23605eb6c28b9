package org.hiddenneurons.data;

import java.util.Arrays;

/**
 * An immutable labelled image data set held in one contiguous array.
 *
 * @param name       what to call it in the UI, model files and reports (e.g. "digits.png")
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param classCount number of classes; labels are 0..classCount−1
 * @param pixels     size×(width·height) row-major, each image flattened row-major (x fastest),
 *                   values in [0, 1] — except the course's .mat data, kept as stored (about
 *                   −0.13…1.13, see {@link MatReader}) so its published costs reproduce.
 *                   Owned by the data set: never modified.
 * @param labels     class per sample. Owned by the data set: never modified.
 */
public record Dataset(String name, int width, int height, int classCount, double[] pixels, int[] labels) {

    public Dataset {
        int inputs = width * height;
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != labels.length * inputs) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
                    + labels.length + " samples x " + inputs);
        }
    }

    /** The number of samples. */
    public int size() {
        return labels.length;
    }

    /** width · height. */
    public int inputSize() {
        return width * height;
    }

    /** A copy of sample {@code index}'s pixels. */
    public double[] sample(int index) {
        int inputs = inputSize();
        return Arrays.copyOfRange(pixels, index * inputs, (index + 1) * inputs);
    }

    public int label(int index) {
        return labels[index];
    }

    /** A new data set with the samples at {@code indices}, in that order. */
    public Dataset subset(String subsetName, int[] indices) {
        int inputs = inputSize();
        double[] newPixels = new double[indices.length * inputs];
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * inputs, newPixels, i * inputs, inputs);
            newLabels[i] = labels[indices[i]];
        }
        return new Dataset(subsetName, width, height, classCount, newPixels, newLabels);
    }

    /**
     * The standard split used everywhere: sample i (reading order) is a test sample when
     * i % {@value Split#TEST_EVERY} == {@value Split#TEST_REMAINDER}.
     */
    public Split standardSplit() {
        return Split.standard(this);
    }
}
