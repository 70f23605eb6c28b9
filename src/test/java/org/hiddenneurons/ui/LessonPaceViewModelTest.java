package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Pacing;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lesson pace in the view model: on by default for random weights, off after training or one toggle. */
class LessonPaceViewModelTest {

    private static final int STEPS_PER_EPOCH = 40;
    /** Fashion-MNIST's 60 000 training images in mini-batches of 100. */
    private static final int LARGE_STEPS_PER_EPOCH = 600;
    private FakeTrainingEngine engine;
    private WorkbenchViewModel model;
    private Network start;

    @BeforeEach
    void setUp() {
        engine = new FakeTrainingEngine();
        model = new WorkbenchViewModel(engine);
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 1);
        model.useNetwork(start, "random");
        int inputs = NetworkSpec.DEFAULT.inputSize();
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[labels.length * inputs], labels);
        model.dataLoaded(new Split(all, all), null, "data ready");
    }

    private TrainingSnapshot atStep(int epoch, int step, TrainingState state) {
        return new TrainingSnapshot(epoch, 22, 2.0, 2.1, 0.5, 0.45, 1_000_000L * step, start.copy(), state, "",
                step, STEPS_PER_EPOCH);
    }

    @Test
    void theFirstRunFromRandomWeightsIsLessonPaced() {
        assertTrue(model.settings().lessonPaceProperty().get(), "lesson pace is the window's default");
        model.toggleTraining();
        assertEquals(Pacing.LESSON, engine.pacing);
    }

    @Test
    void fullSpeedIsOneToggleAwayAndAppliesToTheRunningJob() {
        model.toggleTraining();
        model.settings().lessonPaceProperty().set(false);
        assertEquals(Pacing.FULL_SPEED, engine.pacing);
        model.settings().lessonPaceProperty().set(true);
        assertEquals(Pacing.LESSON, engine.pacing, "still at random weights: paced again");
    }

    @Test
    void aRunFromTrainedWeightsIsNotPaced() {
        model.toggleTraining();
        model.finished(engine.lastId, atStep(3, 3 * STEPS_PER_EPOCH, TrainingState.FINISHED));
        model.toggleTraining();
        assertEquals(Pacing.FULL_SPEED, engine.pacing);
    }

    @Test
    void statusSaysWhichStepAndEpochIsShown() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(atStep(0, 37, TrainingState.RUNNING)));
        assertEquals(I18n.t("workbench.watch.status.paced", 37, 1, 22), model.statusMessageProperty().get());
        model.snapshots(engine.lastId, List.of(atStep(1, STEPS_PER_EPOCH, TrainingState.RUNNING)));
        assertEquals(I18n.t("workbench.watch.status.fullSpeed", STEPS_PER_EPOCH, 1, 22), model.statusMessageProperty().get());
    }

    @Test
    void aPacedStepWhoseScoringDidNotFitThePaceShowsNoFigures() {
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(atStep(0, 1, TrainingState.RUNNING)));
        assertEquals(0.45, model.testAccuracyProperty().get());
        TrainingSnapshot notMeasured = new TrainingSnapshot(0, 22, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                5_000_000L, start.copy(), TrainingState.RUNNING, "", 5, LARGE_STEPS_PER_EPOCH);
        model.snapshots(engine.lastId, List.of(notMeasured));
        assertEquals(I18n.t("workbench.watch.status.pacedNotMeasured", 5, 1, 22), model.statusMessageProperty().get());
        assertTrue(Double.isNaN(model.testAccuracyProperty().get()) && Double.isNaN(model.trainLossProperty().get()),
                "step 1's figures are not shown beside step 5's pictures");
    }

    @Test
    void onALargeDataSetTheStatusSaysWhenThePacedPartIsOver() {
        int last = Pacing.LESSON_MAX_PACED_STEPS;
        model.toggleTraining();
        model.snapshots(engine.lastId, List.of(new TrainingSnapshot(0, 22, 2.0, 2.1, 0.5, 0.45, 1_000_000L * last,
                start.copy(), TrainingState.RUNNING, "", last, LARGE_STEPS_PER_EPOCH)));
        assertEquals(I18n.t("workbench.watch.status.pacedPartOver", last, 1, 22, last, LARGE_STEPS_PER_EPOCH - last),
                model.statusMessageProperty().get());
        model.snapshots(engine.lastId, List.of(new TrainingSnapshot(1, 22, 1.0, 1.1, 0.7, 0.65, 9_000_000_000L,
                start.copy(), TrainingState.RUNNING, "", LARGE_STEPS_PER_EPOCH, LARGE_STEPS_PER_EPOCH)));
        assertEquals(I18n.t("workbench.watch.status.pacedPartOver", last, 1, 22, last, LARGE_STEPS_PER_EPOCH - last),
                model.statusMessageProperty().get(), "said once, not again at the epoch's end");
    }
}
