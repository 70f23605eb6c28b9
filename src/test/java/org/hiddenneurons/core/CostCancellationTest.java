package org.hiddenneurons.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * The cancel hook of the cost evaluations: {@link BatchedCostFunction} polls it before each block
 * of examples and stops at the first true (no further block is computed); without a cancel the
 * result is bit-identical to the plain call.
 */
class CostCancellationTest {

    /** 20×20 inputs: {@code blockRows(400)} = 32 examples per block. */
    private static final int EXAMPLES = 320;

    private final Network network = Initializer.UNIFORM.initialize(NetworkSpec.DEFAULT, new Random(42));
    private final double[] inputs = new double[EXAMPLES * 400];
    private final int[] labels = new int[EXAMPLES];

    CostCancellationTest() {
        Random random = new Random(42);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextDouble();
        }
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = random.nextInt(10);
        }
    }

    /** Returns true from its {@code trueFrom}-th poll on, counting polls. */
    private static final class CountingCancel implements BooleanSupplier {
        final AtomicInteger polls = new AtomicInteger();
        final int trueFrom;

        CountingCancel(int trueFrom) {
            this.trueFrom = trueFrom;
        }

        @Override
        public boolean getAsBoolean() {
            return polls.incrementAndGet() >= trueFrom;
        }
    }

    @Test
    void aCancelIsSeenBeforeTheNextBlockAndNothingMoreIsComputed() {
        BatchedCostFunction cost = new BatchedCostFunction(Kernels.best(), 1);
        int blocks = EXAMPLES / BatchedCostFunction.blockRows(400);
        CountingCancel cancel = new CountingCancel(4);
        assertThrows(CancellationException.class, () -> cost.evaluate(network, inputs, labels, EXAMPLES, 1.0,
                new Gradients(network.spec()), cancel));
        assertEquals(4, cancel.polls.get(), "polled once per block, stopped at the first true");

        CountingCancel never = new CountingCancel(Integer.MAX_VALUE);
        cost.evaluate(network, inputs, labels, EXAMPLES, 1.0, new Gradients(network.spec()), never);
        assertEquals(blocks, never.polls.get(), "one poll per block");
    }

    @Test
    void anUncancelledEvaluationMatchesThePlainOne() {
        BatchedCostFunction cost = BatchedCostFunction.fastest();
        Gradients plain = new Gradients(network.spec());
        Gradients polled = new Gradients(network.spec());
        double expected = cost.evaluate(network, inputs, labels, EXAMPLES, 1.0, plain);
        double actual = cost.evaluate(network, inputs, labels, EXAMPLES, 1.0, polled, () -> false);
        assertEquals(expected, actual, 0.0);
        assertArrayEquals(plain.theta1Gradient(), polled.theta1Gradient(), 0.0);
    }

    @Test
    void theDefaultHookChecksBeforeAndAfterAnyCostFunction() {
        CostFunction reference = ReferenceCostFunction.INSTANCE;
        assertThrows(CancellationException.class, () -> reference.evaluate(network, inputs, labels, EXAMPLES, 1.0,
                null, () -> true));
        CountingCancel cancel = new CountingCancel(Integer.MAX_VALUE);
        reference.evaluate(network, inputs, labels, EXAMPLES, 1.0, null, cancel);
        assertEquals(2, cancel.polls.get());
    }
}
