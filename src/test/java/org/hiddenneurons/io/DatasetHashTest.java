package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.hiddenneurons.data.Dataset;
import org.junit.jupiter.api.Test;

class DatasetHashTest {

    /**
     * Computed independently with Python from the documented byte layout:
     * {@code hashlib.sha256(struct.pack('>iiii',2,1,3,2) + struct.pack('>4d',0.0,0.5,1.0,0.25)
     * + struct.pack('>2i',2,0)).hexdigest()}.
     */
    private static final String TINY_SHA256 = "19e084902beb43a77ded84cfe46f61d37034690a8097530dcaf1a6306095cb2e";

    private static Dataset tiny(String name) {
        return new Dataset(name, 2, 1, 3, new double[] {0.0, 0.5, 1.0, 0.25}, new int[] {2, 0});
    }

    @Test
    void hashFollowsTheDocumentedByteLayout() {
        assertEquals(TINY_SHA256, DatasetHash.sha256(tiny("tiny")));
    }

    @Test
    void nameIsNotPartOfTheHash() {
        assertEquals(DatasetHash.sha256(tiny("a.csv")), DatasetHash.sha256(tiny("b.png")));
    }

    @Test
    void anyPixelOrLabelChangeChangesTheHash() {
        Random random = new Random(42);
        int width = 20;
        int height = 20;
        int samples = 300; // several hash chunks
        double[] pixels = new double[samples * width * height];
        int[] labels = new int[samples];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble();
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(10);
        }
        String original = DatasetHash.sha256(new Dataset("d", width, height, 10, pixels, labels));
        assertEquals(64, original.length());
        double[] changedPixels = pixels.clone();
        changedPixels[pixels.length - 1] = Math.nextUp(changedPixels[pixels.length - 1]);
        assertNotEquals(original, DatasetHash.sha256(new Dataset("d", width, height, 10, changedPixels, labels)));
        int[] changedLabels = labels.clone();
        changedLabels[samples - 1] = (changedLabels[samples - 1] + 1) % 10;
        assertNotEquals(original, DatasetHash.sha256(new Dataset("d", width, height, 10, pixels, changedLabels)));
        assertNotEquals(original, DatasetHash.sha256(new Dataset("d", height * 2, width / 2, 10, pixels, labels)));
    }
}
