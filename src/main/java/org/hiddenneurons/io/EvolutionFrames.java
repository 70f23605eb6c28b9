package org.hiddenneurons.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * One frame of an exported evolution (PNG sequence or animated GIF): the hidden units' pictures
 * ({@link HiddenUnitsPng#render}) under a caption band that says which training step and epoch
 * the frame shows ("step 37 · epoch 1"). Drawn with java.awt into a {@link BufferedImage}; no
 * JavaFX.
 */
public final class EvolutionFrames {

    /** Height of the caption band above the pictures, in pixels. */
    public static final int CAPTION_HEIGHT = 28;
    private static final int CAPTION_FONT_SIZE = 16;

    private EvolutionFrames() {
    }

    /** The caption of {@code snapshot}'s frame: "step S · epoch E" (E: the epoch in progress inside an epoch). */
    public static String caption(TrainingSnapshot snapshot) {
        return "step " + snapshot.step() + " \u00b7 epoch " + snapshot.shownEpoch();
    }

    /**
     * The frame of {@code snapshot}, opaque RGB.
     *
     * @param shrink the pictures are drawn at 1/shrink of {@link HiddenUnitsPng}'s size (1: full
     *               size, {@value HiddenUnitsPng#PIXEL_SCALE} px per weight; 2: half), nearest
     *               neighbour so pixels stay crisp; the caption keeps its size
     * @throws IllegalArgumentException if {@code shrink} does not divide {@link HiddenUnitsPng#PIXEL_SCALE}
     */
    public static BufferedImage render(TrainingSnapshot snapshot, WeightPictures.Scale scale, DivergingPalette palette,
                                       int shrink) {
        if (shrink < 1 || HiddenUnitsPng.PIXEL_SCALE % shrink != 0) {
            throw new IllegalArgumentException("shrink must divide " + HiddenUnitsPng.PIXEL_SCALE + ", got " + shrink);
        }
        BufferedImage pictures = HiddenUnitsPng.render(snapshot.network(), scale, palette);
        int width = pictures.getWidth() / shrink;
        int height = pictures.getHeight() / shrink;
        BufferedImage frame = new BufferedImage(width, height + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = frame.createGraphics();
        try {
            graphics.setColor(new Color(HiddenUnitsPng.BACKGROUND, true));
            graphics.fillRect(0, 0, frame.getWidth(), frame.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            graphics.drawImage(pictures, 0, CAPTION_HEIGHT, width, height, null);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, CAPTION_FONT_SIZE));
            graphics.setColor(new Color(HiddenUnitsPng.TEXT, true));
            FontMetrics metrics = graphics.getFontMetrics();
            int baseline = (CAPTION_HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent() + 2;
            graphics.drawString(caption(snapshot), HiddenUnitsPng.MARGIN / shrink + 2, baseline);
        } finally {
            graphics.dispose();
        }
        return frame;
    }
}
