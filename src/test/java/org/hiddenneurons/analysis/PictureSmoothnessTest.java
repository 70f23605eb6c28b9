package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.io.ModelFile;
import org.junit.jupiter.api.Test;

class PictureSmoothnessTest {

    private static final double TOLERANCE = 1e-12;
    /**
     * {@code python3 scripts/picture_smoothness.py src/test/resources/io/model-v1.json} (NumPy's
     * corrcoef on the pooled pairs): a 3×2 picture, so swapping x and y would change the value.
     */
    private static final double MODEL_V1_SMOOTHNESS_NUMPY = -0.180921647159817;
    /** The script prints 15 decimals. */
    private static final double SCRIPT_PRECISION = 1e-14;

    /**
     * One 2×2 unit with picture [[1, 2], [3, 4]]: pairs (1,2), (3,4) horizontally and (1,3), (2,4)
     * vertically; a = (1,3,1,2), b = (2,4,3,4); centred sums Σab = 2.25, Σa² = Σb² = 2.75, so
     * r = 2.25 / 2.75 = 9/11 (by hand).
     */
    @Test
    void pooledPearsonOfAdjacentPairsMatchesHandComputedValue() {
        Network network = network(2, 2, new double[] {
            5.0, 1, 2, 3, 4, // the bias 5 is not part of the picture
            -5.0, 1, 2, 3, 4});
        assertEquals(9.0 / 11.0, PictureSmoothness.unit(network, 0), TOLERANCE);
        assertEquals(9.0 / 11.0, PictureSmoothness.of(network), TOLERANCE);
    }

    @Test
    void checkerboardIsMinusOneAndConstantPictureIsZero() {
        Network network = network(3, 3, new double[] {
            0, 1, -1, 1, -1, 1, -1, 1, -1, 1,
            0, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        assertEquals(-1.0, PictureSmoothness.unit(network, 0), TOLERANCE);
        assertEquals(0.0, PictureSmoothness.unit(network, 1), TOLERANCE);
        assertEquals(-0.5, PictureSmoothness.of(network), TOLERANCE);
    }

    @Test
    void matchesNumPyOnTheVersionOneModelFixture() throws Exception {
        try (InputStream in = PictureSmoothnessTest.class.getResourceAsStream("/io/model-v1.json")) {
            Network network = ModelFile.read(in, "model-v1.json").network();
            assertEquals(MODEL_V1_SMOOTHNESS_NUMPY, PictureSmoothness.of(network), SCRIPT_PRECISION);
        }
    }

    private static Network network(int width, int height, double[] theta1) {
        int hidden = theta1.length / (width * height + 1);
        NetworkSpec spec = new NetworkSpec(width, height, hidden, 2, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        return new Network(spec, theta1, new double[2 * (hidden + 1)]);
    }
}
