package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WorkbenchViewModel#useDataset}: the network follows the data's shape; drawings that do not fit stay out. */
class WorkbenchViewModelDatasetTest {

    private static final int DIGIT_SIDE = 20;
    private static final int MNIST_SIDE = 28;
    private static final int SAMPLES = 20;

    private final Random random = new Random(42);
    private FakeTrainingEngine engine;
    private WorkbenchViewModel model;
    private Network start;

    @BeforeEach
    void setUp() {
        engine = new FakeTrainingEngine();
        model = new WorkbenchViewModel(engine);
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 1);
        model.useNetwork(start, "random");
        model.dataLoaded(Split.standard(data("digits", DIGIT_SIDE, 10)), null, "data ready");
    }

    private Dataset data(String name, int side, int classes) {
        double[] pixels = new double[SAMPLES * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble();
        }
        int[] labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = i % classes;
        }
        return new Dataset(name, side, side, classes, pixels, labels);
    }

    @Test
    void dataOfAnotherShapeGetsANewNetworkSizedForIt() {
        model.settings().hiddenSizeProperty().set(7);
        Split split = Split.standard(data("shirts", MNIST_SIDE, 4));

        assertTrue(model.useDataset("shirts", split, null));

        Network network = model.networkProperty().get();
        assertEquals(MNIST_SIDE, network.spec().inputWidth());
        assertEquals(MNIST_SIDE * MNIST_SIDE, network.spec().inputSize());
        assertEquals(7, network.spec().hiddenSize());
        assertEquals(4, network.spec().outputSize());
        assertSame(split, model.dataProperty().get());
        assertTrue(model.statusMessageProperty().get().contains("shirts"), model.statusMessageProperty().get());
        assertEquals("shirts (train)", model.modelToSave().datasetName());
        assertSame(split, model.trainingSplit(), "training runs on the new split");
    }

    @Test
    void dataOfTheSameShapeKeepsTheNetworkAndStopsTraining() {
        model.toggleTraining();
        Split split = Split.standard(data("more digits", DIGIT_SIDE, 10));

        assertFalse(model.useDataset("more digits", split, null));

        assertSame(start, model.networkProperty().get());
        assertSame(split, model.dataProperty().get());
        assertEquals(TrainingSessionViewModel.Phase.IDLE, model.phaseProperty().get());
        assertEquals(List.of("run", "cancel"), engine.actions());
        assertTrue(model.statusMessageProperty().get().contains(I18n.t("data.status.keptNetwork")));
    }

    @Test
    void drawingsThatDoNotFitAreLeftOutOfTrainingWithANote() {
        Dataset drawings = data("My drawings", DIGIT_SIDE, 10);
        model.extraTrainingDataProperty().set(drawings);
        assertNotSame(model.dataProperty().get(), model.trainingSplit(), "20×20 drawings join 20×20 data");

        Split split = Split.standard(data("shirts", MNIST_SIDE, 10));
        model.useDataset("shirts", split, null);

        assertSame(split, model.trainingSplit(), "20×20 drawings stay out of 28×28 training");
        String note = model.drawingsLeftOut(split);
        assertFalse(note.isEmpty());
        assertTrue(model.statusMessageProperty().get().contains(note), model.statusMessageProperty().get());
    }
}
