package org.hiddenneurons.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.io.ModelFile;

/**
 * A seeded generator of pad-style digit drawings, rendered by the drawing pad's own rasterizer
 * ({@link StrokeRasterizer#smooth} + {@link StrokeRasterizer#drawPolyline} on the 280×280 pad)
 * and turned into network inputs by the pad's pipeline ({@link Preprocessor#forBundledDigits()}).
 *
 * <p>Each digit has several writing styles ({@link #STYLES}: tall narrow and round 0s, 1s with and
 * without a flag and base, 2s with and without a loop, flat-topped and round 3s, open and closed
 * 4s, 6s with open and closed loops, 7s with and without a bar, 8s as one stroke or two loops, 9s
 * with straight and curved tails). A drawing: a style, its height 35–85 % of the pad, width
 * ×0.8–1.2 of the style's, slant ±15°, placed anywhere it fits, pen 8–24 px, each pen point
 * jittered (σ 0.7 % of the height) as a hand would, dark-on-light or light-on-dark.
 *
 * <p>Run (writes {@code FOLDER/<digit>/<index>.png}, the 20×20 network inputs that
 * {@code evaluate --data FOLDER} reads, and with {@code --pad} also the 280×280 drawings in
 * {@code FOLDER-pad/}):
 * <pre>
 * mvn -B -o -q test-compile &amp;&amp; java -cp target/classes:target/test-classes \
 *     org.hiddenneurons.data.PadDrawings --out /tmp/drawings --count 600 --seed 1
 * </pre>
 * ({@code --model FILE} also prints how many the model reads right from the exact inputs), then
 * measure a model with
 * {@code java -jar target/hidden-neurons.jar evaluate --model M --data /tmp/drawings --split all}.
 */
public final class PadDrawings {

    /** The pad's raster side (DrawingPad.RASTER_SIZE). */
    public static final int PAD = 280;
    public static final double MIN_HEIGHT_FRACTION = 0.35;
    public static final double MAX_HEIGHT_FRACTION = 0.85;
    public static final double MAX_SLANT_DEGREES = 15;
    public static final double MIN_PEN = 8;
    public static final double MAX_PEN = 24;
    /** Jitter of each pen point, as a fraction of the drawing's height. */
    public static final double JITTER_FRACTION = 0.007;
    /** Distance between pen points along a stroke (a mouse's sampling), as a fraction of the height. */
    private static final double POINT_SPACING = 0.04;

    /**
     * One way of writing a digit: strokes of points in a box of height 1 and width {@code width}
     * (x right, y down, origin top-left).
     */
    public record Style(int digit, String name, double width, List<double[]> strokes) {
    }

    /** One generated drawing: its label and style, the pad's pixels (ARGB) and the network input. */
    public record Drawing(int digit, String style, int[] padArgb, double[] networkInput) {
    }

    public static final List<Style> STYLES = styles();

    private final SplittableRandom random;
    private final Preprocessor preprocessor;

    public PadDrawings(long seed) {
        this.random = new SplittableRandom(seed);
        this.preprocessor = Preprocessor.forBundledDigits();
    }

    /** The next drawing of style {@code style}. */
    public Drawing next(Style style) {
        double height = PAD * between(MIN_HEIGHT_FRACTION, MAX_HEIGHT_FRACTION);
        double width = height * style.width() * between(0.8, 1.2);
        double slant = Math.tan(Math.toRadians(between(-MAX_SLANT_DEGREES, MAX_SLANT_DEGREES)));
        double pen = between(MIN_PEN, MAX_PEN);
        boolean darkOnLight = random.nextBoolean();
        double jitter = JITTER_FRACTION * height;
        // Shape in pad units, centred on (0, 0): scale, then slant (x shifts with height above the centre).
        List<double[]> strokes = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] stroke : style.strokes()) {
            double[] points = resample(stroke, POINT_SPACING);
            double[] xy = new double[points.length];
            for (int i = 0; i < points.length; i += 2) {
                double y = (points[i + 1] - 0.5) * height + gaussian() * jitter;
                double x = (points[i] - style.width() / 2) * width / style.width() - slant * y + gaussian() * jitter;
                xy[i] = x;
                xy[i + 1] = y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            strokes.add(xy);
        }
        // Anywhere on the pad where the whole drawing (pen included) fits.
        double margin = pen / 2 + 1;
        double offsetX = between(margin - minX, Math.max(margin - minX, PAD - margin - maxX));
        double offsetY = between(margin - minY, Math.max(margin - minY, PAD - margin - maxY));
        float[] coverage = new float[PAD * PAD];
        for (double[] xy : strokes) {
            for (int i = 0; i < xy.length; i += 2) {
                xy[i] += offsetX;
                xy[i + 1] += offsetY;
            }
            StrokeRasterizer.drawPolyline(StrokeRasterizer.smooth(xy), pen / 2, coverage, PAD, PAD);
        }
        int[] argb = StrokeRasterizer.toArgb(coverage);
        if (darkOnLight) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xff000000 | (~argb[i] & 0xffffff);
            }
        }
        Preprocessor.Result result = preprocessor.process(PAD, PAD, argb);
        return new Drawing(style.digit(), style.name(), argb, result.networkInput());
    }

    /** {@code count} drawings, styles taken in turn (so every style and digit appears equally often). */
    public List<Drawing> generate(int count) {
        List<Drawing> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(STYLES.get(i % STYLES.size())));
        }
        return out;
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Standard normal (Box–Muller). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Points along the polyline {@code xy} every {@code spacing} (the ends kept). */
    static double[] resample(double[] xy, double spacing) {
        List<Double> out = new ArrayList<>();
        out.add(xy[0]);
        out.add(xy[1]);
        double carried = 0;
        for (int i = 2; i < xy.length; i += 2) {
            double ax = xy[i - 2];
            double ay = xy[i - 1];
            double length = Math.hypot(xy[i] - ax, xy[i + 1] - ay);
            double at = spacing - carried;
            while (at < length) {
                out.add(ax + (xy[i] - ax) * at / length);
                out.add(ay + (xy[i + 1] - ay) * at / length);
                at += spacing;
            }
            carried = length - (at - spacing);
        }
        out.add(xy[xy.length - 2]);
        out.add(xy[xy.length - 1]);
        double[] result = new double[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    // ---- the styles -------------------------------------------------------------------------

    /** Points of an elliptic arc around (cx, cy), angles in degrees (0 = right, 90 = down), 10° apart. */
    private static double[] arc(double cx, double cy, double rx, double ry, double from, double to) {
        int steps = Math.max(2, (int) Math.ceil(Math.abs(to - from) / 10));
        double[] xy = new double[2 * (steps + 1)];
        for (int k = 0; k <= steps; k++) {
            double a = Math.toRadians(from + (to - from) * k / steps);
            xy[2 * k] = cx + rx * Math.cos(a);
            xy[2 * k + 1] = cy + ry * Math.sin(a);
        }
        return xy;
    }

    private static double[] join(double[]... parts) {
        int length = 0;
        for (double[] p : parts) {
            length += p.length;
        }
        double[] out = new double[length];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static double[] line(double... xy) {
        return xy;
    }

    private static Style style(int digit, String name, double width, double[]... strokes) {
        return new Style(digit, name, width, List.of(strokes));
    }

    private static List<Style> styles() {
        List<Style> s = new ArrayList<>();
        // 0: round, tall narrow, narrow with an overlap at the top.
        s.add(style(0, "round", 0.7, arc(0.35, 0.5, 0.35, 0.5, -90, 270)));
        s.add(style(0, "tall-narrow", 0.38, arc(0.19, 0.5, 0.19, 0.5, -80, 280)));
        s.add(style(0, "narrow-overlap", 0.45, arc(0.22, 0.5, 0.22, 0.5, -120, 280)));
        // 1: a plain bar, with a flag, with a flag and a base.
        s.add(style(1, "bar", 0.1, line(0.05, 0, 0.05, 1)));
        s.add(style(1, "flag", 0.35, line(0.0, 0.25, 0.3, 0, 0.3, 1)));
        s.add(style(1, "flag-base", 0.5, line(0.05, 0.22, 0.27, 0, 0.27, 1), line(0.02, 1, 0.5, 1)));
        // 2: swan (arc, diagonal, base) and with a loop at the bottom left.
        s.add(style(2, "swan", 0.65, join(arc(0.32, 0.28, 0.3, 0.27, 200, 370), line(0.55, 0.5, 0.02, 1, 0.65, 1))));
        s.add(style(2, "looped", 0.65, join(arc(0.32, 0.28, 0.3, 0.27, 200, 370),
                line(0.5, 0.55, 0.2, 0.85), arc(0.2, 0.9, 0.1, 0.1, 270, 630), line(0.3, 0.95, 0.65, 1))));
        // 3: round top and bottom; flat top like a 7 then a belly.
        s.add(style(3, "round", 0.6, join(arc(0.3, 0.25, 0.27, 0.24, 200, 450), arc(0.3, 0.73, 0.3, 0.26, -90, 160))));
        s.add(style(3, "flat-top", 0.6, join(line(0.05, 0, 0.55, 0, 0.25, 0.42), arc(0.3, 0.7, 0.3, 0.29, -100, 160))));
        // 4: open (two strokes) and closed (triangle).
        s.add(style(4, "open", 0.65, line(0.25, 0, 0.0, 0.62, 0.65, 0.62), line(0.48, 0.25, 0.48, 1)));
        s.add(style(4, "closed", 0.65, line(0.48, 1, 0.48, 0, 0.0, 0.65, 0.65, 0.65)));
        // 5: bar drawn separately; in one stroke.
        s.add(style(5, "two-strokes", 0.6, join(line(0.12, 0, 0.08, 0.45), arc(0.3, 0.7, 0.3, 0.28, -110, 150)),
                line(0.1, 0, 0.58, 0)));
        s.add(style(5, "one-stroke", 0.6, join(line(0.58, 0, 0.1, 0, 0.06, 0.45), arc(0.3, 0.7, 0.3, 0.28, -110, 150))));
        // 6: closed loop; open loop (the stroke stops before meeting the stem); tall narrow.
        // (The loop runs down the left side, along the bottom and up: decreasing angles.)
        s.add(style(6, "closed-loop", 0.6, join(arc(0.6, 0.55, 0.55, 0.55, 240, 180), arc(0.3, 0.72, 0.28, 0.27, 180, -180))));
        s.add(style(6, "open-loop", 0.6, join(arc(0.6, 0.55, 0.55, 0.55, 240, 180), arc(0.3, 0.72, 0.28, 0.27, 180, -60))));
        s.add(style(6, "tall-narrow", 0.4, join(line(0.35, 0, 0.05, 0.55), arc(0.2, 0.77, 0.18, 0.22, 180, -170))));
        // 7: plain; with a bar across the stem; with a curved stem.
        s.add(style(7, "plain", 0.6, line(0.0, 0, 0.6, 0, 0.2, 1)));
        s.add(style(7, "barred", 0.6, line(0.0, 0, 0.6, 0, 0.2, 1), line(0.15, 0.5, 0.55, 0.5)));
        s.add(style(7, "curved", 0.6, line(0.0, 0.05, 0.6, 0, 0.42, 0.4, 0.28, 0.75, 0.24, 1)));
        // 8: one stroke (S then back up); two stacked loops.
        s.add(style(8, "one-stroke", 0.55, join(arc(0.27, 0.25, 0.24, 0.24, 0, -270),
                arc(0.27, 0.74, 0.27, 0.26, -90, 270), arc(0.27, 0.25, 0.24, 0.24, 90, 0))));
        s.add(style(8, "two-loops", 0.55, arc(0.27, 0.24, 0.22, 0.23, 0, 360), arc(0.27, 0.73, 0.27, 0.27, -90, 270)));
        // 9: loop and straight stem; loop and curved tail.
        s.add(style(9, "straight", 0.55, join(arc(0.27, 0.25, 0.27, 0.25, 0, 360), line(0.54, 0.25, 0.5, 1))));
        s.add(style(9, "curved", 0.55, join(arc(0.27, 0.25, 0.27, 0.25, 0, 360), arc(0.1, 0.3, 0.44, 0.7, 0, 100))));
        return List.copyOf(s);
    }

    // ---- writing ---------------------------------------------------------------------------

    /** Writes the network input as an 8-bit gray PNG (ink white), the layout ImageFolderReader reads. */
    static void writeInput(Path file, double[] input, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (int) Math.round(Math.max(0, Math.min(1, input[y * width + x])) * 255);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    static void writePad(Path file, int[] argb) throws IOException {
        BufferedImage image = new BufferedImage(PAD, PAD, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, PAD, PAD, argb, 0, PAD);
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * Prints how many drawings the model reads right from their exact network inputs (the pad's
     * path, no PNG rounding), and which styles it misreads.
     */
    private static void printAccuracy(Path modelFile, List<Drawing> drawings) throws IOException {
        org.hiddenneurons.io.SavedModel saved;
        try {
            saved = ModelFile.load(modelFile);
        } catch (DataFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        Network network = saved.network();
        Preprocessor.Target target = Preprocessor.forBundledDigits().target();
        int correct = 0;
        java.util.Map<String, Integer> misread = new java.util.TreeMap<>();
        for (Drawing d : drawings) {
            int predicted = Network.argMax(network.predict(saved.prepare(d.networkInput(), target.width(),
                    target.height())));
            if (predicted == d.digit()) {
                correct++;
            } else {
                misread.merge(d.digit() + " " + d.style() + " as " + predicted, 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s reads %d of %d drawings right (%.1f %%), pad path%n", modelFile, correct,
                drawings.size(), 100.0 * correct / drawings.size());
        misread.forEach((what, n) -> System.out.printf(Locale.ROOT, "  %3d × %s%n", n, what));
    }

    /**
     * Writes {@code out/<digit>/<index>_<style>.png} (the 20×20 inputs) and, with {@code pad}, the
     * 280×280 drawings under {@code out-pad/}.
     */
    static void write(Path out, List<Drawing> drawings, boolean pad) throws IOException {
        Preprocessor.Target target = Preprocessor.forBundledDigits().target();
        Path padFolder = out.resolveSibling(out.getFileName() + "-pad");
        for (int i = 0; i < drawings.size(); i++) {
            Drawing d = drawings.get(i);
            Path folder = Files.createDirectories(out.resolve(String.valueOf(d.digit())));
            String name = String.format(Locale.ROOT, "%04d_%s.png", i, d.style());
            writeInput(folder.resolve(name), d.networkInput(), target.width(), target.height());
            if (pad) {
                writePad(Files.createDirectories(padFolder.resolve(String.valueOf(d.digit()))).resolve(name), d.padArgb());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int count = 600;
        long seed = 1;
        boolean pad = false;
        Path model = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--pad" -> pad = true;
                case "--model" -> model = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: --out FOLDER [--count N] [--seed S] [--pad] [--model FILE])");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FOLDER is required");
        }
        List<Drawing> drawings = new PadDrawings(seed).generate(count);
        write(out, drawings, pad);
        System.out.printf(Locale.ROOT, "wrote %d drawings (%d styles, seed %d) to %s%n", drawings.size(), STYLES.size(),
                seed, out);
        if (model != null) {
            printAccuracy(model, drawings);
        }
    }
}
