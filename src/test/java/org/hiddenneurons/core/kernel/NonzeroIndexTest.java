package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonzeroIndexTest {

    @Test
    void listsTheColumnsThatAreNotZeroRowByRowCountingNaNAndNotMinusZero() {
        double[] values = {
            9, 9, 9, 9, // row 0 is not indexed
            0, 1.5, -0.0, Double.NaN,
            0, 0, 0, 0,
            -2, 0, 0, Double.MIN_VALUE};
        NonzeroIndex index = NonzeroIndex.of(values, 1, 3, 4);
        assertSame(values, index.values());
        assertEquals(1, index.firstRow());
        assertEquals(3, index.rows());
        assertEquals(4, index.columns());
        assertArrayEquals(new int[] {1, 3}, columnsOf(index, 0));
        assertArrayEquals(new int[0], columnsOf(index, 1));
        assertArrayEquals(new int[] {0, 3}, columnsOf(index, 2));
        assertEquals(4, index.nonzeros(0, 3));
        assertEquals(2, index.nonzeros(1, 2));
    }

    @Test
    void aLargeMatrixIsCountedFirstAndListedTheSame() {
        Random random = new Random(3);
        int columns = 400;
        int rows = NonzeroIndex.WORST_CASE_RESERVE / columns + 10;
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.25 ? random.nextDouble() : 0.0;
        }
        NonzeroIndex whole = NonzeroIndex.of(values, 0, rows, columns);
        // Only what it needs (plus the one spare slot), not rows × columns.
        assertEquals(whole.nonzeros(0, rows) + 1, whole.column.length);
        for (int r = 0; r < rows; r += 97) {
            NonzeroIndex one = NonzeroIndex.of(values, r, 1, columns);
            assertArrayEquals(columnsOf(one, 0), columnsOf(whole, r), "row " + r);
        }
    }

    @Test
    void aGatheredBatchEqualsAnIndexOfTheCopiedRows() {
        Random random = new Random(4);
        int columns = 30;
        int rows = 50;
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0.0;
        }
        NonzeroIndex source = NonzeroIndex.of(values, 0, rows, columns);
        int[] order = {7, 3, 49, 0, 3, 12, 25};
        int from = 1;
        int count = 5;
        double[] batch = new double[count * columns];
        for (int b = 0; b < count; b++) {
            System.arraycopy(values, order[from + b] * columns, batch, b * columns, columns);
        }
        NonzeroIndex gathered = new NonzeroIndex();
        gathered.build(values, 0, rows, columns); // reused: gather must replace, not append
        gathered.gather(source, order, from, count, batch);
        NonzeroIndex expected = NonzeroIndex.of(batch, 0, count, columns);
        assertSame(batch, gathered.values());
        assertEquals(count, gathered.rows());
        for (int b = 0; b < count; b++) {
            assertArrayEquals(columnsOf(expected, b), columnsOf(gathered, b), "batch row " + b);
        }
    }

    @Test
    void rowsOutsideTheMatrixAreRejected() {
        double[] values = new double[12];
        assertThrows(IllegalArgumentException.class, () -> NonzeroIndex.of(values, 0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> NonzeroIndex.of(values, -1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> NonzeroIndex.of(values, 0, 1, 0));
    }

    private static int[] columnsOf(NonzeroIndex index, int row) {
        return Arrays.copyOfRange(index.column, index.rowStart[row], index.rowStart[row + 1]);
    }
}
