package org.hiddenneurons.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** Language choice: system locale mapping, the test override, formatting per language. */
class I18nTest {

    @Test
    void anyChineseSystemLocaleChoosesSimplifiedChineseAndEverythingElseEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.systemChoice(Locale.forLanguageTag("zh-CN")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.systemChoice(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.ENGLISH, I18n.systemChoice(Locale.forLanguageTag("de-DE")));
        assertEquals(Locale.ENGLISH, I18n.systemChoice(Locale.ROOT));
    }

    /** The surefire configuration sets the override to English (pom.xml). */
    @Test
    void theOverridePinsTheLanguageAndASwitchIsNotRemembered() {
        assertEquals("en", System.getProperty(I18n.LANGUAGE_PROPERTY), "pom.xml's surefire override");
        assertEquals(Locale.ENGLISH, I18n.initialLocale());
        Preferences preferences = Preferences.userNodeForPackage(I18n.class);
        String remembered = preferences.get(I18n.PREFERENCE_KEY, null);
        try {
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.locale());
            assertEquals(remembered, preferences.get(I18n.PREFERENCE_KEY, null), "the test's choice was remembered");
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void argumentsAreFormattedInTheChosenLanguage() {
        assertEquals("Epoch 12", I18n.text(Locale.ENGLISH, "workbench.status.epoch", "12"));
        assertEquals("第 12 轮", I18n.text(Locale.SIMPLIFIED_CHINESE, "workbench.status.epoch", "12"));
        assertEquals("Training includes your drawing (My drawings, Ctrl+6); the test set stays the standard one.",
                I18n.text(Locale.ENGLISH, "workbench.withDrawings", 1));
        assertEquals("Training includes your 3 drawings (My drawings, Ctrl+6); the test set stays the standard one.",
                I18n.text(Locale.ENGLISH, "workbench.withDrawings", 3));
    }

    @Test
    void unsupportedLanguagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> I18n.setLocale(Locale.GERMAN));
    }
}
