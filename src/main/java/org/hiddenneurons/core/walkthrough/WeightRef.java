package org.hiddenneurons.core.walkthrough;

import org.hiddenneurons.core.NetworkSpec;

/**
 * One weight of the network: Θ1[row][column] (layer 1, row = hidden unit, column 0 = bias,
 * column 1 + p = input pixel p) or Θ2[row][column] (layer 2, row = output, column 0 = bias,
 * column 1 + j = hidden unit j).
 */
public record WeightRef(int layer, int row, int column) {

    public WeightRef {
        if (layer != 1 && layer != 2) {
            throw new IllegalArgumentException("layer must be 1 or 2, got " + layer);
        }
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("row and column must be non-negative, got " + row + ", " + column);
        }
    }

    /** Hidden unit {@code unit}'s weight from input pixel (x, y). */
    public static WeightRef pixel(NetworkSpec spec, int unit, int x, int y) {
        return new WeightRef(1, unit, 1 + y * spec.inputWidth() + x);
    }

    /** Index into Θ1 or Θ2 (row-major); checks the bounds against {@code spec}. */
    public int index(NetworkSpec spec) {
        int rows = layer == 1 ? spec.hiddenSize() : spec.outputSize();
        int columns = layer == 1 ? spec.inputSize() + 1 : spec.hiddenSize() + 1;
        if (row >= rows || column >= columns) {
            throw new IllegalArgumentException("Theta" + layer + "[" + row + "][" + column + "] is outside "
                    + rows + "x" + columns);
        }
        return row * columns + column;
    }

    /** "Θ¹[7][213]" (0-based, as in the arrays and the CSV). */
    public String label() {
        return (layer == 1 ? "\u0398\u00b9" : "\u0398\u00b2") + "[" + row + "][" + column + "]";
    }
}
