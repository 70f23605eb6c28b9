package org.hiddenneurons.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileSizingTest {

    /** The hidden-unit tile's chrome: a 3 px frame each side, a 1 px gap and a 4 px activation bar. */
    private static final double CHROME_WIDTH = 6;
    private static final double CHROME_HEIGHT = 11;
    private static final double GAP = 2;

    private static TileSizing fit(int count, double width, double height) {
        return TileSizing.fit(count, 20, 20, width, height, CHROME_WIDTH, CHROME_HEIGHT, GAP);
    }

    @Test
    void twentyFiveUnitsInAnExactFiveTimesBoxGetFiveTimes() {
        // 5 × (100 + 6) + 4 × 2 = 538 wide, 5 × (100 + 11) + 4 × 2 = 563 high
        TileSizing sizing = fit(25, 538, 563);
        assertEquals(5, sizing.columns());
        assertEquals(5, sizing.rows());
        assertEquals(5, sizing.imageScale());
        assertEquals(100, sizing.pictureWidth(20));
        assertEquals(538, sizing.gridWidth());
        assertEquals(563, sizing.gridHeight());
    }

    @Test
    void onePixelLessDropsToTheNextWholeScale() {
        assertEquals(4, fit(25, 537, 563).imageScale());
        assertEquals(4, fit(25, 538, 562).imageScale());
    }

    @Test
    void scaleGrowsWithTheBoxAndTheGridAlwaysFits() {
        int previous = 0;
        for (double side = 200; side <= 1400; side += 37) {
            TileSizing sizing = fit(25, side, side);
            assertTrue(sizing.imageScale() >= previous, "scale never shrinks as the box grows");
            previous = sizing.imageScale();
            if (sizing.imageScale() > 1) {
                assertTrue(sizing.gridWidth() <= side && sizing.gridHeight() <= side, "fits at side " + side);
                TileSizing bigger = TileSizing.of(sizing.columns(), sizing.rows(), sizing.imageScale() + 1, 20, 20,
                        CHROME_WIDTH, CHROME_HEIGHT, GAP);
                assertTrue(bigger.gridWidth() > side || bigger.gridHeight() > side, "the next scale does not fit");
            }
        }
    }

    @Test
    void everyHiddenSizeFromFiveToHundredIsNearSquareAndHoldsAllUnits() {
        for (int count = 5; count <= 100; count++) {
            TileSizing sizing = fit(count, 900, 700);
            assertTrue(sizing.columns() * sizing.rows() >= count, "room for " + count);
            assertTrue((sizing.rows() - 1) * sizing.columns() < count, "no empty row for " + count);
            int squareColumns = (int) Math.ceil(Math.sqrt(count));
            int squareCells = squareColumns * ((count + squareColumns - 1) / squareColumns);
            assertTrue(sizing.columns() * sizing.rows() <= squareCells, "no more gaps than square for " + count);
            double aspect = (double) Math.max(sizing.columns(), sizing.rows())
                    / Math.min(sizing.columns(), sizing.rows());
            assertTrue(aspect <= TileSizing.MAX_ASPECT, count + " units: " + sizing);
            assertTrue(sizing.gridWidth() <= 900 && sizing.gridHeight() <= 700, count + " units fit: " + sizing);
        }
    }

    @Test
    void aWideBoxPrefersMoreColumnsWhenThatGivesLargerTiles() {
        // 10 units in a wide, low box: 5 × 2 (aspect 2.5) gives larger pictures than 4 × 3 or 3 × 4.
        TileSizing sizing = fit(10, 1000, 300);
        assertEquals(5, sizing.columns());
        assertEquals(2, sizing.rows());
        // (300 − 2) / 2 − 11 = 138 → 6×; (1000 − 8) / 5 − 6 = 192.4 → 9×: the height decides.
        assertEquals(6, sizing.imageScale());
    }

    @Test
    void twentyFiveUnitsStayFiveByFiveEvenWhenSevenByFourWouldGiveLargerPictures() {
        // 1300 × 840: 7 × 4 would give 8× ((840 − 6) / 4 − 11 = 197.5; (1300 − 12) / 7 − 6 = 178),
        // 5 × 5 gives 7× ((840 − 8) / 5 − 11 = 155.4).
        TileSizing sizing = fit(25, 1300, 840);
        assertEquals(5, sizing.columns());
        assertEquals(7, sizing.imageScale());
    }

    @Test
    void hundredUnitsInATallBoxAreTenByTen() {
        TileSizing sizing = fit(100, 1000, 1000);
        assertEquals(10, sizing.columns());
        assertEquals(10, sizing.rows());
        // (1000 − 18) / 10 − 11 = 87.2 → 4×
        assertEquals(4, sizing.imageScale());
    }

    @Test
    void aBoxTooSmallForEvenOnePixelStillGivesScaleOne() {
        assertEquals(1, fit(25, 50, 50).imageScale());
    }

    @Test
    void rejectsNoTiles() {
        assertThrows(IllegalArgumentException.class, () -> fit(0, 500, 500));
    }
}
