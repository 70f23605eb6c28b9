package org.hiddenneurons.ui.eval;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.hiddenneurons.ui.controls.HiddenUnitTile;

/**
 * A small network input (e.g. 20×20 values in [0, 1]) shown as the data stores digits — white ink
 * on black — enlarged by a whole number with nearest-neighbour blocks, so every input pixel is a
 * crisp square. The image is written once per {@link #show} with one bulk {@code setPixels} and
 * reused while the size stays the same.
 */
public final class DigitImage extends ImageView {

    private final int scale;
    private WritableImage image;
    private int[] pixels = new int[0];
    private int[] scaled = new int[0];

    /** @param scale screen pixels per input pixel (≥ 1) */
    public DigitImage(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        this.scale = scale;
        setSmooth(false);
    }

    /**
     * @param values width×height values, row-major; clamped to [0, 1] for display. Not modified
     */
    public void show(double[] values, int width, int height) {
        int count = width * height;
        if (values.length != count) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " values, got " + values.length);
        }
        if (pixels.length != count) {
            pixels = new int[count];
            scaled = new int[count * scale * scale];
        }
        for (int i = 0; i < count; i++) {
            double v = values[i];
            int level = (int) Math.round(255 * (v < 0 ? 0 : (v > 1 ? 1 : v)));
            pixels[i] = 0xff000000 | (level << 16) | (level << 8) | level;
        }
        HiddenUnitTile.upscale(pixels, width, height, scale, scaled);
        int imageWidth = width * scale;
        int imageHeight = height * scale;
        if (image == null || (int) image.getWidth() != imageWidth || (int) image.getHeight() != imageHeight) {
            image = new WritableImage(imageWidth, imageHeight);
            setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, imageWidth, imageHeight, PixelFormat.getIntArgbPreInstance(),
                scaled, 0, imageWidth);
    }

    public int scale() {
        return scale;
    }
}
