package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.junit.jupiter.api.Test;

/** The one slow test: the default settings on the bundled digits reach the product's accuracy bar. */
class DefaultTrainingIntegrationTest {

    /** README.md ("Defaults"): the default network reaches ≥ 95 % on the standard test split. */
    private static final double REQUIRED_TEST_ACCURACY = 0.95;
    /** Stroke-like pictures: without augmentation the defaults' pictures measure 0.65 (speckle). */
    private static final double REQUIRED_PICTURE_SMOOTHNESS = 0.75;

    @Test
    void defaultsReachNinetyFivePercentOnTheStandardSplit() {
        Split split = DigitsImage.loadBundled().standardSplit();
        TrainingConfig config = TrainingConfig.defaults();
        assertEquals(1, config.seed());
        Network network = config.initialNetwork(split.train().width(), split.train().height(),
                split.train().classCount());
        Trainer trainer = new Trainer(config, network, split.train(), split.test());
        trainer.setPublishIntervalMillis(Long.MAX_VALUE / 2_000_000L);
        TrainingSnapshot result = trainer.run();
        assertEquals(TrainingState.FINISHED, result.state());
        assertEquals(config.epochs(), result.epoch());
        assertTrue(result.testAccuracy() >= REQUIRED_TEST_ACCURACY, "test accuracy " + result.testAccuracy());
        double smoothness = org.hiddenneurons.analysis.PictureSmoothness.of(result.network());
        assertTrue(smoothness >= REQUIRED_PICTURE_SMOOTHNESS, "picture smoothness " + smoothness);
    }
}
