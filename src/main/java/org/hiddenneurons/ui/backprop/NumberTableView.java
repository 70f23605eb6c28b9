package org.hiddenneurons.ui.backprop;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

    private final NumberTable table;
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
        view.setColumnResizePolicy(table.columns().size() > 6 ? TableView.UNCONSTRAINED_RESIZE_POLICY
                : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setFixedCellSize(ROW_HEIGHT);
        view.setPrefHeight(ROW_HEIGHT * (Math.min(VISIBLE_ROWS, table.rowCount()) + 1.6));
        view.setMaxHeight(Region.USE_PREF_SIZE);
        view.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy();
                e.consume();
            }
        });
        getChildren().addAll(header, view);
        setSpacing(4);
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
