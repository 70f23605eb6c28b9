package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hiddenneurons.core.Network;
import org.junit.jupiter.api.Test;

class TrainingWarmUpTest {

    @Test
    void theAugmentationWarmUpDistortsItsOwnImagesRepeatably() {
        Augmentation limits = TrainingConfig.DEFAULT_AUGMENTATION;
        double first = TrainingWarmUp.augment(limits, 20, 20, 7, 30);
        assertEquals(first, TrainingWarmUp.augment(limits, 20, 20, 7, 30));
        assertTrue(first > 0, "the synthetic images have ink");
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
