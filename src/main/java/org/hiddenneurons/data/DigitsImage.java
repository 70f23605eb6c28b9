package org.hiddenneurons.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads the bundled digits sheet (see assets/NOTICE): a 2000×1000 grayscale PNG of 20×20 cells,
 * 100 per row, 50 rows; rows 5d..5d+4 hold digit d. Sample i = row·100 + col.
 */
public final class DigitsImage {

    public static final String NAME = "digits.png";
    /** The bundled sheet in the source tree, relative to the project root. */
    public static final String PROJECT_FILE = "assets/" + NAME;
    /** Classpath location of the bundled sheet (the jar carries assets/). */
    public static final String RESOURCE = "/" + PROJECT_FILE;
    public static final int CELL = 20;
    public static final int COLUMNS = 100;
    public static final int ROWS = 50;
    public static final int ROWS_PER_CLASS = 5;
    public static final int CLASS_COUNT = Labels.DIGIT_CLASS_COUNT;

    private DigitsImage() {
    }

    /** The bundled digits (5000 samples) from the classpath. */
    public static Dataset loadBundled() {
        try (InputStream in = DigitsImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the classpath");
            }
            return fromImage(ImageIO.read(in), null);
        } catch (IOException | DataFormatException e) {
            throw new IllegalStateException("the bundled " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A digits sheet from a file. The size in the header is checked before any pixel is decoded, so
     * a file claiming a huge image allocates nothing large.
     */
    public static Dataset load(Path file) throws DataFormatException {
        int[] size = ImageFiles.readSize(file);
        checkSize(size[0], size[1], file);
        GrayImage image = ImageFiles.read(file).composited();
        return fromGray(image.width(), image.values());
    }

    private static Dataset fromImage(BufferedImage image, Path file) throws DataFormatException {
        if (image == null) {
            throw DataFormatException.at(file, "image size", "expected " + COLUMNS * CELL + "x" + ROWS * CELL
                    + " pixels, got no image");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        checkSize(width, height, file);
        return fromGray(width, ImageFiles.stored(image, file).composited().values());
    }

    private static void checkSize(int width, int height, Path file) throws DataFormatException {
        if (width != COLUMNS * CELL || height != ROWS * CELL) {
            throw DataFormatException.at(file, "image size", "expected " + COLUMNS * CELL + "x" + ROWS * CELL
                    + " pixels, got " + width + "x" + height);
        }
    }

    /**
     * @param gray width·height stored gray values in [0, 1] (luminance of a colour sheet, alpha
     *             composited) of a sheet whose size {@link #checkSize} accepted. Not modified.
     */
    private static Dataset fromGray(int width, double[] gray) {
        int inputs = CELL * CELL;
        int count = COLUMNS * ROWS;
        double[] pixels = new double[count * inputs];
        int[] labels = new int[count];
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                int sample = row * COLUMNS + col;
                labels[sample] = row / ROWS_PER_CLASS;
                for (int y = 0; y < CELL; y++) {
                    System.arraycopy(gray, (row * CELL + y) * width + col * CELL, pixels, sample * inputs + y * CELL, CELL);
                }
            }
        }
        return new Dataset(NAME, CELL, CELL, CLASS_COUNT, pixels, labels);
    }
}
