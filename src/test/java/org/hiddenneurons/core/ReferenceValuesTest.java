package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cost and gradients against values computed by an independent NumPy program
 * (scripts/reference_values.py → reference/reference_values.json; rerun the script to regenerate).
 */
class ReferenceValuesTest {

    private static final double TOLERANCE = 1e-9;
    private static final String RESOURCE = "/reference/reference_values.json";

    static Stream<Arguments> casesAndCostFunctions() throws IOException {
        JsonNode root;
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(Arguments.of(c.get("name").asText(), c, ReferenceCostFunction.INSTANCE));
            cases.add(Arguments.of(c.get("name").asText(), c, new BatchedCostFunction(Kernels.plain(), 1)));
            cases.add(Arguments.of(c.get("name").asText(), c, new BatchedCostFunction(Kernels.vector().orElseThrow(), 2)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("casesAndCostFunctions")
    void costAndGradientsMatchNumPy(String name, JsonNode c, CostFunction cost) throws IOException {
        NetworkSpec spec = new NetworkSpec(c.get("inputWidth").asInt(), c.get("inputHeight").asInt(),
                c.get("hiddenSize").asInt(), c.get("outputSize").asInt(), Activation.fromId(c.get("activation").asText()),
                OutputLayer.fromId(c.get("output").asText()));
        int[] labels = ints(c.get("labels"));
        int count = labels.length;
        double[] inputs = inputs(c.get("inputs"), spec.inputSize(), count);
        double weightScale = name.startsWith("course") || name.startsWith("digits") ? 1.0 : 5.0;
        WeightBuffers weights = GradientCheck.debugNetwork(spec).mutableCopy();
        scale(weights.theta1(), weightScale);
        scale(weights.theta2(), weightScale);
        Network network = weights.toNetwork();
        Gradients gradients = new Gradients(spec);
        double j = cost.evaluate(network, inputs, labels, count, c.get("lambda").asDouble(), gradients);
        assertEquals(c.get("cost").asDouble(), j, TOLERANCE, name + " cost");
        assertClose(doubles(c.get("theta1Gradient")), gradients.theta1Gradient(), name + " Θ1 gradient");
        assertClose(doubles(c.get("theta2Gradient")), gradients.theta2Gradient(), name + " Θ2 gradient");
    }

    private static double[] inputs(JsonNode source, int inputSize, int count) throws IOException {
        if (source.get("kind").asText().equals("debug")) {
            double[] values = GradientCheck.debugMatrix(source.get("rows").asInt(), source.get("columns").asInt());
            scale(values, source.get("scale").asDouble());
            return values;
        }
        // Digits: through the data package's loader, so NumPy's zlib-decoded values check it too.
        Dataset sheet = DigitsImage.loadBundled();
        double[] values = new double[count * inputSize];
        int[] indices = ints(source.get("indices"));
        for (int e = 0; e < count; e++) {
            System.arraycopy(sheet.sample(indices[e]), 0, values, e * inputSize, inputSize);
        }
        return values;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, what + "[" + i + "]");
        }
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
