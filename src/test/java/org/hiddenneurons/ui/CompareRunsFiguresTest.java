package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.hiddenneurons.ui.CompareRunsFigures.Figure;
import org.hiddenneurons.ui.i18n.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The figures beside each Compare runs grid: label/value pairs in both languages, in the app's formats. */
class CompareRunsFiguresTest {

    @AfterEach
    void backToEnglish() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void englishFiguresPairEachLabelWithItsValueAndTheAppsPercentFormat() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals(List.of(new Figure("Step", "1400"), new Figure("Epoch", "35"),
                        new Figure("Test accuracy", "95.6 %"), new Figure("Smoothness", "0.55")),
                CompareRunsFigures.of(1400, 35, 0.956, 0.5512));
    }

    @Test
    void chineseFiguresUseTheChineseLabelsAndPercentFormat() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of(new Figure("步数", "1400"), new Figure("轮次", "35"),
                        new Figure("测试准确率", "95.6%"), new Figure("平滑度", "0.68")),
                CompareRunsFigures.of(1400, 35, 0.9555, 0.6789));
    }

    @Test
    void figuresNotYetScoredShowADash() {
        I18n.setLocale(Locale.ENGLISH);
        List<Figure> figures = CompareRunsFigures.of(0, 0, Double.NaN, Double.NaN);
        assertEquals("\u2013", figures.get(2).value());
        assertEquals("\u2013", figures.get(3).value());
    }
}
