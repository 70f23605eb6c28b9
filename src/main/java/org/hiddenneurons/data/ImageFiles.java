package org.hiddenneurons.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads image files (PNG, JPEG, BMP, GIF: what javax.imageio reads) as their stored sample values. */
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
    private static final int RGB_BANDS = 3;
    /** The largest sample value read: 16 bits per channel. */
    private static final int MAX_SAMPLE = 0xffff;
    private static final int BYTE_MAX = 0xff;

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

    /**
     * The first image in the file as its stored sample values ({@link StoredImage}): 1-, 2-, 4-, 8-
     * and 16-bit gray, gray + alpha, palette, RGB and RGBA, with no colour-space conversion.
     *
     * @throws DataFormatException naming the file and the problem; for a PNG of a colour type or
     *         bit depth outside the PNG specification, naming the type (nothing is decoded then)
     */
    public static StoredImage read(Path file) throws DataFormatException {
        BufferedImage image;
        try (ImageInputStream in = open(file)) {
            PngHeader.check(file);
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
        return stored(image, file);
    }

    /**
     * The decoded image's stored samples, read from its raster (never {@code getRGB}, which converts
     * colour spaces: Java treats a gray PNG as linear gray and brightens 0.5 to about 0.74).
     * Palette images take their palette's stored entries; gray/colour samples are divided by
     * 2^bits − 1; colour is turned into luminance by {@link StoredImage#luminance}.
     *
     * @param file named in the error, may be null for a resource
     * @throws DataFormatException if the image's layout is none of gray, gray + alpha, palette,
     *         RGB, RGBA with integer samples
     */
    static StoredImage stored(BufferedImage image, Path file) throws DataFormatException {
        int width = image.getWidth();
        int height = image.getHeight();
        ColorModel model = image.getColorModel();
        if (model.isAlphaPremultiplied()) {
            image.coerceData(false);
        }
        Raster raster = image.getRaster();
        double[] luminance = new double[width * height];
        double[] alpha = model.hasAlpha() ? new double[width * height] : null;
        if (model instanceof IndexColorModel palette) {
            readPalette(raster, palette, luminance, alpha);
        } else {
            int bands = raster.getNumBands();
            int colourBands = bands - (model.hasAlpha() ? 1 : 0);
            int transfer = raster.getTransferType();
            if ((colourBands != 1 && colourBands != RGB_BANDS) || transfer == DataBuffer.TYPE_FLOAT
                    || transfer == DataBuffer.TYPE_DOUBLE || maxSample(raster, 0) > MAX_SAMPLE) {
                throw DataFormatException.at(file, "image data", "unsupported pixel layout: " + bands + " channels of "
                        + raster.getSampleModel().getSampleSize(0) + " bits; gray, gray + alpha, palette, RGB and"
                        + " RGBA images of up to 16 bits per channel are read");
            }
            readSamples(raster, colourBands, luminance, alpha);
        }
        return new StoredImage(width, height, luminance, isOpaque(alpha) ? null : alpha);
    }

    private static int maxSample(Raster raster, int band) {
        return (int) ((1L << raster.getSampleModel().getSampleSize(band)) - 1);
    }

    private static void readPalette(Raster raster, IndexColorModel palette, double[] luminance, double[] alpha) {
        int entries = palette.getMapSize();
        double[] entryLuminance = new double[entries];
        double[] entryAlpha = new double[entries];
        for (int i = 0; i < entries; i++) {
            entryLuminance[i] = StoredImage.luminance(palette.getRed(i), palette.getGreen(i), palette.getBlue(i), BYTE_MAX);
            entryAlpha[i] = palette.getAlpha(i) / (double) BYTE_MAX;
        }
        int width = raster.getWidth();
        int[] index = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, index);
            for (int x = 0; x < width; x++) {
                // A PNG index beyond the palette is an error the decoder lets through; read it as entry 0.
                int entry = index[x] < entries ? index[x] : 0;
                luminance[y * width + x] = entryLuminance[entry];
                if (alpha != null) {
                    alpha[y * width + x] = entryAlpha[entry];
                }
            }
        }
    }

    /** Gray (1 colour band) or RGB (3) samples, alpha (if any) in the band after them. */
    private static void readSamples(Raster raster, int colourBands, double[] luminance, double[] alpha) {
        int width = raster.getWidth();
        int max = maxSample(raster, 0);
        double alphaMax = alpha == null ? 1 : maxSample(raster, colourBands);
        int[][] rows = new int[colourBands + (alpha == null ? 0 : 1)][width];
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int band = 0; band < rows.length; band++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, rows[band]);
            }
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                luminance[i] = colourBands == 1 ? rows[0][x] / (double) max
                        : StoredImage.luminance(rows[0][x], rows[1][x], rows[2][x], max);
                if (alpha != null) {
                    alpha[i] = rows[colourBands][x] / alphaMax;
                }
            }
        }
    }

    private static boolean isOpaque(double[] alpha) {
        if (alpha == null) {
            return true;
        }
        for (double a : alpha) {
            if (a != 1.0) {
                return false;
            }
        }
        return true;
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
