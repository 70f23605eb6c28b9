package org.hiddenneurons.bench;

import java.util.concurrent.TimeUnit;
import org.hiddenneurons.analysis.LogisticRegression;
import org.hiddenneurons.data.Split;
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
 * Training the no-hidden-layer comparison (10×401 logistic regression, {@value LogisticRegression#DEFAULT_ITERATIONS}
 * L-BFGS iterations on the 4000 training digits) — how long the comparison view says "training…".
 * Run as {@link DossierOpenBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Thread)
public class DossierLogisticBenchmark {

    private Split split;

    @Setup
    public void setUp() {
        split = BenchFixtures.bundledDigits();
    }

    @Benchmark
    public LogisticRegression.Model trainLogisticRegression() {
        return LogisticRegression.train(split, LogisticRegression.DEFAULT_LAMBDA, LogisticRegression.DEFAULT_ITERATIONS,
                () -> false);
    }
}
