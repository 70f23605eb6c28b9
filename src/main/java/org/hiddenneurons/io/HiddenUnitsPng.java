package org.hiddenneurons.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.viz.ColorBar;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.hiddenneurons.data.AtomicFiles;

/**
 * The hidden units' weight pictures as one PNG: a near-square grid of tiles (unit j in reading
 * order), each weight an integer-scaled square block (nearest neighbour, crisp), thin framed gaps, and a
 * colour bar below the grid labelled −max, 0, +max. AWT only (works headless), no JavaFX.
 */
public final class HiddenUnitsPng {

    /** Each weight becomes a PIXEL_SCALE × PIXEL_SCALE block. */
    public static final int PIXEL_SCALE = 8;
    /** Pixels between tiles. */
    public static final int GAP = 4;
    /** Pixels around everything. */
    public static final int MARGIN = 12;
    /** Pixels between the grid and the colour bar. */
    public static final int BAR_GAP = 16;
    public static final int BAR_HEIGHT = 16;
    /** Room below the bar for its labels. */
    public static final int LABEL_HEIGHT = 22;
    public static final int BACKGROUND = 0xffffffff;
    public static final int TEXT = 0xff202020;
    /** A 1-pixel frame drawn in the gap around each tile and the bar, so near-white tiles stay distinct. */
    public static final int FRAME = 0xffa0a0a0;
    private static final int FONT_SIZE = 13;

    /**
     * Where everything goes.
     *
     * @param columns     tiles per grid row ({@link WeightPictures#gridColumns})
     * @param rows        grid rows
     * @param tileWidth   inputWidth · PIXEL_SCALE
     * @param tileHeight  inputHeight · PIXEL_SCALE
     * @param imageWidth  total width
     * @param imageHeight total height
     * @param barY        top of the colour bar (it spans the grid's width, from x = MARGIN)
     * @param barWidth    width of the colour bar
     */
    public record Layout(int columns, int rows, int tileWidth, int tileHeight, int imageWidth, int imageHeight,
                         int barY, int barWidth) {

        /** Left edge of unit j's tile. */
        public int tileX(int unit) {
            return MARGIN + (unit % columns) * (tileWidth + GAP);
        }

        /** Top edge of unit j's tile. */
        public int tileY(int unit) {
            return MARGIN + (unit / columns) * (tileHeight + GAP);
        }
    }

    private HiddenUnitsPng() {
    }

    /** The layout for a network of this architecture. */
    public static Layout layout(NetworkSpec spec) {
        int units = spec.hiddenSize();
        int columns = WeightPictures.gridColumns(units);
        int rows = WeightPictures.gridRows(units);
        int tileWidth = spec.inputWidth() * PIXEL_SCALE;
        int tileHeight = spec.inputHeight() * PIXEL_SCALE;
        int gridWidth = columns * tileWidth + (columns - 1) * GAP;
        int gridHeight = rows * tileHeight + (rows - 1) * GAP;
        int barY = MARGIN + gridHeight + BAR_GAP;
        int imageHeight = barY + BAR_HEIGHT + LABEL_HEIGHT + MARGIN;
        return new Layout(columns, rows, tileWidth, tileHeight, 2 * MARGIN + gridWidth, imageHeight, barY, gridWidth);
    }

    /** Draws the picture. */
    public static BufferedImage render(Network network, WeightPictures.Scale scale, DivergingPalette palette) {
        NetworkSpec spec = network.spec();
        Layout layout = layout(spec);
        BufferedImage image = new BufferedImage(layout.imageWidth(), layout.imageHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(BACKGROUND, true));
            graphics.fillRect(0, 0, layout.imageWidth(), layout.imageHeight());

            graphics.setColor(new Color(FRAME, true));
            for (int unit = 0; unit < spec.hiddenSize(); unit++) {
                graphics.drawRect(layout.tileX(unit) - 1, layout.tileY(unit) - 1, layout.tileWidth() + 1,
                        layout.tileHeight() + 1);
            }
            graphics.drawRect(MARGIN - 1, layout.barY() - 1, layout.barWidth() + 1, BAR_HEIGHT + 1);

            double[] theta1 = network.theta1Copy();
            double sharedMax = WeightPictures.maxAbs(theta1, spec);
            int width = spec.inputWidth();
            int[] picture = new int[spec.inputSize()];
            int[] block = new int[PIXEL_SCALE * PIXEL_SCALE];
            for (int unit = 0; unit < spec.hiddenSize(); unit++) {
                double maxAbs = scale == WeightPictures.Scale.SHARED ? sharedMax
                        : WeightPictures.maxAbs(theta1, spec, unit);
                WeightPictures.render(theta1, spec, unit, maxAbs, palette, picture);
                for (int i = 0; i < picture.length; i++) {
                    java.util.Arrays.fill(block, picture[i]);
                    image.setRGB(layout.tileX(unit) + (i % width) * PIXEL_SCALE,
                            layout.tileY(unit) + (i / width) * PIXEL_SCALE,
                            PIXEL_SCALE, PIXEL_SCALE, block, 0, PIXEL_SCALE);
                }
            }

            int[] bar = ColorBar.horizontal(palette, layout.barWidth(), BAR_HEIGHT);
            image.setRGB(MARGIN, layout.barY(), layout.barWidth(), BAR_HEIGHT, bar, 0, layout.barWidth());

            String[] labels = scale == WeightPictures.Scale.SHARED ? ColorBar.labels(sharedMax)
                    : ColorBar.perUnitLabels();
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
            graphics.setColor(new Color(TEXT, true));
            FontMetrics metrics = graphics.getFontMetrics();
            int baseline = layout.barY() + BAR_HEIGHT + metrics.getAscent() + 2;
            int left = MARGIN;
            int right = MARGIN + layout.barWidth();
            graphics.drawString(labels[0], left, baseline);
            graphics.drawString(labels[1], (left + right - metrics.stringWidth(labels[1])) / 2, baseline);
            graphics.drawString(labels[2], right - metrics.stringWidth(labels[2]), baseline);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** Renders and writes the PNG (atomically). */
    public static void write(Path file, Network network, WeightPictures.Scale scale, DivergingPalette palette)
            throws IOException {
        writePng(file, render(network, scale, palette));
    }

    /** Writes {@code image} as a PNG file (atomically). */
    public static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        });
    }
}
