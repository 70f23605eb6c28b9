package org.hiddenneurons.ui.userdata;

import java.io.IOException;
import java.net.URL;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.ui.eval.DigitImage;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The user's own drawings: "Add to training set as digit [0–9]" for the current drawing, and the
 * stored drawings as thumbnails with their label and a delete button. File work runs on one daemon
 * worker thread; results arrive on the FX thread.
 *
 * <p>Host wiring: bind {@link #currentInputProperty()} to the current drawing's
 * {@code Preprocessor.Result.networkInput()} (null while nothing is drawn: the button is disabled),
 * and read {@link #listingProperty()} ({@code listing.asDataset(name, 20, 20, 10)}) when retraining
 * to merge the drawings with the training split.
 */
public final class UserDrawingsPane extends VBox {

    /** Texts shown (MessageFormat patterns), replaceable for translations. */
    public record Texts(String title, String addAs, String add, String count, String empty, String delete,
                        String problems, String failed) {

        public static final Texts ENGLISH = in(Locale.ENGLISH);

        /** The texts in the current UI language ({@link I18n#locale()}). */
        public static Texts current() {
            return in(I18n.locale());
        }

        /** The texts in {@code language}, from the "pages" bundle. */
        public static Texts in(Locale language) {
            return new Texts(
                    I18n.text(language, "pages.drawings.title"),
                    I18n.text(language, "pages.drawings.addAs"),
                    I18n.text(language, "pages.drawings.add"),
                    I18n.text(language, "pages.drawings.count"),
                    I18n.text(language, "pages.drawings.empty"),
                    I18n.text(language, "pages.drawings.delete"),
                    I18n.text(language, "pages.drawings.problems"),
                    I18n.text(language, "pages.drawings.failed"));
        }
    }

    /** Screen pixels per input pixel of a thumbnail (20×20 → 40×40). */
    static final int THUMBNAIL_SCALE = 2;
    static final int DIGITS = 10;
    static final String STYLESHEET = "user-drawings.css";
    static final String PANE = "hn-user-drawings";
    static final String TILE = "hn-user-drawing";
    static final String TILE_FRAME = "hn-user-drawing-frame";
    static final String TILE_LABEL = "hn-user-drawing-label";
    static final String DELETE = "hn-user-drawing-delete";
    static final String MUTED = "hn-muted";
    static final String ERROR = "hn-error";

    private final UserDrawings store;
    /** File changes and listings, one at a time in order. */
    private final BackgroundWork.Lane lane;
    private final ObjectProperty<Texts> texts = new SimpleObjectProperty<>(this, "texts", Texts.current());
    private final ObjectProperty<double[]> currentInput = new SimpleObjectProperty<>(this, "currentInput");
    private final ReadOnlyObjectWrapper<UserDrawings.Listing> listing = new ReadOnlyObjectWrapper<>(this, "listing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private final Label title = new Label();
    private final Label addAs = new Label();
    private final ChoiceBox<Integer> digit = new ChoiceBox<>();
    private final Button add = new Button();
    private final Label summary = new Label();
    private final Label problems = new Label();
    private final Label message = new Label();
    private final FlowPane tiles = new FlowPane(8, 8);

    /** @param store where drawings are kept; listed at once (in the background) */
    public UserDrawingsPane(UserDrawings store, BackgroundWork background) {
        this.store = Objects.requireNonNull(store);
        this.lane = Objects.requireNonNull(background).lane();
        getStyleClass().add(PANE);
        URL css = UserDrawingsPane.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setSpacing(10);
        title.getStyleClass().add("hn-section-title");
        for (int d = 0; d < DIGITS; d++) {
            digit.getItems().add(d);
        }
        digit.setValue(0);
        add.getStyleClass().add("hn-primary");
        add.disableProperty().bind(currentInput.isNull());
        add.setOnAction(event -> addCurrent());
        HBox addRow = new HBox(8, addAs, digit, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add(MUTED);
        summary.setWrapText(true);
        problems.getStyleClass().add(ERROR);
        message.getStyleClass().add(ERROR);
        message.textProperty().bind(error.map(text -> MessageFormat.format(texts.get().failed(), text)));
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hn-user-drawings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, addRow, message, summary, problems, scroll);
        title.textProperty().bind(texts.map(Texts::title));
        addAs.textProperty().bind(texts.map(Texts::addAs));
        add.textProperty().bind(texts.map(Texts::add));
        texts.addListener((obs, old, value) -> showListing());
        reload();
    }

    /** The drawing to add (a network input, e.g. 400 values in [0, 1]); null disables "Add". */
    public ObjectProperty<double[]> currentInputProperty() {
        return currentInput;
    }

    /** The label chosen for the next "Add". */
    public ObjectProperty<Integer> digitProperty() {
        return digit.valueProperty();
    }

    /** What the store held at the last load (null before the first): the drawings and the unreadable files. */
    public ReadOnlyObjectProperty<UserDrawings.Listing> listingProperty() {
        return listing.getReadOnlyProperty();
    }

    /** The last failed save, delete or listing, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<Texts> textsProperty() {
        return texts;
    }

    /** Lists the store again (in the background). */
    public void reload() {
        run(store::list);
    }

    /** Adds the current input with the chosen digit (in the background); nothing if there is none. */
    public void addCurrent() {
        double[] input = currentInput.get();
        Integer label = digit.getValue();
        if (input == null || label == null) {
            return;
        }
        double[] copy = input.clone();
        run(() -> {
            store.add(label, copy);
            return store.list();
        });
    }

    /** Deletes one drawing (in the background). */
    public void delete(String id) {
        run(() -> {
            store.delete(id);
            return store.list();
        });
    }

    /** The thumbnails shown (for tests). */
    List<Node> tileNodes() {
        return tiles.getChildren();
    }

    /** Runs {@code work} on the worker; its listing is shown on the FX thread. */
    private void run(Callable<UserDrawings.Listing> work) {
        lane.submit(work, result -> {
            error.set(null);
            listing.set(result);
            showListing();
        }, failure -> error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    private void showListing() {
        UserDrawings.Listing shown = listing.get();
        tiles.getChildren().clear();
        Texts t = texts.get();
        if (shown == null) {
            summary.setText("");
            problems.setText("");
            return;
        }
        summary.setText(shown.drawings().isEmpty() ? t.empty()
                : MessageFormat.format(t.count(), shown.drawings().size(), store.directory()));
        List<DataFormatException> bad = shown.problems();
        problems.setText(bad.isEmpty() ? "" : MessageFormat.format(t.problems(), bad.size()));
        problems.setTooltip(bad.isEmpty() ? null : new Tooltip(String.join("\n",
                bad.stream().map(Throwable::getMessage).toList())));
        problems.setManaged(!bad.isEmpty());
        problems.setVisible(!bad.isEmpty());
        // newest first: the one just added is where the eye is
        List<UserDrawings.Drawing> drawings = shown.drawings();
        for (int i = drawings.size() - 1; i >= 0; i--) {
            tiles.getChildren().add(tile(drawings.get(i), t));
        }
    }

    private Node tile(UserDrawings.Drawing drawing, Texts t) {
        DigitImage image = new DigitImage(THUMBNAIL_SCALE);
        image.show(drawing.input(), drawing.width(), drawing.height());
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add(TILE_FRAME);
        Label label = new Label(Integer.toString(drawing.label()));
        label.getStyleClass().add(TILE_LABEL);
        Button delete = new Button("\u00d7");
        delete.getStyleClass().add(DELETE);
        delete.setTooltip(new Tooltip(t.delete()));
        delete.setOnAction(event -> delete(drawing.id()));
        HBox footer = new HBox(4, label, delete);
        footer.setAlignment(Pos.CENTER);
        VBox tile = new VBox(4, frame, footer);
        tile.setAlignment(Pos.TOP_CENTER);
        tile.getStyleClass().add(TILE);
        tile.setUserData(drawing.id());
        Tooltip.install(frame, new Tooltip(drawing.id()));
        return tile;
    }
}
