import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.hiddenneurons.viz.DivergingPalette;

/**
 * Draws the desktop icon: a 3×3 grid of "hidden unit pictures" (oriented stroke detectors,
 * Gabor-like patterns) in the app's dark diverging palette, on a dark rounded square.
 * Run from the repository root after {@code mvn compile}:
 * {@code java -cp target/classes packaging/MakeIcon.java packaging/hidden-neurons.png}
 */
public final class MakeIcon {

    private static final int SIZE = 256;
    private static final int TILES_PER_SIDE = 3;
    private static final int MARGIN = 20;
    private static final int GAP = 8;
    private static final int CORNER_RADIUS = 40;
    private static final int BACKGROUND_ARGB = 0xFF1E2229;
    /** Orientation (radians) of each tile's stroke, in reading order. */
    private static final double[] ANGLES = {0.0, 0.8, 1.6, 2.4, 0.4, 1.2, 2.0, 2.8, 1.0};

    private MakeIcon() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "packaging/hidden-neurons.png");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        fillRoundedSquare(image);
        int tile = (SIZE - 2 * MARGIN - (TILES_PER_SIDE - 1) * GAP) / TILES_PER_SIDE;
        for (int t = 0; t < TILES_PER_SIDE * TILES_PER_SIDE; t++) {
            int left = MARGIN + (t % TILES_PER_SIDE) * (tile + GAP);
            int top = MARGIN + (t / TILES_PER_SIDE) * (tile + GAP);
            drawTile(image, left, top, tile, ANGLES[t]);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(image, "png", out.toFile());
    }

    private static void fillRoundedSquare(BufferedImage image) {
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int dx = Math.max(0, Math.max(CORNER_RADIUS - x, x - (SIZE - 1 - CORNER_RADIUS)));
                int dy = Math.max(0, Math.max(CORNER_RADIUS - y, y - (SIZE - 1 - CORNER_RADIUS)));
                boolean inside = dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS;
                image.setRGB(x, y, inside ? BACKGROUND_ARGB : 0);
            }
        }
    }

    /** An oriented Gabor patch: cos(3·u)·exp(−(u² + v²)/2) with u across the stroke, v along it. */
    private static void drawTile(BufferedImage image, int left, int top, int size, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double px = (x + 0.5) / size * 4 - 2;
                double py = (y + 0.5) / size * 4 - 2;
                double across = px * cos + py * sin;
                double along = -px * sin + py * cos;
                double value = Math.cos(3 * across) * Math.exp(-(across * across + 0.5 * along * along) / 1.2);
                image.setRGB(left + x, top + y, DivergingPalette.BLUE_BLACK_RED.argb(value, 1.0));
            }
        }
    }
}
