package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.section;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.userdata.UserDrawingsPane;
import org.hiddenneurons.ui.work.BackgroundWork;

/**
 * The My-drawings page: the drawing pad's slot with a word on how it works, and the user's own
 * labelled drawings ({@link UserDrawingsPane}); they join training through the view model's
 * extra training data.
 */
final class MyDrawingsPage {

    /** Name of the user's drawings as a training data set. */
    static final String MY_DRAWINGS_NAME = "my drawings";

    private final UserDrawingsPane myDrawings;
    private final Pane padSlot = new StackPane();
    private final HBox page;

    /** @param drawings where the user's drawings are kept */
    MyDrawingsPage(WorkbenchViewModel model, UserDrawings drawings, BackgroundWork background) {
        myDrawings = new UserDrawingsPane(drawings, background);
        // Kept before the model's own steps (not deskewed): training prepares them with the rest, once.
        myDrawings.currentInputProperty().bind(model.preprocessedProperty()
                .map(result -> result.blank() ? null : result.networkInput()));
        model.extraTrainingDataProperty().bind(myDrawings.listingProperty().map(listing -> listing.drawings().isEmpty()
                ? null : listing.asDataset(MY_DRAWINGS_NAME, NetworkSpec.DEFAULT.inputWidth(),
                NetworkSpec.DEFAULT.inputHeight(), NetworkSpec.DEFAULT.outputSize())));
        Label how = new Label(I18n.t("workbench.myDrawings.how"));
        how.setWrapText(true);
        how.getStyleClass().add("hn-muted");
        VBox drawingsSide = new VBox(section(I18n.t("workbench.section.draw"), padSlot, how));
        drawingsSide.getStyleClass().add("hn-column");
        drawingsSide.setMaxWidth(HiddenUnitPage.SIDE_COLUMN_WIDTH + 40);
        myDrawings.getStyleClass().add("hn-section");
        VBox.setVgrow(myDrawings, Priority.ALWAYS);
        VBox drawingsMain = new VBox(myDrawings);
        drawingsMain.getStyleClass().add("hn-column");
        HBox.setHgrow(drawingsMain, Priority.ALWAYS);
        page = new HBox(drawingsSide, drawingsMain);
    }

    HBox node() {
        return page;
    }

    /** Where the drawing pad sits on this page. */
    Pane padSlot() {
        return padSlot;
    }

    UserDrawingsPane pane() {
        return myDrawings;
    }
}
