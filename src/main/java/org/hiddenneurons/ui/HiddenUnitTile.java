package org.hiddenneurons.ui;

import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * One hidden unit's tile in a {@link HiddenUnitGrid}: its weight picture (one {@link WritableImage}
 * created once per input size, shown at an integer scale with nearest-neighbour sampling), a glow
 * border and a bar under the picture whose strength is the unit's activation.
 */
public final class HiddenUnitTile extends Region {

    /** Space between the picture and the tile's edge (where the glow border is drawn). */
    static final double FRAME = 3;
    /** Height of the activation bar and the gap above it. */
    static final double BAR_HEIGHT = 4;
    static final double BAR_GAP = 1;
    /** Extra width and height a tile needs around its picture. */
    static final double CHROME_WIDTH = 2 * FRAME;
    static final double CHROME_HEIGHT = 2 * FRAME + BAR_GAP + BAR_HEIGHT;
    static final Duration TOOLTIP_DELAY = Duration.millis(150);

    private final int unit;
    private final ImageView imageView = new ImageView();
    private final Region glow = new Region();
    private final Region barTrack = new Region();
    private final Region barFill = new Region();
    private final Tooltip tooltip = new Tooltip();
    private WritableImage image;
    private int imageScale = 1;
    private double activation = Double.NaN;

    /** @param unit the hidden unit's index j (0-based), row j of Θ1 */
    public HiddenUnitTile(int unit) {
        this.unit = unit;
        getStyleClass().add(Styles.HIDDEN_UNIT_TILE);
        glow.getStyleClass().add(Styles.HIDDEN_UNIT_GLOW);
        barTrack.getStyleClass().add(Styles.ACTIVATION_TRACK);
        barFill.getStyleClass().add(Styles.ACTIVATION_FILL);
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        glow.setMouseTransparent(true);
        glow.setOpacity(0);
        getChildren().addAll(glow, imageView, barTrack, barFill);
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
     * Writes the picture in one bulk copy; the image is created only when the size changes.
     *
     * @param argb width×height opaque ARGB pixels, row-major. Not modified, not kept
     */
    public void setPixels(int[] argb, int width, int height) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            imageView.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), argb, 0, width);
    }

    /** The image shown (for tests). */
    WritableImage image() {
        return image;
    }

    /** Screen pixels per picture pixel (a whole number, so pixels stay crisp). */
    public void setImageScale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        if (scale != imageScale) {
            imageScale = scale;
            requestLayout();
        }
    }

    public int getImageScale() {
        return imageScale;
    }

    /**
     * The unit's activation for the current drawing; the bar and the glow show it clamped to
     * [0, 1] (sigmoid range). NaN: no drawing, nothing shown.
     */
    public void setActivation(double value) {
        activation = value;
        boolean known = !Double.isNaN(value);
        double strength = known ? Math.max(0, Math.min(1, value)) : 0;
        glow.setOpacity(strength);
        barFill.setVisible(known);
        barTrack.setVisible(known);
        requestLayout();
    }

    public double getActivation() {
        return activation;
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
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
            return null;
        }
        return new int[] {(int) x, (int) y};
    }

    private double pictureWidth() {
        return image == null ? 0 : image.getWidth() * imageScale;
    }

    private double pictureHeight() {
        return image == null ? 0 : image.getHeight() * imageScale;
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
        glow.resizeRelocate(x - FRAME, y - FRAME, w + 2 * FRAME, h + 2 * FRAME);
        double barY = y + h + FRAME + BAR_GAP;
        barTrack.resizeRelocate(x, barY, w, BAR_HEIGHT);
        double strength = Double.isNaN(activation) ? 0 : Math.max(0, Math.min(1, activation));
        barFill.resizeRelocate(x, barY, Math.round(w * strength), BAR_HEIGHT);
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
