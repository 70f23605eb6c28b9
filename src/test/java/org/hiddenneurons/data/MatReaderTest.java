package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures in src/test/resources/data/mat were written by Octave with make_mat_fixtures.m
 * (beside them), which also computed the reference costs in course-costs.txt with the course's
 * own formula — an implementation independent of this project's.
 */
class MatReaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/data/mat");
    private static final Path DATA = FIXTURES.resolve("course-data.mat");
    private static final Path DATA_V6 = FIXTURES.resolve("course-data-v6.mat");
    private static final Path WEIGHTS = FIXTURES.resolve("course-weights.mat");
    private static final int SIDE = 20;
    private static final int FIXTURE_SAMPLES = 6;
    /** Relative agreement with Octave's double-precision cost (summation order differs). */
    private static final double COST_TOLERANCE = 1e-12;
    /** The course (ex4) prints its costs to 6 decimals. */
    private static final double PUBLISHED_TOLERANCE = 5e-7;
    private static final double PUBLISHED_COST_LAMBDA_0 = 0.287629;
    private static final double PUBLISHED_COST_LAMBDA_1 = 0.383770;
    /**
     * Where the course's real files are looked for: {@code -Dhn.course.dir=DIR}, else
     * ~/.hidden-neurons/course/ (ex4data1.mat and ex4weights.mat).
     */
    private static final String COURSE_DIR_PROPERTY = "hn.course.dir";

    @TempDir
    Path dir;

    /** The pattern make_mat_fixtures.m draws: img(r, c) with y = r−1, x = c−1. */
    private static double fixturePixel(int sample, int x, int y) {
        if (y == 0 && x == 1) {
            return -0.125;
        }
        if (y == 1 && x == 0) {
            return 1.125;
        }
        return Math.floorMod(sample * 31 + y * 20 + x, 17) / 16.0;
    }

    @Test
    void imagesAreTransposedFromColumnMajorToRowMajor() throws Exception {
        for (Path file : List.of(DATA, DATA_V6)) {
            Dataset data = MatReader.readDataset(file);
            assertEquals(FIXTURE_SAMPLES, data.size());
            assertEquals(SIDE, data.width());
            assertEquals(SIDE, data.height());
            for (int i = 0; i < data.size(); i++) {
                double[] sample = data.sample(i);
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        assertEquals(fixturePixel(i, x, y), sample[y * SIDE + x], file + " sample " + i + " (" + x + "," + y + ")");
                    }
                }
            }
        }
    }

    @Test
    void classTenIsTheDigitZero() throws Exception {
        Dataset data = MatReader.readDataset(DATA);
        assertArrayEquals(new int[] {1, 2, 0, 0, 5, 9}, data.labels());
        assertEquals(10, data.classCount());
        assertEquals("course-data.mat", data.name());
    }

    @Test
    void valuesSlightlyOutsideTheUnitRangeAreKeptAsStored() throws Exception {
        double[] pixels = MatReader.readDataset(DATA).pixels();
        assertEquals(-0.125, Arrays.stream(pixels).min().orElseThrow());
        assertEquals(1.125, Arrays.stream(pixels).max().orElseThrow());
    }

    @Test
    void weightsBecomeTheCourseSigmoidNetwork() throws Exception {
        Network network = MatReader.readWeights(WEIGHTS);
        assertEquals(SIDE, network.spec().inputWidth());
        assertEquals(SIDE, network.spec().inputHeight());
        assertEquals(25, network.spec().hiddenSize());
        assertEquals(10, network.spec().outputSize());
        assertEquals(Activation.SIGMOID, network.spec().hiddenActivation());
        assertEquals(OutputLayer.SIGMOID_CROSS_ENTROPY, network.spec().outputLayer());
        // debugInitializeWeights: W(r, c) = sin((c−1)·rows + r) / 10 (1-based, column-major)
        int hidden = 25;
        assertEquals(Math.sin(1) / 10, network.theta1Copy()[0], 1e-15, "bias of unit 0");
        // unit 3, pixel (x=4, y=7): course column 1 + x·20 + y (0-based) = 88
        assertEquals(Math.sin(88 * hidden + 3 + 1) / 10, network.theta1Copy()[3 * 401 + 1 + 7 * SIDE + 4], 1e-15);
        // digit 0 is the course's row 10; digit 4 its row 4
        assertEquals(Math.sin(2 * 10 + 9 + 1) / 10, network.theta2Copy()[0 * 26 + 2], 1e-15);
        assertEquals(Math.sin(2 * 10 + 3 + 1) / 10, network.theta2Copy()[4 * 26 + 2], 1e-15);
    }

    @Test
    void costOnTheFixturesMatchesOctave() throws Exception {
        Dataset data = MatReader.readDataset(DATA);
        Network network = MatReader.readWeights(WEIGHTS);
        double[] reference = octaveCosts();
        CostFunction cost = CostFunction.standard();
        assertEquals(reference[0], cost.evaluate(network, data.pixels(), data.labels(), data.size(), 0, null),
                COST_TOLERANCE * reference[0]);
        assertEquals(reference[1], cost.evaluate(network, data.pixels(), data.labels(), data.size(), 1, null),
                COST_TOLERANCE * reference[1]);
    }

    @Test
    void courseFilesReproduceThePublishedCosts() throws Exception {
        Path courseDir = Path.of(System.getProperty(COURSE_DIR_PROPERTY,
                Path.of(System.getProperty("user.home"), ".hidden-neurons", "course").toString()));
        Path dataFile = courseDir.resolve("ex4data1.mat");
        Path weightsFile = courseDir.resolve("ex4weights.mat");
        assumeTrue(Files.isRegularFile(dataFile) && Files.isRegularFile(weightsFile),
                "the course's ex4data1.mat and ex4weights.mat are not in " + courseDir);
        Dataset data = MatReader.readDataset(dataFile);
        Network network = MatReader.readWeights(weightsFile);
        assertEquals(5000, data.size());
        CostFunction cost = CostFunction.standard();
        assertEquals(PUBLISHED_COST_LAMBDA_0, cost.evaluate(network, data.pixels(), data.labels(), data.size(), 0, null),
                PUBLISHED_TOLERANCE);
        assertEquals(PUBLISHED_COST_LAMBDA_1, cost.evaluate(network, data.pixels(), data.labels(), data.size(), 1, null),
                PUBLISHED_TOLERANCE);
    }

    @Test
    void datasetLoaderOpensMatFiles() throws Exception {
        assertArrayEquals(MatReader.readDataset(DATA).pixels(), DatasetLoader.load(DATA).pixels());
    }

    @Test
    void missingVariablesAreNamed() {
        Path missingY = FIXTURES.resolve("missing-y.mat");
        assertRejects(() -> MatReader.readDataset(missingY), missingY, "y", "variable is missing (the file holds X)");
        Path missingTheta1 = FIXTURES.resolve("missing-theta1.mat");
        assertRejects(() -> MatReader.readWeights(missingTheta1), missingTheta1, "Theta1", "variable is missing");
        assertRejects(() -> MatReader.readWeights(DATA), DATA, "Theta1", "variable is missing (the file holds X, y)");
    }

    @Test
    void wrongShapesAreRejected() {
        Path x = FIXTURES.resolve("x-wrong-shape.mat");
        assertRejects(() -> MatReader.readDataset(x), x, "X", "is 6x399, expected samples x (side*side)");
        Path y = FIXTURES.resolve("y-wrong-length.mat");
        assertRejects(() -> MatReader.readDataset(y), y, "y", "is 3x1, expected 6x1");
        Path theta1 = FIXTURES.resolve("theta1-wrong-shape.mat");
        assertRejects(() -> MatReader.readWeights(theta1), theta1, "Theta1", "is 25x400");
        Path theta2 = FIXTURES.resolve("theta2-wrong-shape.mat");
        assertRejects(() -> MatReader.readWeights(theta2), theta2, "Theta2", "is 10x25, expected 10x26");
    }

    @Test
    void wrongTypesAndValuesAreRejected() {
        Path text = FIXTURES.resolve("x-is-text.mat");
        assertRejects(() -> MatReader.readDataset(text), text, "X", "expected a real numeric matrix");
        Path classOutOfRange = FIXTURES.resolve("y-out-of-range.mat");
        assertRejects(() -> MatReader.readDataset(classOutOfRange), classOutOfRange, "y(3)", "11.0 is not a class number 1..10");
        Path notInteger = FIXTURES.resolve("y-not-integer.mat");
        assertRejects(() -> MatReader.readDataset(notInteger), notInteger, "y(2)", "2.5 is not a class number");
        Path nan = FIXTURES.resolve("x-not-finite.mat");
        assertRejects(() -> MatReader.readDataset(nan), nan, "X(3,7)", "NaN is not a pixel value");
        Path tooBright = FIXTURES.resolve("x-out-of-range.mat");
        assertRejects(() -> MatReader.readDataset(tooBright), tooBright, "X(2,5)", "3.0 is not a pixel value in [-0.5, 1.5]");
    }

    @Test
    void notAMatFileIsRejected() throws IOException {
        Path csv = dir.resolve("data.mat");
        Files.writeString(csv, "1,0,0,1\n".repeat(40));
        assertRejects(() -> MatReader.readDataset(csv), csv, null, "is not a readable MATLAB level 5");
        Path tiny = dir.resolve("tiny.mat");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertRejects(() -> MatReader.readWeights(tiny), tiny, null, "is not a MAT file: 3 bytes");
    }

    @Test
    void truncatedFilesAreRejectedAtEveryCut() throws IOException {
        for (Path source : List.of(DATA, DATA_V6, WEIGHTS)) {
            byte[] bytes = Files.readAllBytes(source);
            for (int cut : new int[] {200, bytes.length / 2, bytes.length - 1}) {
                Path truncated = dir.resolve("cut-" + cut + "-" + source.getFileName());
                Files.write(truncated, Arrays.copyOf(bytes, cut));
                if (source == WEIGHTS) {
                    assertRejects(() -> MatReader.readWeights(truncated), truncated, null, "truncated");
                } else {
                    assertRejects(() -> MatReader.readDataset(truncated), truncated, null, "truncated");
                }
            }
        }
    }

    /** λ = 0 and λ = 1 costs from course-costs.txt. */
    private static double[] octaveCosts() throws IOException {
        double[] costs = new double[2];
        for (String line : Files.readAllLines(FIXTURES.resolve("course-costs.txt"))) {
            if (line.startsWith("lambda=0 ")) {
                costs[0] = Double.parseDouble(line.substring("lambda=0 ".length()).trim());
            } else if (line.startsWith("lambda=1 ")) {
                costs[1] = Double.parseDouble(line.substring("lambda=1 ".length()).trim());
            }
        }
        return costs;
    }
}
