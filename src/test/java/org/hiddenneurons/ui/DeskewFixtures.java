package org.hiddenneurons.ui;

import java.util.Random;
import org.hiddenneurons.data.Dataset;

/** Slanted drawings and data for the tests of the model's deskew step in the window. */
final class DeskewFixtures {

    /** The pad's side in pixels. */
    static final int PAD = DrawingPad.RASTER_SIZE;

    private DeskewFixtures() {
    }

    /**
     * Opaque ARGB of a {@link #PAD}² black pad with a white bar 24 px wide leaning right by
     * {@code lean} px per row: rows 40 … 239, its left edge at x = 170 − lean·(y − 40) (a slanted "1").
     */
    static int[] slantedBar(double lean) {
        int[] argb = new int[PAD * PAD];
        java.util.Arrays.fill(argb, 0xff000000);
        for (int y = 40; y < 240; y++) {
            int left = (int) Math.round(170 - lean * (y - 40));
            for (int x = left; x < left + 24; x++) {
                argb[y * PAD + x] = 0xffffffff;
            }
        }
        return argb;
    }

    /**
     * {@code count} 20×20 images of one-pixel-wide bars, each leaning by a random slope in
     * [0.2, 0.6] px per row to either side, labels 0…9 in turn.
     */
    static Dataset slantedDigits(String name, int count, long seed) {
        Random random = new Random(seed);
        double[] pixels = new double[count * 400];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double slope = (0.2 + 0.4 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            for (int y = 3; y < 17; y++) {
                int x = (int) Math.round(10 + slope * (y - 10));
                pixels[i * 400 + y * 20 + x] = 1.0;
            }
            labels[i] = i % 10;
        }
        return new Dataset(name, 20, 20, 10, pixels, labels);
    }
}
