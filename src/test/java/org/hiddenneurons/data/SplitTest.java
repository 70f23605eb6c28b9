package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static Dataset numbered(int count) {
        Random random = new Random(42);
        double[] pixels = new double[count * 2];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            pixels[2 * i] = i;
            pixels[2 * i + 1] = random.nextDouble();
            labels[i] = i % 3;
        }
        return new Dataset("numbered", 2, 1, 3, pixels, labels);
    }

    @Test
    void wholeUndoesTheStandardSplitInTheOriginalOrder() {
        for (int count : new int[] {5, 12, 23}) {
            Dataset all = numbered(count);
            Split split = Split.standard(all);
            assertTrue(split.isStandard());
            Dataset whole = split.whole();
            assertArrayEquals(all.pixels(), whole.pixels(), 0.0, count + " samples");
            assertArrayEquals(all.labels(), whole.labels());
            assertEquals("numbered", whole.name());
        }
    }

    @Test
    void wholeOfSeparateFilesIsTrainThenTest() {
        Dataset train = numbered(4);
        Dataset test = numbered(2);
        Split split = Split.separateTestFile(train, test);
        Dataset whole = split.whole();
        assertEquals(6, whole.size());
        assertEquals(0.0, whole.pixels()[2 * 4], 0.0, "test sample 0 follows the 4 train samples");
        assertTrue(split.describe().endsWith("(4 train / 2 test)"), split.describe());
    }
}
