package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.InputBlur;
import org.junit.jupiter.api.Test;

/** One deskewed copy per data set in use, shared by every caller of {@link TrainingConfig#prepare}. */
class DeskewedCopiesTest {

    private static final double TOLERANCE = 0.0; // the copy is Deskew's own output, bit for bit

    private static Dataset random(String name, int count, long seed) {
        Random random = new Random(seed);
        double[] pixels = new double[count * 400];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble() < 0.2 ? random.nextDouble() : 0.0;
        }
        int[] labels = new int[count];
        return new Dataset(name, 20, 20, 10, pixels, labels);
    }

    @Test
    void theSameDataSetIsPreparedOnceAndEqualsDeskewAppliedDirectly() {
        Dataset raw = random("raw", 12, 42);
        TrainingConfig deskew = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
        Dataset first = deskew.prepare(raw);
        assertSame(first, deskew.withSeed(7).prepare(raw), "a second caller (the trainer) gets the same copy");
        Dataset direct = Deskew.apply(raw);
        assertNotSame(direct, first);
        assertEquals(raw.size(), first.size());
        for (int i = 0; i < raw.size(); i++) {
            assertArrayEquals(direct.sample(i), first.sample(i), TOLERANCE);
        }
    }

    @Test
    void anotherDataSetGetsItsOwnCopyAndEarlierOnesAreKept() {
        TrainingConfig deskew = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
        Dataset train = random("train", 8, 1);
        Dataset test = random("test", 4, 2);
        Dataset preparedTrain = deskew.prepare(train);
        Dataset preparedTest = deskew.prepare(test);
        assertNotSame(preparedTrain, preparedTest);
        assertSame(preparedTrain, deskew.prepare(train), "train and test of one split are both kept");
        assertSame(test, TrainingConfig.defaults().withDeskew(false).withInputBlur(0.0).prepare(test));
    }

    @Test
    void aBlurringConfigGetsItsOwnSharedCopyDeskewedThenBlurred() {
        Dataset raw = random("raw", 6, 3);
        TrainingConfig deskew = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.0);
        TrainingConfig blurring = deskew.withInputBlur(0.6);
        Dataset blurred = blurring.prepare(raw);
        assertSame(blurred, blurring.withSeed(7).prepare(raw), "a second caller gets the same blurred copy");
        assertNotSame(blurred, deskew.prepare(raw), "the plain deskewed copy is another one");
        Dataset direct = InputBlur.apply(Deskew.apply(raw), 0.6);
        for (int i = 0; i < raw.size(); i++) {
            assertArrayEquals(direct.sample(i), blurred.sample(i), TOLERANCE);
        }
    }

    @Test
    void aDataSetOfLevelsIsPreparedAsEachOfItsImagesIsOnItsOwn() {
        // The data set path reads each image through a one-image buffer and blurs the one copy in
        // place; the image path (a drawing's) deskews into a new array and blurs that. Same doubles.
        Random random = new Random(5);
        byte[] levels = new byte[9 * 400];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextDouble() < 0.25 ? (byte) random.nextInt(256) : 0;
        }
        Dataset raw = Dataset.ofLevels("levels", 20, 20, 10, levels, new int[9]);
        TrainingConfig blurring = TrainingConfig.defaults().withDeskew(true).withInputBlur(0.6);
        Dataset prepared = blurring.prepare(raw);
        for (int i = 0; i < raw.size(); i++) {
            assertArrayEquals(blurring.prepare(raw.sample(i), 20, 20), prepared.sample(i), TOLERANCE, "image " + i);
        }
    }
}
