package org.hiddenneurons.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** "Looks like a 7 / an 8": the article comes from the bundle, for any class number, in both languages. */
class PredictionTextTest {

    /** Enough classes for any data set the app opens (hidden sizes and class counts stay below 100). */
    private static final int MAX_CLASS = 99;

    /** English article by how the number is spoken: "an" before eight, eleven, eighteen, eighty-…. */
    private static String englishArticle(int number) {
        boolean vowelSound = number == 8 || number == 11 || number == 18 || (number >= 80 && number <= 89);
        return vowelSound ? "an" : "a";
    }

    @Test
    void englishPicksTheArticleOfTheSpokenNumber() {
        for (int digit = 0; digit <= MAX_CLASS; digit++) {
            assertEquals("Looks like " + englishArticle(digit) + " " + digit,
                    I18n.text(Locale.ENGLISH, "workbench.prediction.digit", digit));
        }
    }

    @Test
    void chineseHasNoArticle() {
        for (int digit = 0; digit <= MAX_CLASS; digit++) {
            assertEquals("看起来像 " + digit, I18n.text(Locale.SIMPLIFIED_CHINESE, "workbench.prediction.digit", digit));
        }
    }
}
