package org.hiddenneurons.train;

/**
 * The two images the thickness step blends toward ({@link Augmenter#thickness}), for every image of
 * a set: each pixel's max (dilated) and min (eroded) over itself and its 4 neighbours, pixels
 * outside counting as 0. Made once per training set, so that an epoch's thickness step is a blend
 * ({@link Augmenter#blend}) instead of five reads and four comparisons per pixel: the same bits.
 * Costs two copies of the set's pixels, so the trainer makes it only for sets it keeps as one array
 * ({@link TrainingExamples}).
 *
 * @param dilated size·width·height values, image by image as the source. Do not modify.
 * @param eroded  the same for the min
 */
record NeighbourExtremes(double[] dilated, double[] eroded) {

    /**
     * @param images {@code count} row-major width×height images from offset 0. Not modified.
     */
    static NeighbourExtremes of(double[] images, int count, int width, int height) {
        int pixels = width * height;
        double[] dilated = new double[count * pixels];
        double[] eroded = new double[count * pixels];
        for (int image = 0; image < count; image++) {
            int offset = image * pixels;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = offset + y * width + x;
                    dilated[at] = Augmenter.extreme(images, offset, x, y, width, height, true);
                    eroded[at] = Augmenter.extreme(images, offset, x, y, width, height, false);
                }
            }
        }
        return new NeighbourExtremes(dilated, eroded);
    }
}
