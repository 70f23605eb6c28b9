package org.hiddenneurons.ui.backprop;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hiddenneurons.io.handout.WalkthroughWords;
import org.hiddenneurons.io.handout.WalkthroughTables;
import org.hiddenneurons.io.handout.WalkthroughTexts;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.core.walkthrough.GradientCheckResult;
import org.hiddenneurons.io.handout.NumberTable;
import org.hiddenneurons.io.handout.StepContent;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.core.walkthrough.WeightRef;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.io.handout.WalkthroughHandout;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.PresentationMode;
import org.hiddenneurons.ui.formula.FormulaLabel;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.hiddenneurons.viz.WalkthroughPictures;

/**
 * The backprop stepper: ONE example (the drawing with a true label the user picks, or a training
 * sample) walked through the real network in ten steps — formula, shapes, every number (a
 * selectable, copyable table), what changed highlighted and a plain-language caption — with a
 * gradient-check panel and an export to CSV + HTML handout.
 *
 * <p>Keys (when the focus is inside this view and not in a text field): → / Page Down next step,
 * ← / Page Up previous, Home first, End last. Controls carry the style class
 * {@value PresentationMode#CONTROLS}, so {@link PresentationMode} hides them. The view adds its
 * own stylesheet ({@code backprop.css}) and reads the theme's looked-up colours.
 */
public final class BackpropView extends BorderPane {

    /** Node ids (lessons highlight them): Home/Back/Next/End, and the gradient-check panel. */
    public static final String NAVIGATION_ID = "backprop-navigation";
    public static final String GRADIENT_CHECK_ID = "gradient-check";

    static final String STYLE = "hn-bp-view";
    static final String CONTROLS = PresentationMode.CONTROLS;
    static final String STEP_TITLE = "hn-bp-step-title";
    static final String FORMULA = "hn-bp-formula";
    static final String SHAPES = "hn-bp-shapes";
    static final String CAPTION = "hn-bp-caption";
    static final String CAPTION_SMALL = "hn-bp-caption-small";
    static final String TABLE_TITLE = "hn-bp-table-title";
    static final String PANEL = "hn-bp-panel";
    static final String DOT = "hn-bp-dot";
    static final String DOT_CURRENT = "hn-bp-dot-current";
    static final String MESSAGE = "hn-bp-message";
    static final String STYLESHEET_RESOURCE = "backprop.css";
    /** Screen pixels per image pixel: large pictures, Θ² and the vectors. */
    static final int LARGE_SCALE = 10;
    static final int MATRIX_SCALE = 14;
    static final int VECTOR_SCALE = 28;
    /** Space around and between the step's pictures and tables. */
    static final double BODY_PADDING = 16;
    static final double BODY_GAP = 24;

    private final BackpropViewModel model;
    private final ObservableValue<Network> network;
    private final ObservableValue<? extends DivergingPalette> palette;

    private final Label stepTitle = new Label();
    private final HBox dots = new HBox(6);
    private final FormulaLabel formula = new FormulaLabel();
    private final Label shapes = new Label();
    private final Label caption = new Label();
    private final Label message = new Label();
    private final FlowPane visuals = new FlowPane(18, 14);
    private final VBox tables = new VBox(14);
    private final HiddenUnitGrid unitGrid = new HiddenUnitGrid();
    private final HiddenUnitGrid deltaGrid = new HiddenUnitGrid();
    private final PredictionBars bars = new PredictionBars();
    private final GradientCheckPanel check;
    private final Label exportStatus = new Label();
    private final List<NumberTableView> tableViews = new ArrayList<>();

    /**
     * @param network the workbench's network (an immutable snapshot copy; never modified here)
     * @param drawing the preprocessed drawing (null/blank: nothing drawn)
     * @param data    the train/test split (null until loaded); samples are taken from its train set
     * @param palette the weight palette of the current theme
     */
    public BackpropView(ObservableValue<Network> network, ObservableValue<Preprocessor.Result> drawing,
                        ObservableValue<Split> data, ObservableValue<? extends DivergingPalette> palette) {
        this.network = network;
        this.palette = palette;
        this.model = new BackpropViewModel(network, drawing, data);
        this.check = new GradientCheckPanel(model, palette);
        check.setId(GRADIENT_CHECK_ID);
        getStyleClass().add(STYLE);
        URL css = Objects.requireNonNull(BackpropView.class.getResource(STYLESHEET_RESOURCE), STYLESHEET_RESOURCE);
        getStylesheets().add(css.toExternalForm());
        setFocusTraversable(true);

        unitGrid.paletteProperty().bind(palette);
        unitGrid.setScale(WeightPictures.Scale.PER_UNIT);
        deltaGrid.paletteProperty().bind(palette);
        deltaGrid.setScale(WeightPictures.Scale.SHARED);
        bars.setAnimated(false);
        for (HiddenUnitGrid grid : new HiddenUnitGrid[] {unitGrid, deltaGrid}) {
            grid.selectedUnitProperty().addListener((o, old, now) -> {
                if (now.intValue() >= 0) {
                    model.selectedUnitProperty().set(now.intValue());
                }
            });
        }
        model.selectedUnitProperty().addListener((o, old, now) -> {
            unitGrid.setSelectedUnit(now.intValue());
            deltaGrid.setSelectedUnit(now.intValue());
        });

        setTop(buildHeader());
        setCenter(buildCenter());
        ScrollPane checkScroll = new ScrollPane(check); // its notes stay whole in a short window
        checkScroll.setFitToWidth(true);
        checkScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        checkScroll.getStyleClass().add("hn-bp-scroll");
        setRight(checkScroll);
        setBottom(buildNavigation());

        model.walkthroughProperty().addListener(o -> refresh());
        model.stepProperty().addListener(o -> refresh());
        model.selectedUnitProperty().addListener(o -> refresh());
        palette.addListener(o -> refresh());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMousePressed(e -> {
            if (!(e.getTarget() instanceof TextInputControl)) {
                requestFocus();
            }
        });
        refresh();
    }

    /** The state behind the view (step, example, λ, α, selected unit, checked weight). */
    public BackpropViewModel getModel() {
        return model;
    }

    // ---- building ------------------------------------------------------------------------------

    private Node buildHeader() {
        ToggleGroup sourceGroup = new ToggleGroup();
        ToggleButton fromDrawing = new ToggleButton(I18n.t("pages.backprop.source.drawing"));
        ToggleButton fromSample = new ToggleButton(I18n.t("pages.backprop.source.sample"));
        fromDrawing.setToggleGroup(sourceGroup);
        fromSample.setToggleGroup(sourceGroup);
        fromDrawing.setSelected(model.sourceProperty().get() == BackpropViewModel.Source.DRAWING);
        fromSample.setSelected(!fromDrawing.isSelected());
        model.sourceProperty().addListener((o, old, now) ->
                (now == BackpropViewModel.Source.DRAWING ? fromDrawing : fromSample).setSelected(true));
        sourceGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                model.sourceProperty().set(now == fromDrawing ? BackpropViewModel.Source.DRAWING
                        : BackpropViewModel.Source.TRAINING_SAMPLE);
            }
        });
        ComboBox<Integer> label = new ComboBox<>();
        for (int k = 0; k < NetworkSpec.DEFAULT.outputSize(); k++) {
            label.getItems().add(k);
        }
        label.setValue(model.drawingLabelProperty().get());
        model.drawingLabelProperty().addListener((o, old, now) -> label.setValue(now.intValue()));
        label.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.drawingLabelProperty().set(now);
            }
        });
        label.disableProperty().bind(model.sourceProperty().isNotEqualTo(BackpropViewModel.Source.DRAWING));
        Spinner<Integer> sample = new Spinner<>();
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 0));
        sample.setEditable(true);
        sample.setPrefWidth(100);
        sample.valueProperty().addListener((o, old, now) -> model.sampleIndexProperty().set(now));
        model.sampleIndexProperty().addListener((o, old, now) -> sample.getValueFactory().setValue(now.intValue()));
        sample.disableProperty().bind(model.sourceProperty().isNotEqualTo(BackpropViewModel.Source.TRAINING_SAMPLE));
        TextField lambda = numberField(model.lambdaProperty().get(), v -> v >= 0,
                v -> model.lambdaProperty().set(v));
        Label lambdaLabel = muted("λ");
        Tooltip lambdaNote = new Tooltip(I18n.t("pages.backprop.lambda.tooltip"));
        lambdaLabel.setTooltip(lambdaNote);
        lambda.setTooltip(lambdaNote);
        TextField alpha = numberField(model.learningRateProperty().get(), v -> v > 0,
                v -> model.learningRateProperty().set(v));
        Button export = new Button(I18n.t("pages.backprop.export"));
        export.setTooltip(new Tooltip(I18n.t("pages.backprop.export.tooltip")));
        export.setOnAction(e -> chooseAndExport());
        HBox controls = new HBox(10, muted(I18n.t("pages.backprop.example")), fromDrawing, fromSample, muted(I18n.t("pages.backprop.trueLabel")), label,
                muted(I18n.t("pages.backprop.sampleNumber")), sample, lambdaLabel, lambda, muted("α"), alpha, export, exportStatus);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().addAll(CONTROLS, "hn-bp-toolbar");

        stepTitle.getStyleClass().add(STEP_TITLE);
        for (WalkthroughStep step : WalkthroughStep.values()) {
            Label dot = new Label(String.valueOf(step.number()));
            dot.getStyleClass().add(DOT);
            dot.setOnMouseClicked(e -> model.stepProperty().set(step));
            dots.getChildren().add(dot);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(16, stepTitle, spacer, dots);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        formula.getStyleClass().add(FORMULA);
        formula.setWrapText(true);
        shapes.getStyleClass().add(SHAPES);
        shapes.setWrapText(true);
        caption.getStyleClass().add(CAPTION);
        caption.setWrapText(true);
        message.getStyleClass().add(MESSAGE);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        VBox header = new VBox(8, controls, titleRow, formula, shapes, caption, message);
        header.getStyleClass().add("hn-bp-header");
        return header;
    }

    private Node buildCenter() {
        visuals.setAlignment(Pos.TOP_LEFT);
        visuals.setPrefWrapLength(520);
        // The step's numbers first, the pictures beside them where both fit, else under them; the
        // tables never wider than the page (a table wider than that scrolls sideways itself), so
        // every number shows whole and the table is in view at 1280×800.
        FlowPane body = new FlowPane(BODY_GAP, BODY_GAP, tables, visuals);
        body.setRowValignment(javafx.geometry.VPos.TOP);
        body.setPadding(new Insets(8, BODY_PADDING, 16, BODY_PADDING));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hn-bp-scroll");
        tables.setMinWidth(0);
        tables.maxWidthProperty().bind(scroll.viewportBoundsProperty().map(b -> Math.max(0, b.getWidth() - 2 * BODY_PADDING)));
        return scroll;
    }

    private Node buildNavigation() {
        Button first = new Button(I18n.t("pages.backprop.nav.home"));
        Button back = new Button(I18n.t("pages.backprop.nav.back"));
        Button next = new Button(I18n.t("pages.backprop.nav.next"));
        Button last = new Button(I18n.t("pages.backprop.nav.end"));
        first.setOnAction(e -> model.first());
        back.setOnAction(e -> model.previous());
        next.setOnAction(e -> model.next());
        last.setOnAction(e -> model.last());
        next.getStyleClass().add("hn-primary");
        Label keys = muted(I18n.t("pages.backprop.nav.keys"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox navigation = new HBox(10, first, back, next, last, spacer, keys);
        navigation.setAlignment(Pos.CENTER_LEFT);
        navigation.getStyleClass().addAll(CONTROLS, "hn-bp-navigation");
        navigation.setId(NAVIGATION_ID);
        return navigation;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-muted");
        return label;
    }

    private static TextField numberField(double initial, java.util.function.DoublePredicate valid,
                                         java.util.function.DoubleConsumer apply) {
        TextField field = new TextField(String.valueOf(initial));
        field.setPrefColumnCount(5);
        Runnable commit = () -> {
            try {
                double value = Double.parseDouble(field.getText().trim().replace('\u2212', '-'));
                if (valid.test(value) && Double.isFinite(value)) {
                    apply.accept(value);
                    field.getStyleClass().remove("hn-error");
                    return;
                }
            } catch (NumberFormatException e) {
                // fall through: mark the field
            }
            if (!field.getStyleClass().contains("hn-error")) {
                field.getStyleClass().add("hn-error");
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return field;
    }

    // ---- keys ------------------------------------------------------------------------------

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown()) {
            return;
        }
        switch (event.getCode()) {
            case RIGHT, PAGE_DOWN -> model.next();
            case LEFT, PAGE_UP -> model.previous();
            case HOME -> model.first();
            case END -> model.last();
            default -> {
                return;
            }
        }
        event.consume();
    }

    // ---- showing a step --------------------------------------------------------------------

    private void refresh() {
        WalkthroughStep step = model.stepProperty().get();
        for (int i = 0; i < dots.getChildren().size(); i++) {
            Node dot = dots.getChildren().get(i);
            dot.getStyleClass().remove(DOT_CURRENT);
            if (i == step.ordinal()) {
                dot.getStyleClass().add(DOT_CURRENT);
            }
        }
        stepTitle.setText(I18n.t("pages.backprop.stepTitle", step.number(), WalkthroughStep.values().length,
                WalkthroughWords.title(step, I18n.locale())));
        Walkthrough w = model.getWalkthrough();
        visuals.getChildren().clear();
        tables.getChildren().clear();
        tableViews.clear();
        if (w == null) {
            formula.setLatex("");
            shapes.setText("");
            caption.setText("");
            unitGrid.setNetwork(null);
            check.refresh(null, unit(), palette.getValue());
            return;
        }
        StepContent content = WalkthroughTexts.content(w, step, I18n.locale());
        formula.setLatex(content.formula());
        shapes.setText(content.shapes());
        caption.setText(content.caption());
        int unit = model.selectedUnitProperty().get();
        unitGrid.setNetwork(w.network());
        unitGrid.setForwardPass(w.pass());
        unitGrid.setSelectedUnit(unit);
        showVisuals(w, step, unit);
        for (NumberTable table : WalkthroughTables.tables(w, step, unit, I18n.locale())) {
            NumberTableView view = new NumberTableView(table);
            tableViews.add(view);
            tables.getChildren().add(view);
        }
        check.refresh(w, unit, palette.getValue());
    }

    private void showVisuals(Walkthrough w, WalkthroughStep step, int unit) {
        NetworkSpec spec = w.spec();
        int width = spec.inputWidth();
        int height = spec.inputHeight();
        int inputs = spec.inputSize();
        DivergingPalette colours = palette.getValue();
        double[] theta1 = w.network().theta1Copy();
        int row = unit * (inputs + 1) + 1;
        int unitNumber = HiddenUnitGrid.displayNumber(unit);
        switch (step) {
            case INPUT -> visuals.getChildren().add(heatmap(WalkthroughPictures.gray(w.input(), 0, inputs), w.input(),
                    width, height, LARGE_SCALE, I18n.t("pages.backprop.visual.input", width, height, w.label())));
            case HIDDEN_SUM -> {
                double[] products = w.products(unit);
                double[] pixels = java.util.Arrays.copyOfRange(products, 1, inputs + 1);
                double max = WalkthroughPictures.maxAbs(pixels, 0, inputs);
                visuals.getChildren().addAll(unitGrid,
                        heatmap(WalkthroughPictures.diverging(theta1, row, inputs,
                                WalkthroughPictures.maxAbs(theta1, row, inputs), colours),
                                java.util.Arrays.copyOfRange(theta1, row, row + inputs), width, height, LARGE_SCALE,
                                I18n.t("pages.backprop.visual.unitPicture", unitNumber)),
                        heatmap(WalkthroughPictures.diverging(pixels, 0, inputs, max, colours), pixels, width, height,
                                LARGE_SCALE, I18n.t("pages.backprop.visual.products",
                                        WalkthroughFormat.display(w.pass().z2()[unit] - products[0]),
                                        WalkthroughFormat.display(products[0]),
                                        WalkthroughFormat.display(w.pass().z2()[unit]))));
            }
            case HIDDEN_ACTIVATION -> visuals.getChildren().add(unitGrid);
            case OUTPUT_SUM -> visuals.getChildren().add(matrixHeatmap(w.network().theta2Copy(), spec.outputSize(),
                    spec.hiddenSize() + 1, colours, I18n.t("pages.backprop.visual.theta2")));
            case OUTPUT_ACTIVATION, COST -> {
                bars.setProbabilities(w.pass().a3(), spec.outputLayer());
                visuals.getChildren().add(labelled(bars, spec.outputLayer() == OutputLayer.SOFTMAX_CROSS_ENTROPY
                        ? I18n.t("pages.backprop.visual.a3.softmax", w.label())
                        : I18n.t("pages.backprop.visual.a3.sigmoid", w.label())));
            }
            case OUTPUT_ERROR -> visuals.getChildren().add(heatmap(WalkthroughPictures.diverging(w.delta3(), 0,
                    spec.outputSize(), WalkthroughPictures.maxAbs(w.delta3(), 0, spec.outputSize()), colours),
                    w.delta3(), 1, spec.outputSize(), VECTOR_SCALE, I18n.t("pages.backprop.visual.delta3")));
            case HIDDEN_ERROR -> {
                int columns = WeightPictures.gridColumns(spec.hiddenSize());
                int rows = WeightPictures.gridRows(spec.hiddenSize());
                double[] laidOut = new double[columns * rows];
                System.arraycopy(w.delta2(), 0, laidOut, 0, spec.hiddenSize());
                visuals.getChildren().addAll(heatmap(WalkthroughPictures.diverging(laidOut, 0, laidOut.length,
                        WalkthroughPictures.maxAbs(laidOut, 0, laidOut.length), colours), laidOut, columns, rows,
                        VECTOR_SCALE, I18n.t("pages.backprop.visual.delta2")), unitGrid);
            }
            case GRADIENTS -> {
                // Both panels show −(Δ + λΘ), the step's direction: red/orange grows in both.
                double[] step2 = WalkthroughPictures.negated(w.gradient2());
                deltaGrid.setNetwork(new Network(spec, WalkthroughPictures.negated(w.gradient1()), step2));
                deltaGrid.setSelectedUnit(unit);
                visuals.getChildren().addAll(labelled(deltaGrid, I18n.t("pages.backprop.visual.delta1")),
                        matrixHeatmap(step2, spec.outputSize(), spec.hiddenSize() + 1, colours,
                                I18n.t("pages.backprop.visual.delta2step")));
            }
            case UPDATE -> {
                double[] after = w.networkAfter().theta1Copy();
                double max = Math.max(WalkthroughPictures.maxAbs(theta1, row, inputs),
                        WalkthroughPictures.maxAbs(after, row, inputs));
                double[] change = WalkthroughPictures.difference(after, theta1);
                double changeMax = WalkthroughPictures.maxAbs(change, row, inputs);
                bars.setProbabilities(w.passAfter().a3(), spec.outputLayer());
                visuals.getChildren().addAll(
                        heatmap(WalkthroughPictures.diverging(theta1, row, inputs, max, colours),
                                java.util.Arrays.copyOfRange(theta1, row, row + inputs), width, height, LARGE_SCALE,
                                I18n.t("pages.backprop.visual.unitBefore", unitNumber)),
                        heatmap(WalkthroughPictures.diverging(after, row, inputs, max, colours),
                                java.util.Arrays.copyOfRange(after, row, row + inputs), width, height, LARGE_SCALE,
                                I18n.t("pages.backprop.visual.unitAfter", unitNumber)),
                        heatmap(WalkthroughPictures.diverging(change, row, inputs, changeMax, colours),
                                java.util.Arrays.copyOfRange(change, row, row + inputs), width, height, LARGE_SCALE,
                                I18n.t("pages.backprop.visual.change", WalkthroughFormat.display(changeMax))),
                        labelled(bars, I18n.t("pages.backprop.visual.newPrediction")));
            }
            default -> {
                // tables only
            }
        }
    }

    private static Heatmap heatmap(int[] argb, double[] values, int width, int height, int scale, String text) {
        Heatmap map = new Heatmap();
        map.show(argb, values, width, height, scale, text);
        return map;
    }

    private static Heatmap matrixHeatmap(double[] matrix, int rows, int columns, DivergingPalette colours,
                                         String text) {
        return heatmap(WalkthroughPictures.diverging(matrix, 0, matrix.length,
                WalkthroughPictures.maxAbs(matrix, 0, matrix.length), colours), matrix, columns, rows, MATRIX_SCALE,
                text);
    }

    private static VBox labelled(Node node, String text) {
        Label label = new Label(text);
        label.getStyleClass().add(CAPTION_SMALL);
        label.setWrapText(true);
        label.setMaxWidth(420);
        VBox box = new VBox(4, node, label);
        if (node instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node == null) {
            return box;
        }
        return box;
    }

    // ---- export ------------------------------------------------------------------------------

    private void chooseAndExport() {
        Walkthrough w = model.getWalkthrough();
        if (w == null || getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("pages.backprop.export.dialog"));
        chooser.setInitialFileName("backprop-walkthrough.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("pages.backprop.export.filter"), "*.html"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            String name = file.getName().replaceFirst("\\.html?$", "");
            export(file.toPath().resolveSibling(name));
        }
    }

    /**
     * Writes {@code base}.html and {@code base}.csv (atomically) for the current walkthrough and
     * the selected unit; the status label reports the result.
     *
     * @return true if both files were written
     */
    public boolean export(Path base) {
        Walkthrough w = model.getWalkthrough();
        if (w == null) {
            exportStatus.setText(I18n.t("pages.backprop.export.nothing"));
            return false;
        }
        try {
            WalkthroughHandout.writeBoth(w, model.selectedUnitProperty().get(), WalkthroughHandout.PAPER_PALETTE,
                    base, I18n.locale());
            exportStatus.setText(I18n.t("pages.backprop.export.saved", base.getFileName().toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            exportStatus.setText(I18n.t("pages.backprop.export.failed", String.valueOf(e.getMessage())));
            return false;
        }
    }

    // ---- for tests ------------------------------------------------------------------------------

    String stepTitleText() {
        return stepTitle.getText();
    }

    String formulaText() {
        return formula.getLatex();
    }

    String captionText() {
        return caption.getText();
    }

    List<NumberTableView> tableViews() {
        return List.copyOf(tableViews);
    }

    Heatmap checkUnitPicture() {
        return check.unitPicture();
    }

    Heatmap checkTheta2Picture() {
        return check.theta2Picture();
    }

    private int unit() {
        return model.selectedUnitProperty().get();
    }

    List<Node> visualNodes() {
        return List.copyOf(visuals.getChildren());
    }

    ObservableValue<Network> networkInput() {
        return network;
    }
}
