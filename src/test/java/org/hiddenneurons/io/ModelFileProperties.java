package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;

class ModelFileProperties {

    /** Any finite weights of any shape survive write → read bit for bit. */
    @Property(tries = 200)
    void anyFiniteNetworkRoundTripsBitExact(@ForAll @IntRange(min = 1, max = 6) int width,
                                            @ForAll @IntRange(min = 1, max = 6) int height,
                                            @ForAll @IntRange(min = 1, max = 9) int hidden,
                                            @ForAll @IntRange(min = 2, max = 12) int outputs,
                                            @ForAll Activation activation, @ForAll OutputLayer outputLayer,
                                            @ForAll long seed) throws Exception {
        NetworkSpec spec = new NetworkSpec(width, height, hidden, outputs, activation, outputLayer);
        Random random = new Random(seed);
        double[] theta1 = new double[hidden * (width * height + 1)];
        double[] theta2 = new double[outputs * (hidden + 1)];
        fillFinite(theta1, random);
        fillFinite(theta2, random);
        SavedModel model = new SavedModel(new Network(spec, theta1, theta2), null, "n", "", random.nextInt(1000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(bytes, model);
        SavedModel loaded = ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), "property");
        assertEquals(spec, loaded.network().spec());
        assertArrayEquals(theta1, loaded.network().theta1Copy());
        assertArrayEquals(theta2, loaded.network().theta2Copy());
        assertEquals(model.epochs(), loaded.epochs());
    }

    /** Any finite double: random bit patterns (NaN/Inf exponents excluded) and ordinary weights. */
    private static void fillFinite(double[] values, Random random) {
        for (int i = 0; i < values.length; i++) {
            double value = random.nextBoolean() ? random.nextGaussian()
                    : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            values[i] = random.nextBoolean() ? value : -value;
        }
    }
}
