package org.hiddenneurons.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.LoadMonitor;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening Fashion-MNIST (Debian's dataset-fashion-mnist, 28×28 IDX .gz) the way the app does:
 * {@code load} is {@link DatasetLoader#load(Path, org.hiddenneurons.data.LoadProgress)} with a
 * {@link LoadMonitor}; {@code open} adds what the UI's data set opener does after it (the standard
 * split and measuring the drawing pipeline). Single-shot: each load is a cold read of the file.
 *
 * <p>Run: {@code mvn -o -Pbench test-compile exec:exec -Dbench.args="DatasetLoadBenchmark -f 1"}
 * (needs {@code apt-get install dataset-fashion-mnist}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@State(Scope.Benchmark)
public class DatasetLoadBenchmark {

    static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    /** train: 60 000 images; t10k: 10 000. */
    @Param({"train", "t10k"})
    public String file;

    private Path images;

    @Setup
    public void find() {
        images = FOLDER.resolve(file + "-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(images)) {
            throw new IllegalStateException(images + " is missing: apt-get install dataset-fashion-mnist");
        }
    }

    @Benchmark
    public Dataset load() throws DataFormatException {
        return DatasetLoader.load(images, new LoadMonitor());
    }

    @Benchmark
    public Preprocessor open() throws DataFormatException {
        Dataset all = DatasetLoader.load(images, new LoadMonitor());
        Split split = Split.standard(all);
        return new Preprocessor(Preprocessor.measure(split.train()));
    }
}
