package org.hiddenneurons.train;

/**
 * The two images the thickness step blends toward ({@link Augmenter#thickness}), for every image of
 * a set: each pixel's max (dilated) and min (eroded) over itself and its 4 neighbours, pixels
 * outside counting as 0. Each image's pair is made on its first use and kept, so that from the
 * second epoch on the thickness step is a blend ({@link Augmenter#blend}) instead of five reads and
 * four comparisons per pixel: the same bits. Costs two copies of the set's pixels, so the trainer
 * keeps them only for sets it holds as one array ({@link TrainingExamples}).
 *
 * <p>Not thread-safe for one image: different threads may use different images at the same time,
 * and one image from different threads one after another when something orders them (the
 * trainer's epochs: each image once per epoch, the rendering threads joined at its end).
 */
final class NeighbourExtremes {

    private final double[] images;
    private final int width;
    private final int height;
    private final double[] dilated;
    private final double[] eroded;
    /** Whether each image's pair has been made. */
    private final boolean[] made;

    /**
     * @param images {@code count} row-major width×height images from offset 0. Not modified; not
     *               copied (do not modify them while this is used).
     */
    NeighbourExtremes(double[] images, int count, int width, int height) {
        this.images = images;
        this.width = width;
        this.height = height;
        this.dilated = new double[count * width * height];
        this.eroded = new double[count * width * height];
        this.made = new boolean[count];
    }

    /**
     * The array holding the dilated ({@code dilate}) or eroded copy of the image at
     * {@code imageOffset} of the images, at that same offset; makes the image's pair first if it
     * has not been made.
     *
     * @param imageOffset a multiple of width·height
     */
    double[] toward(int imageOffset, boolean dilate) {
        int image = imageOffset / (width * height);
        if (!made[image]) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = imageOffset + y * width + x;
                    dilated[at] = Augmenter.extreme(images, imageOffset, x, y, width, height, true);
                    eroded[at] = Augmenter.extreme(images, imageOffset, x, y, width, height, false);
                }
            }
            made[image] = true;
        }
        return dilate ? dilated : eroded;
    }
}
