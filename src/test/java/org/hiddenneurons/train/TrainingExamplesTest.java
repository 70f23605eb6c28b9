package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hiddenneurons.core.BatchedCostFunction;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.kernel.Kernels;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer's forms of a data set (one array with lists of nonzero pixels; one array without, for
 * dense images; compact, decoded by block) give the same bits.
 */
class TrainingExamplesTest {

    private static Dataset digits;

    @BeforeAll
    static void load() {
        digits = DigitsImage.loadBundled().subset("first 1200", java.util.stream.IntStream.range(0, 1200).toArray());
    }

    @Test
    void theBundledDigitsAreSmallEnoughForTheDenseForm() {
        assertTrue((long) DigitsImage.loadBundled().size() * 400 * Double.BYTES <= TrainingExamples.DENSE_LIMIT_BYTES);
        assertTrue(digits.isCompact());
    }

    @Test
    void sparseImagesAreListedAndBlurredOnesReadAsRows() {
        assertTrue(new TrainingExamples(digits, true).listed(), "the sheet's digits: 25 % nonzero");
        Dataset blurred = TrainingConfig.defaults().prepare(digits);
        assertFalse(new TrainingExamples(blurred, true).listed(), "deskewed, σ 0.6 blurred: 65 % nonzero");
        assertFalse(new TrainingExamples(digits, false).listed(), "a large set is never listed");
    }

    @Test
    void blurredImagesGiveTheSameBitsAsRowsAsTheListedFormWould() {
        Dataset blurred = TrainingConfig.defaults().prepare(digits);
        TrainingExamples rows = new TrainingExamples(blurred, true);
        Network network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(7));
        BatchedCostFunction function = new BatchedCostFunction(Kernels.best(), 2);
        // The listed form's arithmetic on the same images: the index of all of them.
        NonzeroIndex all = NonzeroIndex.of(blurred.pixels(), 0, blurred.size(), blurred.inputSize());
        Gradients fromRows = new Gradients(NetworkSpec.DEFAULT);
        Gradients fromIndex = new Gradients(NetworkSpec.DEFAULT);
        assertEquals(Double.doubleToRawLongBits(
                function.evaluate(network, all, blurred.labels(), blurred.size(), 1.0, fromIndex, () -> false)),
                Double.doubleToRawLongBits(rows.cost(function, network, 1.0, fromRows, () -> false)));
        assertArrayEquals(fromIndex.theta1Gradient(), fromRows.theta1Gradient(), 0.0);
        assertArrayEquals(fromIndex.theta2Gradient(), fromRows.theta2Gradient(), 0.0);
        assertEquals(Evaluation.evaluate(function, network, all, blurred.labels(), blurred.size(), 0.0, null),
                rows.metrics(function, network, 0.0, null));
        int[] order = {5, 900, 42};
        double[] batch = new double[order.length * blurred.inputSize()];
        for (int b = 0; b < order.length; b++) {
            rows.copySample(order[b], batch, b * blurred.inputSize());
            assertArrayEquals(blurred.sample(order[b]), java.util.Arrays.copyOfRange(batch, b * blurred.inputSize(),
                    (b + 1) * blurred.inputSize()), 0.0);
        }
        assertFalse(rows.indexBatch(new NonzeroIndex(), order, 0, order.length, batch), "nothing to copy, nothing listed");
        assertTrue(new TrainingExamples(blurred, false).indexBatch(new NonzeroIndex(), order, 0, order.length, batch),
                "a large set lists its batches");
    }

    @Test
    void costMetricsAndBatchesAreTheSameInBothForms() {
        TrainingExamples dense = new TrainingExamples(digits, true);
        TrainingExamples compact = new TrainingExamples(digits, false);
        Network network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42));
        BatchedCostFunction function = new BatchedCostFunction(Kernels.best(), 2);
        for (double lambda : new double[] {0.0, 1.25}) {
            Gradients fromDense = new Gradients(NetworkSpec.DEFAULT);
            Gradients fromCompact = new Gradients(NetworkSpec.DEFAULT);
            double denseCost = dense.cost(function, network, lambda, fromDense, () -> false);
            double compactCost = compact.cost(function, network, lambda, fromCompact, () -> false);
            assertEquals(Double.doubleToRawLongBits(denseCost), Double.doubleToRawLongBits(compactCost));
            assertArrayEquals(fromDense.theta1Gradient(), fromCompact.theta1Gradient(), 0.0);
            assertArrayEquals(fromDense.theta2Gradient(), fromCompact.theta2Gradient(), 0.0);
            // The interface's default (one array) agrees as well.
            CostFunction copying = (n, x, y, m, l, out) -> function.evaluate(n, x, y, m, l, out);
            assertEquals(Double.doubleToRawLongBits(denseCost),
                    Double.doubleToRawLongBits(compact.cost(copying, network, lambda, null, () -> false)));
        }
        Evaluation.Metrics denseMetrics = dense.metrics(function, network, 0.0, null);
        Evaluation.Metrics compactMetrics = compact.metrics(function, network, 0.0, null);
        assertEquals(denseMetrics, compactMetrics);

        int[] order = {17, 3, 1199, 0, 640};
        int inputs = digits.inputSize();
        double[] denseBatch = new double[order.length * inputs];
        double[] compactBatch = new double[order.length * inputs];
        for (int b = 0; b < order.length; b++) {
            dense.copySample(order[b], denseBatch, b * inputs);
            compact.copySample(order[b], compactBatch, b * inputs);
            assertArrayEquals(digits.sample(order[b]), java.util.Arrays.copyOfRange(compactBatch, b * inputs,
                    (b + 1) * inputs), 0.0);
        }
        assertArrayEquals(denseBatch, compactBatch, 0.0);
        NonzeroIndex denseIndex = new NonzeroIndex();
        NonzeroIndex compactIndex = new NonzeroIndex();
        dense.indexBatch(denseIndex, order, 0, order.length, denseBatch);
        compact.indexBatch(compactIndex, order, 0, order.length, compactBatch);
        Gradients fromDense = new Gradients(NetworkSpec.DEFAULT);
        Gradients fromCompact = new Gradients(NetworkSpec.DEFAULT);
        int[] labels = new int[order.length];
        for (int b = 0; b < order.length; b++) {
            labels[b] = digits.label(order[b]);
        }
        double denseBatchCost = function.evaluate(network, denseIndex, labels, order.length, 1.0, fromDense, () -> false);
        double compactBatchCost = function.evaluate(network, compactIndex, labels, order.length, 1.0, fromCompact,
                () -> false);
        assertEquals(Double.doubleToRawLongBits(denseBatchCost), Double.doubleToRawLongBits(compactBatchCost));
        assertArrayEquals(fromDense.theta1Gradient(), fromCompact.theta1Gradient(), 0.0);
    }
}
