package org.hiddenneurons.core.kernel;

/**
 * Where a row-major matrix is not zero: for each row, the columns whose values are not 0 (NaN
 * counts as not zero), in increasing order. Handwritten digits are mostly background (75 % of the
 * pixels of digits.png are exactly 0), so the input layer's products can skip most of their
 * multiply-adds ({@link InputLayer}). The index refers to the matrix, it does not copy it: the
 * matrix must not change while the index is used.
 *
 * <p>Built with {@link #build} (the whole matrix, once: e.g. a training set) or reused for a
 * mini-batch with {@link #gather}. Reading it from several threads is safe once it is built and
 * handed over (e.g. through an executor); building is not thread-safe.
 */
public final class NonzeroIndex {

    /** Up to this many entries, {@link #build} reserves room for all of them and lists in one pass. */
    static final int WORST_CASE_RESERVE = 1 << 17;

    private double[] values = new double[0];
    private int firstRow;
    private int rows;
    private int columns;
    /** Row r's columns are column[rowStart[r] .. rowStart[r + 1]). */
    int[] rowStart = new int[1];
    int[] column = new int[0];

    /** An index of rows [firstRow, firstRow + rows) of a values matrix with the given column count. */
    public static NonzeroIndex of(double[] values, int firstRow, int rows, int columns) {
        NonzeroIndex index = new NonzeroIndex();
        index.build(values, firstRow, rows, columns);
        return index;
    }

    /**
     * Indexes rows [firstRow, firstRow + rows) of {@code values} (row-major, {@code columns} per row),
     * reusing this index's arrays. Row r of the index is row firstRow + r of the matrix.
     *
     * @throws IllegalArgumentException if the rows are not within {@code values}, or there are more
     *                                  than {@link Integer#MAX_VALUE} entries
     */
    public void build(double[] values, int firstRow, int rows, int columns) {
        long entries = (long) rows * columns;
        if (firstRow < 0 || rows < 0 || columns < 1 || (long) (firstRow + rows) * columns > values.length) {
            throw new IllegalArgumentException("rows " + firstRow + ".." + (firstRow + rows) + " of " + columns
                    + " columns are not within " + values.length + " values");
        }
        if (entries > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rows + "x" + columns + " entries are too many to index");
        }
        if (entries <= WORST_CASE_RESERVE) {
            reserve(rows, (int) entries);
        } else {
            // A large matrix (a whole data set): count first, so the index takes what it needs.
            int[] none = new int[1];
            int nonzeros = 0;
            for (int r = 0; r < rows; r++) {
                nonzeros = listRow(values, (firstRow + r) * columns, columns, none, nonzeros, false);
            }
            reserve(rows, nonzeros);
        }
        int count = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = count;
            count = listRow(values, (firstRow + r) * columns, columns, column, count, true);
        }
        rowStart[rows] = count;
        set(values, firstRow, rows, columns);
    }

    /**
     * Re-points this index at a mini-batch gathered from {@code source}'s matrix: row b is source
     * row {@code sourceRows[from + b]}, and its values are row b of {@code batchValues} (the caller
     * copies them, e.g. with {@link System#arraycopy}). Copies column lists, not values: cheaper
     * than {@link #build} over the copied rows, with the same result.
     */
    public void gather(NonzeroIndex source, int[] sourceRows, int from, int count, double[] batchValues) {
        int total = 0;
        for (int b = 0; b < count; b++) {
            int row = sourceRows[from + b];
            total += source.rowStart[row + 1] - source.rowStart[row];
        }
        reserve(count, total);
        int next = 0;
        for (int b = 0; b < count; b++) {
            int row = sourceRows[from + b];
            int start = source.rowStart[row];
            int length = source.rowStart[row + 1] - start;
            rowStart[b] = next;
            System.arraycopy(source.column, start, column, next, length);
            next += length;
        }
        rowStart[count] = next;
        set(batchValues, 0, count, source.columns);
    }

    /**
     * Appends to {@code out} from {@code count} on (if {@code write}) the columns of the row at
     * {@code offset} whose value is not 0; returns the new count. {@code out} must have room for
     * all of them plus one.
     */
    private static int listRow(double[] values, int offset, int columns, int[] out, int count, boolean write) {
        for (int c = 0; c < columns; c++) {
            if (write) {
                out[count] = c;
            }
            // Branch-free: whether a pixel is ink is not predictable. Shifting out the sign bit
            // leaves 0 exactly for ±0.0; (b | −b) >>> 63 is then 0 for zero, 1 otherwise.
            long bits = Double.doubleToRawLongBits(values[offset + c]) << 1;
            count += (int) ((bits | -bits) >>> 63);
        }
        return count;
    }

    private void reserve(int rowCount, int entries) {
        if (rowStart.length < rowCount + 1) {
            rowStart = new int[rowCount + 1];
        }
        // One spare slot: listRow writes a candidate before it knows whether to keep it.
        if (column.length < entries + 1) {
            column = new int[entries + 1];
        }
    }

    private void set(double[] matrix, int first, int rowCount, int columnCount) {
        values = matrix;
        firstRow = first;
        rows = rowCount;
        columns = columnCount;
    }

    /** The indexed matrix (not a copy). */
    public double[] values() {
        return values;
    }

    /** The matrix row of index row 0. */
    public int firstRow() {
        return firstRow;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Nonzero entries in index rows [from, from + count). */
    public int nonzeros(int from, int count) {
        return rowStart[from + count] - rowStart[from];
    }
}
