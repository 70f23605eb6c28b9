package org.hiddenneurons.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads image files (PNG, JPEG, BMP, GIF: what javax.imageio reads) as ARGB pixels. */
public final class ImageFiles {

    /**
     * The most pixels an image file may have (64 megapixels, e.g. 8000×8000). The size is read
     * from the file's header and checked before any pixel is decoded, so a tiny file claiming an
     * enormous size cannot exhaust memory.
     */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    /**
     * The most pixels an image may claim per byte of its file. Real images stay below it: a 1-bit
     * PNG holds 8 pixels per byte before deflate, whose best ratio is about 1032:1 (≈ 8 300 pixels
     * per byte); GIF's LZW and JPEG stay far below (only an RLE BMP that ends early could claim
     * more, and is rejected). A header claiming more is rejected before the decoder allocates the
     * image (a 200-byte PNG claiming 1024×65535
     * would otherwise allocate 64 MB before failing on its missing data).
     */
    public static final long MAX_PIXELS_PER_FILE_BYTE = 16 * 1024;

    private static final String FORMATS = "PNG, JPEG, BMP or GIF";

    private ImageFiles() {
    }

    /** {width, height} from the file's header, without decoding the pixels. */
    static int[] readSize(Path file) throws DataFormatException {
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(file, in);
            try {
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw DataFormatException.at(file, "image header", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first image in the file as ARGB pixels. */
    public static ArgbImage readArgb(Path file) throws DataFormatException {
        BufferedImage image;
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(file, in);
            try {
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    throw DataFormatException.at(file, "image header", "value out of range: " + width + "x" + height
                            + " pixels, at most " + MAX_PIXELS + " pixels are read");
                }
                long fileBytes = Files.size(file);
                if ((long) width * height > fileBytes * MAX_PIXELS_PER_FILE_BYTE) {
                    throw DataFormatException.at(file, "image header", "truncated: the header claims " + width + "x"
                            + height + " pixels but the file holds only " + fileBytes + " bytes");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // javax.imageio decoders signal corrupt data with IOException and sometimes runtime exceptions.
            throw DataFormatException.at(file, "image data", "cannot be decoded: " + e, e);
        }
        return storedArgb(image);
    }

    /**
     * The image's stored sample values as ARGB, without colour-space conversion. Java treats a
     * grayscale PNG as linear gray and {@code getRGB} converts it to sRGB (0.5 → about 0.74); for a
     * gray image this reads the raster's samples instead (scaled to 8 bits, alpha kept).
     */
    static ArgbImage storedArgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        java.awt.image.ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_GRAY
                || model instanceof java.awt.image.IndexColorModel) {
            return new ArgbImage(width, height, image.getRGB(0, 0, width, height, null, 0, width));
        }
        java.awt.image.Raster raster = image.getRaster();
        int grayMax = (1 << model.getComponentSize(0)) - 1;
        boolean alpha = model.hasAlpha();
        int alphaMax = alpha ? (1 << model.getComponentSize(1)) - 1 : 1;
        int[] argb = new int[width * height];
        int[] gray = new int[width];
        int[] opacity = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, gray);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, opacity);
            }
            for (int x = 0; x < width; x++) {
                int g = (int) Math.round(gray[x] * 255.0 / grayMax);
                int a = alpha ? (int) Math.round(opacity[x] * 255.0 / alphaMax) : 255;
                argb[y * width + x] = (a << 24) | (g << 16) | (g << 8) | g;
            }
        }
        return new ArgbImage(width, height, argb);
    }

    private static ImageInputStream open(Path file) throws DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw DataFormatException.at(file, null, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        try {
            ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
            if (in == null) {
                throw DataFormatException.at(file, null, "cannot be opened");
            }
            return in;
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static ImageReader readerFor(Path file, ImageInputStream in) throws DataFormatException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw DataFormatException.at(file, "byte 0", "not a " + FORMATS + " image");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }
}
