package org.hiddenneurons.ui.dossier;

import javafx.beans.binding.Bindings;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hiddenneurons.data.Dataset;

/** Small builders shared by the dossier views. */
final class Cards {

    private Cards() {
    }

    /** A titled card: a surface panel with a bold title and the content under it. */
    static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(DossierStyles.CARD_TITLE);
        VBox box = new VBox(8);
        box.getStyleClass().add(DossierStyles.CARD);
        box.getChildren().add(heading);
        box.getChildren().addAll(content);
        return box;
    }

    /** Space between cards, across and down. */
    static final double CARD_GAP = 12;

    /**
     * Cards side by side at their own width, wrapping to the next line where the page is
     * narrower; a card wider than the whole row is narrowed to it (its own wrapping parts wrap).
     */
    static FlowPane row(Region... cards) {
        FlowPane row = new FlowPane(CARD_GAP, CARD_GAP, cards);
        row.setRowValignment(VPos.TOP);
        row.setMinWidth(0);
        for (Region card : cards) {
            double cap = card.getMaxWidth();
            card.maxWidthProperty().bind(cap > 0 ? Bindings.min(cap, row.widthProperty()) : row.widthProperty());
        }
        return row;
    }

    /** A row of parts at their own width, one line where room allows, wrapping where it does not. */
    static FlowPane wrapping(double hgap, double vgap) {
        FlowPane flow = new FlowPane(hgap, vgap);
        flow.setPrefWrapLength(Double.MAX_VALUE);
        flow.setRowValignment(VPos.TOP);
        return flow;
    }

    /** A muted, wrapping note. */
    static Label note(String text, double maxWidth) {
        Label label = new Label(text);
        label.getStyleClass().addAll(DossierStyles.NOTE, DossierStyles.MUTED);
        label.setWrapText(true);
        label.setMaxWidth(maxWidth);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A label in the formula style (monospace-ish numbers). */
    static Label formula() {
        Label label = new Label();
        label.getStyleClass().add(DossierStyles.FORMULA);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** "0".."9" style category names for {@code count} classes. */
    static String[] digitNames(int count) {
        String[] names = new String[count];
        for (int k = 0; k < count; k++) {
            names[k] = Integer.toString(k);
        }
        return names;
    }

    /** A framed grey picture of example {@code index} of {@code data}, {@code cell} screen pixels per pixel. */
    static HeatmapView example(Dataset data, int index, int cell) {
        HeatmapView view = new HeatmapView();
        view.setPreferredCell(cell);
        view.getStyleClass().add(DossierStyles.EXAMPLE_FRAME);
        view.setValues(data.sample(index), data.width(), data.height(), HeatmapView.Mode.GRAY, 1);
        return view;
    }
}
