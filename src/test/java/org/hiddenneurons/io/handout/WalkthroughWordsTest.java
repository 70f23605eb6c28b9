package org.hiddenneurons.io.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFixtures;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.junit.jupiter.api.Test;

/** The walkthrough's words: both languages complete, and every step readable in each. */
class WalkthroughWordsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        ResourceBundle english = WalkthroughWords.bundle(Locale.ENGLISH);
        ResourceBundle chinese = WalkthroughWords.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals(english.keySet(), chinese.keySet());
        for (String key : english.keySet()) {
            assertEquals(placeholders(english.getString(key)), placeholders(chinese.getString(key)), key);
            assertNotEquals(english.getString(key), chinese.getString(key), key + " is not translated");
        }
    }

    @Test
    void everyStepOfEveryKindOfNetworkHasWordsInBothLanguages() {
        Random random = new Random(WalkthroughFixtures.SEED);
        for (Activation activation : Activation.values()) {
            for (OutputLayer output : OutputLayer.values()) {
                NetworkSpec spec = new NetworkSpec(5, 4, 6, 4, activation, output);
                Network network = WalkthroughFixtures.randomNetwork(spec, random, 0.5);
                Walkthrough w = Walkthrough.of(network, WalkthroughFixtures.randomInput(spec, random), 2, 0.1, 0.5);
                for (WalkthroughStep step : WalkthroughStep.values()) {
                    for (Locale language : WalkthroughWords.SUPPORTED) {
                        StepContent content = WalkthroughTexts.content(w, step, language);
                        assertFalse(content.caption().isBlank(), step + " " + language);
                        assertFalse(WalkthroughWords.title(step, language).isBlank(), step + " " + language);
                        List<NumberTable> tables = WalkthroughTables.tables(w, step, 1, language);
                        assertFalse(tables.isEmpty(), step + " " + language);
                        assertEquals(WalkthroughTables.tables(w, step, 1, Locale.ENGLISH).size(), tables.size(), "same tables in every language");
                    }
                    String chinese = WalkthroughTexts.content(w, step, Locale.SIMPLIFIED_CHINESE).caption();
                    assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.HAN), chinese);
                }
            }
        }
    }

    @Test
    void englishIsTheDefaultAndNumbersHaveNoGrouping() {
        Random random = new Random(WalkthroughFixtures.SEED);
        Network network = WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.1);
        Walkthrough w = Walkthrough.of(network, WalkthroughFixtures.randomInput(NetworkSpec.DEFAULT, random), 7, 0, 1);
        for (WalkthroughStep step : WalkthroughStep.values()) {
            assertEquals(WalkthroughTexts.content(w, step, Locale.ENGLISH).caption(), WalkthroughTexts.content(w, step, Locale.ENGLISH).caption());
            assertEquals(WalkthroughTexts.content(w, step, Locale.ENGLISH).shapes(), WalkthroughTexts.content(w, step, Locale.ENGLISH).shapes());
        }
        assertEquals("Input", WalkthroughWords.title(WalkthroughStep.INPUT, Locale.ENGLISH));
        assertTrue(WalkthroughTexts.content(w, WalkthroughStep.INPUT, Locale.ENGLISH).caption().startsWith("The drawing is 400 numbers"));
        assertTrue(WalkthroughTexts.content(w, WalkthroughStep.INPUT, Locale.SIMPLIFIED_CHINESE).caption().contains("400"));
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
