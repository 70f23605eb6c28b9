package org.hiddenneurons.bench;

import java.util.concurrent.TimeUnit;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Preprocessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Preprocessing one 280×280 drawing (the canvas size) into the 20×20 network input: every step of
 * {@link Preprocessor}, from ARGB pixels to the centred image. Target: under 2 ms, so the
 * prediction follows the pen.
 *
 * <p>Run: {@code mvn -o -Pbench test-compile exec:exec -Dbench.args="PreprocessBenchmark -f 1"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PreprocessBenchmark {

    /** Canvas side in pixels. */
    private static final int CANVAS = 280;
    /** A digit of digits.png drawn at 14× (20 px → 280 px), dark ink on white. */
    private static final int UPSCALE = CANVAS / DigitsImage.CELL;
    private static final int SAMPLE = 2345;

    private Preprocessor preprocessor;
    private int[] drawing;

    @Setup
    public void setUp() {
        Dataset digits = DigitsImage.loadBundled();
        preprocessor = new Preprocessor(Preprocessor.measure(digits));
        double[] digit = digits.sample(SAMPLE);
        drawing = new int[CANVAS * CANVAS];
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                double ink = digit[(y / UPSCALE) * DigitsImage.CELL + x / UPSCALE];
                int level = (int) Math.round(255 * (1 - ink));
                drawing[y * CANVAS + x] = 0xff000000 | level << 16 | level << 8 | level;
            }
        }
    }

    @Benchmark
    public double[] preprocess280x280Drawing() {
        return preprocessor.process(CANVAS, CANVAS, drawing).networkInput();
    }
}
