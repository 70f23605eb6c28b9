package org.hiddenneurons.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.hiddenneurons.ui.WorkbenchView.Page;

/**
 * Page switching: one page of the window at a time in a host pane. Each page registers its node,
 * where the drawing pad sits on it (if it shows the pad), and what happens when it is shown
 * (usually: focus). The drawing pad travels with the pages that have a slot for it, so the drawing
 * is always one and the same.
 *
 * <p>A new page: add a constant to {@link Page} (its title, description and Ctrl+digit follow from
 * there), build its node in its own class, and {@link #add} it in {@code WorkbenchView}'s constructor.
 */
final class WorkbenchPages {

    private record Entry(Node node, Pane padSlot, Runnable onShown) {
    }

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.WORKBENCH);
    private final Map<Page, Entry> pages = new EnumMap<>(Page.class);
    private final StackPane host = new StackPane();
    private final Node padBox;

    /** @param padBox the drawing pad with its tools, moved into the slot of each page that shows it */
    WorkbenchPages(Node padBox) {
        this.padBox = padBox;
        host.setId(WorkbenchView.PAGES_ID);
        host.getStyleClass().add("hn-pages");
        page.addListener((o, old, now) -> show(now));
    }

    /**
     * Registers {@code which}'s node.
     *
     * @param padSlot where the drawing pad sits on the page, null if it shows none
     * @param onShown runs each time the page is shown (null: the node takes the focus)
     */
    void add(Page which, Node node, Pane padSlot, Runnable onShown) {
        pages.put(which, new Entry(node, padSlot, onShown != null ? onShown : node::requestFocus));
    }

    /** Shows the current page (call once every page is added). */
    void showCurrent() {
        show(page.get());
    }

    private void show(Page shown) {
        Entry entry = pages.get(shown);
        if (entry.padSlot() != null && padBox.getParent() != entry.padSlot()) {
            entry.padSlot().getChildren().setAll(padBox);
        }
        host.getChildren().setAll(entry.node());
        entry.onShown().run();
    }

    /** The page shown; set it to switch pages. */
    ObjectProperty<Page> pageProperty() {
        return page;
    }

    Node node(Page which) {
        return pages.get(which).node();
    }

    /** The pane the pages are shown in. */
    StackPane host() {
        return host;
    }
}
