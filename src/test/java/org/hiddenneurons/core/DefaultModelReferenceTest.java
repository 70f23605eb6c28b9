package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled model's J and gradients on the digits sheet's train split, computed by the app
 * (sheet through the data package's loader, model through the model file reader, the model's named
 * preprocessing steps applied as {@code cost} applies them) against NumPy (scripts/model_reference.py,
 * from the sheet decoded without ImageIO, its own deskew and the app's CSV export).
 * After retraining assets/default-model.json, rerun {@code python3 scripts/model_reference.py}.
 */
class DefaultModelReferenceTest {

    /** Relative to |J|, and to the largest |entry| of each gradient matrix. */
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final Path MODEL = Path.of("assets/default-model.json");

    @ParameterizedTest(name = "lambda {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void costAndGradientsOfTheBundledModelMatchNumPy(double lambda) throws IOException, DataFormatException {
        JsonNode expected = referenceCase(lambda);
        SavedModel saved = ModelFile.load(MODEL);
        Network network = saved.network();
        // The split as the model sees it: its named preprocessing steps (deskewing) applied.
        Dataset train = saved.prepare(DigitsImage.loadBundled().standardSplit().train());
        assertEquals(expected.get("samples").asInt(), train.size());
        Gradients gradients = new Gradients(network.spec());
        double cost = CostFunction.standard().evaluate(network, train.pixels(), train.labels(), train.size(), lambda,
                gradients);
        double expectedCost = expected.get("cost").asDouble();
        assertEquals(expectedCost, cost, RELATIVE_TOLERANCE * Math.abs(expectedCost), "J");
        assertClose(expected.get("theta1Gradient"), gradients.theta1Gradient(), "dJ/dΘ1");
        assertClose(expected.get("theta2Gradient"), gradients.theta2Gradient(), "dJ/dΘ2");
    }

    private static JsonNode referenceCase(double lambda) throws IOException {
        try (InputStream in = DefaultModelReferenceTest.class.getResourceAsStream(
                "/reference/default_model_reference.json")) {
            assertNotNull(in, "run python3 scripts/model_reference.py");
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("lambda").asDouble() == lambda) {
                    return c;
                }
            }
        }
        throw new AssertionError("no reference case for lambda " + lambda);
    }

    private static void assertClose(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " size");
        double largest = 0;
        for (JsonNode v : expected) {
            largest = Math.max(largest, Math.abs(v.asDouble()));
        }
        assertTrue(largest > 0, what + " is not all zero");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).asDouble(), actual[i], RELATIVE_TOLERANCE * largest, what + "[" + i + "]");
        }
    }
}
