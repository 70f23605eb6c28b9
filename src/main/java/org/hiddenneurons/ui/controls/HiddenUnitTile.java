package org.hiddenneurons.ui.controls;

import java.nio.IntBuffer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.viz.ActivationBars;

/**
 * One hidden unit's tile in a {@link HiddenUnitGrid}: its weight picture, a bar under the picture
 * whose length is the unit's activation (with a soft glow for strongly active units), and an
 * optional score tint behind it.
 *
 * <p>The picture is ONE {@link WritableImage} per tile, created only when the input size or the
 * integer display scale changes, over a {@link PixelBuffer} of INT_ARGB_PRE pixels that holds an
 * integer-upscaled copy of the weights (nearest neighbour done here, so pixels stay crisp on every
 * rendering pipeline — the software pipeline ignores {@code ImageView.setSmooth(false)}). The
 * buffer's format is the software pipeline's texture format, so a new picture reaches the screen
 * without the two format conversions of {@code PixelWriter.setPixels} (int ARGB to the image's
 * byte BGRA, then back to the texture's int ARGB).
 */
public final class HiddenUnitTile extends Region {

    /** Space between the picture and the tile's edge (where the glow border is drawn). */
    static final double FRAME = 3;
    /** Height of the activation bar and the gap above it. */
    static final double BAR_HEIGHT = 4;
    static final double BAR_GAP = 1;
    /**
     * The glow's opacity is GLOW_STRENGTH·a²: only strongly active units glow, and softly, so an
     * untrained network (every unit near 0.5) stays calm; the bar carries the exact value.
     */
    static final double GLOW_STRENGTH = 0.6;
    /** Largest opacity of the score tint (score 1). */
    static final double SCORE_TINT_STRENGTH = 0.55;
    /** Extra width and height a tile needs around its picture. */
    public static final double CHROME_WIDTH = 2 * FRAME;
    public static final double CHROME_HEIGHT = 2 * FRAME + BAR_GAP + BAR_HEIGHT;
    static final Duration TOOLTIP_DELAY = Duration.millis(150);

    private final int unit;
    private final ImageView imageView = new ImageView();
    /** Width of the glow ring, drawn in the frame around the picture with a one-pixel gap. */
    static final double GLOW_WIDTH = 2;
    /*
     * The glow and the score tint are shapes, not regions: a region drawn at an opacity below 1 is
     * rendered into an offscreen image first (JavaFX assumes its background and border overlap), a
     * plain stroke or fill just takes the opacity as an alpha factor. The 25 glows change on every
     * drag and training snapshot. The ring is four filled axis-aligned rectangles at whole pixels,
     * not one stroked rounded rectangle: the software pipeline fills such a rectangle directly, but
     * rasterises a stroke with Marlin over its whole bounding box, which was the render thread's
     * largest cost while training with 100 px tiles (FrameTimingHarness under JFR).
     */
    private final Rectangle[] glow = {new Rectangle(), new Rectangle(), new Rectangle(), new Rectangle()};
    private final Rectangle scoreTint = new Rectangle();
    private final Region barTrack = new Region();
    private final Region barFill = new Region();
    private final Tooltip tooltip = new Tooltip();
    private WritableImage image;
    /** The image's pixels: {@link #scaledPixels}, wrapped. */
    private PixelBuffer<IntBuffer> pixelBuffer;
    private int imageScale = 1;
    /** The last picture at 1:1 (kept to redraw when the scale changes) and its upscaled copy. */
    private int[] basePixels = new int[0];
    private int baseWidth;
    private int baseHeight;
    private int[] scaledPixels = new int[0];
    private double activation = Double.NaN;
    private ActivationBars.Bar bar = ActivationBars.Bar.NONE;
    private double score = Double.NaN;
    /** A short mark in the tile's corner (e.g. "always on"), hidden when empty. */
    private final Label flag = new Label();

    /** @param unit the hidden unit's index j (0-based), row j of Θ1 */
    /** The node id of the tile of {@code unit} (0-based): {@code tile-12} for the window's unit 12 (lessons highlight it). */
    public static String idOf(int unit) {
        return "tile-" + (unit + 1);
    }

    public HiddenUnitTile(int unit) {
        this.unit = unit;
        setId(idOf(unit));
        getStyleClass().add(Styles.HIDDEN_UNIT_TILE);
        barTrack.getStyleClass().add(Styles.ACTIVATION_TRACK);
        barFill.getStyleClass().add(Styles.ACTIVATION_FILL);
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        for (Rectangle side : glow) {
            side.getStyleClass().add(Styles.HIDDEN_UNIT_GLOW);
            side.setMouseTransparent(true);
            side.setOpacity(0);
        }
        barTrack.setVisible(false); // activation NaN: no bar until a drawing gives one
        barFill.setVisible(false);
        scoreTint.getStyleClass().add(Styles.HIDDEN_UNIT_SCORE);
        scoreTint.setMouseTransparent(true);
        scoreTint.setVisible(false);
        flag.getStyleClass().add(Styles.HIDDEN_UNIT_FLAG);
        flag.setMouseTransparent(true);
        flag.setVisible(false);
        getChildren().add(scoreTint);
        getChildren().addAll(glow);
        getChildren().addAll(imageView, barTrack, barFill, flag);
        tooltip.setShowDelay(TOOLTIP_DELAY);
        tooltip.setShowDuration(Duration.INDEFINITE);
        Tooltip.install(this, tooltip);
    }

    /** The hover tooltip; its owner (the grid) keeps its text up to date. */
    public Tooltip getTooltip() {
        return tooltip;
    }

    public int unit() {
        return unit;
    }

    /**
     * Shows a picture: copies it, enlarges it by the current scale and writes it in one bulk copy.
     *
     * @param argb width×height opaque ARGB pixels, row-major. Not modified, not kept
     */
    public void setPixels(int[] argb, int width, int height) {
        if (basePixels.length != width * height) {
            basePixels = new int[width * height];
        }
        System.arraycopy(argb, 0, basePixels, 0, width * height);
        baseWidth = width;
        baseHeight = height;
        writeImage();
    }

    private void writeImage() {
        if (baseWidth == 0) {
            return;
        }
        int width = baseWidth * imageScale;
        int height = baseHeight * imageScale;
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            scaledPixels = new int[width * height];
            pixelBuffer = new PixelBuffer<>(width, height, IntBuffer.wrap(scaledPixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixelBuffer);
            imageView.setImage(image);
            requestLayout();
        }
        pixelBuffer.updateBuffer(buffer -> {
            upscale(basePixels, baseWidth, baseHeight, imageScale, scaledPixels);
            return null; // the whole picture changed
        });
    }

    /**
     * Nearest-neighbour enlargement: each source pixel becomes a scale×scale block.
     *
     * @param source width×height values, not modified
     * @param out    (width·scale)×(height·scale) values. Modified
     */
    public static void upscale(int[] source, int width, int height, int scale, int[] out) {
        int outWidth = width * scale;
        for (int y = 0; y < height; y++) {
            int rowStart = y * scale * outWidth;
            int o = rowStart;
            for (int x = 0; x < width; x++) {
                int value = source[y * width + x];
                for (int k = 0; k < scale; k++) {
                    out[o++] = value;
                }
            }
            for (int k = 1; k < scale; k++) {
                System.arraycopy(out, rowStart, out, rowStart + k * outWidth, outWidth);
            }
        }
    }

    /** The picture shown (its pixels are the grid's to write; for reading, e.g. by window tests). */
    public WritableImage image() {
        return image;
    }

    /** Screen pixels per picture pixel (a whole number, so pixels stay crisp). */
    public void setImageScale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        if (scale != imageScale) {
            imageScale = scale;
            writeImage();
            requestLayout();
        }
    }

    public int getImageScale() {
        return imageScale;
    }

    /** {@link #setActivation(double, ActivationBars.Bar, double)} on the sigmoid's range 0…1. */
    public void setActivation(double value) {
        ActivationBars.Bar sigmoid = ActivationBars.bar(Activation.SIGMOID, value, 0);
        setActivation(value, sigmoid, sigmoid.length());
    }

    /**
     * The unit's activation for the current drawing, shown as the filled span {@code bar} of the
     * track (on the activation's own range, see {@link ActivationBars}) and a glow of opacity
     * GLOW_STRENGTH·strength². NaN: no drawing, nothing shown.
     */
    public void setActivation(double value, ActivationBars.Bar bar, double strength) {
        if (Double.compare(value, activation) == 0 && bar.equals(this.bar)) {
            return; // every training snapshot sets it again: no restyle, no layout pass when unchanged
        }
        activation = value;
        this.bar = bar;
        boolean known = !Double.isNaN(value);
        double glowOpacity = known ? GLOW_STRENGTH * strength * strength : 0;
        for (Rectangle side : glow) {
            side.setOpacity(glowOpacity);
        }
        barFill.setVisible(known);
        barTrack.setVisible(known);
        requestLayout();
    }

    /** Shows {@code text} as a small mark over the picture's top-left corner; null or empty hides it. */
    public void setFlag(String text) {
        boolean shown = text != null && !text.isEmpty();
        flag.setText(shown ? text : "");
        flag.setVisible(shown);
    }

    public String getFlag() {
        return flag.getText();
    }

    public double getActivation() {
        return activation;
    }

    /**
     * A score in [0, 1] shown as a tint behind the picture (e.g. the unit's importance when the
     * grid is ordered by it); NaN shows none.
     */
    public void setScore(double value) {
        score = value;
        boolean known = !Double.isNaN(value);
        scoreTint.setVisible(known);
        scoreTint.setOpacity(known ? SCORE_TINT_STRENGTH * Math.max(0, Math.min(1, value)) : 0);
    }

    public double getScore() {
        return score;
    }

    /**
     * The picture pixel under a point of this tile, or null outside the picture.
     *
     * @return {x, y} in picture pixels (0-based)
     */
    int[] pixelAt(double localX, double localY) {
        if (image == null) {
            return null;
        }
        double x = (localX - imageView.getLayoutX()) / imageScale;
        double y = (localY - imageView.getLayoutY()) / imageScale;
        if (x < 0 || y < 0 || x >= baseWidth || y >= baseHeight) {
            return null;
        }
        return new int[] {(int) x, (int) y};
    }

    private double pictureWidth() {
        return baseWidth * imageScale;
    }

    private double pictureHeight() {
        return baseHeight * imageScale;
    }

    @Override
    protected void layoutChildren() {
        double w = pictureWidth();
        double h = pictureHeight();
        double x = Math.floor((getWidth() - w) / 2);
        double y = FRAME;
        imageView.setFitWidth(w);
        imageView.setFitHeight(h);
        imageView.relocate(x, y);
        placeRing(x - FRAME, y - FRAME, w + 2 * FRAME, h + 2 * FRAME);
        place(scoreTint, 0, 0, getWidth(), getHeight());
        double barY = y + h + FRAME + BAR_GAP;
        barTrack.resizeRelocate(x, barY, w, BAR_HEIGHT);
        double from = Math.round(w * bar.from());
        barFill.resizeRelocate(x + from, barY, Math.round(w * bar.to()) - from, BAR_HEIGHT);
        flag.autosize();
        flag.relocate(x, y);
    }

    /** The glow's four sides, {@value #GLOW_WIDTH} px wide, just inside the box (x, y, width, height). */
    private void placeRing(double x, double y, double width, double height) {
        place(glow[0], x, y, width, GLOW_WIDTH);
        place(glow[1], x, y + height - GLOW_WIDTH, width, GLOW_WIDTH);
        place(glow[2], x, y + GLOW_WIDTH, GLOW_WIDTH, height - 2 * GLOW_WIDTH);
        place(glow[3], x + width - GLOW_WIDTH, y + GLOW_WIDTH, GLOW_WIDTH, height - 2 * GLOW_WIDTH);
    }

    private static void place(Rectangle shape, double x, double y, double width, double height) {
        shape.setX(x);
        shape.setY(y);
        shape.setWidth(width);
        shape.setHeight(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return pictureWidth() + CHROME_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return pictureHeight() + CHROME_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
