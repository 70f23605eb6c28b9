package org.hiddenneurons.io.handout;

/**
 * One named array of a walkthrough step with its shape: every number the step computes, as the
 * CSV export writes it.
 *
 * @param name    ASCII name in the course's notation ("z2", "Theta1_after", "Delta1")
 * @param rows    number of rows (a column vector has {@code columns} = 1)
 * @param columns number of columns
 * @param values  rows×columns values, row-major. Owned by the quantity: never modified
 */
public record Quantity(String name, int rows, int columns, double[] values) {

    public Quantity {
        if (rows * columns != values.length) {
            throw new IllegalArgumentException(name + ": " + rows + "x" + columns + " does not hold "
                    + values.length + " values");
        }
    }

    /** A column vector. */
    public static Quantity vector(String name, double[] values) {
        return new Quantity(name, values.length, 1, values);
    }

    /** A 1×1 quantity. */
    public static Quantity scalar(String name, double value) {
        return new Quantity(name, 1, 1, new double[] {value});
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** "25×401" (U+00D7). */
    public String shape() {
        return rows + "\u00d7" + columns;
    }
}
