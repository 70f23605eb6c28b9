package org.hiddenneurons.core.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.io.handout.NumberTable;
import org.hiddenneurons.io.handout.Quantity;
import org.hiddenneurons.io.handout.StepContent;
import org.hiddenneurons.io.handout.WalkthroughTables;
import org.hiddenneurons.io.handout.WalkthroughTexts;
import org.hiddenneurons.train.GradientDescent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WalkthroughTest {

    /** The walkthrough's Δ and update must equal the core's to this (same arithmetic, other order). */
    private static final double TOLERANCE = 1e-12;
    /** Central differences with ε = 1e-4 agree with backprop to about ε² relative. */
    private static final double GRADIENT_CHECK_TOLERANCE = 1e-6;
    private static final double LAMBDA = 0.3;
    private static final double ALPHA = 0.7;

    static Stream<Arguments> specs() {
        Stream.Builder<Arguments> specs = Stream.builder();
        for (Activation g : Activation.values()) {
            for (OutputLayer output : OutputLayer.values()) {
                specs.add(Arguments.of(new NetworkSpec(5, 4, 6, 4, g, output)));
            }
        }
        specs.add(Arguments.of(NetworkSpec.DEFAULT));
        return specs.build();
    }

    private static Walkthrough walk(NetworkSpec spec, Random random) {
        Network network = WalkthroughFixtures.randomNetwork(spec, random, 0.3);
        double[] input = WalkthroughFixtures.randomInput(spec, random);
        return Walkthrough.of(network, input, random.nextInt(spec.outputSize()), LAMBDA, ALPHA);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void deltasEqualTheCoreGradientOfOneExampleWithoutRegularisation(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED));
        Gradients core = new Gradients(spec);
        CostFunction.standard().evaluate(w.network(), w.input(), new int[] {w.label()}, 1, 0.0, core);
        assertArrayEquals(core.theta1Gradient(), w.bigDelta1(), TOLERANCE);
        assertArrayEquals(core.theta2Gradient(), w.bigDelta2(), TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientIsDeltaPlusLambdaThetaOutsideTheBiasColumn(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED + 1));
        int columns = spec.inputSize() + 1;
        double[] theta1 = w.network().theta1Copy();
        double[] delta1 = w.bigDelta1();
        double[] gradient1 = w.gradient1();
        for (int i = 0; i < theta1.length; i++) {
            double regularisation = i % columns == 0 ? 0.0 : LAMBDA * theta1[i];
            assertEquals(delta1[i] + regularisation, gradient1[i], TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void updateEqualsOneGradientDescentStepOfTheCore(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED + 2));
        WeightBuffers trained = w.network().mutableCopy();
        Gradients gradients = new Gradients(spec);
        double[] input = w.input();
        int[] labels = {w.label()};
        GradientDescent descent = new GradientDescent(ALPHA);
        descent.initialize(new double[][] {trained.theta1(), trained.theta2()},
                new double[][] {gradients.theta1Gradient(), gradients.theta2Gradient()});
        double costAfter = descent.step(() -> CostFunction.standard().evaluate(trained.view(), input, labels, 1, LAMBDA,
                gradients));
        assertArrayEquals(trained.theta1(), w.networkAfter().theta1Copy(), TOLERANCE);
        assertArrayEquals(trained.theta2(), w.networkAfter().theta2Copy(), TOLERANCE);
        assertEquals(costAfter, w.costAfter(), TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void costIsDataTermPlusRegularisationWithMOne(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED + 3));
        assertEquals(w.cost(), w.dataCost() + w.regularisation(), TOLERANCE * Math.max(1, w.cost()));
        double termSum = 0;
        for (double term : w.costTerms()) {
            termSum += term;
        }
        assertEquals(w.dataCost(), termSum, TOLERANCE);
    }

    @Test
    void forwardNumbersAreTheNetworksOwn() {
        Walkthrough w = walk(NetworkSpec.DEFAULT, new Random(WalkthroughFixtures.SEED));
        ForwardPass expected = w.network().forward(w.input());
        assertArrayEquals(expected.z2(), w.pass().z2());
        assertArrayEquals(expected.a3(), w.pass().a3());
        double[] delta3 = w.delta3();
        for (int k = 0; k < delta3.length; k++) {
            assertEquals(expected.a3()[k] - (k == w.label() ? 1 : 0), delta3[k]);
        }
    }

    @Test
    void theUpdateLowersThisExamplesCostForASmallStep() {
        Random random = new Random(WalkthroughFixtures.SEED);
        Network network = WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        Walkthrough w = Walkthrough.of(network, WalkthroughFixtures.randomInput(NetworkSpec.DEFAULT, random), 3,
                Walkthrough.DEFAULT_LAMBDA, 0.01);
        assertTrue(w.costAfter() < w.cost(), w.costAfter() + " < " + w.cost());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientCheckAgreesWithBackpropOnWeightsOfBothLayers(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED + 4));
        double[] input = w.input();
        int inkPixel = 0;
        while (input[inkPixel] == 0) {
            inkPixel++;
        }
        int unit = strongestSlope(w);
        for (WeightRef weight : List.of(new WeightRef(1, unit, 1 + inkPixel), new WeightRef(1, unit, 0),
                new WeightRef(2, 1, 1 + unit), new WeightRef(2, 0, 0))) {
            GradientCheckResult result = w.gradientCheck(weight);
            assertTrue(result.relativeDifference() < GRADIENT_CHECK_TOLERANCE, weight + ": " + result);
            assertEquals(result.backprop(), (weight.layer() == 1 ? w.gradient1() : w.gradient2())[weight.index(spec)]);
            assertNotEquals(0.0, result.numerical(), weight.toString());
        }
    }

    /** A hidden unit whose g′ is clearly non-zero (ReLU units can be dead). */
    private static int strongestSlope(Walkthrough w) {
        double[] slope = w.slope();
        int best = 0;
        for (int j = 1; j < slope.length; j++) {
            if (Math.abs(slope[j] * w.delta2()[j]) > Math.abs(slope[best] * w.delta2()[best])) {
                best = j;
            }
        }
        return best;
    }

    @Test
    void gradientCheckLeavesTheNetworkUnchanged() {
        Walkthrough w = walk(NetworkSpec.DEFAULT, new Random(WalkthroughFixtures.SEED));
        double[] before = w.network().theta1Copy();
        w.gradientCheck(new WeightRef(1, 3, 17));
        assertArrayEquals(before, w.network().theta1Copy());
    }

    @Test
    void theWalkthroughNeverModifiesTheCallersNetworkOrInput() {
        Random random = new Random(WalkthroughFixtures.SEED);
        Network network = WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.3);
        double[] input = WalkthroughFixtures.randomInput(NetworkSpec.DEFAULT, random);
        Network copy = network.copy();
        double[] inputCopy = input.clone();
        Walkthrough w = Walkthrough.of(network, input, 4, LAMBDA, ALPHA);
        w.gradientCheck(new WeightRef(2, 4, 0));
        assertArrayEquals(copy.theta1Copy(), network.theta1Copy());
        assertArrayEquals(copy.theta2Copy(), network.theta2Copy());
        assertArrayEquals(inputCopy, input);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyStepHasAFormulaShapesCaptionTablesAndUniquelyNamedNumbers(NetworkSpec spec) {
        Walkthrough w = walk(spec, new Random(WalkthroughFixtures.SEED));
        Set<String> names = new HashSet<>();
        for (WalkthroughStep step : WalkthroughStep.values()) {
            StepContent content = WalkthroughTexts.content(w, step, Locale.ENGLISH);
            assertFalse(content.formula().isBlank(), step.toString());
            assertFalse(content.shapes().isBlank(), step.toString());
            assertFalse(content.caption().isBlank(), step.toString());
            assertFalse(content.quantities().isEmpty(), step.toString());
            for (Quantity quantity : content.quantities()) {
                assertTrue(names.add(quantity.name()), "duplicate " + quantity.name());
            }
            List<NumberTable> tables = WalkthroughTables.tables(w, step, spec.hiddenSize() - 1, Locale.ENGLISH);
            assertFalse(tables.isEmpty(), step.toString());
            assertTrue(tables.stream().anyMatch(t -> t.columns().stream().anyMatch(NumberTable.Column::changed)),
                    step + " highlights what it computed");
        }
    }

    @Test
    void formulasFollowTheNetworksOutputAndActivation() {
        Random random = new Random(WalkthroughFixtures.SEED);
        NetworkSpec softmaxTanh = new NetworkSpec(5, 4, 6, 4, Activation.TANH, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        Walkthrough softmax = walk(softmaxTanh, random);
        // The true digit is c (y is one-hot), never "a³_y"; the sums name their indices and start at 1 (no bias).
        String cost = WalkthroughTexts.content(softmax, WalkthroughStep.COST, Locale.ENGLISH).formula();
        assertTrue(cost.contains("-\\log a^{3}_{c}"), cost);
        assertFalse(cost.contains("a^{3}_{y}"), cost);
        assertTrue(cost.contains("\\sum_{j=1}^{6}\\sum_{i=1}^{20}(\\Theta^{1}_{ji})^{2}"), cost);
        assertTrue(cost.contains("\\sum_{k=0}^{3}\\sum_{j=1}^{6}(\\Theta^{2}_{kj})^{2}"), cost);
        assertTrue(WalkthroughTexts.content(softmax, WalkthroughStep.OUTPUT_ACTIVATION, Locale.ENGLISH).formula().contains("\\sum_{l=0}^{3} e^{z^{3}_{l}}"));
        assertTrue(WalkthroughTexts.content(softmax, WalkthroughStep.HIDDEN_ACTIVATION, Locale.ENGLISH).formula().contains("\\tanh"));
        assertTrue(WalkthroughTexts.content(softmax, WalkthroughStep.HIDDEN_ERROR, Locale.ENGLISH).formula().contains("1 - \\tanh^{2} z"));
        Walkthrough sigmoid = walk(NetworkSpec.DEFAULT, random);
        assertTrue(WalkthroughTexts.content(sigmoid, WalkthroughStep.COST, Locale.ENGLISH).formula().contains("(1 - y_{k})\\log(1 - a^{3}_{k})"));
        assertTrue(WalkthroughTexts.content(sigmoid, WalkthroughStep.COST, Locale.ENGLISH).formula().contains("m = 1"));
        // The output sigmoid is σ; g names the hidden activation only.
        String output = WalkthroughTexts.content(sigmoid, WalkthroughStep.OUTPUT_ACTIVATION, Locale.ENGLISH).formula();
        assertTrue(output.contains("\\sigma(z^{3})"), output);
        assertFalse(output.contains("g("), output);
        // Pixel i is x_i = a¹_i in the input and in the weighted sum: one convention.
        assertTrue(WalkthroughTexts.content(sigmoid, WalkthroughStep.INPUT, Locale.ENGLISH).formula().contains("a^{1}_{i} = x_{i}"));
        assertTrue(WalkthroughTexts.content(sigmoid, WalkthroughStep.HIDDEN_SUM, Locale.ENGLISH).formula().contains("\\sum_{i=1}^{400} \\Theta^{1}_{ji}\\, x_{i}"));
    }

    @Test
    void theHiddenErrorCaptionSpeaksOfAGateForReluAndOfSaturationOtherwise() {
        Random random = new Random(WalkthroughFixtures.SEED);
        for (Activation g : Activation.values()) {
            NetworkSpec spec = new NetworkSpec(5, 4, 6, 4, g, OutputLayer.SOFTMAX_CROSS_ENTROPY);
            String caption = WalkthroughTexts.content(walk(spec, random), WalkthroughStep.HIDDEN_ERROR, Locale.ENGLISH).caption();
            assertEquals(g == Activation.RELU, caption.contains("on/off gate"), g + ": " + caption);
            assertEquals(g != Activation.RELU, caption.contains("saturated"), g + ": " + caption);
        }
    }

    @Test
    void rejectsAWrongInputLengthLabelOrRate() {
        Network network = WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, new Random(1), 0.1);
        assertThrows(IllegalArgumentException.class, () -> Walkthrough.of(network, new double[3], 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Walkthrough.of(network, new double[400], 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Walkthrough.of(network, new double[400], 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Walkthrough.of(network, new double[400], 0, 0, 0));
    }

    @Test
    void stepsCountFromOneAndStopAtTheEnds() {
        assertEquals(10, WalkthroughStep.values().length);
        assertEquals(WalkthroughStep.INPUT, WalkthroughStep.ofNumber(1));
        assertEquals(WalkthroughStep.INPUT, WalkthroughStep.INPUT.previous());
        assertEquals(WalkthroughStep.UPDATE, WalkthroughStep.UPDATE.next());
        assertEquals(WalkthroughStep.HIDDEN_SUM, WalkthroughStep.INPUT.next());
    }

    @Test
    void tableCopiesAsTabSeparatedTextAtFullPrecision() {
        NumberTable table = new NumberTable("t", "j", List.of("1", "2"), List.of(
                new NumberTable.Column("z", new double[] {0.1 + 0.2, Double.NaN}, true)));
        assertEquals("j\tz\n1\t0.30000000000000004\n2\t\n", table.toTabSeparated());
    }

    @Test
    void displayUsesSixSignificantDigitsAndATrueMinus() {
        assertEquals("0.123457", WalkthroughFormat.display(0.1234567));
        assertEquals("\u22121.50000", WalkthroughFormat.display(-1.5));
        assertEquals("1.23457e\u221205", WalkthroughFormat.display(0.0000123457));
        assertEquals("0", WalkthroughFormat.display(0));
        assertEquals("", WalkthroughFormat.display(Double.NaN));
    }
}
