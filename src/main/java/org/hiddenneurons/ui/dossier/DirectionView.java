package org.hiddenneurons.ui.dossier;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.RandomDirection;
import org.hiddenneurons.analysis.UnitAnalysis;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * "Single units or directions?": the training digits exciting the selected unit most and least
 * beside those of a random direction in hidden space ({@link RandomDirection}); "Another direction"
 * draws the next seeded direction. FX thread only.
 */
public final class DirectionView extends VBox {

    /** Examples per list. */
    static final int SHOWN = 6;
    static final int COLUMNS = 3;
    static final int CELL = 2;
    /** Seed of the first direction; each press of "Another direction" adds 1. */
    static final long FIRST_SEED = 2013;

    /** The four lists in one row, wrapping where the card is narrower (large text). */
    private final FlowPane columns = Cards.wrapping(14, 8);
    private final Button another = new Button(I18n.t("pages.dossier.direction.another"));
    private long seed = FIRST_SEED;
    private NetworkStatistics stats;
    private int unit = -1;
    private RandomDirection direction;

    DirectionView() {
        super(8);
        another.setOnAction(e -> {
            seed++;
            refresh();
        });
        getChildren().addAll(columns, another);
    }

    void show(NetworkStatistics statistics, int selectedUnit) {
        stats = statistics;
        unit = selectedUnit;
        refresh();
    }

    private void refresh() {
        columns.getChildren().clear();
        if (stats == null || unit < 0) {
            direction = null;
            return;
        }
        direction = RandomDirection.compute(stats.train(), seed, SHOWN);
        Dataset train = stats.split().train();
        String number = Integer.toString(unit + 1);
        columns.getChildren().addAll(
                list(I18n.t("pages.dossier.direction.unitTop", number),
                        UnitAnalysis.topExamples(stats.train(), unit, SHOWN, true), train),
                list(I18n.t("pages.dossier.direction.unitBottom", number),
                        UnitAnalysis.topExamples(stats.train(), unit, SHOWN, false), train),
                list(I18n.t("pages.dossier.direction.directionTop"), direction.top(), train),
                list(I18n.t("pages.dossier.direction.directionBottom"), direction.bottom(), train));
    }

    private static VBox list(String title, int[] examples, Dataset train) {
        GridPane grid = new GridPane();
        grid.setHgap(3);
        grid.setVgap(3);
        for (int i = 0; i < examples.length; i++) {
            grid.add(Cards.example(train, examples[i], CELL), i % COLUMNS, i / COLUMNS);
        }
        Label label = new Label(title);
        label.getStyleClass().addAll(DossierStyles.TILE_CAPTION, DossierStyles.MUTED);
        return new VBox(4, label, grid);
    }

    Button anotherButton() {
        return another;
    }

    /** The direction shown, or null (for tests). */
    RandomDirection direction() {
        return direction;
    }
}
