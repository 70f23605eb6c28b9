package org.hiddenneurons.data;

/**
 * An image as packed 0xAARRGGBB pixels, row-major (x fastest), e.g. read from a file for
 * {@link Preprocessor#process(int, int, int[])}.
 *
 * @param argb width·height pixels, owned by the image: never modified
 */
public record ArgbImage(int width, int height, int[] argb) {

    public ArgbImage {
        if (width < 1 || height < 1 || argb == null || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + ((long) width * height) + " pixels, got " + (argb == null ? "null" : argb.length));
        }
    }
}
