package org.hiddenneurons.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitOrderingTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void ordersLargestFirstWithTiesAndNaNInUnitOrder() {
        double[] scores = {0.1, 0.5, Double.NaN, 0.5, -0.2};
        assertArrayEquals(new int[] {1, 3, 0, 4, 2}, UnitOrdering.descending(scores, 5));
        assertArrayEquals(new int[] {0, 1, 2}, UnitOrdering.descending(null, 3));
    }

    @Test
    void normalisesScoresToTheUnitInterval() {
        assertArrayEquals(new double[] {0.5, 1.0, Double.NaN, 0.0},
                UnitOrdering.normalised(new double[] {0.0, 0.2, Double.NaN, -0.2}), TOLERANCE);
        assertArrayEquals(new double[] {0.0, 0.0}, UnitOrdering.normalised(new double[] {3, 3}), TOLERANCE);
    }

    @Test
    void aDisplayOrderHoldsEveryUnitOnce() {
        assertTrue(UnitOrdering.isPermutation(new int[] {2, 0, 1}, 3));
        assertFalse(UnitOrdering.isPermutation(new int[] {2, 0, 0}, 3), "a unit twice");
        assertFalse(UnitOrdering.isPermutation(new int[] {2, 0, 3}, 3), "a unit out of range");
        assertFalse(UnitOrdering.isPermutation(new int[] {1, 0}, 3), "too short");
        assertFalse(UnitOrdering.isPermutation(null, 3));
    }
}
