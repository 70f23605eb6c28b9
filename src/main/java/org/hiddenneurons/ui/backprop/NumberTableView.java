package org.hiddenneurons.ui.backprop;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.hiddenneurons.io.handout.NumberTable;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * A {@link NumberTable} as a selectable table: 6 significant digits on screen, columns this step
 * computed highlighted; Ctrl+C (or the Copy button) copies the selected rows — all rows when none
 * is selected — as tab-separated text at full precision.
 */
final class NumberTableView extends VBox {

    static final String STYLE = "hn-bp-table";
    static final String CHANGED = "hn-bp-changed";
    static final String LABEL_COLUMN = "hn-bp-row-label";
    /** Rows shown before the table scrolls. */
    static final int VISIBLE_ROWS = 12;
    static final double ROW_HEIGHT = 26;

    /** Room beside a column's widest text (cell padding aside), in units of the cell font's size. */
    static final double COLUMN_MARGIN_EM = 1.2;
    /** Width kept for the table's vertical scroll bar. */
    static final double SCROLL_BAR_ALLOWANCE = 16;

    private final NumberTable table;
    private Font measuredCellFont;
    private Font measuredHeaderFont;
    private final TableView<Integer> view = new TableView<>();

    NumberTableView(NumberTable table) {
        this.table = table;
        getStyleClass().add(STYLE);
        Label title = new Label(table.title());
        title.getStyleClass().add(BackpropView.TABLE_TITLE);
        Button copy = new Button(I18n.t("pages.backprop.table.copy"));
        copy.getStyleClass().add(BackpropView.CONTROLS);
        copy.setOnAction(e -> copy());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, copy);

        TableColumn<Integer, String> labels = new TableColumn<>(table.rowHeader());
        labels.setCellValueFactory(c -> new ReadOnlyStringWrapper(table.rowLabels().get(c.getValue())));
        labels.getStyleClass().add(LABEL_COLUMN);
        labels.setSortable(false);
        view.getColumns().add(labels);
        for (NumberTable.Column column : table.columns()) {
            TableColumn<Integer, String> tc = new TableColumn<>(column.name());
            tc.setCellValueFactory(c -> new ReadOnlyStringWrapper(WalkthroughFormat.display(column.values()[c.getValue()])));
            tc.setSortable(false);
            if (column.changed()) {
                tc.getStyleClass().add(CHANGED);
            }
            view.getColumns().add(tc);
        }
        for (int r = 0; r < table.rowCount(); r++) {
            view.getItems().add(r);
        }
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Every column as wide as its widest text (fitColumns); a table wider than its place scrolls sideways.
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setFixedCellSize(ROW_HEIGHT);
        view.setPrefHeight(ROW_HEIGHT * (Math.min(VISIBLE_ROWS, table.rowCount()) + 1.6));
        view.setMaxHeight(Region.USE_PREF_SIZE);
        view.setMinWidth(0); // narrower than its columns, it scrolls sideways (never pushes the page wider)
        setMinWidth(0);
        view.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy();
                e.consume();
            }
        });
        getChildren().addAll(header, view);
        setSpacing(4);
    }

    /** Before each layout: the columns fit their texts in the fonts the style sheet gave the cells. */
    @Override
    protected void layoutChildren() {
        fitColumns();
        super.layoutChildren();
    }

    /**
     * Sizes every column to its widest text — the header and each row's cell, measured in the
     * header's and the cells' current fonts (bold, as in the columns this step computed) — once
     * per change of those fonts (text size, presentation mode). Until the skin has made its cells
     * nothing is measured.
     */
    private void fitColumns() {
        if (!(view.lookup(".table-row-cell .table-cell") instanceof Labeled cell)
                || !(view.lookup(".column-header .label") instanceof Labeled header)) {
            return;
        }
        Font cellFont = bold(cell.getFont());
        Font headerFont = bold(header.getFont());
        if (cellFont.equals(measuredCellFont) && headerFont.equals(measuredHeaderFont)) {
            return;
        }
        measuredCellFont = cellFont;
        measuredHeaderFont = headerFont;
        double margin = COLUMN_MARGIN_EM * cellFont.getSize() + cell.snappedLeftInset() + cell.snappedRightInset();
        double total = 0;
        for (TableColumn<Integer, ?> column : view.getColumns()) {
            double width = textWidth(column.getText(), headerFont);
            for (int row = 0; row < table.rowCount(); row++) {
                width = Math.max(width, textWidth(String.valueOf(column.getCellData(row)), cellFont));
            }
            double fitted = Math.ceil(width + margin);
            column.setMinWidth(fitted);
            column.setPrefWidth(fitted);
            total += fitted;
        }
        // As wide as its columns and a vertical scroll bar, where there is room; narrower, it scrolls.
        view.setPrefWidth(total + view.snappedLeftInset() + view.snappedRightInset() + SCROLL_BAR_ALLOWANCE);
    }

    private static Font bold(Font font) {
        return Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
    }

    private static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    NumberTable table() {
        return table;
    }

    TableView<Integer> tableView() {
        return view;
    }

    /** What copy puts on the clipboard: the selected rows, or every row. */
    String copyText() {
        var selected = view.getSelectionModel().getSelectedIndices();
        if (selected.isEmpty()) {
            return table.toTabSeparated();
        }
        return table.toTabSeparated(selected.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(copyText());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
