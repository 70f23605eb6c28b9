package org.hiddenneurons.bench;

import org.hiddenneurons.data.StrokeRasterizer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.ui.DrawingPad;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a new training snapshot and a drag step cost the FX thread:
 * <ul>
 *   <li>{@code tilePixels*}: the pure pixel fill of all 25 hidden-unit pictures (palette lookup)
 *       plus the 4× nearest-neighbour enlargement the tiles write;</li>
 *   <li>{@code gridSetNetwork}: {@link HiddenUnitGrid#setNetwork} on the FX thread (headless
 *       Monocle, software pipeline), including the 25 bulk {@code PixelWriter.setPixels};</li>
 *   <li>{@code strokeRasterDragStep}: what one drag step of the drawing pad rasterises — copy the
 *       settled coverage, draw the stroke's moving last segment, convert 280×280 to a new ARGB
 *       array; {@code strokeRasterWholeStroke} redraws a whole 60-point stroke instead (the cost
 *       of undo/pen changes per stroke).</li>
 * </ul>
 * Run: {@code mvn -o -Pbench test-compile exec:exec -Dbench.args="TileRenderBenchmark -f 1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Djava.awt.headless=true"})
public class TileRenderBenchmark {

    /** setNetwork calls per FX-thread hop, so the hop's cost is amortised. */
    private static final int CALLS_PER_HOP = 50;
    private static final int TILE_SCALE = 4;

    private Network network;
    private int[][] pixels;
    private int[] upscaled;
    private HiddenUnitGrid grid;
    private float[] committed;
    private float[] work;
    private double[] currentStroke;
    private double penRadius;

    @Setup
    public void setUp() throws Exception {
        Random random = new Random(42);
        NetworkSpec spec = NetworkSpec.DEFAULT;
        double[] theta1 = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        double[] theta2 = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < theta1.length; i++) {
            theta1[i] = random.nextGaussian() * 0.3;
        }
        network = new Network(spec, theta1, theta2);
        pixels = new int[spec.hiddenSize()][spec.inputSize()];
        upscaled = new int[spec.inputSize() * TILE_SCALE * TILE_SCALE];

        CompletableFuture<HiddenUnitGrid> created = new CompletableFuture<>();
        Platform.startup(() -> created.complete(new HiddenUnitGrid()));
        grid = created.get();
        Platform.runLater(() -> grid.setNetwork(network));

        committed = new float[DrawingPad.RASTER_SIZE * DrawingPad.RASTER_SIZE];
        work = new float[committed.length];
        penRadius = DrawingPad.DEFAULT_PEN_WIDTH / 2;
        double[] first = new double[120];
        double[] second = new double[120];
        for (int t = 0; t < 60; t++) {
            first[2 * t] = 80 + 2 * t;
            first[2 * t + 1] = 70 + 0.2 * t;
            second[2 * t] = 200 - 1.5 * t;
            second[2 * t + 1] = 75 + 3.2 * t;
        }
        StrokeRasterizer.drawPolyline(StrokeRasterizer.smooth(first), penRadius, committed,
                DrawingPad.RASTER_SIZE, DrawingPad.RASTER_SIZE);
        currentStroke = StrokeRasterizer.smooth(second);
    }

    @Benchmark
    public int[][] tilePixelsShared() {
        return fill(WeightPictures.Scale.SHARED);
    }

    @Benchmark
    public int[][] tilePixelsPerUnit() {
        return fill(WeightPictures.Scale.PER_UNIT);
    }

    private int[][] fill(WeightPictures.Scale scale) {
        HiddenUnitGrid.renderAll(network, scale, DivergingPalette.BLUE_WHITE_RED, pixels);
        for (int[] tile : pixels) {
            HiddenUnitTile.upscale(tile, 20, 20, TILE_SCALE, upscaled);
        }
        return pixels;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS_PER_HOP)
    public Object gridSetNetwork() throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            for (int i = 0; i < CALLS_PER_HOP; i++) {
                grid.setNetwork(network);
            }
            done.complete(grid);
        });
        return done.get();
    }

    @Benchmark
    public int[] strokeRasterDragStep() {
        System.arraycopy(committed, 0, work, 0, work.length);
        int last = currentStroke.length / 2 - 1;
        StrokeRasterizer.drawPolyline(currentStroke, last - 1, last, penRadius, work,
                DrawingPad.RASTER_SIZE, DrawingPad.RASTER_SIZE);
        return StrokeRasterizer.toArgb(work);
    }

    @Benchmark
    public int[] strokeRasterWholeStroke() {
        System.arraycopy(committed, 0, work, 0, work.length);
        StrokeRasterizer.drawPolyline(currentStroke, penRadius, work, DrawingPad.RASTER_SIZE,
                DrawingPad.RASTER_SIZE);
        return StrokeRasterizer.toArgb(work);
    }
}
