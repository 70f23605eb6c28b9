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
}
