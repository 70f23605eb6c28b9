package org.hiddenneurons.ui.eval;

import java.net.URL;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.eval.ConfusionMatrix;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Where the network fails: the confusion matrix of the current network on the TEST split (rows: true
 * digit, columns: predicted digit), per-class accuracy bars, and a gallery of the images in the
 * selected cell, each with its true → predicted digits and its top outputs. Clicking a cell selects
 * it; at first the most confused cell is selected.
 *
 * <p>Colours: off-diagonal cells (mistakes) in -hn-accent, their strength by count relative to the
 * largest mistake cell; diagonal cells (correct answers) in -hn-accent-2, their strength by the
 * class's accuracy; the per-class bars use -hn-accent-2 too. The view carries its own stylesheet
 * ({@code evaluation.css}) and relies on the scene's theme for the -hn-* colours.
 *
 * <p>Threading: each change of the network or the split starts a computation on one daemon worker
 * thread; a computation superseded before it starts is skipped, and only the newest result is shown
 * (FX thread). The network passed in must be an immutable copy (e.g. a training snapshot's).
 */
public final class EvaluationView extends VBox {

    /** Texts shown (MessageFormat patterns), replaceable for translations. */
    public record Texts(String title, String accuracy, String predicted, String truth, String perClass,
                        String mistakeCell, String correctCell, String cellTooltip, String more,
                        String computing, String noNetwork, String failed) {

        public static final Texts ENGLISH = in(Locale.ENGLISH);

        /** The texts in the current UI language ({@link I18n#locale()}). */
        public static Texts current() {
            return in(I18n.locale());
        }

        /** The texts in {@code language}, from the "pages" bundle. */
        public static Texts in(Locale language) {
            return new Texts(
                    I18n.text(language, "pages.eval.title"),
                    I18n.text(language, "pages.eval.accuracy"),
                    I18n.text(language, "pages.eval.predicted"),
                    I18n.text(language, "pages.eval.truth"),
                    I18n.text(language, "pages.eval.perClass"),
                    I18n.text(language, "pages.eval.mistakeCell"),
                    I18n.text(language, "pages.eval.correctCell"),
                    I18n.text(language, "pages.eval.cellTooltip"),
                    I18n.text(language, "pages.eval.more"),
                    I18n.text(language, "pages.eval.computing"),
                    I18n.text(language, "pages.eval.noNetwork"),
                    I18n.text(language, "pages.eval.failed"));
        }
    }

    /** Side of one matrix cell. */
    static final double CELL_SIZE = 40;
    /** Width of a per-class bar at 100 %. */
    static final double BAR_WIDTH = 120;
    /** Space between the matrix and the per-class bars. */
    static final double BAR_GAP = 28;
    /** Screen pixels per input pixel in the gallery (20×20 → 60×60). */
    static final int GALLERY_SCALE = 3;
    /** At most this many images of one cell are shown (a diagonal cell holds ~100). */
    static final int MAX_GALLERY_IMAGES = 150;
    /** Outputs listed under each gallery image. */
    static final int TOP_OUTPUTS = 3;
    /** Fill opacity of a non-empty cell spans [MIN_FILL, MAX_FILL] (kept light so the count reads). */
    static final double MIN_FILL = 0.10;
    static final double MAX_FILL = 0.65;

    static final String STYLESHEET = "evaluation.css";
    static final String VIEW = "hn-evaluation";
    static final String TITLE = "hn-section-title";
    static final String MUTED = "hn-muted";
    static final String CELL = "hn-eval-cell";
    static final String CELL_FILL = "hn-eval-cell-fill";
    static final String CELL_DIAGONAL = "hn-eval-cell-diagonal";
    static final String CELL_SELECTED = "hn-eval-cell-selected";
    static final String CELL_COUNT = "hn-eval-cell-count";
    static final String HEADER = "hn-eval-header";
    static final String BAR_TRACK = "hn-eval-bar-track";
    static final String BAR_FILL = "hn-eval-bar-fill";
    static final String GALLERY = "hn-eval-gallery";
    static final String TILE = "hn-eval-tile";
    static final String TILE_FRAME = "hn-eval-tile-frame";
    static final String TILE_CAPTION = "hn-eval-tile-caption";
    static final String TILE_OUTPUTS = "hn-eval-tile-outputs";

    private final ObservableValue<Network> network;
    private final ObservableValue<Split> split;
    /** The confusion matrices, one at a time (a newer request supersedes a waiting one). */
    private final BackgroundWork.Lane lane;
    private final ObjectProperty<Texts> texts = new SimpleObjectProperty<>(this, "texts", Texts.current());
    private final ReadOnlyObjectWrapper<ConfusionMatrix> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final AtomicLong generation = new AtomicLong();

    private final Label title = new Label();
    private final Label accuracy = new Label();
    private final Label status = new Label();
    private final GridPane grid = new GridPane();
    private final Label galleryCaption = new Label();
    private final FlowPane gallery = new FlowPane(10, 10);
    private final Label galleryMore = new Label();
    private final HBox body = new HBox();
    private final List<Cell> cells = new ArrayList<>();
    private final List<Bar> barRows = new ArrayList<>();

    private Dataset shownData;
    private OutputLayer shownOutputLayer = OutputLayer.SIGMOID_CROSS_ENTROPY;
    private int selectedTrue = -1;
    private int selectedPredicted = -1;

    /**
     * @param network the network to evaluate (null: nothing shown); watched for changes
     * @param split   its test half is evaluated (null: nothing shown); watched for changes
     */
    public EvaluationView(ObservableValue<Network> network, ObservableValue<Split> split, BackgroundWork background) {
        this.lane = Objects.requireNonNull(background).lane();
        this.network = Objects.requireNonNull(network);
        this.split = Objects.requireNonNull(split);
        getStyleClass().add(VIEW);
        URL css = EvaluationView.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setSpacing(12);
        title.getStyleClass().add(TITLE);
        accuracy.getStyleClass().add("hn-eval-accuracy");
        status.getStyleClass().add(MUTED);
        HBox heading = new HBox(16, title, accuracy, status);
        heading.setAlignment(Pos.BASELINE_LEFT);

        grid.setHgap(2);
        grid.setVgap(2);
        grid.getStyleClass().add("hn-eval-grid");
        body.getChildren().add(grid);
        body.setAlignment(Pos.TOP_LEFT);

        galleryCaption.getStyleClass().add("hn-eval-gallery-caption");
        galleryMore.getStyleClass().add(MUTED);
        gallery.getStyleClass().add(GALLERY);
        ScrollPane galleryScroll = new ScrollPane(new VBox(8, gallery, galleryMore));
        galleryScroll.setFitToWidth(true);
        galleryScroll.getStyleClass().add("hn-eval-gallery-scroll");
        galleryScroll.setMinHeight(CELL_SIZE * 3);
        VBox.setVgrow(galleryScroll, Priority.ALWAYS);

        getChildren().addAll(heading, body, galleryCaption, galleryScroll);
        title.textProperty().bind(texts.map(Texts::title));
        texts.addListener((obs, old, value) -> refresh());
        network.addListener((obs, old, value) -> recompute());
        split.addListener((obs, old, value) -> recompute());
        recompute();
    }

    /** The matrix shown, null before the first result or when there is nothing to evaluate. */
    public ReadOnlyObjectProperty<ConfusionMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    /** True while a computation is pending or running. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** The last computation's failure (e.g. the data's image size does not fit the network), else null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<Texts> textsProperty() {
        return texts;
    }

    /** Shows the images of cell (true, predicted) in the gallery. */
    public void selectCell(int trueClass, int predictedClass) {
        selectedTrue = trueClass;
        selectedPredicted = predictedClass;
        refresh();
    }

    /** {true, predicted} of the selected cell, or null. */
    public int[] getSelectedCell() {
        return selectedTrue < 0 ? null : new int[] {selectedTrue, selectedPredicted};
    }

    /** The node of cell (true, predicted) (for tests and keyboard focus). */
    Node cellNode(int trueClass, int predictedClass) {
        ConfusionMatrix shown = matrix.get();
        return shown == null ? null : cells.get(trueClass * shown.classCount() + predictedClass).box;
    }

    /** The gallery's tiles (for tests). */
    List<Node> galleryTiles() {
        return gallery.getChildren();
    }

    String galleryCaptionText() {
        return galleryCaption.getText();
    }

    private void recompute() {
        Network currentNetwork = network.getValue();
        Split currentSplit = split.getValue();
        long ticket = generation.incrementAndGet();
        if (currentNetwork == null || currentSplit == null) {
            computing.set(false);
            error.set(null);
            show(null, null, null);
            return;
        }
        computing.set(true);
        refreshStatus();
        Dataset test = currentSplit.test();
        lane.submit(() -> generation.get() != ticket ? null // superseded before it started
                        : ConfusionMatrix.of(currentNetwork, test),
                result -> {
                    if (generation.get() == ticket) {
                        computing.set(false);
                        error.set(null);
                        show(result, test, currentNetwork.spec().outputLayer());
                    }
                },
                failure -> {
                    if (generation.get() == ticket) {
                        computing.set(false);
                        error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
                        show(null, null, null);
                    }
                });
    }

    private void show(ConfusionMatrix result, Dataset data, OutputLayer outputLayer) {
        shownData = data;
        if (outputLayer != null) {
            shownOutputLayer = outputLayer;
        }
        if (result != null) {
            int classes = result.classCount();
            if (selectedTrue < 0 || selectedTrue >= classes || selectedPredicted >= classes) {
                int[] worst = result.mostConfused();
                selectedTrue = worst == null ? 0 : worst[0];
                selectedPredicted = worst == null ? 0 : worst[1];
            }
            if (matrix.get() == null || matrix.get().classCount() != classes) {
                buildGrid(classes);
            }
        }
        matrix.set(result);
        refresh();
    }

    private void buildGrid(int classes) {
        grid.getChildren().clear();
        cells.clear();
        barRows.clear();
        Label predictedCaption = new Label();
        predictedCaption.textProperty().bind(texts.map(Texts::predicted));
        predictedCaption.getStyleClass().add(MUTED);
        grid.add(predictedCaption, 2, 0, classes, 1);
        Label truthCaption = new Label();
        truthCaption.textProperty().bind(texts.map(Texts::truth));
        truthCaption.getStyleClass().add(MUTED);
        truthCaption.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(truthCaption, 0, 1);
        Label perClass = new Label();
        perClass.getStyleClass().add(MUTED);
        perClass.textProperty().bind(texts.map(Texts::perClass));
        GridPane.setMargin(perClass, new Insets(0, 0, 0, BAR_GAP));
        grid.add(perClass, classes + 2, 1);
        for (int c = 0; c < classes; c++) {
            Label column = header(c);
            grid.add(column, c + 2, 1);
            Label row = header(c);
            grid.add(row, 1, c + 2);
        }
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                Cell cell = new Cell(t, p);
                cells.add(cell);
                grid.add(cell.box, p + 2, t + 2);
            }
            Bar bar = new Bar(t);
            barRows.add(bar);
            GridPane.setMargin(bar.row, new Insets(0, 0, 0, BAR_GAP));
            grid.add(bar.row, classes + 2, t + 2);
        }
    }

    private static Label header(int digit) {
        Label label = new Label(Integer.toString(digit));
        label.getStyleClass().add(HEADER);
        label.setMinSize(CELL_SIZE * 0.6, CELL_SIZE * 0.6);
        label.setPrefSize(CELL_SIZE, CELL_SIZE);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    /** Redraws counts, colours, bars and the gallery from the shown matrix (FX thread). */
    private void refresh() {
        ConfusionMatrix shown = matrix.get();
        refreshStatus();
        body.setVisible(shown != null);
        body.setManaged(shown != null);
        if (shown == null) {
            accuracy.setText("");
            galleryCaption.setText("");
            gallery.getChildren().clear();
            galleryMore.setText("");
            return;
        }
        Texts t = texts.get();
        accuracy.setText(MessageFormat.format(t.accuracy(), percent(shown.accuracy()), shown.correct(), shown.total()));
        int maxMistake = 0;
        for (int r = 0; r < shown.classCount(); r++) {
            for (int p = 0; p < shown.classCount(); p++) {
                if (r != p) {
                    maxMistake = Math.max(maxMistake, shown.count(r, p));
                }
            }
        }
        for (Cell cell : cells) {
            cell.update(shown, maxMistake, t);
        }
        for (Bar bar : barRows) {
            bar.update(shown);
        }
        showGallery(shown, t);
    }

    private void refreshStatus() {
        Texts t = texts.get();
        if (error.get() != null) {
            status.setText(MessageFormat.format(t.failed(), error.get()));
        } else if (computing.get()) {
            status.setText(t.computing());
        } else if (matrix.get() == null) {
            status.setText(t.noNetwork());
        } else {
            status.setText("");
        }
    }

    private void showGallery(ConfusionMatrix shown, Texts t) {
        gallery.getChildren().clear();
        int[] indices = shown.indices(selectedTrue, selectedPredicted);
        galleryCaption.setText(selectedTrue == selectedPredicted
                ? MessageFormat.format(t.correctCell(), selectedTrue, indices.length)
                : MessageFormat.format(t.mistakeCell(), selectedTrue, selectedPredicted, indices.length));
        int shownCount = Math.min(indices.length, MAX_GALLERY_IMAGES);
        for (int i = 0; i < shownCount; i++) {
            gallery.getChildren().add(tile(shown, indices[i]));
        }
        galleryMore.setText(indices.length > shownCount ? MessageFormat.format(t.more(), indices.length - shownCount) : "");
    }

    private Node tile(ConfusionMatrix shown, int sample) {
        DigitImage image = new DigitImage(GALLERY_SCALE);
        image.show(shownData.sample(sample), shownData.width(), shownData.height());
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add(TILE_FRAME);
        Label caption = new Label(shown.label(sample) + " \u2192 " + shown.predicted(sample));
        caption.getStyleClass().add(TILE_CAPTION);
        StringBuilder outputs = new StringBuilder();
        double[] a3 = shown.outputs(sample);
        for (int k : shown.topClasses(sample, TOP_OUTPUTS)) {
            outputs.append(outputs.length() == 0 ? "" : "\n").append(k).append("  ")
                    .append(PredictionBars.formatValue(a3[k], shownOutputLayer));
        }
        Label top = new Label(outputs.toString());
        top.getStyleClass().addAll(TILE_OUTPUTS, MUTED);
        VBox tile = new VBox(3, frame, caption, top);
        tile.setAlignment(Pos.TOP_CENTER);
        tile.getStyleClass().add(TILE);
        Tooltip.install(tile, new Tooltip(I18n.t("pages.eval.sampleTooltip", Integer.toString(sample))));
        return tile;
    }

    private static String percent(double fraction) {
        return I18n.percent(fraction, 1);
    }

    /** One cell of the matrix. */
    private final class Cell {
        final int trueClass;
        final int predictedClass;
        final StackPane box = new StackPane();
        final Region fill = new Region();
        final Label count = new Label();
        final Tooltip tooltip = new Tooltip();

        Cell(int trueClass, int predictedClass) {
            this.trueClass = trueClass;
            this.predictedClass = predictedClass;
            box.getStyleClass().add(CELL);
            fill.getStyleClass().add(CELL_FILL);
            if (trueClass == predictedClass) {
                box.getStyleClass().add(CELL_DIAGONAL);
            }
            count.getStyleClass().add(CELL_COUNT);
            box.setMinSize(CELL_SIZE, CELL_SIZE);
            box.setPrefSize(CELL_SIZE, CELL_SIZE);
            box.setMaxSize(CELL_SIZE, CELL_SIZE);
            box.getChildren().addAll(fill, count);
            box.setOnMouseClicked(event -> selectCell(trueClass, predictedClass));
            Tooltip.install(box, tooltip);
        }

        void update(ConfusionMatrix shown, int maxMistake, Texts t) {
            int value = shown.count(trueClass, predictedClass);
            int rowTotal = shown.classTotal(trueClass);
            boolean diagonal = trueClass == predictedClass;
            double strength;
            if (value == 0) {
                strength = 0;
            } else if (diagonal) {
                strength = value / (double) rowTotal;
            } else {
                // square root: a single mistake is still visible next to the largest one
                strength = Math.sqrt(value / (double) Math.max(1, maxMistake));
            }
            fill.setOpacity(value == 0 ? 0 : MIN_FILL + (MAX_FILL - MIN_FILL) * strength);
            count.setText(value == 0 ? "" : Integer.toString(value));
            boolean selected = trueClass == selectedTrue && predictedClass == selectedPredicted;
            if (selected && !box.getStyleClass().contains(CELL_SELECTED)) {
                box.getStyleClass().add(CELL_SELECTED);
            } else if (!selected) {
                box.getStyleClass().remove(CELL_SELECTED);
            }
            tooltip.setText(MessageFormat.format(t.cellTooltip(), trueClass, predictedClass, value, rowTotal,
                    percent(rowTotal == 0 ? Double.NaN : value / (double) rowTotal)));
        }
    }

    /** One per-class accuracy bar. */
    private final class Bar {
        final int digit;
        final HBox row = new HBox(8);
        final Region fill = new Region();
        final Label value = new Label();

        Bar(int digit) {
            this.digit = digit;
            Label name = new Label(Integer.toString(digit));
            name.getStyleClass().add(HEADER);
            name.setMinWidth(16);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add(BAR_TRACK);
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            track.setMinSize(BAR_WIDTH, 14);
            track.setPrefSize(BAR_WIDTH, 14);
            track.setMaxSize(BAR_WIDTH, 14);
            fill.getStyleClass().add(BAR_FILL);
            fill.setMaxHeight(Double.MAX_VALUE);
            value.getStyleClass().add(MUTED);
            value.setMinWidth(Region.USE_PREF_SIZE);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().addAll(name, track, value);
            row.setOnMouseClicked(event -> selectCell(digit, digit));
        }

        void update(ConfusionMatrix shown) {
            double fraction = shown.classAccuracy(digit);
            double width = Double.isNaN(fraction) ? 0 : BAR_WIDTH * fraction;
            fill.setMinWidth(width);
            fill.setPrefWidth(width);
            fill.setMaxWidth(width);
            value.setText(percent(fraction));
        }
    }
}
