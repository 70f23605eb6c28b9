package org.hiddenneurons.core;

/**
 * Examples as a row-major matrix (one example of {@link #inputSize()} inputs per row) that is read a
 * block of rows at a time, so its owner may keep the examples in a compact form (e.g. one byte per
 * pixel) and a cost function decodes only the block it works on
 * ({@link BatchedCostFunction#evaluate(Network, InputRows, int[], int, double, Gradients, double[], java.util.function.BooleanSupplier)}).
 * Reading must be safe from several threads at once.
 */
public interface InputRows {

    /** The number of rows (examples). */
    int size();

    /** Inputs per row. */
    int inputSize();

    /**
     * Writes rows [first, first + count) row-major into {@code out} from {@code offset} on.
     *
     * @param out Modified: count·inputSize values from offset.
     */
    void copyRows(int first, int count, double[] out, int offset);

    /**
     * The first {@code count} rows of a row-major array (not copied: it must not change while read).
     *
     * @param values at least count·inputSize values
     */
    static InputRows of(double[] values, int count, int inputSize) {
        if (count < 0 || inputSize < 1 || (long) count * inputSize > values.length) {
            throw new IllegalArgumentException(values.length + " values do not hold " + count + " rows of " + inputSize);
        }
        return new InputRows() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public int inputSize() {
                return inputSize;
            }

            @Override
            public void copyRows(int first, int rows, double[] out, int offset) {
                if (first < 0 || rows < 0 || first + rows > count) {
                    throw new IndexOutOfBoundsException("rows " + first + ".." + (first + rows) + " of " + count);
                }
                System.arraycopy(values, first * inputSize, out, offset, rows * inputSize);
            }
        };
    }
}
