package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.core.Evaluation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Step 0 on a sample ({@link InitialScoring}, {@link Trainer#setInitialScoring}): which rows,
 * the scores on them (against {@link Evaluation} on rows picked by hand), and that nothing else
 * changes: the weights, later scores, and a split no larger than the limit.
 */
class InitialScoringTest {

    /** Scoring sums in another order than {@link Evaluation#evaluate}'s default kernel may. */
    private static final double SUM_ORDER_TOLERANCE = 1e-12;
    /** 20 of the fixtures' 120 training and 10 of their 60 test examples (30·120/180 = 20). */
    private static final InitialScoring SAMPLE_OF_30 = new InitialScoring(30, 30);

    @Test
    void theSampleIsEvenlySpacedAndSharedByTheSetsSizes() {
        assertArrayEquals(new int[] {0, 2, 5, 7}, InitialScoring.evenlySpaced(10, 4));
        assertArrayEquals(new int[] {0, 6, 12, 18}, java.util.Arrays.copyOf(InitialScoring.evenlySpaced(120, 20), 4));
        assertEquals(1714, InitialScoring.trainShare(60_000, 10_000, InitialScoring.WINDOW.sampleSize()), "Fashion-MNIST");
        assertTrue(InitialScoring.WINDOW.samples(60_000, 10_000));
        assertFalse(InitialScoring.WINDOW.samples(4_000, 1_000), "the digits sheet is scored whole");
        assertFalse(InitialScoring.WINDOW.samples(4_000 + 600, 1_000), "with the student's drawings too");
        assertFalse(InitialScoring.WHOLE.samples(60_000, 10_000), "the trainer's default: always whole");
    }

    @Test
    void noneScoresNothingAndOnlyBothZerosMeanNone() {
        assertFalse(InitialScoring.NONE.scores());
        assertFalse(InitialScoring.NONE.samples(60_000, 10_000), "not scored: no sample either");
        assertFalse(InitialScoring.NONE.samples(0, 0));
        assertTrue(InitialScoring.WHOLE.scores() && InitialScoring.WINDOW.scores() && SAMPLE_OF_30.scores());
        assertThrows(IllegalArgumentException.class, () -> new InitialScoring(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new InitialScoring(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InitialScoring(10, 11));
    }

    @Test
    void stepZeroIsScoredOnTheSampleAndTheRunIsOtherwiseUnchanged() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 2);
        Trainer whole = TrainingFixtures.trainer(config);
        Trainer sampled = TrainingFixtures.trainer(config);
        sampled.setInitialScoring(SAMPLE_OF_30);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        sampled.addListener(snapshots::add);
        TrainingSnapshot wholeEnd = whole.run();
        TrainingSnapshot sampledEnd = sampled.run();

        TrainingSnapshot start = snapshots.get(0);
        assertEquals(0, start.step());
        Network initial = start.network();
        Evaluation.Metrics train = byHand(initial, TrainingFixtures.train(), new int[] {0, 6, 12, 18, 24, 30, 36, 42,
                48, 54, 60, 66, 72, 78, 84, 90, 96, 102, 108, 114});
        Evaluation.Metrics test = byHand(initial, TrainingFixtures.test(), new int[] {0, 6, 12, 18, 24, 30, 36, 42, 48, 54});
        assertEquals(train.loss(), start.trainLoss(), SUM_ORDER_TOLERANCE);
        assertEquals(train.accuracy(), start.trainAccuracy(), SUM_ORDER_TOLERANCE);
        assertEquals(test.loss(), start.testLoss(), SUM_ORDER_TOLERANCE);
        assertEquals(test.accuracy(), start.testAccuracy(), SUM_ORDER_TOLERANCE);
        assertEquals("Step 0 scored on a sample of 20 of 120 training and 10 of 60 test images.", start.message());

        assertArrayEquals(wholeEnd.network().theta1Copy(), sampledEnd.network().theta1Copy());
        assertArrayEquals(wholeEnd.network().theta2Copy(), sampledEnd.network().theta2Copy());
        assertEquals(wholeEnd.trainLoss(), sampledEnd.trainLoss(), "later snapshots are scored on everything");
        assertEquals(wholeEnd.testAccuracy(), sampledEnd.testAccuracy());
    }

    @Test
    void aSplitNoLargerThanTheLimitIsScoredWholeAsBefore() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 1);
        Trainer whole = TrainingFixtures.trainer(config);
        Trainer limited = TrainingFixtures.trainer(config);
        limited.setInitialScoring(new InitialScoring(180, 30)); // 120 + 60: whole
        List<TrainingSnapshot> a = new ArrayList<>();
        List<TrainingSnapshot> b = new ArrayList<>();
        whole.addListener(a::add);
        limited.addListener(b::add);
        whole.run();
        limited.run();
        assertEquals(a.get(0).trainLoss(), b.get(0).trainLoss());
        assertEquals(a.get(0).testLoss(), b.get(0).testLoss());
        assertEquals(a.get(0).testAccuracy(), b.get(0).testAccuracy());
        assertEquals("", b.get(0).message());
    }

    /**
     * A paced first step is always scored after a whole step 0 ({@link Pacing#scoresStep}: it
     * times the scoring); after a sampled one the sample's estimate decides, and with no wait
     * (paced, 0 ms) the scoring of everything does not fit: the first step comes without it.
     */
    @Test
    void afterASampledStepZeroTheFirstPacedStepIsScoredOnlyIfTheEstimateFitsItsWait() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 1);
        Pacing noWait = new Pacing(1, Pacing.LESSON_MAX_PACED_STEPS, 0);
        List<TrainingSnapshot> whole = pacedRun(config, noWait, InitialScoring.WHOLE);
        List<TrainingSnapshot> sampled = pacedRun(config, noWait, SAMPLE_OF_30);
        assertEquals(1, whole.get(1).step());
        assertFalse(Double.isNaN(whole.get(1).trainLoss()), "after a whole step 0 the first paced step is scored");
        assertEquals(1, sampled.get(1).step());
        assertTrue(Double.isNaN(sampled.get(1).trainLoss()) && Double.isNaN(sampled.get(1).testAccuracy()),
                "after a sampled step 0 it is not: its scoring would be the wait the sample avoided");
        assertFalse(Double.isNaN(sampled.get(sampled.size() - 1).trainLoss()), "the epoch's end is scored");
    }

    private static List<TrainingSnapshot> pacedRun(TrainingConfig config, Pacing pacing, InitialScoring initial) {
        Trainer trainer = TrainingFixtures.trainer(config);
        trainer.setPacing(pacing);
        trainer.setInitialScoring(initial);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        trainer.run();
        return snapshots;
    }

    /** Loss (λ 0) and accuracy on {@code rows} of {@code data}, copied one by one. */
    private static Evaluation.Metrics byHand(Network network, Dataset data, int[] rows) {
        int inputs = data.inputSize();
        double[] pixels = new double[rows.length * inputs];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.sample(rows[i]), 0, pixels, i * inputs, inputs);
            labels[i] = data.label(rows[i]);
        }
        return Evaluation.evaluate(network, pixels, labels, rows.length, 0.0);
    }
}
