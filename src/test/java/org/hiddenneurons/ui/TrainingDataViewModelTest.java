package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

/** The training data and the merge of the user's drawings with plain JUnit. */
class TrainingDataViewModelTest {

    private static final double TOLERANCE = 0;

    private final TrainingDataViewModel data = new TrainingDataViewModel();

    @Test
    void noDataMeansNotReadyAndNothingToTrainOn() {
        assertFalse(data.dataReadyProperty().get());
        assertNull(data.trainingSplit());
        assertNull(data.trainingDataset());
    }

    @Test
    void fittingDrawingsFollowTheTrainingSamplesAndLeaveTheTestSplitAlone() {
        Split split = new Split(dataset("digits", 2, 2, new double[] {0, 0, 0, 1, 0, 0, 1, 0}, 4, 5),
                dataset("test", 2, 2, new double[] {1, 1, 1, 1}, 6));
        data.use(split);
        data.extraTrainingDataProperty().set(dataset("mine", 2, 2, new double[] {1, 0, 0, 0}, 9));

        Split merged = data.trainingSplit();
        assertTrue(data.dataReadyProperty().get());
        assertSame(split.test(), merged.test());
        assertEquals(3, merged.train().size());
        assertArrayEquals(new int[] {4, 5, 9}, new int[] {merged.train().label(0), merged.train().label(1),
                merged.train().label(2)});
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0}, merged.train().pixels(), TOLERANCE);
        assertEquals("digits + mine", merged.train().name());
        assertEquals("", data.drawingsLeftOut(split));
        assertFalse(data.describeTrainingData(merged).isEmpty(), "the status says drawings were added");
        assertSame(split.train(), data.trainingDataset(), "Save names and hashes the plain training split");
    }

    @Test
    void drawingsOfAnotherSizeStayOutAndTheNoteSaysSo() {
        Split split = new Split(dataset("digits", 2, 2, new double[4], 4), dataset("test", 2, 2, new double[4], 6));
        data.use(split);
        data.extraTrainingDataProperty().set(dataset("mine", 1, 1, new double[] {1}, 9));
        assertSame(split, data.trainingSplit());
        assertFalse(data.drawingsLeftOut(split).isEmpty());
        assertEquals("", data.describeTrainingData(split));
    }

    @Test
    void emptyDrawingsChangeNothing() {
        Split split = new Split(dataset("digits", 2, 2, new double[4], 4), dataset("test", 2, 2, new double[4], 6));
        data.use(split);
        data.extraTrainingDataProperty().set(new Dataset("mine", 2, 2, 10, new double[0], new int[0]));
        assertSame(split, data.trainingSplit());
    }

    private static Dataset dataset(String name, int width, int height, double[] pixels, int... labels) {
        return new Dataset(name, width, height, 10, pixels, labels);
    }
}
