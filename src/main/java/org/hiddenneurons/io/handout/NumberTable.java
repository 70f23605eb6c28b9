package org.hiddenneurons.io.handout;

import java.util.List;

/**
 * A table of numbers for one step, as the view and the handout show it: labelled rows, named
 * columns, NaN where a column has no value in a row (e.g. z2 has no bias row).
 *
 * @param title      what the table shows ("Unit 7: the 400 products w_i·x_i")
 * @param rowHeader  heading of the label column ("j", "digit k")
 * @param rowLabels  one label per row
 * @param columns    the value columns, each as long as {@code rowLabels}
 */
public record NumberTable(String title, String rowHeader, List<String> rowLabels, List<Column> columns) {

    /**
     * @param name    heading in mathematical notation ("z²ⱼ")
     * @param values  one per row; NaN shows as an empty cell. Never modified
     * @param changed true if this step computed the column (highlighted)
     */
    public record Column(String name, double[] values, boolean changed) {
    }

    public NumberTable {
        rowLabels = List.copyOf(rowLabels);
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.values().length != rowLabels.size()) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.values().length
                        + " values for " + rowLabels.size() + " rows");
            }
        }
    }

    public int rowCount() {
        return rowLabels.size();
    }

    /**
     * The table as tab-separated text with a header line, full precision ({@link Double#toString},
     * ASCII minus), empty cells for NaN: what "copy" puts on the clipboard.
     *
     * @param rows the row indices to include, in order
     */
    public String toTabSeparated(int[] rows) {
        StringBuilder text = new StringBuilder(rowHeader);
        for (Column column : columns) {
            text.append('\t').append(column.name());
        }
        text.append('\n');
        for (int row : rows) {
            text.append(rowLabels.get(row));
            for (Column column : columns) {
                double value = column.values()[row];
                text.append('\t');
                if (!Double.isNaN(value)) {
                    text.append(value);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Every row as tab-separated text. */
    public String toTabSeparated() {
        int[] all = new int[rowCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return toTabSeparated(all);
    }
}
