package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.junit.jupiter.api.Test;

class TrainingWarmUpTest {

    /** Where the warm-up's synthetic gradient vanishes (TrainingWarmUp's constant). */
    private static final double SYNTHETIC_OPTIMUM = 0.01;
    /** How far from it the mean parameter may be after 30 steps of Adam with the default α. */
    private static final double OPTIMUM_TOLERANCE = 0.002;

    @Test
    void theAugmentationWarmUpDistortsItsOwnImagesRepeatably() {
        Augmentation limits = TrainingConfig.DEFAULT_AUGMENTATION;
        double first = TrainingWarmUp.augment(limits, 20, 20, 7, 30, TrainingWarmUp.SHARP_ZERO_SHARE);
        assertEquals(first, TrainingWarmUp.augment(limits, 20, 20, 7, 30, TrainingWarmUp.SHARP_ZERO_SHARE));
        assertTrue(first > 0, "the synthetic images have ink");
    }

    @Test
    void theOptimizerWarmUpStepsItsOwnParametersTowardsItsSyntheticOptimum() {
        TrainingConfig config = TrainingConfig.defaults();
        NetworkSpec spec = config.spec(20, 20, 10);
        double once = TrainingWarmUp.step(config, spec, 30);
        assertEquals(once, TrainingWarmUp.step(config, spec, 30));
        int parameters = spec.hiddenSize() * (spec.inputSize() + 1) + spec.outputSize() * (spec.hiddenSize() + 1);
        // From θ = 0 every parameter moves to about 0.01 (Adam overshoots at first: its first step is α = 0.03).
        assertEquals(SYNTHETIC_OPTIMUM * parameters, once, OPTIMUM_TOLERANCE * parameters);
        assertEquals(0.0, TrainingWarmUp.step(TrainingFixtures.config(OptimizerKind.LBFGS, 0.01, 4), spec, 30), "full-batch: no steps");
    }

    @Test
    void theTrainerWarmUpTrainsRepeatablyOnItsOwnImages() {
        TrainingConfig config = TrainingConfig.defaults();
        double loss = TrainingWarmUp.train(config, 20, 20, 10);
        assertTrue(Double.isFinite(loss) && loss > 0, "a finite training loss, got " + loss);
        assertEquals(Double.doubleToRawLongBits(loss), Double.doubleToRawLongBits(TrainingWarmUp.train(config, 20, 20, 10)));
    }

    @Test
    void aWarmUpRunningAlongsideTrainingChangesNoWeight() {
        TrainingConfig config = TrainingFixtures.config(OptimizerKind.ADAM, 0.01, 4).withAugment(true);
        Network before = TrainingFixtures.trainer(config).run().network();
        TrainingWarmUp.start(config, TrainingFixtures.WIDTH, TrainingFixtures.HEIGHT, TrainingFixtures.CLASSES);
        Network during = TrainingFixtures.trainer(config).run().network();
        assertArrayEquals(before.theta1Copy(), during.theta1Copy());
        assertArrayEquals(before.theta2Copy(), during.theta2Copy());
    }
}
