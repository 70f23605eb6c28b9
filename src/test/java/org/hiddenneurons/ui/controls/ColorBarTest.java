package org.hiddenneurons.ui.controls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ColorBarTest {

    private ColorBar bar;

    @Start
    void start(Stage stage) {
        bar = new ColorBar();
        stage.setScene(new Scene(new StackPane(bar), 240, 60));
        stage.show();
    }

    @Test
    void formatsSignedNumbersWithATrueMinusAndTwoSignificantDigits() {
        assertEquals("0", ColorBar.formatSigned(0));
        assertEquals("+0.84", ColorBar.formatSigned(0.8412));
        assertEquals("\u22120.84", ColorBar.formatSigned(-0.8412));
        assertEquals("+1.25", ColorBar.formatSigned(1.2512));
        assertEquals("+0.034", ColorBar.formatSigned(0.0341));
        assertEquals("+12.3", ColorBar.formatSigned(12.34));
        assertEquals("\u2212150", ColorBar.formatSigned(-150.2));
        assertEquals("0", ColorBar.formatSigned(1e-9));
        assertEquals("+\u221e", ColorBar.formatSigned(Double.POSITIVE_INFINITY));
    }

    @Test
    void formatsFixedDecimals() {
        assertEquals("+0.137", ColorBar.formatSigned(0.1371, 3));
        assertEquals("\u22120.42", ColorBar.format(-0.4249, 2));
        assertEquals("0.83", ColorBar.format(0.8301, 2));
        assertEquals("0.00", ColorBar.format(-0.0001, 2));
    }

    @Test
    void labelsShowTheRangeOrSayRelative(FxRobot robot) {
        assertArrayEquals(new String[] {"\u2013", "0", "\u2013"}, bar.labelTexts());
        robot.interact(() -> bar.setMaxAbs(0.8412));
        assertArrayEquals(new String[] {"\u22120.84", "0", "+0.84"}, bar.labelTexts());
        robot.interact(() -> bar.setRelative(true));
        assertArrayEquals(new String[] {"\u2212max |w|", "0", "+max |w|"}, bar.labelTexts());
    }
}
