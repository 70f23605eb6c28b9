package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.MatReader;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.ui.backprop.BackpropView;
import org.hiddenneurons.ui.data.DatasetOpener;
import org.hiddenneurons.ui.data.DropRouter;
import org.hiddenneurons.ui.dossier.DossierModel;
import org.hiddenneurons.ui.dossier.ExperimentsPanel;
import org.hiddenneurons.ui.dossier.LogisticComparisonView;
import org.hiddenneurons.ui.dossier.ModifiedNetworkBanner;
import org.hiddenneurons.ui.dossier.PredictionExplanationView;
import org.hiddenneurons.ui.dossier.UnitDossierView;
import org.hiddenneurons.ui.eval.EvaluationView;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.ui.replay.ReplayFileActions;
import org.hiddenneurons.ui.userdata.UserDrawingsPane;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The main window: a header with the app's title, the model in use and the page navigation
 * (Ctrl+1…6), banners (divergence, modified network), one page at a time, and the status bar.
 *
 * <p>Pages, all sharing ONE {@link WorkbenchViewModel} (the network, the drawing, the data):
 * <ol>
 *   <li>Workbench — drawing and prediction on the left, the hidden layer in the centre, training
 *       on the right (the app's home).</li>
 *   <li>Backprop — one example stepped through forward and backward pass ({@link BackpropView}).</li>
 *   <li>Hidden unit — the selected unit's dossier, the causal experiments and the explanation of
 *       the prediction (package {@code ui.dossier}).</li>
 *   <li>Compare — the hidden units beside logistic regression's class templates.</li>
 *   <li>Evaluation — the confusion matrix and the misclassified test images.</li>
 *   <li>My drawings — the user's own labelled drawings, merged into training.</li>
 * </ol>
 * The drawing pad travels with the pages that need it (Workbench, Hidden unit, My drawings), so
 * the drawing is always one and the same. Code-built; looks come from the theme stylesheets
 * ({@link Themes}); F5 toggles {@link PresentationMode}. File dialogs and the keyboard live here.
 */
public final class WorkbenchView extends BorderPane {

    /** The pages of the window, in navigation order (Ctrl+1 … Ctrl+6). */
    public enum Page {
        WORKBENCH("Workbench", "Draw, train and watch the hidden units"),
        BACKPROP("Backprop", "Step one example through the forward and backward pass"),
        HIDDEN_UNIT("Hidden unit", "Everything about the selected hidden unit; switch units off (X)"),
        COMPARE("Compare", "The hidden units beside logistic regression's class templates"),
        EVALUATION("Evaluation", "Confusion matrix on the test set; click a cell for its images"),
        MY_DRAWINGS("My drawings", "Add your own drawings to the training set");

        private final String title;
        private final String description;

        Page(String title, String description) {
            this.title = title;
            this.description = description;
        }

        public String title() {
            return title;
        }

        /** Ctrl+ this key opens the page. */
        public KeyCode key() {
            return KeyCode.values()[KeyCode.DIGIT1.ordinal() + ordinal()];
        }

        /** "Ctrl+3". */
        public String shortcut() {
            return "Ctrl+" + (ordinal() + 1);
        }

        public String description() {
            return description;
        }
    }

    /** Node ids the tests look up. */
    static final String TRAIN_BUTTON_ID = "train-button";
    static final String STEP_BUTTON_ID = "step-button";
    static final String NEW_NETWORK_BUTTON_ID = "new-network-button";
    static final String BANNER_ID = "divergence-banner";
    static final String THEME_BUTTON_ID = "theme-button";
    static final String MODEL_DESCRIPTION_ID = "model-description";
    static final String PAGES_ID = "pages";

    static final String DRAWING_PAD_ID = "drawing-pad";
    static final String HIDDEN_GRID_ID = "hidden-unit-grid";
    static final String UNIT_PICKER_ID = "unit-picker";

    /** Side of the drawing pad on screen at the default window size (its drawing is always 280×280 pixels). */
    static final double DRAWING_SIZE = 224;
    /** Largest side of the pad when the window has room (280: one screen pixel per drawing pixel). */
    static final double MAX_DRAWING_SIZE = 280;
    /** Window height at which the pad starts to grow beyond {@link #DRAWING_SIZE}. */
    static final double PAD_GROWTH_START_HEIGHT = 820;
    static final double COLOUR_BAR_MIN_WIDTH = 170;
    /** Θ2's texts without the colour-bar caption (its bar sits in the section title). */
    static final OutputWeightsView.Texts OUTPUT_TEXTS = new OutputWeightsView.Texts(
            OutputWeightsView.Texts.ENGLISH.digitFromUnit(), OutputWeightsView.Texts.ENGLISH.digitFromBias(),
            OutputWeightsView.Texts.ENGLISH.bias(), "");
    /** The grid's texts without colour-bar captions (the legend beside the bar says the mode). */
    static final HiddenUnitGrid.Texts GRID_TEXTS = new HiddenUnitGrid.Texts(
            HiddenUnitGrid.Texts.ENGLISH.unit(), HiddenUnitGrid.Texts.ENGLISH.activation(),
            HiddenUnitGrid.Texts.ENGLISH.z(), HiddenUnitGrid.Texts.ENGLISH.bias(),
            HiddenUnitGrid.Texts.ENGLISH.weightAt(), HiddenUnitGrid.Texts.ENGLISH.separator(), "", "", "", "");
    static final double COLOUR_BAR_MAX_WIDTH = 420;
    static final double MIN_PEN_WIDTH = 10;
    static final double MAX_PEN_WIDTH = 48;
    static final double RIGHT_WIDTH = 410;
    /** Θ2 view: 10 rows of cells, axis and colour bar. */
    static final double OUTPUT_WEIGHTS_HEIGHT = 150;
    /** The Hidden-unit page's left column (pad, unit picker, experiments). */
    static final double SIDE_COLUMN_WIDTH = 316;
    /** Screen pixels per weight pixel in the Hidden-unit page's unit picker. */
    static final int PICKER_IMAGE_SCALE = 2;
    /** The experiments panel under the dossier: wide enough for its rows, no wider. */
    static final double EXPERIMENTS_MAX_WIDTH = 720;
    /** The model description in the header: at most two lines of its small type. */
    static final double MODEL_DESCRIPTION_MAX_HEIGHT = 34;
    /** Detail the projector cannot show legibly: hidden in presentation mode (rule in presentation.css). */
    static final String PRESENTATION_DETAIL = "hn-presentation-detail";
    static final String MODEL_EXTENSION = "*.json";
    /** The course's weights file (ex4weights.mat), opened read-only through ModelFile.open. */
    static final String COURSE_WEIGHTS_EXTENSION = "*.mat";
    static final double COMBO_WIDTH = 100;
    /** Name and image size of the user's drawings as a training data set. */
    static final String MY_DRAWINGS_NAME = "my drawings";

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final Stage stage;
    /** Theme, weight colours and text size, remembered between runs; {@link #theme} is its theme. */
    private final ViewPreferences viewPreferences;
    private final ObjectProperty<Themes.Theme> theme;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.WORKBENCH);
    /** True while anything shows the dossier's analysis (its pages, an experiment, a unit ordering). */
    private final BooleanProperty dossierLive = new SimpleBooleanProperty();
    /** Bidirectional bindings hold their ends weakly: the adapters made for them live here. */
    private final List<Object> keepAlive = new ArrayList<>();
    private final TrainingCharts charts;
    private final DrawingPad pad = new DrawingPad();
    private final PreprocessStrip strip = new PreprocessStrip(PreprocessStrip.Layout.COLUMN);
    private final PredictionBars bars = new PredictionBars();
    private final HiddenUnitGrid grid = new HiddenUnitGrid();
    private final HiddenUnitGrid unitPicker = new HiddenUnitGrid();
    private final OutputWeightsView outputWeights = new OutputWeightsView();
    private final DossierModel dossier;
    private final Map<Page, Node> pageNodes = new EnumMap<>(Page.class);
    /** Where the drawing pad sits on each page that shows it. */
    private final Map<Page, Pane> padSlots = new EnumMap<>(Page.class);
    private final StackPane pageHost = new StackPane();
    private VBox padBox;
    private BackpropView backprop;
    private UnitDossierView unitDossier;
    private ExperimentsPanel experiments;
    private PredictionExplanationView explanation;
    private ScrollPane dossierScroll;
    private LogisticComparisonView comparison;
    private EvaluationView evaluation;
    private UserDrawingsPane myDrawings;
    private ModifiedNetworkBanner modifiedBanner;
    private PresentationMode presentation;
    /** The header's File and View menus; each area adds its items (see {@link AppMenus}). */
    private final AppMenus menus = new AppMenus();
    /** Where a file or folder dropped on the window goes (data sets, models; others register more). */
    private final DropRouter dropRouter = new DropRouter();
    private final DatasetOpener datasetOpener;

    /** File ▸ Open recent (the user's preferences; tests switch the store with {@link #recentFiles()}). */
    private final RecentFiles recentFiles = RecentFiles.atDefaultLocation();
    /** The replay timeline under the hidden-layer grid. */
    private ReplayBar replayBar;
    /** Save/Open training run, the exports and Open recent. */
    private ReplayFileActions replayFiles;

    private Runnable clearPad = () -> { };
    private Runnable undoPad = () -> { };

    public WorkbenchView(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage) {
        this(model, adapter, stage, UserDrawings.atDefaultLocation());
    }

    /** @param drawings where "My drawings" keeps the user's drawings */
    public WorkbenchView(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage, UserDrawings drawings) {
        this(model, adapter, stage, drawings, ViewPreferences.inMemory());
    }

    /** @param viewPreferences theme, colours and text size ({@link ViewPreferences#user()} in the app) */
    public WorkbenchView(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage, UserDrawings drawings,
            ViewPreferences viewPreferences) {
        this.viewPreferences = viewPreferences;
        this.theme = viewPreferences.themeProperty();
        this.model = model;
        this.adapter = adapter;
        this.stage = stage;
        getStyleClass().add("hn-workbench");
        datasetOpener = new DatasetOpener(model, adapter,
                (path, error) -> showFileError(I18n.t("data.error.header"), path, error));
        charts = new TrainingCharts(model);
        dossier = new DossierModel(followWhile(model.networkProperty(), dossierLive), model.preprocessedProperty(),
                model.dataProperty());
        model.showExperiment(dossier.forwardPassProperty(), dossier.modifiedProperty());

        BorderPane workbench = new BorderPane();
        workbench.getStyleClass().add("hn-workbench-page");
        workbench.setLeft(drawingColumn());
        workbench.setCenter(hiddenLayerColumn());
        workbench.setRight(trainingColumn());
        pageNodes.put(Page.WORKBENCH, workbench);
        buildAnalysisPages(drawings);

        modifiedBanner = new ModifiedNetworkBanner(dossier);
        setTop(new VBox(header(), banner(), modifiedBanner));
        replayFiles = new ReplayFileActions(model, adapter, stage, recentFiles, () -> grid.paletteProperty().get());
        replayFiles.install(menus, this::saveModel);
        recentFiles.registerOpener(RecentFiles.Kind.MODEL, this::openModel);
        pageHost.setId(PAGES_ID);
        pageHost.getStyleClass().add("hn-pages");
        setCenter(pageHost);
        setBottom(new VBox(datasetOpener.panel(), new StatusBar(model)));
        installDrops();
        // Training runs (*.run.json) before the plain *.json → model rule (the latest registration wins).
        dropRouter.register(path -> !Files.isDirectory(path) && path.getFileName().toString()
                .toLowerCase(java.util.Locale.ROOT).endsWith(ReplayFileActions.RUN_SUFFIX), replayFiles::openRun);

        // The analysis runs only while someone looks at it (it would compete with training otherwise).
        dossierLive.bind(Bindings.createBooleanBinding(
                () -> page.get() == Page.HIDDEN_UNIT || page.get() == Page.COMPARE
                        || dossier.modifiedProperty().get()
                        || dossier.orderKeyProperty().get() != UnitOrdering.Key.NUMBER,
                page, dossier.modifiedProperty(), dossier.orderKeyProperty()));
        dossier.activeProperty().bind(dossierLive);
        dossier.unitOrderProperty().addListener((o, old, now) -> {
            grid.setUnitOrder(now);
            unitPicker.setUnitOrder(now);
        });
        dossier.unitScoresProperty().addListener((o, old, now) -> {
            grid.setUnitScores(now);
            unitPicker.setUnitScores(now);
        });
        page.addListener((o, old, now) -> showPage(now));
        showPage(page.get());
    }

    /** Installs the theme, presentation mode and the scene-wide keyboard shortcuts; call once the view is in its scene. */
    public void install(Scene scene) {
        viewPreferences.applyTo(scene);
        presentation = PresentationMode.install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.heightProperty().addListener((o, old, now) -> sizePad(now.doubleValue()));
        sizePad(scene.getHeight());
    }

    public ObjectProperty<Themes.Theme> themeProperty() {
        return theme;
    }

    /** Theme, weight colours and text size; its palette is the one every weight picture uses (PNG exports too). */
    public ViewPreferences viewPreferences() {
        return viewPreferences;
    }

    /** The page shown; set it to switch pages. */
    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** Presentation mode (null until {@link #install}). */
    public AppMenus menus() {
        return menus;
    }

    /**
     * Routes files and folders dropped on the window: register more kinds with
     * {@link DropRouter#register} (the latest registration that accepts a path wins).
     */
    public DropRouter dropRouter() {
        return dropRouter;
    }

    /** Opens data sets (menu, drops) with progress and Cancel; {@link DatasetOpener#open} opens one. */
    public DatasetOpener datasetOpener() {
        return datasetOpener;
    }

    public PresentationMode presentationMode() {
        return presentation;
    }

    public TrainingCharts charts() {
        return charts;
    }

    /** The dossier views' shared model (experiments, statistics, unit order). */
    public DossierModel dossierModel() {
        return dossier;
    }

    DrawingPad drawingPad() {
        return pad;
    }

    PredictionBars predictionBars() {
        return bars;
    }

    HiddenUnitGrid hiddenUnitGrid() {
        return grid;
    }

    OutputWeightsView outputWeightsView() {
        return outputWeights;
    }

    ReplayBar replayBar() {
        return replayBar;
    }

    /** Save/Open training run and the exports, by path (e.g. for a drop router: {@code replayFiles().openRun(path)}). */
    public ReplayFileActions replayFiles() {
        return replayFiles;
    }

    /** File ▸ Open recent: add opened files with {@link RecentFiles#add}, reopen a kind with {@link RecentFiles#registerOpener}. */
    public RecentFiles recentFiles() {
        return recentFiles;
    }

    PreprocessStrip preprocessStrip() {
        return strip;
    }

    Node pageNode(Page which) {
        return pageNodes.get(which);
    }

    BackpropView backpropView() {
        return backprop;
    }

    UnitDossierView unitDossierView() {
        return unitDossier;
    }

    PredictionExplanationView explanationView() {
        return explanation;
    }

    ModifiedNetworkBanner modifiedBanner() {
        return modifiedBanner;
    }

    UserDrawingsPane myDrawingsPane() {
        return myDrawings;
    }

    // ---------------------------------------------------------------- pages

    private void showPage(Page shown) {
        Pane slot = padSlots.get(shown);
        if (slot != null && padBox.getParent() != slot) {
            slot.getChildren().setAll(padBox);
        }
        Node node = pageNodes.get(shown);
        pageHost.getChildren().setAll(node);
        switch (shown) {
            case BACKPROP -> backprop.requestFocus();
            case HIDDEN_UNIT -> {
                if (grid.getSelectedUnit() < 0 && !grid.getTiles().isEmpty()) {
                    grid.setSelectedUnit(grid.getUnitOrder()[0]);
                }
                unitPicker.requestFocus();
            }
            case WORKBENCH -> grid.requestFocus();
            default -> node.requestFocus();
        }
    }

    /** Opens the Hidden-unit page at the dossier (Enter / D). */
    void openDossier() {
        page.set(Page.HIDDEN_UNIT);
        dossierScroll.setVvalue(0);
    }

    /** Opens the Hidden-unit page at the explanation of the prediction (E). */
    void openExplanation() {
        page.set(Page.HIDDEN_UNIT);
        dossierScroll.applyCss();
        dossierScroll.layout();
        double contentHeight = dossierScroll.getContent().getBoundsInLocal().getHeight();
        double viewport = dossierScroll.getViewportBounds().getHeight();
        double target = explanation.getBoundsInParent().getMinY();
        dossierScroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, target / (contentHeight - viewport)));
    }

    /**
     * A copy of {@code source} that follows it only while {@code live} is true, and catches up when
     * it becomes true. Pages that are not on screen get this instead of the live network, so they do
     * not rebuild on every training snapshot (which starved the FX thread and slowed training 10×).
     */
    static <T> ObservableValue<T> followWhile(ObservableValue<T> source, ObservableBooleanValue live) {
        ObjectProperty<T> copy = new SimpleObjectProperty<>(source.getValue());
        ChangeListener<Object> sync = (o, old, now) -> {
            if (live.get()) {
                copy.set(source.getValue());
            }
        };
        source.addListener(sync);
        live.addListener(sync);
        return copy;
    }

    private void buildAnalysisPages(UserDrawings drawings) {
        ObjectProperty<DivergingPalette> palette = grid.paletteProperty();

        backprop = new BackpropView(followWhile(model.networkProperty(), page.isEqualTo(Page.BACKPROP)),
                model.preprocessedProperty(), model.dataProperty(), palette);
        backprop.getStyleClass().add("hn-page");
        pageNodes.put(Page.BACKPROP, backprop);

        // Hidden unit: pad, unit picker and experiments on the left; dossier and explanation scroll in the centre.
        unitPicker.setId(UNIT_PICKER_ID);
        unitPicker.setTexts(GRID_TEXTS);
        unitPicker.paletteProperty().bind(palette);
        unitPicker.scaleProperty().bind(model.weightScaleProperty());
        unitPicker.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        // The picker needs no legend of its own (the pictures are the workbench's): park its bar off-scene.
        new Group(unitPicker.getColorBar());
        unitPicker.setPrefSize(pickerSide(NetworkSpec.DEFAULT.inputWidth()), pickerSide(NetworkSpec.DEFAULT.inputHeight()));
        Tooltip.install(unitPicker, new Tooltip("Click a unit or use the arrow keys to choose the unit on the right"));
        experiments = new ExperimentsPanel(dossier, grid.selectedUnitProperty());
        Pane dossierPadSlot = new StackPane();
        padSlots.put(Page.HIDDEN_UNIT, dossierPadSlot);
        Label unitsHint = new Label("arrows choose · X off · R restore");
        unitsHint.getStyleClass().addAll("hn-muted", "hn-keys");
        unitsHint.setWrapText(true);
        ChoiceBox<UnitOrdering.Key> order = new ChoiceBox<>();
        order.getItems().addAll(UnitOrdering.Key.values());
        order.setConverter(named(key -> switch (key) {
            case NUMBER -> "number";
            case IMPORTANCE -> "importance";
            case ACTIVATION -> "activation now";
        }));
        order.valueProperty().bindBidirectional(dossier.orderKeyProperty());
        order.setTooltip(new Tooltip("Order and tint the units (here and on the workbench): by number, by importance "
                + "(test accuracy lost without the unit) or by activation on your drawing"));
        HBox orderRow = new HBox(settingLabel("Order by"), order);
        orderRow.getStyleClass().add("hn-toolbar");
        orderRow.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(section("Hidden units", unitPicker, orderRow, unitsHint),
                section("Your drawing", dossierPadSlot));
        side.getStyleClass().addAll("hn-column", "hn-side");
        ScrollPane sideScroll = scroll(side);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setMinWidth(SIDE_COLUMN_WIDTH);
        sideScroll.setPrefWidth(SIDE_COLUMN_WIDTH);
        unitDossier = new UnitDossierView(dossier, grid.selectedUnitProperty(), palette);
        explanation = new PredictionExplanationView(dossier, palette);
        experiments.getStyleClass().add("hn-page-content");
        experiments.setMaxWidth(EXPERIMENTS_MAX_WIDTH);
        VBox dossierContent = new VBox(unitDossier, explanation, experiments);
        dossierContent.getStyleClass().addAll("hn-column", "hn-dossier-page");
        dossierScroll = new ScrollPane(dossierContent);
        dossierScroll.setFitToWidth(true);
        dossierScroll.getStyleClass().add("hn-scroll");
        BorderPane unitPage = new BorderPane();
        unitPage.setLeft(sideScroll);
        unitPage.setCenter(dossierScroll);
        pageNodes.put(Page.HIDDEN_UNIT, unitPage);

        comparison = new LogisticComparisonView(dossier, palette);
        pageNodes.put(Page.COMPARE, pagePane(comparison));

        evaluation = new EvaluationView(followWhile(model.networkProperty(), page.isEqualTo(Page.EVALUATION)),
                model.dataProperty());
        pageNodes.put(Page.EVALUATION, pagePane(evaluation));

        myDrawings = new UserDrawingsPane(drawings);
        myDrawings.currentInputProperty().bind(model.preprocessedProperty()
                .map(result -> result.blank() ? null : result.networkInput()));
        model.extraTrainingDataProperty().bind(myDrawings.listingProperty().map(listing -> listing.drawings().isEmpty()
                ? null : listing.asDataset(MY_DRAWINGS_NAME, NetworkSpec.DEFAULT.inputWidth(),
                NetworkSpec.DEFAULT.inputHeight(), NetworkSpec.DEFAULT.outputSize())));
        Pane drawingsPadSlot = new StackPane();
        padSlots.put(Page.MY_DRAWINGS, drawingsPadSlot);
        Label how = new Label("Draw a digit, choose its label and press Add. Your drawings are kept on this computer "
                + "and join the training set the next time you press Train; the test set stays the standard one.");
        how.setWrapText(true);
        how.getStyleClass().add("hn-muted");
        VBox drawingsSide = new VBox(section("Draw a digit", drawingsPadSlot, how));
        drawingsSide.getStyleClass().add("hn-column");
        drawingsSide.setMaxWidth(SIDE_COLUMN_WIDTH + 40);
        myDrawings.getStyleClass().add("hn-section");
        VBox.setVgrow(myDrawings, Priority.ALWAYS);
        VBox drawingsMain = new VBox(myDrawings);
        drawingsMain.getStyleClass().add("hn-column");
        HBox.setHgrow(drawingsMain, Priority.ALWAYS);
        pageNodes.put(Page.MY_DRAWINGS, new HBox(drawingsSide, drawingsMain));
    }

    /** Width (or height) of a 5×5 unit picker at {@link #PICKER_IMAGE_SCALE} for pictures {@code pixels} wide. */
    private static double pickerSide(int pixels) {
        int tiles = 5;
        return tiles * (pixels * PICKER_IMAGE_SCALE + HiddenUnitTile.CHROME_HEIGHT) + (tiles - 1) * HiddenUnitGrid.GAP;
    }

    private static ScrollPane pagePane(Region content) {
        content.getStyleClass().add("hn-page-content");
        VBox box = new VBox(content);
        box.getStyleClass().add("hn-page");
        VBox.setVgrow(content, Priority.ALWAYS);
        ScrollPane scroll = scroll(box);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hn-scroll");
        return scroll;
    }

    /** The pad grows with the window's height, from {@link #DRAWING_SIZE} up to {@link #MAX_DRAWING_SIZE}. */
    private void sizePad(double sceneHeight) {
        double side = Math.floor(Math.max(DRAWING_SIZE,
                Math.min(MAX_DRAWING_SIZE, DRAWING_SIZE + (sceneHeight - PAD_GROWTH_START_HEIGHT) * 0.5)));
        pad.setPrefSize(side, side);
        pad.setMaxSize(side, side);
        if (padBox != null && padBox.getChildren().size() > 1 && padBox.getChildren().get(1) instanceof Region tools) {
            tools.setMaxWidth(side);
        }
    }

    // ---------------------------------------------------------------- keyboard

    /**
     * Scene-level filter, so a focused button never eats Space. Plain keys are left alone while a
     * text field has the focus (typing "5" or "s" there must not train).
     */
    private void onKey(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl
                || (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl);
        KeyCode code = event.getCode();
        if (PresentationMode.isToggleKey(event)) {
            presentation.toggle();
            event.consume();
            return;
        }
        if (event.isShortcutDown()) {
            if (Accessibility.handleTextSizeShortcut(event, viewPreferences.textSizeProperty())) {
                event.consume();
                return;
            }
            Page target = pageFor(code);
            if (target != null) {
                page.set(target);
            } else if (code == KeyCode.S) {
                saveModel();
            } else if (code == KeyCode.O) {
                openModel();
            } else if (code == KeyCode.Z && !typing) {
                undoPad.run();
            } else {
                return;
            }
            event.consume();
            return;
        }
        if (code == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
            event.consume();
            return;
        }
        if (code == KeyCode.F1) {
            showKeys();
            event.consume();
            return;
        }
        if (typing || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        int unit = grid.getSelectedUnit();
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (code == KeyCode.ENTER && Accessibility.activateFocused(focused)) {
            event.consume(); // Enter presses the focused control (Space stays train / pause)
            return;
        }
        switch (code) {
            case OPEN_BRACKET, CLOSE_BRACKET, COMMA, PERIOD, HOME, END, P -> {
                if (page.get() != Page.WORKBENCH || !replayBar.handleKey(code)) {
                    return;
                }
            }
            case SPACE -> model.toggleTraining();
            case S -> model.step();
            case N -> model.newNetwork();
            case C -> clearPadAndPrediction();
            case D -> openDossier();
            case ENTER -> {
                if (page.get() != Page.WORKBENCH || unit < 0 || focused instanceof ButtonBase) {
                    return;
                }
                openDossier();
            }
            case X -> {
                if (unit < 0) {
                    model.statusMessageProperty().set("Select a hidden unit first (click a tile), then press X.");
                } else {
                    dossier.toggleOff(unit);
                }
            }
            case R -> dossier.restore();
            case E -> openExplanation();
            case L -> page.set(Page.COMPARE);
            default -> {
                return;
            }
        }
        event.consume();
    }

    private static Page pageFor(KeyCode code) {
        for (Page candidate : Page.values()) {
            if (candidate.key() == code) {
                return candidate;
            }
        }
        return null;
    }

    /** Every key, in words (F1 and the "Keys" button). */
    static final String KEYS_TEXT = String.join("\n",
            "Ctrl+1 … Ctrl+6   pages: Workbench, Backprop, Hidden unit, Compare, Evaluation, My drawings",
            "Space   train / pause          S   one epoch          N   new random network",
            "C   clear the drawing          Ctrl+Z   undo a stroke",
            "Arrows   choose a hidden unit (on its grid)          Enter / D   open its dossier",
            "X   switch the selected unit off / on          R   restore the intact network",
            "E   explain the prediction          L   compare with logistic regression",
            "Backprop page:  → / ←  next / previous step,  Home / End  first / last",
            "F5   presentation mode (projector)          F11   full screen          F1   this list",
            "Tab / Shift+Tab   move between controls          Enter   press the focused control",
            "Ctrl+Plus / Ctrl+Minus / Ctrl+0   larger / smaller / normal text",
            "Ctrl+O   open a model          Ctrl+S   save the model");

    private void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Hidden Neurons");
        alert.setHeaderText("Keyboard");
        Label text = new Label(KEYS_TEXT + "\n" + I18n.t("replay.keys"));
        text.getStyleClass().add("hn-keys-list");
        alert.getDialogPane().setContent(text);
        if (getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        alert.show();
    }

    private void clearPadAndPrediction() {
        clearPad.run();
        model.clearDrawing();
    }

    // ---------------------------------------------------------------- top

    private Node header() {
        Label title = new Label("Hidden Neurons");
        title.getStyleClass().add("hn-app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label subtitle = new Label();
        subtitle.setId(MODEL_DESCRIPTION_ID);
        subtitle.getStyleClass().addAll("hn-muted", "hn-model-description");
        subtitle.textProperty().bind(model.modelDescriptionProperty());
        subtitle.setMinWidth(0);
        Tooltip subtitleTip = new Tooltip();
        subtitleTip.textProperty().bind(model.modelDescriptionProperty());
        subtitle.setTooltip(subtitleTip);
        subtitle.setWrapText(true);
        subtitle.setMaxHeight(MODEL_DESCRIPTION_MAX_HEIGHT);
        HBox titles = new HBox(title, subtitle);
        titles.getStyleClass().add("hn-titles");
        titles.setMinWidth(Region.USE_PREF_SIZE);
        titles.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(titles, Priority.ALWAYS);

        List<ToggleButton> tabs = new ArrayList<>();
        for (Page each : Page.values()) {
            ToggleButton tab = new ToggleButton(each.title());
            tab.setId("page-" + each.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tab.setUserData(each);
            tab.setTooltip(new Tooltip(each.description() + " (" + each.shortcut() + ")"));
            tab.setMinWidth(Region.USE_PREF_SIZE);
            tabs.add(tab);
        }
        SegmentedButton navigation = new SegmentedButton(tabs.toArray(ToggleButton[]::new));
        navigation.getStyleClass().add("hn-navigation");
        navigation.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = navigation.getToggleGroup();
        tabs.get(page.get().ordinal()).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one page is always shown
            } else {
                page.set((Page) now.getUserData());
            }
        });
        page.addListener((o, old, now) -> tabs.get(now.ordinal()).setSelected(true));

        Button keys = button("Keys", "Every keyboard shortcut (F1)", this::showKeys);
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId(THEME_BUTTON_ID);
        dark.setTooltip(new Tooltip("Switch between the light and the dark theme"));
        dark.setSelected(theme.get() == Themes.Theme.DARK);
        dark.selectedProperty().addListener((o, old, now) -> theme.set(now ? Themes.Theme.DARK : Themes.Theme.LIGHT));
        theme.addListener((o, old, now) -> dark.setSelected(now == Themes.Theme.DARK));
        dark.setMinWidth(Region.USE_PREF_SIZE);
        menus.addFileActions(
                AppMenus.item("Open model…", "Shortcut+O", this::openModel),
                AppMenus.item("Save model…", "Shortcut+S", this::saveModel));
        menus.addFileActions(
                AppMenus.item(I18n.t("data.menu.openDataset"), null, () -> datasetOpener.chooseFile(stage)),
                AppMenus.item(I18n.t("data.menu.openFolder"), null, () -> datasetOpener.chooseFolder(stage)));
        menus.addViewGroup(
                AppMenus.item("Presentation mode", "F5", () -> presentation.toggle()),
                AppMenus.item("Full screen", "F11", () -> stage.setFullScreen(!stage.isFullScreen())),
                AppMenus.item("Keyboard shortcuts", "F1", this::showKeys));
        menus.addViewGroup(
                Accessibility.coloursMenu(viewPreferences.coloursProperty()),
                Accessibility.textSizeMenu(viewPreferences.textSizeProperty()));
        HBox fileButtons = new HBox(menus.fileButton(), menus.viewButton(), keys, dark);
        fileButtons.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        fileButtons.setAlignment(Pos.CENTER_LEFT);
        fileButtons.setMinWidth(Region.USE_PREF_SIZE);

        HBox.setHgrow(subtitle, Priority.ALWAYS);
        titles.setMinWidth(0);
        HBox header = new HBox(titles, navigation, fileButtons);
        header.getStyleClass().add("hn-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node banner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.divergenceMessageProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label icon = new Label("!");
        icon.getStyleClass().add("hn-banner-icon");
        HBox banner = new HBox(icon, text);
        banner.setId(BANNER_ID);
        banner.getStyleClass().add("hn-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.divergedProperty());
        banner.managedProperty().bind(model.divergedProperty());
        return banner;
    }

    // ---------------------------------------------------------------- left: drawing and prediction

    private Node drawingColumn() {
        pad.setPrefSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setMaxSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        pad.setId(DRAWING_PAD_ID);
        pad.setFocusTraversable(true); // a stop for Tab, with a ring (components.css); C / Ctrl+Z act on it
        pad.drawingProperty().addListener((o, old, drawing) -> {
            if (drawing.empty()) {
                model.clearDrawing();
            } else {
                model.draw(drawing.width(), drawing.height(), drawing.argb());
            }
        });
        onPadActions(pad::clear, pad::undo);

        Slider penWidth = new Slider(MIN_PEN_WIDTH, MAX_PEN_WIDTH, DrawingPad.DEFAULT_PEN_WIDTH);
        penWidth.valueProperty().bindBidirectional(pad.penWidthProperty());
        penWidth.setTooltip(new Tooltip("Pen width in pixels of the 280×280 drawing (the network sees it shrunk to 20×20)"));
        penWidth.setPrefWidth(80);
        penWidth.setMinWidth(60);
        Label penLabel = new Label("Pen");
        penLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = button("Clear", "Clear the drawing (C)", this::clearPadAndPrediction);
        Button undo = button("Undo", "Remove the last stroke (Ctrl+Z)", () -> undoPad.run());
        undo.disableProperty().bind(pad.emptyProperty());
        clear.disableProperty().bind(pad.emptyProperty());
        HBox tools = new HBox(penLabel, penWidth, spacer(), undo, clear);
        tools.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMaxWidth(DRAWING_SIZE);
        padBox = new VBox(pad, tools);
        padBox.getStyleClass().add("hn-pad-box");
        Pane padSlot = new StackPane(padBox);
        padSlot.setMinWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(padBox, Pos.TOP_LEFT);
        padSlots.put(Page.WORKBENCH, padSlot);

        strip.setCaptions("drawn", "cropped", "scaled", "network input 20×20");
        strip.hintTextProperty().set("The 20×20 input\nappears here");
        model.preprocessedProperty().addListener((o, old, now) -> strip.setResult(now));
        strip.setResult(model.preprocessedProperty().get());
        Label seesTitle = new Label("What the network sees");
        seesTitle.getStyleClass().add("hn-subsection-title");
        seesTitle.setWrapText(true);
        seesTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox sees = new VBox(seesTitle, strip);
        sees.getStyleClass().add("hn-sees");
        sees.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(sees, new Tooltip("Like the training digits: cropped to the ink, scaled into a "
                + "16-pixel box keeping the aspect ratio, centred by centre of mass in 20×20"));

        HBox drawRow = new HBox(padSlot, sees);
        drawRow.getStyleClass().add("hn-draw-row");
        VBox drawSection = section("Draw a digit", drawRow);

        Label predicted = new Label();
        predicted.getStyleClass().add("hn-prediction");
        predicted.textProperty().bind(Bindings.createStringBinding(() -> {
            int digit = model.replay().shownDigitProperty().get();
            return digit < 0 ? "Draw to see a prediction" : (digit == 8 ? "Looks like an " : "Looks like a ") + digit;
        }, model.replay().shownDigitProperty()));
        Label modifiedNote = new Label("modified network");
        modifiedNote.getStyleClass().add("hn-modified-note");
        modifiedNote.setMinWidth(Region.USE_PREF_SIZE);
        modifiedNote.visibleProperty().bind(model.predictionModifiedProperty().and(model.replay().replayingProperty().not()));
        modifiedNote.managedProperty().bind(modifiedNote.visibleProperty());
        Tooltip.install(modifiedNote, new Tooltip("An experiment switches hidden units off or clamps them: this is the "
                + "modified network's prediction. R restores the intact network."));
        HBox predictedRow = new HBox(predicted, modifiedNote, ReplayBar.predictionNote(model.replay()));
        predictedRow.setAlignment(Pos.BASELINE_LEFT);
        predictedRow.getStyleClass().add("hn-toolbar");
        model.replay().shownProbabilitiesProperty().addListener((o, old, now) -> showProbabilities());
        model.replay().shownNetworkProperty().addListener((o, old, now) -> showProbabilities());
        showProbabilities();
        VBox predictionSection = section("Prediction", predictedRow, bars);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(predictionSection, Priority.ALWAYS);

        VBox column = new VBox(drawSection, predictionSection);
        column.getStyleClass().addAll("hn-column", "hn-left");
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private void showProbabilities() {
        Network network = model.replay().shownNetworkProperty().get();
        double[] a3 = model.replay().shownProbabilitiesProperty().get();
        if (network == null) {
            bars.setProbabilities(a3);
        } else {
            bars.setProbabilities(a3, network.spec().outputLayer());
        }
    }

    // ---------------------------------------------------------------- centre: hidden layer

    private Node hiddenLayerColumn() {
        grid.setId(HIDDEN_GRID_ID);
        grid.scaleProperty().bind(model.weightScaleProperty());
        grid.paletteProperty().bind(viewPreferences.paletteProperty()); // every other view follows the grid's
        outputWeights.paletteProperty().bind(viewPreferences.paletteProperty());
        outputWeights.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        // The replay timeline decides which network the grid and Θ2 show: the live one or a snapshot.
        model.replay().shownNetworkProperty().addListener((o, old, now) -> showNetwork(now));
        model.replay().shownPassProperty().addListener((o, old, now) -> {
            grid.setForwardPass(now);
            unitPicker.setForwardPass(now);
        });
        showNetwork(model.replay().shownNetworkProperty().get());
        grid.setForwardPass(model.replay().shownPassProperty().get());
        grid.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && grid.getSelectedUnit() >= 0) {
                openDossier();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(0);

        ToggleButton perUnit = new ToggleButton("Per unit");
        perUnit.setTooltip(new Tooltip("Each picture uses its own colour scale: shows every unit's pattern best"));
        perUnit.setUserData(WeightPictures.Scale.PER_UNIT);
        ToggleButton shared = new ToggleButton("Shared");
        shared.setTooltip(new Tooltip("All pictures share one colour scale: compares strengths between units"));
        shared.setUserData(WeightPictures.Scale.SHARED);
        SegmentedButton scale = new SegmentedButton(perUnit, shared);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup scaleGroup = scale.getToggleGroup();
        (model.weightScaleProperty().get() == WeightPictures.Scale.SHARED ? shared : perUnit).setSelected(true);
        scaleGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.weightScaleProperty().set((WeightPictures.Scale) now.getUserData());
            }
        });
        ColorBar colourBar = grid.getColorBar();
        colourBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        colourBar.setMaxWidth(COLOUR_BAR_MAX_WIDTH);
        HBox.setHgrow(colourBar, Priority.ALWAYS);
        // The mode is said here, so the bar itself needs no caption (keeps the tiles large).
        grid.setTexts(GRID_TEXTS);
        Label legend = new Label();
        legend.textProperty().bind(model.weightScaleProperty().map(mode -> (mode == WeightPictures.Scale.SHARED
                ? "One scale for all units" : "Each unit on its own scale") + "\nred excites · blue inhibits"));
        legend.getStyleClass().addAll("hn-muted", PRESENTATION_DETAIL);
        legend.setMinWidth(0); // shortened at larger text sizes rather than pushing the tiles out of the column
        HBox scaleRow = new HBox(colourBar, legend);
        scaleRow.getStyleClass().addAll("hn-toolbar", "hn-scale-row");
        scale.getStyleClass().add(PresentationMode.CONTROLS);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(grid, new Tooltip("Each tile is one hidden unit's 400 incoming weights drawn as a 20×20 "
                + "picture: red pixels excite it, blue pixels inhibit it. The orange bar under a tile is the "
                + "unit's activation for your drawing (strongly active units glow). Hover a tile for the numbers; "
                + "click to select it, Enter or a double click opens its dossier, X switches it off."));

        replayBar = new ReplayBar(model.replay());
        VBox hiddenSection = section(titleRow("Hidden layer", scale), grid, scaleRow, replayBar);
        // The tiles grow in whole-pixel steps: the grid takes its preferred size (shrinking when the
        // window is small) and Θ2 below takes the rest of a tall window.
        VBox.setVgrow(hiddenSection, Priority.SOMETIMES);

        outputWeights.setPrefHeight(OUTPUT_WEIGHTS_HEIGHT);
        outputWeights.setMinHeight(Region.USE_PREF_SIZE);
        outputWeights.setTexts(OUTPUT_TEXTS);
        ColorBar outputBar = outputWeights.getColorBar();
        outputBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        outputBar.setPrefWidth(COLOUR_BAR_MIN_WIDTH);
        VBox outputSection = section(titleRow("Output weights Θ2", outputBar), outputWeights);
        outputSection.getStyleClass().add(PRESENTATION_DETAIL);
        VBox.setVgrow(outputSection, Priority.ALWAYS);
        VBox.setVgrow(outputWeights, Priority.ALWAYS);
        Tooltip.install(outputSection, new Tooltip("How the units vote. Row k: how strongly each hidden unit's activation counts "
                + "for digit k (red for, blue against). Click a column to select that unit."));

        replayBar.markWhileReplaying(hiddenSection, outputSection);
        VBox column = new VBox(hiddenSection, outputSection);
        column.getStyleClass().addAll("hn-column", "hn-centre");
        column.setMinWidth(0);
        return column;
    }

    private void showNetwork(Network network) {
        grid.setNetwork(network);
        unitPicker.setNetwork(network);
        outputWeights.setNetwork(network);
    }

    // ---------------------------------------------------------------- right: training

    private Node trainingColumn() {
        TrainingSettingsViewModel settings = model.settings();

        Button train = button("Train", "Start or pause training (Space). After a finished run, Train runs the set number of epochs "
                + "again from the current weights, with a fresh learning-rate schedule", model::toggleTraining);
        train.setId(TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(Bindings.createStringBinding(() -> switch (model.phaseProperty().get()) {
            case RUNNING -> "Pause";
            case PAUSED -> "Resume";
            default -> "Train";
        }, model.phaseProperty()));
        train.disableProperty().bind(model.dataReadyProperty().not());
        Button step = button("Step", "Train exactly one epoch at learning rate α (S)", model::step);
        step.setId(STEP_BUTTON_ID);
        step.disableProperty().bind(model.dataReadyProperty().not());
        Button fresh = button("New network", "Random weights from the seed: watch learning from scratch (N)",
                model::newNetwork);
        fresh.setId(NEW_NETWORK_BUTTON_ID);
        TextField seed = new TextField();
        seed.textProperty().bindBidirectional(settings.seedTextProperty());
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip("Seed of the random weights: the same seed gives the same network and run"));
        Label seedLabel = settingLabel("Seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        seed.setMinWidth(60);
        HBox buttons = new HBox(train, step, spacer(), fresh);
        buttons.getStyleClass().add("hn-toolbar");
        buttons.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("hn-settings");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls, labels, controls);

        ComboBox<OutputLayer> output = new ComboBox<>();
        output.getItems().addAll(OutputLayer.values());
        output.valueProperty().bindBidirectional(settings.outputLayerProperty());
        output.setConverter(named(OutputLayer::id));
        output.setMinWidth(COMBO_WIDTH);
        output.setMaxWidth(Double.MAX_VALUE);
        tip(output, "Output layer: softmax (probabilities that add up to 1; the app's default) or sigmoid "
                + "(one yes/no unit per digit, as in the course). Applies on New network");
        Spinner<Integer> hidden = intSpinner(1, TrainingSettingsViewModel.MAX_HIDDEN_SIZE, 1,
                settings.hiddenSizeProperty(), "Hidden units (applies on New network)");
        ComboBox<Activation> activation = new ComboBox<>();
        activation.getItems().addAll(Activation.values());
        activation.valueProperty().bindBidirectional(settings.activationProperty());
        activation.setConverter(named(Activation::id));
        activation.setMinWidth(COMBO_WIDTH);
        activation.setMaxWidth(Double.MAX_VALUE);
        tip(activation, "Hidden activation g(z) (applies on New network)");
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().addAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(settings.optimizerProperty());
        optimizer.setConverter(named(OptimizerKind::id));
        optimizer.setMinWidth(COMBO_WIDTH);
        optimizer.setMaxWidth(Double.MAX_VALUE);
        tip(optimizer, "gd: full-batch gradient descent · sgd: mini-batches with momentum · "
                + "adam: adaptive steps · lbfgs: full-batch quasi-Newton");
        TextField rate = textField(settings.learningRateTextProperty(),
                "Learning rate α: step size. Too large and training diverges (try 10)");
        TextField lambda = textField(settings.lambdaTextProperty(),
                "λ: L2 regularisation. 0 lets weights grow; larger values give smoother pictures");
        Spinner<Integer> batch = intSpinner(1, TrainingSettingsViewModel.MAX_BATCH_SIZE, 10,
                settings.batchSizeProperty(), "Mini-batch size for sgd and adam (full-batch optimizers ignore it)");
        Spinner<Integer> epochs = intSpinner(1, TrainingSettingsViewModel.MAX_EPOCHS, 10,
                settings.epochsProperty(), "Epochs one press of Train runs (full-batch: iterations)");
        CheckBox augment = new CheckBox("shifts");
        augment.setMinWidth(Region.USE_PREF_SIZE);
        augment.selectedProperty().bindBidirectional(settings.augmentProperty());
        tip(augment, "Augmentation: shift training digits randomly by 1–2 pixels each epoch");

        grid.addRow(0, settingLabel("Hidden"), hidden, settingLabel("Activation"), activation);
        grid.addRow(1, settingLabel("Optimizer"), optimizer, settingLabel("Rate α"), rate);
        grid.addRow(2, settingLabel("λ"), lambda, settingLabel("Batch"), batch);
        grid.addRow(3, settingLabel("Epochs"), epochs, seedLabel, seed);
        grid.addRow(4, settingLabel("Output"), output, settingLabel("Augment"), augment);
        grid.getStyleClass().add(PresentationMode.CONTROLS);

        Slider speed = new Slider(0, TrainingSettingsViewModel.MAX_EPOCH_DELAY_MILLIS, 0);
        speed.valueProperty().addListener((o, old, now) ->
                settings.epochDelayMillisProperty().set(Math.round(now.doubleValue())));
        tip(speed, "Slow motion for class: pause after each epoch (left: full speed)");
        HBox.setHgrow(speed, Priority.ALWAYS);
        Label speedValue = new Label();
        speedValue.getStyleClass().add("hn-muted");
        speedValue.setMinWidth(Region.USE_PREF_SIZE);
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> {
            long delay = settings.epochDelayMillisProperty().get();
            return delay == 0 ? "full speed" : delay + " ms/epoch";
        }, settings.epochDelayMillisProperty()));
        HBox speedRow = new HBox(settingLabel("Speed"), speed, speedValue);
        speedRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        speedRow.setAlignment(Pos.CENTER_LEFT);

        Label needsNew = new Label("Hidden units, activation and output apply on New network.");
        needsNew.getStyleClass().add("hn-note");
        needsNew.setWrapText(true);
        needsNew.visibleProperty().bind(settings.needsNewNetworkProperty());
        needsNew.managedProperty().bind(settings.needsNewNetworkProperty());
        Label invalid = new Label();
        invalid.getStyleClass().add("hn-error");
        invalid.setWrapText(true);
        invalid.textProperty().bind(settings.validationMessageProperty());
        invalid.visibleProperty().bind(settings.validationMessageProperty().isNotEmpty());
        invalid.managedProperty().bind(invalid.visibleProperty());

        Label withDrawings = new Label();
        withDrawings.getStyleClass().add("hn-note");
        withDrawings.setWrapText(true);
        withDrawings.textProperty().bind(model.extraTrainingDataProperty().map(extra ->
                "Training includes your " + extra.size() + (extra.size() == 1 ? " drawing" : " drawings")
                        + " (My drawings, Ctrl+6); the test set stays the standard one.").orElse(""));
        withDrawings.visibleProperty().bind(model.extraTrainingDataProperty().isNotNull());
        withDrawings.managedProperty().bind(withDrawings.visibleProperty());
        Button open = button("Open…", "Open a saved model (Ctrl+O)", this::openModel);
        Button save = button("Save…", "Save this network and its settings as a model file (Ctrl+S)", this::saveModel);
        Label unsaved = new Label("trained, not saved");
        unsaved.getStyleClass().add("hn-muted");
        unsaved.setMinWidth(0);
        unsaved.visibleProperty().bind(model.unsavedChangesProperty());
        HBox fileRow = new HBox(settingLabel("Model file"), open, save, unsaved);
        fileRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        VBox trainingSection = section("Training", buttons, grid, needsNew, invalid, withDrawings, speedRow, fileRow);
        VBox chartSection = section("Progress", charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(chartSection, Priority.ALWAYS);

        VBox column = new VBox(trainingSection, chartSection);
        column.getStyleClass().addAll("hn-column", "hn-right");
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // Above Normal text the column may be wider than its room: it scrolls sideways then.
        scroll.hbarPolicyProperty().bind(viewPreferences.textSizeProperty().map(size ->
                size.compareTo(Themes.TextSize.NORMAL) > 0 ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER));
        scroll.getStyleClass().addAll("hn-scroll", "hn-right-scroll");
        scroll.setPrefWidth(RIGHT_WIDTH);
        scroll.setMinWidth(RIGHT_WIDTH);
        return scroll;
    }

    // ---------------------------------------------------------------- files

    /** Ctrl+S: writes the network in use; errors in a dialog; nothing in the app changes. */
    void saveModel() {
        FileChooser chooser = modelChooser("Save model");
        chooser.setInitialFileName("hidden-neurons-model.json");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        save(file.toPath(), () -> { });
    }

    /**
     * Writes the network in use to {@code path} in the background (the data set's hash computed
     * there too), then runs {@code afterSaving} on the FX thread; a failure shows a dialog instead.
     */
    void save(Path path, Runnable afterSaving) {
        SavedModel toSave = model.modelToSave();
        Dataset trainingData = model.trainingDataset();
        adapter.background(() -> {
            ModelFile.save(path, WorkbenchViewModel.withDatasetHash(toSave, trainingData));
            return path;
        }, saved -> {
            recentFiles.add(saved, RecentFiles.Kind.MODEL);
            model.markSaved(toSave.network());
            model.statusMessageProperty().set("Saved the model to " + saved);
            afterSaving.run();
        }, error -> showFileError("Could not save the model", path, error));
    }

    /**
     * Closing the window with trained weights that were never saved asks Save / Don't save /
     * Cancel. Call from the stage's close request; consumes it unless the window may close now.
     */
    void confirmClose(javafx.stage.WindowEvent request) {
        if (!model.shouldAskBeforeClosing()) {
            return;
        }
        ButtonType saveButton = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Hidden Neurons");
        alert.setHeaderText("Save the trained network before quitting?");
        alert.setContentText("The weights were trained since they were last saved or opened; "
                + "without saving, this training is lost.");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) {
            return;
        }
        request.consume();
        if (answer == saveButton) {
            FileChooser chooser = modelChooser("Save model");
            chooser.setInitialFileName("hidden-neurons-model.json");
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                save(file.toPath(), stage::close);
            }
        }
    }

    /** Ctrl+O: reads a model file; on error a dialog names the file and the problem and nothing changes. */
    void openModel() {
        FileChooser chooser = modelChooser("Open model");
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter("Course weights (Theta1, Theta2)", COURSE_WEIGHTS_EXTENSION));
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        openModel(file.toPath());
    }

    /** Reads the model file {@code path} in the background; on error a dialog names the file and the problem and nothing changes. */
    public void openModel(Path path) {
        adapter.background(() -> ModelFile.open(path),
                loaded -> {
                    model.useModel(loaded, path.getFileName().toString());
                    recentFiles.add(path, RecentFiles.Kind.MODEL);
                },
                error -> showFileError("Could not open the model", path, error));
    }

    /**
     * Drops: data sets load as data ({@link DatasetOpener}), {@code *.json} opens as a model, a
     * {@code .mat} file as the course's weights when it holds Theta1 and Theta2, else as data;
     * anything else is explained.
     */
    private void installDrops() {
        dropRouter.register(DatasetOpener::isDataPath, datasetOpener::open);
        dropRouter.register(path -> !Files.isDirectory(path)
                && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"), this::openModel);
        dropRouter.register(DatasetOpener::isMatPath, path -> adapter.background(() -> MatReader.holdsWeights(path),
                weights -> {
                    if (weights) {
                        openModel(path);
                    } else {
                        datasetOpener.open(path);
                    }
                }, error -> showFileError(I18n.t("data.error.header"), path, error)));
        dropRouter.setFallback(path -> {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            model.statusMessageProperty().set(I18n.t("data.drop.unsupported", name));
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.initOwner(stage);
            alert.setTitle("Hidden Neurons");
            alert.setHeaderText(I18n.t("data.drop.unsupportedHeader"));
            alert.setContentText(I18n.t("data.drop.unsupported", name));
            alert.show();
        });
        dropRouter.install(this);
    }

    private static FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hidden Neurons model", MODEL_EXTENSION));
        return chooser;
    }

    private void showFileError(String header, Path path, Throwable error) {
        String problem = error instanceof IllegalArgumentException
                ? "the network cannot be saved: " + WorkbenchViewModel.describe(error)
                + " (did training diverge? Press N for a new network or open a saved one)"
                : WorkbenchViewModel.describe(error);
        model.reportError(header + ": " + path.getFileName() + ": " + problem);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("Hidden Neurons");
        alert.setHeaderText(header);
        alert.setContentText("File: " + path + "\n\nProblem: " + problem);
        alert.show();
    }

    // ---------------------------------------------------------------- helpers

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinHeight(Region.USE_PREF_SIZE);
        return section(heading, content);
    }

    /** A section title with a control at its right end. */
    private static HBox titleRow(String title, Node control) {
        Label heading = new Label(title);
        heading.getStyleClass().add("hn-section-title");
        heading.setMinWidth(0);
        HBox row = new HBox(heading, spacer(), control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("hn-toolbar");
        return row;
    }

    private static VBox section(Node heading, Node... content) {
        VBox box = new VBox(heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("hn-section");
        return box;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static Label settingLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hn-setting-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }

    private static TextField textField(javafx.beans.property.StringProperty text, String tooltip) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(4);
        field.setMinWidth(60);
        field.setTooltip(new Tooltip(tooltip));
        return field;
    }

    private Spinner<Integer> intSpinner(int min, int max, int stepSize,
                                        javafx.beans.property.IntegerProperty value, String tooltip) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), stepSize);
        spinner.setEditable(true);
        spinner.setPrefWidth(75);
        spinner.setMinWidth(70);
        spinner.setMaxWidth(Double.MAX_VALUE);
        ObjectProperty<Integer> boxed = value.asObject();
        keepAlive.add(boxed);
        spinner.getValueFactory().valueProperty().bindBidirectional(boxed);
        // Typed text counts when the spinner loses focus too, not only on Enter.
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
        spinner.setTooltip(new Tooltip(tooltip));
        return spinner;
    }

    private void commit(Spinner<Integer> spinner) {
        try {
            Integer typed = spinner.getValueFactory().getConverter().fromString(spinner.getEditor().getText());
            if (typed != null) {
                spinner.getValueFactory().setValue(typed);
            }
        } catch (RuntimeException e) {
            model.reportError("Not a whole number: '" + spinner.getEditor().getText() + "'");
        }
        spinner.getEditor().setText(String.valueOf(spinner.getValue()));
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
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

    /** Used by the app to hand pad actions to the shortcuts once the pad exists. */
    void onPadActions(Runnable clear, Runnable undo) {
        this.clearPad = clear;
        this.undoPad = undo;
    }
}
