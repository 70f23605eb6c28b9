package org.hiddenneurons.ui;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The workbench's small control factories and layout policy: sections with titles, buttons with
 * tooltips, setting labels, scroll panes that repaint in place. Looks come from the theme
 * stylesheets through the style classes set here.
 */
final class WorkbenchControls {

    private WorkbenchControls() {
    }

    static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinHeight(Region.USE_PREF_SIZE);
        return section(heading, content);
    }

    static VBox section(Node heading, Node... content) {
        VBox box = new VBox(heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("hn-section");
        return box;
    }

    /** A section title with a control at its right end. */
    static HBox titleRow(String title, Node control) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinWidth(0);
        HBox row = new HBox(heading, spacer(), control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("hn-toolbar");
        return row;
    }

    static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /**
     * The Train button's text for a training session in {@code phase}: "Pause" while it runs,
     * "Resume" while it is paused, "Train" otherwise. Shared by the workbench and Compare runs.
     */
    static <P> javafx.beans.binding.StringBinding trainText(javafx.beans.value.ObservableValue<P> phase,
            P running, P paused) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            P now = phase.getValue();
            return now == running ? I18n.t("workbench.train.pause")
                    : now == paused ? I18n.t("workbench.train.resume") : I18n.t("workbench.train");
        }, phase);
    }

    static Label settingLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-setting-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }

    /** Shows values by {@code name}; not editable. */
    static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hn-scroll");
        return scroll;
    }

    /** An analysis page's content in a page box that scrolls. */
    static ScrollPane pagePane(Region content) {
        content.getStyleClass().add("hn-page-content");
        VBox box = new VBox(content);
        box.getStyleClass().add("hn-page");
        VBox.setVgrow(content, Priority.ALWAYS);
        ScrollPane scroll = scroll(box);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /**
     * Turns off the scroll pane's viewport cache. JavaFX's ScrollPane skin caches its viewport as
     * an image, which makes scrolling still content cheap — but content that changes while training
     * then costs a re-render of the whole viewport into the cache on every change: on the workbench,
     * with software rendering, ~100 ms of the render thread per drag on the pad and ~80 ms per
     * training snapshot, instead of the few changed regions (RepaintCostHarness, BENCHMARKS.md).
     */
    static void repaintInPlace(ScrollPane scroll) {
        Runnable uncache = () -> {
            for (Node child : scroll.getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains("viewport")) {
                    child.setCache(false);
                }
            }
        };
        scroll.skinProperty().addListener((o, old, now) -> uncache.run());
        uncache.run();
    }

    /**
     * The workbench page in a scroll pane that only scrolls above Normal text: there every column
     * keeps its natural width, and a window too small for them scrolls instead of cutting the
     * hidden layer and the training column off. At Normal text and smaller the columns share the
     * window as before.
     */
    static ScrollPane largeTextScroll(Region page, Region center, ScrollPane right,
                                      javafx.beans.value.ObservableValue<Themes.TextSize> textSize, ViewScope scope) {
        ScrollPane scroll = scroll(page);
        repaintInPlace(scroll);
        scroll.setFitToHeight(true);
        Runnable fit = () -> {
            boolean large = textSize.getValue().compareTo(Themes.TextSize.NORMAL) > 0;
            center.setMinWidth(large ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
            // The training column: as wide as its content asks at large text, fixed otherwise.
            right.setPrefWidth(large ? Region.USE_COMPUTED_SIZE : TrainingColumn.RIGHT_WIDTH);
            right.setMinWidth(large ? Region.USE_PREF_SIZE : TrainingColumn.RIGHT_WIDTH);
            // Otherwise the page always takes exactly the window, as it did before this scroll pane.
            page.setMinSize(large ? Region.USE_COMPUTED_SIZE : 0, large ? Region.USE_COMPUTED_SIZE : 0);
            scroll.setHbarPolicy(large ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setVbarPolicy(large ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        };
        scope.listen(textSize, (o, was, size) -> fit.run());
        fit.run();
        return scroll;
    }
}
