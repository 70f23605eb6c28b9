package org.hiddenneurons.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.Preprocessor;

/** Shared test data for the component tests: networks, strokes, hand-built pipeline results. */
public final class ComponentFixtures {

    public static final long SEED = 42;

    private ComponentFixtures() {
    }

    /** Fires a primary-button mouse event of {@code type} at ({@code x}, {@code y}) in {@code target}'s coordinates. FX thread. */
    static void mouse(Node target, EventType<MouseEvent> type, double x, double y) {
        Event.fireEvent(target, new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, null));
    }

    /** A pad's side in pixels, as the drawing pad rasterises. */
    static final int PAD = DrawingPad.RASTER_SIZE;

    /** Opaque ARGB of a {@link #PAD}² black pad with a white vertical bar over columns {@code from} … {@code to} − 1, rows 40 … 239 (a drawn "1"). */
    static int[] whiteBar(int from, int to) {
        int[] argb = new int[PAD * PAD];
        java.util.Arrays.fill(argb, 0xff000000);
        for (int y = 40; y < 240; y++) {
            for (int x = from; x < to; x++) {
                argb[y * PAD + x] = 0xffffffff;
            }
        }
        return argb;
    }

    /**
     * A network whose hidden units look like smooth blobs and strokes (a sum of a few signed
     * Gaussian bumps each), so pictures resemble a trained network's rather than noise.
     */
    public static Network blobNetwork(NetworkSpec spec, long seed) {
        Random random = new Random(seed);
        int inputs = spec.inputSize();
        double[] theta1 = new double[spec.hiddenSize() * (inputs + 1)];
        for (int j = 0; j < spec.hiddenSize(); j++) {
            int row = j * (inputs + 1);
            theta1[row] = random.nextGaussian() * 0.5;
            for (int b = 0; b < 3; b++) {
                double cx = 3 + random.nextDouble() * (spec.inputWidth() - 6);
                double cy = 3 + random.nextDouble() * (spec.inputHeight() - 6);
                double sx = 1.5 + random.nextDouble() * 3;
                double sy = 1.5 + random.nextDouble() * 3;
                double amplitude = (random.nextBoolean() ? 1 : -1) * (0.3 + random.nextDouble());
                for (int y = 0; y < spec.inputHeight(); y++) {
                    for (int x = 0; x < spec.inputWidth(); x++) {
                        double dx = (x - cx) / sx;
                        double dy = (y - cy) / sy;
                        theta1[row + 1 + y * spec.inputWidth() + x] += amplitude * Math.exp(-(dx * dx + dy * dy) / 2);
                    }
                }
            }
        }
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < theta2.length; i++) {
            theta2[i] = random.nextGaussian() * 1.5;
        }
        return new Network(spec, theta1, theta2);
    }

    /** A "7" in drawing coordinates (0…280): a top bar and a diagonal. */
    static List<List<Point2D>> seven() {
        List<Point2D> bar = new ArrayList<>();
        for (int x = 80; x <= 200; x += 8) {
            bar.add(new Point2D(x, 70 + (x - 80) * 0.03));
        }
        List<Point2D> diagonal = new ArrayList<>();
        for (int t = 0; t <= 20; t++) {
            diagonal.add(new Point2D(200 - t * 4.2 + Math.sin(t / 4.0) * 3, 74 + t * 7.5));
        }
        return List.of(bar, diagonal);
    }

    /**
     * A pipeline result built by hand (the real Preprocessor is another helper's): crop to the ink,
     * scale the longer side to 15 by area averaging, centre in 20×20 by bounding box.
     */
    static Preprocessor.Result resultFrom(int width, int height, int[] argb) {
        double[] gray = new double[width * height];
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = (argb[y * width + x] & 0xff) / 255.0;
                gray[y * width + x] = v;
                if (v > 0.05) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        GrayImage grayscale = new GrayImage(width, height, gray);
        if (maxX < 0) {
            return new Preprocessor.Result(true, grayscale, null, null, null, null);
        }
        int cw = maxX - minX + 1;
        int ch = maxY - minY + 1;
        double[] crop = new double[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                crop[y * cw + x] = gray[(y + minY) * width + x + minX];
            }
        }
        double factor = 15.0 / Math.max(cw, ch);
        int sw = Math.max(1, (int) Math.round(cw * factor));
        int sh = Math.max(1, (int) Math.round(ch * factor));
        double[] scaled = new double[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double sum = 0;
                int count = 0;
                for (int yy = (int) (y / factor); yy < Math.min(ch, (int) ((y + 1) / factor)); yy++) {
                    for (int xx = (int) (x / factor); xx < Math.min(cw, (int) ((x + 1) / factor)); xx++) {
                        sum += crop[yy * cw + xx];
                        count++;
                    }
                }
                scaled[y * sw + x] = count == 0 ? 0 : sum / count;
            }
        }
        double[] centred = new double[400];
        int ox = (20 - sw) / 2;
        int oy = (20 - sh) / 2;
        for (int y = 0; y < sh; y++) {
            System.arraycopy(scaled, y * sw, centred, (y + oy) * 20 + ox, sw);
        }
        return new Preprocessor.Result(false, grayscale, new GrayImage(cw, ch, crop), new GrayImage(sw, sh, scaled),
                new GrayImage(20, 20, centred), centred.clone());
    }

    /** Writes a node's snapshot to a PNG (FX thread). */
    static void writePng(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
    }
}
