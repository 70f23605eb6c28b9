package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.NetworkSpec;
import java.util.Locale;
import org.hiddenneurons.train.Augmentation;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

class TrainingSettingsViewModelTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void defaultsAreTheTrainingDefaults() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        assertEquals(TrainingConfig.defaults(), settings.toConfig());
        assertEquals("", settings.validationMessageProperty().get());
    }

    @Test
    void typedNumbersBecomeTheConfig() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        settings.learningRateTextProperty().set(" 0.3 ");
        settings.lambdaTextProperty().set("0");
        settings.optimizerProperty().set(OptimizerKind.SGD);
        settings.seedTextProperty().set("99");
        TrainingConfig config = settings.toConfig();
        assertEquals(0.3, config.learningRate(), TOLERANCE);
        assertEquals(0.0, config.lambda(), TOLERANCE);
        assertEquals(OptimizerKind.SGD, config.optimizer());
        assertEquals(99, config.seed());
    }

    @Test
    void validationNamesTheBadField() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        settings.lambdaTextProperty().set("-1");
        assertTrue(settings.validationMessageProperty().get().contains("lambda"));
        settings.lambdaTextProperty().set("1");
        settings.learningRateTextProperty().set("0");
        assertTrue(settings.validationMessageProperty().get().contains("learning rate"));
        settings.learningRateTextProperty().set("0.1");
        settings.seedTextProperty().set("abc");
        assertTrue(settings.validationMessageProperty().get().contains("seed"));
        settings.seedTextProperty().set("1");
        assertEquals("", settings.validationMessageProperty().get());
        settings.epochsProperty().set(0);
        assertThrows(IllegalArgumentException.class, settings::toConfig);
    }

    @Test
    void configForKeepsTheArchitectureInUse() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        settings.hiddenSizeProperty().set(50);
        settings.activationProperty().set(Activation.RELU);
        TrainingConfig config = settings.configFor(NetworkSpec.DEFAULT);
        assertEquals(NetworkSpec.DEFAULT.hiddenSize(), config.hiddenSize());
        assertEquals(NetworkSpec.DEFAULT.hiddenActivation(), config.activation());
        assertTrue(settings.needsNewNetworkProperty().get());
        settings.markApplied(NetworkSpec.DEFAULT.withHiddenSize(50));
        assertTrue(settings.needsNewNetworkProperty().get()); // activation still differs
    }

    @Test
    void numbersAreShownShort() {
        assertEquals("1", TrainingSettingsViewModel.format(1.0));
        assertEquals("0.01", TrainingSettingsViewModel.format(0.01));
    }

    @Test
    void theInputBlurIsTheDefaultsOrTheLoadedModelsAndTheConfigsCarryIt() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        assertEquals(TrainingConfig.DEFAULT_INPUT_BLUR, settings.toConfig().inputBlur());
        settings.load(NetworkSpec.DEFAULT, TrainingConfig.defaults().withInputBlur(0.7));
        assertEquals(0.7, settings.toConfig().inputBlur());
        assertEquals(0.7, settings.configFor(NetworkSpec.DEFAULT).inputBlur());
        settings.load(NetworkSpec.DEFAULT, TrainingConfig.defaults().withInputBlur(0.0));
        assertEquals(0.0, settings.toConfig().inputBlur());
    }

    @Test
    void theDeskewBoxStartsAtTheDefaultAndTheConfigsCarryIt() {
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel();
        assertEquals(TrainingConfig.DEFAULT_DESKEW, settings.deskewProperty().get());
        settings.deskewProperty().set(!TrainingConfig.DEFAULT_DESKEW);
        assertEquals(!TrainingConfig.DEFAULT_DESKEW, settings.toConfig().deskew());
        assertEquals(!TrainingConfig.DEFAULT_DESKEW, settings.configFor(NetworkSpec.DEFAULT).deskew());
        settings.deskewProperty().set(true);
        assertEquals(TrainingConfig.defaults().withDeskew(true), settings.toConfig()); // nothing else changed
        settings.load(NetworkSpec.DEFAULT, TrainingConfig.defaults().withDeskew(false));
        assertEquals(false, settings.deskewProperty().get());
        settings.load(NetworkSpec.DEFAULT, TrainingConfig.defaults().withDeskew(true));
        assertTrue(settings.deskewProperty().get());
    }
    @Test
    void theAugmentationsNameSaysWhatIsErasedAndThePresetsKeepTheDefaultErasing() {
        Locale before = I18n.locale();
        try {
            I18n.setLocale(Locale.ENGLISH);
            String defaults = TrainingSettingsViewModel.describe(TrainingConfig.DEFAULT_AUGMENTATION);
            assertTrue(defaults.startsWith("shift ±1.25 px, rotate ±10°, scale ±5 %"), defaults);
            assertTrue(defaults.endsWith("erase 3–5 px squares in 75 % of images"), defaults);
            String discs = TrainingSettingsViewModel.describe(Augmentation.SHIFTS.withErasing(0.5, 2, 4,
                    Augmentation.EraseShape.DISC, 0));
            assertEquals("shift ±1 px, erase 2–4 px discs in 50 % of images", discs);
            Augmentation elastic = TrainingSettingsViewModel.AUGMENTATION_PRESETS.stream()
                    .filter(limits -> limits.elasticAlpha() > 0).findFirst().orElseThrow();
            assertTrue(elastic.erases(), "the elastic preset is the defaults plus a field, erasing included");
        } finally {
            I18n.setLocale(before);
        }
    }
}
