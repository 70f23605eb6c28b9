package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.WeightBuffers;
import org.junit.jupiter.api.Test;

/**
 * A training snapshot's weights cannot be changed by whoever holds the snapshot (issue 18 §5):
 * every public method of {@link Network} that hands out an array, a matrix or buffers is called on
 * a snapshot's network, everything it hands out is overwritten, and the snapshot must still hold
 * the weights it was published with. The methods are found by reflection, so an accessor added
 * later is covered too; a method handing out a type this test does not know how to write fails it.
 */
class SnapshotWeightsTest {

    /** Written into everything an accessor hands out; no trained weight has this value. */
    private static final double SCRIBBLE = 1e9;

    @Test
    void noPublicAccessorOfASnapshotsNetworkLetsItsWeightsBeWritten() throws Exception {
        Trainer trainer = TrainingFixtures.trainer(TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 2));
        TrainingSnapshot snapshot = trainer.run();
        Network network = snapshot.network();
        double[] theta1 = expectedTheta1(network);
        double[] theta2 = expectedTheta2(network);
        double[] probe = TrainingFixtures.test().sample(0);
        double[] prediction = network.predict(probe);

        List<String> written = new ArrayList<>();
        for (Method method : Network.class.getMethods()) {
            if (method.getDeclaringClass() != Network.class || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Class<?> type = method.getReturnType();
            if (type.isPrimitive() || type == String.class || type == NetworkSpec.class) {
                continue; // values: nothing to write into
            }
            Object handedOut = method.invoke(network, arguments(method, network.spec()));
            if (scribble(handedOut)) {
                written.add(method.getName());
            } else if (type != Network.class && !type.isRecord()) {
                fail(method + " hands out a " + type.getName() + " that this test cannot try to write");
            }
        }

        assertTrue(written.containsAll(List.of("theta1Copy", "theta2Copy", "copyTheta1Into", "copyTheta2Into",
                "theta1Matrix", "theta2Matrix", "theta1Row", "mutableCopy")), "accessors tried: " + written);
        assertArrayEquals(theta1, expectedTheta1(network), "Θ1 changed through one of " + written);
        assertArrayEquals(theta2, expectedTheta2(network), "Θ2 changed through one of " + written);
        assertArrayEquals(prediction, network.predict(probe));
        assertArrayEquals(theta1, snapshot.network().copy().theta1Copy());
    }

    @Test
    void theArraysANetworkIsBuiltFromAreCopied() {
        Network network = TrainingFixtures.trainer(TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 1))
                .run().network();
        double[] theta1 = network.theta1Copy();
        double[] theta2 = network.theta2Copy();
        Network built = new Network(network.spec(), theta1, theta2);
        Arrays.fill(theta1, SCRIBBLE);
        Arrays.fill(theta2, SCRIBBLE);
        assertArrayEquals(network.theta1Copy(), built.theta1Copy());
        assertArrayEquals(network.theta2Copy(), built.theta2Copy());
    }

    @Test
    void aViewFollowsItsBuffersAndItsCopyDoesNot() {
        Network start = TrainingFixtures.network(TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 1));
        WeightBuffers buffers = start.mutableCopy();
        Network view = buffers.view();
        Network frozen = view.copy();
        double before = start.theta1(0);
        buffers.theta1()[0] = before + 1.0;
        assertEquals(before + 1.0, view.theta1(0));
        assertEquals(before, frozen.theta1(0));
        assertEquals(before, start.theta1(0));
        assertEquals(before + 1.0, buffers.toNetwork().theta1(0));
    }

    /** Θ1 read one element at a time: independent of the bulk accessors under test. */
    private static double[] expectedTheta1(Network network) {
        NetworkSpec spec = network.spec();
        double[] values = new double[spec.hiddenSize() * (spec.inputSize() + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = network.theta1(i);
        }
        return values;
    }

    private static double[] expectedTheta2(Network network) {
        NetworkSpec spec = network.spec();
        double[] values = new double[spec.outputSize() * (spec.hiddenSize() + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = network.theta2(i);
        }
        return values;
    }

    /** Arguments for an accessor: index 0 for an int, a destination of the right length for an array. */
    private static Object[] arguments(Method method, NetworkSpec spec) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == int.class) {
                arguments[i] = 0;
            } else if (types[i] == double[].class) {
                arguments[i] = new double[method.getName().contains("Theta2")
                        ? spec.outputSize() * (spec.hiddenSize() + 1)
                        : method.getName().contains("Theta1") ? spec.hiddenSize() * (spec.inputSize() + 1)
                        : spec.inputSize()];
            } else {
                fail(method + " takes a " + types[i].getName() + " that this test does not supply");
            }
        }
        return arguments;
    }

    /** Overwrites what an accessor handed out; false if it is not an array, matrix or buffers. */
    private static boolean scribble(Object handedOut) {
        if (handedOut instanceof double[] values) {
            Arrays.fill(values, SCRIBBLE);
        } else if (handedOut instanceof DMatrixRMaj matrix) {
            Arrays.fill(matrix.data, SCRIBBLE);
        } else if (handedOut instanceof WeightBuffers buffers) {
            Arrays.fill(buffers.theta1(), SCRIBBLE);
            Arrays.fill(buffers.theta2(), SCRIBBLE);
        } else {
            return false;
        }
        return true;
    }
}
