package org.hiddenneurons.data;

/**
 * An immutable grayscale image with values in [0, 1], row-major (x fastest). In every image the
 * pipeline produces, 1 is ink and 0 is background (the data set's convention: white on black).
 *
 * @param values width×height values, owned by the image: never modified
 */
public record GrayImage(int width, int height, double[] values) {

    /** The largest 8-bit channel value: readers map a byte value v to v / CHANNEL_MAX in [0, 1]. */
    static final double CHANNEL_MAX = 255.0;

    public GrayImage {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + width * height + " values, got " + values.length);
        }
    }

    public double get(int x, int y) {
        return values[y * width + x];
    }
}
