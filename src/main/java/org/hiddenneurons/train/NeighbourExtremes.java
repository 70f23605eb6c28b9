package org.hiddenneurons.train;

/**
 * The two images the thickness step blends toward ({@link Augmenter#thickness}), for every image of
 * a set: each pixel's max (dilated) and min (eroded) over itself and its 4 neighbours, pixels
 * outside counting as 0. Each image's pair is made on its first use and kept, so that from the
 * second epoch on the thickness step is a blend ({@link Augmenter#blend}) instead of five reads and
 * four comparisons per pixel: the same bits. Costs two copies of the set's pixels, so the trainer
 * keeps them only for small sets ({@link TrainingExamples#small()}).
 *
 * <p>Not thread-safe for one image: different threads may use different images at the same time,
 * and one image from different threads one after another when something orders them (the
 * trainer's epochs: each image once per epoch, the rendering threads joined at its end).
 */
final class NeighbourExtremes {

    private final int width;
    private final int height;
    /** Per image: null until made, then its dilated copy (width·height values). */
    private final double[][] dilated;
    /** Per image: the same for the eroded copy. */
    private final double[][] eroded;

    /** For {@code count} width×height images. */
    NeighbourExtremes(int count, int width, int height) {
        this.width = width;
        this.height = height;
        // Each image's pair is allocated when made: a cold run's first epoch then spreads the new
        // memory over the threads that render instead of zeroing 2·count images before it.
        this.dilated = new double[count][];
        this.eroded = new double[count][];
    }

    /**
     * The dilated ({@code dilate}) or eroded copy (width·height values from 0) of image number
     * {@code image}; makes the image's pair first, from {@code source}, if it has not been made.
     *
     * @param source the image's pixels at sourceOffset (the same pixels at every call for this
     *               image). Not modified.
     * @return not to be modified
     */
    double[] toward(int image, double[] source, int sourceOffset, boolean dilate) {
        if (dilated[image] == null) {
            make(image, source, sourceOffset);
        }
        return dilate ? dilated[image] : eroded[image];
    }

    private void make(int image, double[] source, int sourceOffset) {
        double[] max = new double[width * height];
        double[] min = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                max[y * width + x] = Augmenter.extreme(source, sourceOffset, x, y, width, height, true);
                min[y * width + x] = Augmenter.extreme(source, sourceOffset, x, y, width, height, false);
            }
        }
        eroded[image] = min;
        dilated[image] = max;
    }
}
