package org.hiddenneurons.io.handout;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** ARGB pixels → an enlarged PNG (nearest neighbour, crisp pixels) → a data: URI. No JavaFX. */
final class PngImages {

    private PngImages() {
    }

    /** PNG bytes of width×height ARGB pixels, each drawn as a scale×scale block. */
    static byte[] png(int[] argb, int width, int height, int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                image.setRGB(x, y, argb[(y / scale) * width + x / scale]);
            }
        }
        return png(image);
    }

    /** PNG bytes of {@code image}. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** "data:image/png;base64,…". */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
