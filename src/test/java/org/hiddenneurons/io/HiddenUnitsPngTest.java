package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.ImageFiles;
import org.hiddenneurons.data.StoredImage;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenUnitsPngTest {

    private static final DivergingPalette PALETTE = DivergingPalette.BLUE_WHITE_RED;
    private static final NetworkSpec SPEC = NetworkSpec.DEFAULT;

    @TempDir
    Path folder;

    private static Network network() {
        WeightBuffers weights = Initializer.UNIFORM.initialize(SPEC, new Random(42)).mutableCopy();
        // Give units different magnitudes so shared and per-unit scales differ.
        int columns = SPEC.inputSize() + 1;
        for (int unit = 0; unit < SPEC.hiddenSize(); unit++) {
            for (int i = 1; i < columns; i++) {
                weights.theta1()[unit * columns + i] *= unit + 1;
            }
        }
        return weights.toNetwork();
    }

    /** The colour of weight (x, y) of a unit, read at the centre of its block. */
    private static int pixelOf(BufferedImage image, HiddenUnitsPng.Layout layout, int unit, int x, int y) {
        int half = HiddenUnitsPng.PIXEL_SCALE / 2;
        return image.getRGB(layout.tileX(unit) + x * HiddenUnitsPng.PIXEL_SCALE + half,
                layout.tileY(unit) + y * HiddenUnitsPng.PIXEL_SCALE + half);
    }

    private static double weight(Network network, int unit, int x, int y) {
        return network.theta1Copy()[unit * (SPEC.inputSize() + 1) + 1 + y * SPEC.inputWidth() + x];
    }

    /** The written PNG reads back (through the data package's reader) as exactly the rendered pixels. */
    @Test
    void writtenPngRoundTripsExactlyThroughTheImageReader() throws Exception {
        Path file = folder.resolve("units.png");
        Network network = network();
        HiddenUnitsPng.write(file, network, WeightPictures.Scale.PER_UNIT, PALETTE);
        BufferedImage rendered = HiddenUnitsPng.render(network, WeightPictures.Scale.PER_UNIT, PALETTE);
        StoredImage read = ImageFiles.read(file);
        int width = rendered.getWidth();
        assertEquals(width, read.width());
        assertEquals(rendered.getHeight(), read.height());
        int[] argb = rendered.getRGB(0, 0, width, rendered.getHeight(), null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double expected = StoredImage.luminance((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, 0xff);
            assertEquals(expected, read.luminance()[i], 0.0, "pixel " + i);
            double alpha = read.alpha() == null ? 1.0 : read.alpha()[i];
            assertEquals((p >>> 24) / 255.0, alpha, 0.0, "alpha " + i);
        }
    }

    @Test
    void writtenImageHasTheGridSize() throws Exception {
        Path file = folder.resolve("units.png");
        HiddenUnitsPng.write(file, network(), WeightPictures.Scale.SHARED, PALETTE);
        BufferedImage image = ImageIO.read(file.toFile());
        int tile = 20 * HiddenUnitsPng.PIXEL_SCALE;
        int grid = 5 * tile + 4 * HiddenUnitsPng.GAP;
        assertEquals(2 * HiddenUnitsPng.MARGIN + grid, image.getWidth());
        assertEquals(HiddenUnitsPng.MARGIN + grid + HiddenUnitsPng.BAR_GAP + HiddenUnitsPng.BAR_HEIGHT
                + HiddenUnitsPng.LABEL_HEIGHT + HiddenUnitsPng.MARGIN, image.getHeight());
    }

    @Test
    void sharedScaleColoursEveryTileByTheLargestWeight() {
        Network network = network();
        BufferedImage image = HiddenUnitsPng.render(network, WeightPictures.Scale.SHARED, PALETTE);
        HiddenUnitsPng.Layout layout = HiddenUnitsPng.layout(SPEC);
        double max = WeightPictures.maxAbs(network.theta1Copy(), SPEC);
        int[][] probes = {{0, 0, 0}, {7, 3, 5}, {24, 19, 19}, {12, 10, 0}};
        for (int[] probe : probes) {
            assertEquals(PALETTE.argb(weight(network, probe[0], probe[1], probe[2]), max),
                    pixelOf(image, layout, probe[0], probe[1], probe[2]));
        }
        // Unit 7 is in grid row 1, column 2.
        assertEquals(HiddenUnitsPng.MARGIN + 2 * (layout.tileWidth() + HiddenUnitsPng.GAP), layout.tileX(7));
        assertEquals(HiddenUnitsPng.MARGIN + (layout.tileHeight() + HiddenUnitsPng.GAP), layout.tileY(7));
    }

    @Test
    void perUnitScaleUsesEachUnitsOwnMaximum() {
        Network network = network();
        BufferedImage image = HiddenUnitsPng.render(network, WeightPictures.Scale.PER_UNIT, PALETTE);
        HiddenUnitsPng.Layout layout = HiddenUnitsPng.layout(SPEC);
        for (int unit : new int[] {0, 7, 24}) {
            double max = WeightPictures.maxAbs(network.theta1Copy(), SPEC, unit);
            assertEquals(PALETTE.argb(weight(network, unit, 4, 9), max), pixelOf(image, layout, unit, 4, 9));
        }
    }

    @Test
    void blocksAreCrispAndGapsAreBackground() {
        Network network = network();
        BufferedImage image = HiddenUnitsPng.render(network, WeightPictures.Scale.SHARED, PALETTE);
        HiddenUnitsPng.Layout layout = HiddenUnitsPng.layout(SPEC);
        int unit = 3;
        int expected = pixelOf(image, layout, unit, 2, 2);
        for (int dy = 0; dy < HiddenUnitsPng.PIXEL_SCALE; dy++) {
            for (int dx = 0; dx < HiddenUnitsPng.PIXEL_SCALE; dx++) {
                assertEquals(expected, image.getRGB(layout.tileX(unit) + 2 * HiddenUnitsPng.PIXEL_SCALE + dx,
                        layout.tileY(unit) + 2 * HiddenUnitsPng.PIXEL_SCALE + dy));
            }
        }
        int gapX = layout.tileX(0) + layout.tileWidth() + HiddenUnitsPng.GAP / 2;
        assertEquals(HiddenUnitsPng.BACKGROUND, image.getRGB(gapX, layout.tileY(0) + 10));
        assertEquals(HiddenUnitsPng.FRAME, image.getRGB(layout.tileX(0) + layout.tileWidth(), layout.tileY(0) + 10));
    }

    @Test
    void colourBarRunsFromNegativeToPositive() {
        BufferedImage image = HiddenUnitsPng.render(network(), WeightPictures.Scale.SHARED, PALETTE);
        HiddenUnitsPng.Layout layout = HiddenUnitsPng.layout(SPEC);
        int y = layout.barY() + HiddenUnitsPng.BAR_HEIGHT / 2;
        assertEquals(PALETTE.entry(0), image.getRGB(HiddenUnitsPng.MARGIN, y));
        assertEquals(PALETTE.entry(DivergingPalette.LEVELS - 1),
                image.getRGB(HiddenUnitsPng.MARGIN + layout.barWidth() - 1, y));
    }
}
