package org.hiddenneurons.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColorBarTest {

    private static final DivergingPalette PALETTE = DivergingPalette.BLUE_WHITE_RED;

    @Test
    void barGoesFromMostNegativeThroughZeroToMostPositive() {
        int width = 101;
        int height = 3;
        int[] bar = ColorBar.horizontal(PALETTE, width, height);
        assertEquals(width * height, bar.length);
        assertEquals(PALETTE.entry(0), bar[0]);
        assertEquals(PALETTE.argb(0.0, 1.0), bar[width / 2]);
        assertEquals(PALETTE.entry(DivergingPalette.LEVELS - 1), bar[width - 1]);
        for (int x = 0; x < width; x++) {
            assertEquals(bar[x], bar[(height - 1) * width + x], "every row is the same");
        }
    }

    @Test
    void fractionIsLinearAcrossTheBar() {
        assertEquals(-1.0, ColorBar.fractionAt(0, 5));
        assertEquals(-0.5, ColorBar.fractionAt(1, 5));
        assertEquals(0.0, ColorBar.fractionAt(2, 5));
        assertEquals(1.0, ColorBar.fractionAt(4, 5));
    }

    @Test
    void labelsShowTheSymmetricRange() {
        assertArrayEquals(new String[] {"\u22120.823", "0", "+0.823"}, ColorBar.labels(0.82345));
        assertArrayEquals(new String[] {"\u22121.23e+03", "0", "+1.23e+03"}, ColorBar.labels(1234.5));
    }
}
