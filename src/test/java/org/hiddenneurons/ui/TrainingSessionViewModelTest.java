package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.ui.replay.ReplayModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training session's state machine and epoch bookkeeping with plain JUnit and a fake engine. */
class TrainingSessionViewModelTest {

    private static final double TOLERANCE = 1e-12;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int RUN_EPOCHS = 40;
    private static final int STEPS_PER_EPOCH = 100;

    private final FakeTrainingEngine engine = new FakeTrainingEngine();
    private final ModelDocumentViewModel document = new ModelDocumentViewModel();
    private final TrainingDataViewModel data = new TrainingDataViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
    private TrainingSessionViewModel session;
    private Network start;

    @BeforeEach
    void setUp() {
        ReplayModel replay = new ReplayModel(document.networkProperty(), new SimpleObjectProperty<>(),
                new SimpleObjectProperty<>());
        session = new TrainingSessionViewModel(engine, settings, document, data, status, replay);
        engine.setListener(session);
        start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 5);
        document.open(start, () -> "start");
        int inputs = NetworkSpec.DEFAULT.inputSize();
        Dataset all = new Dataset("tiny", 20, 20, 10, new double[2 * inputs], new int[] {0, 1});
        data.use(new Split(all, all));
    }

    @Test
    void epochsAndTimeCountOnAcrossTrainersOnTheSameNetwork() {
        session.toggleTraining();
        long first = engine.lastId;
        session.snapshots(first, List.of(snapshot(3, 6.0)));
        session.toggleTraining(); // pause
        session.step(); // a new trainer: counts from 0 again
        long second = engine.lastId;
        session.finished(second, snapshot(1, 2.0));

        assertEquals(4, session.epochProperty().get());
        assertEquals(8.0, session.elapsedSecondsProperty().get(), TOLERANCE);
        assertEquals(List.of(3.0, 4.0), epochs(session.trainLossSeries()));
        assertEquals(TrainingSessionViewModel.Phase.IDLE, session.phaseProperty().get());
    }

    @Test
    void reportsOfAReplacedTrainerChangeNothing() {
        session.toggleTraining();
        long first = engine.lastId;
        session.step();
        session.snapshots(first, List.of(snapshot(7, 9.0)));
        session.failed(first, new IllegalStateException("late"));
        assertEquals(0, session.epochProperty().get());
        assertEquals(TrainingSessionViewModel.Phase.STEPPING, session.phaseProperty().get());
        assertEquals("", status.errorMessageProperty().get());
    }

    @Test
    void aRestoredRunChartsItsMetricsAndContinuesFromItsEpoch() {
        session.restore(2, List.of(new EpochMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0),
                new EpochMetrics(1, 2.0, 2.1, 0.4, 0.35, 1.5), new EpochMetrics(2, 1.0, 1.2, 0.6, 0.5, 3.0)));
        assertEquals(List.of(1.0, 2.0), epochs(session.trainLossSeries()));
        assertEquals(1.0, session.trainLossProperty().get(), TOLERANCE);
        assertEquals(3.0, session.elapsedSecondsProperty().get(), TOLERANCE);

        session.toggleTraining();
        session.snapshots(engine.lastId, List.of(snapshot(1, 1.0)));
        assertEquals(3, session.epochProperty().get());
        assertEquals(4.0, session.elapsedSecondsProperty().get(), TOLERANCE);
        assertEquals(List.of(1.0, 2.0, 3.0), epochs(session.trainLossSeries()));
    }

    @Test
    void aDivergedSnapshotRaisesTheBannerAndTheTrainedWeightsBecomeTheDocuments() {
        session.toggleTraining();
        TrainingSnapshot diverged = new TrainingSnapshot(2, 30, 5.0, 5.0, 0.1, 0.1, 2 * NANOS_PER_SECOND,
                start.copy(), TrainingState.DIVERGED, "");
        session.finished(engine.lastId, diverged);
        assertTrue(status.divergedProperty().get());
        assertEquals(diverged.network(), document.networkProperty().get());
        assertTrue(document.unsavedChangesProperty().get());
    }

    @Test
    void insideThePacedEpochTheEpochFieldSaysStepAndEpochAsThePaceStatusDoes() {
        session.toggleTraining();
        session.snapshots(engine.lastId, List.of(pacedSnapshot(0, 11)));

        assertEquals(new EpochProgress(0, 11, 1, RUN_EPOCHS), session.epochProgressProperty().get());
        assertEquals("Step 11 \u00b7 epoch 1 of 40", session.epochProgressProperty().get().text());
        assertTrue(status.statusMessageProperty().get().contains("step 11 \u00b7 epoch 1 of 40"),
                status.statusMessageProperty().get());
        assertEquals(0, session.epochProgressProperty().get().completedEpochs());

        session.snapshots(engine.lastId, List.of(pacedSnapshot(1, STEPS_PER_EPOCH)));
        assertEquals("Epoch 1", session.epochProgressProperty().get().text());
    }

    @Test
    void theEpochFieldCountsOnFromALoadedModelAndStartsAgainOnANewNetwork() {
        session.startAt(5);
        assertEquals("Epoch 5", session.epochProgressProperty().get().text());
        session.toggleTraining();
        session.snapshots(engine.lastId, List.of(pacedSnapshot(0, 3)));
        assertEquals("Step 3 \u00b7 epoch 6 of 45", session.epochProgressProperty().get().text());

        session.resetProgress();
        assertEquals("Epoch 0", session.epochProgressProperty().get().text());
    }

    /** A snapshot of a lesson-paced run of {@value #RUN_EPOCHS} epochs after {@code step} mini-batches. */
    @Test
    void theChartsKnowWhereARunEndsButAStepIsNoPlan() {
        assertEquals(0, session.plannedEndEpochProperty().get());
        session.toggleTraining();
        session.snapshots(engine.lastId, List.of(pacedSnapshot(0, 11)));
        assertEquals(RUN_EPOCHS, session.plannedEndEpochProperty().get(), "the run's 40 epochs from epoch 0");
        assertTrue(Double.isNaN(session.epochsPerSecondProperty().get()), "no rate before the first epoch ends");

        session.snapshots(engine.lastId, List.of(snapshot(3, 6.0)));
        assertEquals(30, session.plannedEndEpochProperty().get(), "the snapshot's own plan (30 epochs)");
        assertEquals(0.5, session.epochsPerSecondProperty().get(), TOLERANCE);
        session.toggleTraining(); // pause
        session.step(); // epochs 4 … : one epoch is not a new plan
        session.finished(engine.lastId, snapshot(1, 2.0));
        assertEquals(30, session.plannedEndEpochProperty().get());

        session.resetProgress();
        assertEquals(0, session.plannedEndEpochProperty().get());
        session.startAt(5);
        assertEquals(5, session.plannedEndEpochProperty().get());
    }

    @Test
    void aStepPastEveryPlanKeepsTheFrameTheEmptyChartsHad() {
        settings.epochsProperty().set(35);
        assertEquals(35, session.emptyChartsEndEpochProperty().get());
        session.step(); // the first epoch of a new network
        session.finished(engine.lastId, snapshot(1, 2.0));
        assertEquals(35, session.plannedEndEpochProperty().get(), "the frame of the run Train would have started: 0 … 35");
        session.step(); // epoch 2: inside that frame, which stays
        session.finished(engine.lastId, snapshot(1, 2.0));
        assertEquals(35, session.plannedEndEpochProperty().get());
    }

    @Test
    void theEmptyChartsSpanTheRunTrainWouldStartAndThenTheRunsPlan() {
        settings.epochsProperty().set(35);
        assertEquals(35, session.emptyChartsEndEpochProperty().get(), "a new network: 0 … 35");
        settings.epochsProperty().set(20);
        assertEquals(20, session.emptyChartsEndEpochProperty().get(), "it follows the epochs field");
        session.startAt(35); // a model trained 35 epochs: Train goes on to 55
        assertEquals(55, session.emptyChartsEndEpochProperty().get());

        session.toggleTraining();
        assertEquals(55, session.plannedEndEpochProperty().get(), "the run's plan is known before its first snapshot");
        settings.epochsProperty().set(50); // the run keeps its config: its plan stays
        assertEquals(55, session.emptyChartsEndEpochProperty().get());
        session.toggleTraining(); // paused: still that run's frame
        assertEquals(55, session.emptyChartsEndEpochProperty().get());
        session.stopAndForget();
        assertEquals(85, session.emptyChartsEndEpochProperty().get(), "no run: the settings' 50 from epoch 35");
        session.resetProgress();
        assertEquals(50, session.emptyChartsEndEpochProperty().get());
    }

    private TrainingSnapshot pacedSnapshot(int epoch, int step) {
        return new TrainingSnapshot(epoch, RUN_EPOCHS, 1.0, 1.1, 0.5, 0.45, NANOS_PER_SECOND, start.copy(),
                TrainingState.RUNNING, "", step, STEPS_PER_EPOCH);
    }

    private TrainingSnapshot snapshot(int epoch, double elapsedSeconds) {
        return new TrainingSnapshot(epoch, 30, 1.0, 1.1, 0.5, 0.45, (long) (elapsedSeconds * NANOS_PER_SECOND),
                start.copy(), TrainingState.RUNNING, "");
    }

    private static List<Double> epochs(DecimatedSeries series) {
        return series.points().stream().map(point -> point.getXValue().doubleValue()).toList();
    }
}
