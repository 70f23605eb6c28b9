package org.hiddenneurons.ui.formula;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.hiddenneurons.viz.FormulaRenderer;

/**
 * The UI side of formula typesetting: typesets with a {@link FormulaRenderer} on one background
 * daemon thread and converts the result to a JavaFX {@link Image} there too, so the FX thread only
 * sets a finished image. Images are cached by {@link FormulaRenderer.Key} (LaTeX, size, colour):
 * asking again for the same key returns the same {@link Image}.
 */
public final class FormulaImages {

    /** Name of the background thread. */
    public static final String THREAD_NAME = "hn-formula-typesetter";

    private static final FormulaImages SHARED = new FormulaImages(new FormulaRenderer());

    private final FormulaRenderer renderer;
    private final ExecutorService typesetter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentHashMap<FormulaRenderer.Key, CompletableFuture<Image>> images = new ConcurrentHashMap<>();

    /** One instance per app: every formula node shares its cache and its thread. */
    public static FormulaImages shared() {
        return SHARED;
    }

    FormulaImages(FormulaRenderer renderer) {
        this.renderer = renderer;
    }

    /** The image of {@code key}: completed at once when cached, else completed on the typesetter thread. */
    public CompletableFuture<Image> image(FormulaRenderer.Key key) {
        if (images.size() > FormulaRenderer.CACHE_ENTRIES) {
            images.clear();
        }
        return images.computeIfAbsent(key,
                k -> CompletableFuture.supplyAsync(() -> toFx(renderer.render(k)), typesetter));
    }

    /** The cached image of {@code key} if it is ready, else null. FX thread. */
    public Image readyImage(FormulaRenderer.Key key) {
        CompletableFuture<Image> future = images.get(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** A copy of an ARGB {@link BufferedImage} as a JavaFX image (one bulk write). */
    static Image toFx(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        int[] argb = source.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
