package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;

/** Lesson pace: a snapshot per paced mini-batch (at most 40 of an epoch), scored where it fits its wait; waits through an injected sleeper (no wall clock). */
class TrainerPacingTest {

    /** 120 training samples in mini-batches of 10 (TrainingFixtures). */
    private static final int STEPS_PER_EPOCH = 12;
    /** A paced epoch of 1200 ms (all 12 mini-batches paced). */
    private static final Pacing PACING = new Pacing(1, Pacing.LESSON_MAX_PACED_STEPS, 1200);

    private static TrainingConfig adam(int epochs) {
        return TrainingFixtures.config(OptimizerKind.ADAM, 0.01, epochs);
    }

    /** Records each requested wait instead of sleeping, then runs {@code onSleep} with the wait's index. */
    private static final class RecordingSleeper implements Trainer.Sleeper {
        final List<Long> waits = new ArrayList<>();
        final List<BooleanSupplier> conditions = new ArrayList<>();
        java.util.function.IntConsumer onSleep = index -> { };

        @Override
        public void sleep(long millis, BooleanSupplier stillWanted) {
            waits.add(millis);
            conditions.add(stillWanted);
            onSleep.accept(waits.size());
        }
    }

    @Test
    void lessonPaceSpreadsTheFirstEpochOverEightSeconds() {
        // 4000 samples / 100 per batch = 40 mini-batches; Σ_{i=1..40} i^(−½) = 11.2676 (Python:
        // sum(1 / math.sqrt(i) for i in range(1, 41))), so the waits are 8000 / 11.2676 = 710 ms after the
        // first mini-batch, 355 ms after the 4th, 225 after the 10th, 112 after the 40th.
        assertEquals(710, Pacing.LESSON.stepDelayMillis(1, 40));
        assertEquals(355, Pacing.LESSON.stepDelayMillis(4, 40));
        assertEquals(225, Pacing.LESSON.stepDelayMillis(10, 40));
        assertEquals(112, Pacing.LESSON.stepDelayMillis(40, 40));
        long sum = 0;
        for (int k = 1; k <= 40; k++) {
            sum += Pacing.LESSON.stepDelayMillis(k, 40);
            assertTrue(k == 1 || Pacing.LESSON.stepDelayMillis(k, 40) <= Pacing.LESSON.stepDelayMillis(k - 1, 40),
                    "front-loaded");
        }
        assertEquals(Pacing.LESSON_EPOCH_MILLIS, sum, 40, "the waits add up to the epoch's duration (± rounding)");
        assertThrows(IllegalArgumentException.class, () -> Pacing.LESSON.stepDelayMillis(0, 40));
        assertTrue(Pacing.LESSON.paces(0));
        assertFalse(Pacing.LESSON.paces(1));
        assertFalse(Pacing.FULL_SPEED.paces(0));
        assertThrows(IllegalArgumentException.class, () -> new Pacing(-1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pacing(1, 0, 0));
    }

    @Test
    void pacedFirstEpochPublishesEveryMiniBatchThenEpochsOnly() {
        Trainer trainer = TrainingFixtures.trainer(adam(3));
        RecordingSleeper sleeper = new RecordingSleeper();
        trainer.setSleeper(sleeper);
        trainer.setPacing(PACING);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);

        trainer.run();

        List<Integer> steps = snapshots.stream().map(TrainingSnapshot::step).toList();
        List<Integer> expected = new ArrayList<>();
        for (int step = 0; step <= STEPS_PER_EPOCH; step++) {
            expected.add(step);
        }
        expected.add(2 * STEPS_PER_EPOCH);
        expected.add(3 * STEPS_PER_EPOCH);
        assertEquals(expected, steps);
        // A wait after each mini-batch of the first epoch but its last, as the pacing says.
        assertEquals(STEPS_PER_EPOCH - 1, sleeper.waits.size());
        for (int k = 1; k < STEPS_PER_EPOCH; k++) {
            assertEquals(PACING.stepDelayMillis(k, STEPS_PER_EPOCH), sleeper.waits.get(k - 1), "wait " + k);
        }
        TrainingSnapshot middle = snapshots.get(5);
        assertTrue(middle.midEpoch());
        assertEquals(0, middle.epoch());
        assertEquals(1, middle.shownEpoch());
        assertEquals(STEPS_PER_EPOCH, middle.stepsPerEpoch());
        assertTrue(Double.isFinite(middle.trainLoss()), "paced snapshots are scored");
        assertFalse(snapshots.get(STEPS_PER_EPOCH).midEpoch());
    }

    @Test
    void pacingDoesNotChangeTheWeights() {
        Trainer paced = TrainingFixtures.trainer(adam(2));
        paced.setSleeper(new RecordingSleeper());
        paced.setPacing(PACING);
        Network pacedResult = paced.run().network();
        Network fullSpeed = TrainingFixtures.trainer(adam(2)).run().network();
        assertArrayEquals(fullSpeed.theta1Copy(), pacedResult.theta1Copy());
        assertArrayEquals(fullSpeed.theta2Copy(), pacedResult.theta2Copy());
    }

    @Test
    void cancelDuringAPacedWaitEndsTheRunAtOnceWithTheStartingWeights() {
        TrainingConfig config = adam(3);
        Network start = TrainingFixtures.network(config);
        Trainer trainer = TrainingFixtures.trainer(config);
        RecordingSleeper sleeper = new RecordingSleeper();
        boolean[] waitStillWanted = {true};
        sleeper.onSleep = index -> {
            if (index == 3) {
                trainer.cancel();
                waitStillWanted[0] = sleeper.conditions.get(2).getAsBoolean();
            }
        };
        trainer.setSleeper(sleeper);
        trainer.setPacing(PACING);

        TrainingSnapshot last = trainer.run();

        assertEquals(TrainingState.CANCELLED, last.state());
        assertEquals(3, sleeper.waits.size());
        assertFalse(waitStillWanted[0], "the wait is told to end");
        assertEquals(0, last.epoch());
        assertEquals(0, last.step());
        assertArrayEquals(start.theta1Copy(), last.network().theta1Copy());
    }

    @Test
    void fullSpeedEndsTheWaitAndThePerStepSnapshots() {
        Trainer trainer = TrainingFixtures.trainer(adam(2));
        RecordingSleeper sleeper = new RecordingSleeper();
        sleeper.onSleep = index -> {
            if (index == 2) {
                trainer.setPacing(Pacing.FULL_SPEED);
            }
        };
        trainer.setSleeper(sleeper);
        trainer.setPacing(PACING);
        List<Integer> steps = new ArrayList<>();
        trainer.addListener(s -> steps.add(s.step()));

        trainer.run();

        assertEquals(2, sleeper.waits.size());
        assertFalse(sleeper.conditions.get(1).getAsBoolean());
        assertEquals(List.of(0, 1, 2, STEPS_PER_EPOCH, 2 * STEPS_PER_EPOCH), steps);
    }

    @Test
    void withoutPacingSnapshotsComeAtEpochEndsAndCountSteps() {
        Trainer trainer = TrainingFixtures.trainer(adam(2));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        trainer.run();
        assertEquals(List.of(0, STEPS_PER_EPOCH, 2 * STEPS_PER_EPOCH),
                snapshots.stream().map(TrainingSnapshot::step).toList());
        assertTrue(snapshots.stream().noneMatch(TrainingSnapshot::midEpoch));
    }

    @Test
    void onALargeDataSetOnlyTheFirstFortyMiniBatchesArePacedAndTheirWaitsAddUpToTheDuration() {
        // 600 mini-batches (Fashion-MNIST's 60 000 in batches of 100): the schedule is the 40-step one.
        int steps = 600;
        assertEquals(Pacing.LESSON_MAX_PACED_STEPS, Pacing.LESSON.pacedSteps(steps));
        assertEquals(12, Pacing.LESSON.pacedSteps(12), "a short epoch is paced whole");
        long sum = 0;
        for (int k = 1; k <= Pacing.LESSON_MAX_PACED_STEPS; k++) {
            assertEquals(Pacing.LESSON.stepDelayMillis(k, 40), Pacing.LESSON.stepDelayMillis(k, steps), "wait " + k);
            sum += Pacing.LESSON.stepDelayMillis(k, steps);
        }
        assertEquals(Pacing.LESSON_EPOCH_MILLIS, sum, 40, "the 40 waits add up to the paced duration (± rounding)");
        assertThrows(IllegalArgumentException.class, () -> Pacing.LESSON.stepDelayMillis(41, steps));
        assertTrue(Pacing.LESSON.pacesStep(0, 40, steps));
        assertFalse(Pacing.LESSON.pacesStep(0, 41, steps));
        assertFalse(Pacing.LESSON.pacesStep(1, 1, steps));
        assertFalse(Pacing.FULL_SPEED.pacesStep(0, 1, steps));
    }

    @Test
    void aPacedStepIsScoredOnlyWhereTheScoringFitsItsWait() {
        long half = 500_000_000L; // 0.5 s per scoring, Fashion-MNIST on one thread here
        assertTrue(Pacing.scoresStep(1, 112, half), "the first paced step is always scored");
        assertTrue(Pacing.scoresStep(2, 502, half));
        assertFalse(Pacing.scoresStep(3, 410, half));
        assertTrue(Pacing.scoresStep(3, 410, 20_000_000L), "the digits (~20 ms) are scored at every step");
        assertFalse(Pacing.scoresStep(2, 710, Long.MAX_VALUE), "nothing measured yet");
    }

    @Test
    void aLargeTrainingSetIsPacedForFortyMiniBatchesThenFinishesTheEpochAtFullSpeed() {
        // 20 000 tiny images in mini-batches of 10: 2000 mini-batches per epoch.
        int size = 20_000;
        int steps = size / 10;
        TrainingConfig config = adam(2);
        Trainer trainer = new Trainer(config, TrainingFixtures.network(config),
                TrainingFixtures.dataset("synthetic large (train)", size, 9), TrainingFixtures.test());
        RecordingSleeper sleeper = new RecordingSleeper();
        trainer.setSleeper(sleeper);
        trainer.setPacing(Pacing.LESSON);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);

        trainer.run();

        assertEquals(steps, trainer.stepsPerEpoch());
        List<Integer> expected = new ArrayList<>();
        for (int step = 0; step <= Pacing.LESSON_MAX_PACED_STEPS; step++) {
            expected.add(step);
        }
        expected.add(steps);
        expected.add(2 * steps);
        assertEquals(expected, snapshots.stream().map(TrainingSnapshot::step).toList(),
                "a snapshot after each of the first 40 mini-batches, then epoch ends only");
        assertEquals(Pacing.LESSON_MAX_PACED_STEPS, sleeper.waits.size(), "no wait after the paced part");
        long sum = 0;
        for (int k = 1; k <= Pacing.LESSON_MAX_PACED_STEPS; k++) {
            assertEquals(Pacing.LESSON.stepDelayMillis(k, steps), sleeper.waits.get(k - 1), "wait " + k);
            sum += sleeper.waits.get(k - 1);
        }
        assertEquals(Pacing.LESSON_EPOCH_MILLIS, sum, 40);
        assertTrue(Double.isFinite(snapshots.get(1).trainLoss()), "the first paced snapshot is scored");
        TrainingSnapshot epochEnd = snapshots.get(Pacing.LESSON_MAX_PACED_STEPS + 1);
        assertFalse(epochEnd.midEpoch());
        assertTrue(Double.isFinite(epochEnd.trainLoss()) && Double.isFinite(epochEnd.testAccuracy()),
                "the epoch's end is scored");
    }

    @Test
    void aPacedSnapshotWhoseScoringDoesNotFitItsWaitIsPublishedNotMeasured() {
        // Waits of 0 ms: no scoring fits (it takes more than 0 ns), but the first paced step is scored.
        Trainer trainer = TrainingFixtures.trainer(adam(1));
        RecordingSleeper sleeper = new RecordingSleeper();
        trainer.setSleeper(sleeper);
        trainer.setPacing(new Pacing(1, Pacing.LESSON_MAX_PACED_STEPS, 0));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);

        trainer.run();

        assertEquals(STEPS_PER_EPOCH + 1, snapshots.size());
        assertTrue(Double.isFinite(snapshots.get(1).trainLoss()), "paced step 1 is scored");
        for (TrainingSnapshot paced : snapshots.subList(2, STEPS_PER_EPOCH)) {
            assertTrue(paced.midEpoch());
            assertTrue(Double.isNaN(paced.trainLoss()) && Double.isNaN(paced.testLoss())
                    && Double.isNaN(paced.trainAccuracy()) && Double.isNaN(paced.testAccuracy()),
                    "step " + paced.step() + " is not measured");
        }
        TrainingSnapshot last = snapshots.get(STEPS_PER_EPOCH);
        assertEquals(TrainingState.FINISHED, last.state());
        assertTrue(Double.isFinite(last.trainLoss()) && Double.isFinite(last.testAccuracy()), "the epoch's end is scored");
        assertTrue(sleeper.waits.isEmpty(), "no wait of 0 ms");
    }
}
