package org.hiddenneurons.ui.backprop;

import java.util.function.BiConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.controls.HiddenUnitTile;

/**
 * A small picture of numbers (an input, a unit's weights, its products, a row of Δ¹, Θ²) drawn
 * crisp at an integer scale, with a caption under it, the value under the pointer in a tooltip,
 * and an optional click handler that receives the picture pixel (x, y).
 */
final class Heatmap extends VBox {

    static final String STYLE = "hn-bp-heatmap";
    static final String FRAME_STYLE = "hn-bp-heatmap-frame";

    private final ImageView view = new ImageView();
    private final StackPane frame = new StackPane(view);
    private final Label caption = new Label();
    private final Tooltip tooltip = new Tooltip();
    private double[] values = new double[0];
    private int width;
    private int height;
    private int scale = 1;
    private BiConsumer<Integer, Integer> onPixelClicked;

    Heatmap() {
        getStyleClass().add(STYLE);
        frame.getStyleClass().add(FRAME_STYLE);
        frame.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        caption.getStyleClass().add(BackpropView.CAPTION_SMALL);
        caption.setWrapText(true);
        view.setSmooth(false);
        tooltip.setShowDelay(Duration.millis(100));
        Tooltip.install(view, tooltip);
        view.setOnMouseMoved(e -> {
            int[] pixel = pixelAt(e.getX(), e.getY());
            if (pixel != null) {
                tooltip.setText(I18n.t("pages.backprop.pixel", pixel[0], pixel[1],
                        WalkthroughFormat.display(values[pixel[1] * width + pixel[0]])));
            }
        });
        view.setOnMouseClicked(e -> {
            int[] pixel = pixelAt(e.getX(), e.getY());
            if (pixel != null && onPixelClicked != null) {
                onPixelClicked.accept(pixel[0], pixel[1]);
            }
        });
        getChildren().addAll(frame, caption);
        setSpacing(4);
    }

    /**
     * Shows a picture.
     *
     * @param argb   width×height pixels, not kept
     * @param source the numbers behind the pixels (for the tooltip), width×height, not kept
     */
    void show(int[] argb, double[] source, int pictureWidth, int pictureHeight, int pictureScale, String text) {
        width = pictureWidth;
        height = pictureHeight;
        scale = pictureScale;
        values = source.clone();
        int[] big = new int[width * scale * height * scale];
        HiddenUnitTile.upscale(argb, width, height, scale, big);
        WritableImage image = new WritableImage(width * scale, height * scale);
        image.getPixelWriter().setPixels(0, 0, width * scale, height * scale, PixelFormat.getIntArgbInstance(), big, 0,
                width * scale);
        view.setImage(image);
        caption.setText(text);
        caption.setMaxWidth(Math.max(width * scale, 160));
    }

    /** Called with (x, y) of the clicked picture pixel. */
    void setOnPixelClicked(BiConsumer<Integer, Integer> handler) {
        onPixelClicked = handler;
        view.setCursor(handler == null ? null : javafx.scene.Cursor.CROSSHAIR);
    }

    String captionText() {
        return caption.getText();
    }

    private int[] pixelAt(double x, double y) {
        int px = (int) (x / scale);
        int py = (int) (y / scale);
        if (px < 0 || py < 0 || px >= width || py >= height) {
            return null;
        }
        return new int[] {px, py};
    }
}
