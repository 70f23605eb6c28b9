package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.hiddenneurons.core.ForwardPass;
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
 *
 * <p>Every text comes from {@link I18n} when the view is built. View ▸ Language does not relabel
 * nodes: the app builds a new view on the same view model, which {@link #replace}s this one.
 */
public final class WorkbenchView extends BorderPane {

    /** The pages of the window, in navigation order (Ctrl+1 … Ctrl+6). */
    public enum Page {
        WORKBENCH,
        BACKPROP,
        HIDDEN_UNIT,
        COMPARE,
        EVALUATION,
        MY_DRAWINGS;

        /** The page's name in the navigation, in the current language. */
        public String title() {
            return switch (this) {
                case WORKBENCH -> I18n.t("workbench.page.workbench");
                case BACKPROP -> I18n.t("workbench.page.backprop");
                case HIDDEN_UNIT -> I18n.t("workbench.page.hiddenUnit");
                case COMPARE -> I18n.t("workbench.page.compare");
                case EVALUATION -> I18n.t("workbench.page.evaluation");
                case MY_DRAWINGS -> I18n.t("workbench.page.myDrawings");
            };
        }

        /** Ctrl+ this key opens the page. */
        public KeyCode key() {
            return KeyCode.values()[KeyCode.DIGIT1.ordinal() + ordinal()];
        }

        /** "Ctrl+3". */
        public String shortcut() {
            return "Ctrl+" + (ordinal() + 1);
        }

        /** What the page is for, in the current language. */
        public String description() {
            return switch (this) {
                case WORKBENCH -> I18n.t("workbench.page.workbench.description");
                case BACKPROP -> I18n.t("workbench.page.backprop.description");
                case HIDDEN_UNIT -> I18n.t("workbench.page.hiddenUnit.description");
                case COMPARE -> I18n.t("workbench.page.compare.description");
                case EVALUATION -> I18n.t("workbench.page.evaluation.description");
                case MY_DRAWINGS -> I18n.t("workbench.page.myDrawings.description");
            };
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
    static final String LANGUAGE_MENU_ID = "language-menu";

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
    static OutputWeightsView.Texts outputTexts() {
        OutputWeightsView.Texts texts = OutputWeightsView.Texts.current();
        return new OutputWeightsView.Texts(texts.digitFromUnit(), texts.digitFromBias(), texts.bias(), "");
    }

    /** The grid's texts without colour-bar captions (the legend beside the bar says the mode). */
    static HiddenUnitGrid.Texts gridTexts() {
        HiddenUnitGrid.Texts texts = HiddenUnitGrid.Texts.current();
        return new HiddenUnitGrid.Texts(texts.unit(), texts.activation(), texts.z(), texts.bias(), texts.weightAt(),
                texts.separator(), "", "", "", "");
    }
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
    /** While training runs, the grid, Θ2 and the bars repaint on different frames ({@link PulseSpreader}). */
    private final PulseSpreader spreader;
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

    private Runnable languageChange = () -> { };
    /** What stops this view following the view model and the scene ({@link #dispose}). */
    private final List<Runnable> detach = new ArrayList<>();
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
        spreader = new PulseSpreader(model.runningProperty());
        detach.add(spreader::dispose);
        charts = new TrainingCharts(model, spreader);
        // While training, the bars follow the snapshots (five a second) directly: easing them would
        // repaint them on every frame in between. Drawing still eases them.
        bars.animatedProperty().bind(model.runningProperty().not());
        dossier = new DossierModel(follow(model.networkProperty(), dossierLive),
                follow(model.preprocessedProperty(), dossierLive), mirror(model.dataProperty()), adapter.backgroundWork());
        model.showExperiment(dossier.forwardPassProperty(), dossier.modifiedProperty());

        BorderPane workbench = new BorderPane();
        workbench.getStyleClass().add("hn-workbench-page");
        Node left = drawingColumn();
        Node center = hiddenLayerColumn();
        Node right = trainingColumn();
        workbench.setLeft(left);
        workbench.setCenter(center);
        workbench.setRight(right);
        pageNodes.put(Page.WORKBENCH, largeTextScroll(workbench, (Region) center, (ScrollPane) right));
        buildAnalysisPages(drawings);

        modifiedBanner = new ModifiedNetworkBanner(dossier);
        setTop(new VBox(header(), banner(), modifiedBanner));
        replayFiles = new ReplayFileActions(model, adapter, stage, recentFiles, () -> grid.paletteProperty().get());
        replayFiles.install(menus, this::saveModel);
        recentFiles.registerOpener(RecentFiles.Kind.MODEL, this::openModel);
        recentFiles.registerOpener(RecentFiles.Kind.DATA_SET, datasetOpener::open);
        datasetOpener.setOnOpened(path -> recentFiles.add(path, RecentFiles.Kind.DATA_SET));
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
        viewPreferences.applyTo(scene); // once per scene: a view that replaces another keeps it
        install(scene, PresentationMode.install(scene));
    }

    /** As {@link #install(Scene)}, keeping the scene's presentation mode (a view that replaces another). */
    private void install(Scene scene, PresentationMode mode) {
        presentation = mode;
        javafx.event.EventHandler<KeyEvent> keys = this::onKey;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        ChangeListener<Number> height = (o, old, now) -> sizePad(now.doubleValue());
        scene.heightProperty().addListener(height);
        detach.add(() -> {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            scene.heightProperty().removeListener(height);
        });
        sizePad(scene.getHeight());
    }

    /**
     * Takes {@code old}'s place in its scene (after a language switch): the same page, theme,
     * presentation mode, drawing, pen, selected unit, unit order and experiment; {@code old} stops
     * following the view model. The view model, and with it the network, the training run and the
     * settings, is shared and untouched. Call on the FX thread with a view built on the same model.
     */
    public void replace(WorkbenchView old) {
        Scene scene = old.getScene();
        theme.set(old.theme.get());
        pad.setPenWidth(old.pad.getPenWidth());
        for (List<javafx.geometry.Point2D> stroke : old.pad.getStrokes()) {
            pad.addStroke(stroke);
        }
        grid.setSelectedUnit(old.grid.getSelectedUnit());
        dossier.orderKeyProperty().set(old.dossier.orderKeyProperty().get());
        dossier.experimentProperty().set(old.dossier.getExperiment());
        old.dispose();
        scene.setRoot(this);
        install(scene, old.presentation);
        page.set(old.page.get());
        if (stage.getOnCloseRequest() != null) {
            stage.setOnCloseRequest(this::confirmClose);
        }
    }

    /** Stops following the view model and the scene (this view has been replaced). */
    private void dispose() {
        dossierLive.unbind();
        dossierLive.set(false);
        charts.dispose();
        detach.forEach(Runnable::run);
        detach.clear();
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
     * it becomes true. Pages that are not on screen get this instead of the live network and drawing,
     * so they do not rebuild on every training snapshot (which starved the FX thread and slowed
     * training 10×) or on every drag of the pen.
     */
    static <T> ObservableValue<T> followWhile(ObservableValue<T> source, ObservableBooleanValue live) {
        return followWhile(source, live, new ArrayList<>());
    }

    /** {@link #followWhile(ObservableValue, ObservableBooleanValue)}; adds to {@code detach} what stops it. */
    private static <T> ObservableValue<T> followWhile(ObservableValue<T> source, ObservableBooleanValue live,
                                                      List<Runnable> detach) {
        ObjectProperty<T> copy = new SimpleObjectProperty<>(source.getValue());
        ChangeListener<Object> sync = (o, old, now) -> {
            if (live.get()) {
                copy.set(source.getValue());
            }
        };
        source.addListener(sync);
        live.addListener(sync);
        detach.add(() -> source.removeListener(sync));
        return copy;
    }

    /** {@link #followWhile} until this view is replaced. */
    private <T> ObservableValue<T> follow(ObservableValue<T> source, ObservableBooleanValue live) {
        return followWhile(source, live, detach);
    }

    /**
     * A copy of the view model's {@code source} that follows it until this view is replaced: the
     * view's parts listen to the copy, so the view model holds no listener of a replaced view.
     */
    private <T> ObservableValue<T> mirror(ObservableValue<T> source) {
        ObjectProperty<T> copy = new SimpleObjectProperty<>(source.getValue());
        listen(source, (o, old, now) -> copy.set(now));
        return copy;
    }

    /** Adds {@code listener} to the view model's {@code source} until this view is replaced. */
    private <T> void listen(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        detach.add(() -> source.removeListener(listener));
    }

    private void buildAnalysisPages(UserDrawings drawings) {
        ObjectProperty<DivergingPalette> palette = grid.paletteProperty();

        BooleanBinding backpropShown = page.isEqualTo(Page.BACKPROP);
        backprop = new BackpropView(follow(model.networkProperty(), backpropShown),
                follow(model.preprocessedProperty(), backpropShown), mirror(model.dataProperty()), palette);
        backprop.getStyleClass().add("hn-page");
        pageNodes.put(Page.BACKPROP, backprop);

        // Hidden unit: pad, unit picker and experiments on the left; dossier and explanation scroll in the centre.
        unitPicker.setId(UNIT_PICKER_ID);
        unitPicker.setTexts(gridTexts());
        unitPicker.paletteProperty().bind(palette);
        unitPicker.scaleProperty().bind(model.weightScaleProperty());
        unitPicker.selectedUnitProperty().bindBidirectional(grid.selectedUnitProperty());
        // Off its page the picker would repaint its 25 tiles for every training snapshot.
        ObservableValue<Network> pickerNetwork = follow(model.networkProperty(), page.isEqualTo(Page.HIDDEN_UNIT));
        pickerNetwork.addListener((o, old, now) -> unitPicker.setNetwork(now));
        unitPicker.setNetwork(pickerNetwork.getValue());
        // The picker needs no legend of its own (the pictures are the workbench's): park its bar off-scene.
        new Group(unitPicker.getColorBar());
        unitPicker.setPrefSize(pickerSide(NetworkSpec.DEFAULT.inputWidth()), pickerSide(NetworkSpec.DEFAULT.inputHeight()));
        Tooltip.install(unitPicker, new Tooltip(I18n.t("workbench.unitPicker.tooltip")));
        experiments = new ExperimentsPanel(dossier, grid.selectedUnitProperty());
        Pane dossierPadSlot = new StackPane();
        padSlots.put(Page.HIDDEN_UNIT, dossierPadSlot);
        Label unitsHint = new Label(I18n.t("workbench.unitPicker.keys"));
        unitsHint.getStyleClass().addAll("hn-muted", "hn-keys");
        unitsHint.setWrapText(true);
        ChoiceBox<UnitOrdering.Key> order = new ChoiceBox<>();
        order.getItems().addAll(UnitOrdering.Key.values());
        order.setConverter(named(key -> switch (key) {
            case NUMBER -> I18n.t("workbench.order.number");
            case IMPORTANCE -> I18n.t("workbench.order.importance");
            case ACTIVATION -> I18n.t("workbench.order.activation");
        }));
        order.valueProperty().bindBidirectional(dossier.orderKeyProperty());
        order.setTooltip(new Tooltip(I18n.t("workbench.order.tooltip")));
        HBox orderRow = new HBox(settingLabel(I18n.t("workbench.order.label")), order);
        orderRow.getStyleClass().add("hn-toolbar");
        orderRow.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(section(I18n.t("workbench.section.hiddenUnits"), unitPicker, orderRow, unitsHint),
                section(I18n.t("workbench.section.yourDrawing"), dossierPadSlot));
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

        evaluation = new EvaluationView(follow(model.networkProperty(), page.isEqualTo(Page.EVALUATION)),
                mirror(model.dataProperty()), adapter.backgroundWork());
        pageNodes.put(Page.EVALUATION, pagePane(evaluation));

        myDrawings = new UserDrawingsPane(drawings, adapter.backgroundWork());
        myDrawings.currentInputProperty().bind(model.preprocessedProperty()
                .map(result -> result.blank() ? null : result.networkInput()));
        model.extraTrainingDataProperty().bind(myDrawings.listingProperty().map(listing -> listing.drawings().isEmpty()
                ? null : listing.asDataset(MY_DRAWINGS_NAME, NetworkSpec.DEFAULT.inputWidth(),
                NetworkSpec.DEFAULT.inputHeight(), NetworkSpec.DEFAULT.outputSize())));
        Pane drawingsPadSlot = new StackPane();
        padSlots.put(Page.MY_DRAWINGS, drawingsPadSlot);
        Label how = new Label(I18n.t("workbench.myDrawings.how"));
        how.setWrapText(true);
        how.getStyleClass().add("hn-muted");
        VBox drawingsSide = new VBox(section(I18n.t("workbench.section.draw"), drawingsPadSlot, how));
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

    /**
     * The workbench page in a scroll pane that only scrolls above Normal text: there every column
     * keeps its natural width, and a window too small for them scrolls instead of cutting the
     * hidden layer and the training column off. At Normal text and smaller the columns share the
     * window as before.
     */
    private ScrollPane largeTextScroll(Region page, Region center, ScrollPane right) {
        ScrollPane scroll = scroll(page);
        repaintInPlace(scroll);
        scroll.setFitToHeight(true);
        Runnable fit = () -> {
            boolean large = viewPreferences.textSizeProperty().get().compareTo(Themes.TextSize.NORMAL) > 0;
            center.setMinWidth(large ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
            // The training column: as wide as its content asks at large text, fixed otherwise.
            right.setPrefWidth(large ? Region.USE_COMPUTED_SIZE : RIGHT_WIDTH);
            right.setMinWidth(large ? Region.USE_PREF_SIZE : RIGHT_WIDTH);
            // Otherwise the page always takes exactly the window, as it did before this scroll pane.
            page.setMinSize(large ? Region.USE_COMPUTED_SIZE : 0, large ? Region.USE_COMPUTED_SIZE : 0);
            scroll.setHbarPolicy(large ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setVbarPolicy(large ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        };
        listen(viewPreferences.textSizeProperty(), (o, was, size) -> fit.run());
        fit.run();
        return scroll;
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
                    model.statusMessageProperty().set(I18n.t("workbench.status.selectUnitFirst"));
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

    /** Every key, in words (F1 and the "Keys" button), in the current language. */
    static String keysText() {
        return I18n.t("workbench.keys.text");
    }

    private void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(I18n.t("workbench.app.title"));
        alert.setHeaderText(I18n.t("workbench.keys.header"));
        Label text = new Label(keysText() + "\n" + I18n.t("replay.keys"));
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
        Label title = new Label(I18n.t("workbench.app.title"));
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
            tab.setTooltip(new Tooltip(I18n.t("workbench.page.tooltip", each.description(), each.shortcut())));
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

        Button keys = button(I18n.t("workbench.keys.button"), I18n.t("workbench.keys.button.tooltip"), this::showKeys);
        ToggleButton dark = new ToggleButton(I18n.t("workbench.theme.dark"));
        dark.setId(THEME_BUTTON_ID);
        dark.setTooltip(new Tooltip(I18n.t("workbench.theme.tooltip")));
        dark.setSelected(theme.get() == Themes.Theme.DARK);
        dark.selectedProperty().addListener((o, old, now) -> theme.set(now ? Themes.Theme.DARK : Themes.Theme.LIGHT));
        listen(theme, (o, old, now) -> dark.setSelected(now == Themes.Theme.DARK)); // the preferences outlive this view
        dark.setMinWidth(Region.USE_PREF_SIZE);
        menus.addFileActions(
                AppMenus.item(I18n.t("workbench.menu.openModel"), "Shortcut+O", this::openModel),
                AppMenus.item(I18n.t("workbench.menu.saveModel"), "Shortcut+S", this::saveModel));
        menus.addFileActions(
                AppMenus.item(I18n.t("data.menu.openDataset"), null, () -> datasetOpener.chooseFile(stage)),
                AppMenus.item(I18n.t("data.menu.openFolder"), null, () -> datasetOpener.chooseFolder(stage)));
        menus.addViewGroup(
                AppMenus.item(I18n.t("workbench.menu.presentation"), "F5", () -> presentation.toggle()),
                AppMenus.item(I18n.t("workbench.menu.fullScreen"), "F11", () -> stage.setFullScreen(!stage.isFullScreen())),
                AppMenus.item(I18n.t("workbench.menu.keys"), "F1", this::showKeys));
        menus.addViewGroup(
                Accessibility.coloursMenu(viewPreferences.coloursProperty()),
                Accessibility.textSizeMenu(viewPreferences.textSizeProperty()));
        menus.addViewGroup(languageMenu());
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
            spreader.claimFrame(); // the pad and the preprocessing steps repaint on this frame
            if (drawing.empty()) {
                model.clearDrawing();
            } else {
                model.draw(drawing.width(), drawing.height(), drawing.argb());
            }
            // The drawing's prediction shows at once, also while training spreads repaints over
            // frames; the tiles' activations follow on a later frame.
            spreader.runNow(Spread.BARS);
        });
        onPadActions(pad::clear, pad::undo);

        Slider penWidth = new Slider(MIN_PEN_WIDTH, MAX_PEN_WIDTH, DrawingPad.DEFAULT_PEN_WIDTH);
        penWidth.valueProperty().bindBidirectional(pad.penWidthProperty());
        penWidth.setTooltip(new Tooltip(I18n.t("workbench.pen.tooltip")));
        penWidth.setPrefWidth(80);
        penWidth.setMinWidth(60);
        Label penLabel = new Label(I18n.t("workbench.pen.label"));
        penLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = button(I18n.t("workbench.pad.clear"), I18n.t("workbench.pad.clear.tooltip"), this::clearPadAndPrediction);
        Button undo = button(I18n.t("workbench.pad.undo"), I18n.t("workbench.pad.undo.tooltip"), () -> undoPad.run());
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

        strip.setCaptions(I18n.t("workbench.strip.drawn"), I18n.t("workbench.strip.cropped"),
                I18n.t("workbench.strip.scaled"), I18n.t("workbench.strip.input"));
        strip.hintTextProperty().set(I18n.t("workbench.strip.hint"));
        listen(model.preprocessedProperty(), (o, old, now) -> strip.setResult(now));
        strip.setResult(model.preprocessedProperty().get());
        Label seesTitle = new Label(I18n.t("workbench.section.sees"));
        seesTitle.getStyleClass().add("hn-subsection-title");
        seesTitle.setWrapText(true);
        seesTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox sees = new VBox(seesTitle, strip);
        sees.getStyleClass().add("hn-sees");
        sees.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(sees, new Tooltip(I18n.t("workbench.sees.tooltip")));

        HBox drawRow = new HBox(padSlot, sees);
        drawRow.getStyleClass().add("hn-draw-row");
        VBox drawSection = section(I18n.t("workbench.section.draw"), drawRow);

        Label predicted = new Label();
        predicted.getStyleClass().add("hn-prediction");
        predicted.textProperty().bind(Bindings.createStringBinding(() -> {
            int digit = model.replay().shownDigitProperty().get();
            if (digit < 0) {
                return I18n.t("workbench.prediction.none");
            }
            return I18n.t("workbench.prediction.digit", digit);
        }, model.replay().shownDigitProperty()));
        Label modifiedNote = new Label(I18n.t("workbench.prediction.modified"));
        modifiedNote.getStyleClass().add("hn-modified-note");
        modifiedNote.setMinWidth(Region.USE_PREF_SIZE);
        modifiedNote.visibleProperty().bind(model.predictionModifiedProperty().and(model.replay().replayingProperty().not()));
        modifiedNote.managedProperty().bind(modifiedNote.visibleProperty());
        Tooltip.install(modifiedNote, new Tooltip(I18n.t("workbench.prediction.modified.tooltip")));
        HBox predictedRow = new HBox(predicted, modifiedNote, ReplayBar.predictionNote(model.replay()));
        predictedRow.setAlignment(Pos.BASELINE_LEFT);
        predictedRow.getStyleClass().add("hn-toolbar");
        ChangeListener<Object> barsFollow = (o, old, now) -> spreader.post(Spread.BARS, this::showProbabilities);
        listen(model.replay().shownProbabilitiesProperty(), barsFollow);
        listen(model.replay().shownNetworkProperty(), barsFollow);
        showProbabilities();
        VBox predictionSection = section(I18n.t("workbench.section.prediction"), predictedRow, bars);
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
        Runnable showOutputWeights = () -> outputWeights.setNetwork(model.replay().shownNetworkProperty().get());
        listen(model.replay().shownNetworkProperty(), (o, old, now) -> {
            spreader.post(Spread.GRID, this::showGrid);
            spreader.post(Spread.OUTPUT_WEIGHTS, showOutputWeights);
        });
        listen(model.replay().shownPassProperty(), (o, old, now) -> spreader.post(Spread.GRID, this::showGrid));
        showGrid();
        showOutputWeights.run();
        grid.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && grid.getSelectedUnit() >= 0) {
                openDossier();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(0);

        ToggleButton perUnit = new ToggleButton(I18n.t("workbench.scale.perUnit"));
        perUnit.setTooltip(new Tooltip(I18n.t("workbench.scale.perUnit.tooltip")));
        perUnit.setUserData(WeightPictures.Scale.PER_UNIT);
        ToggleButton shared = new ToggleButton(I18n.t("workbench.scale.shared"));
        shared.setTooltip(new Tooltip(I18n.t("workbench.scale.shared.tooltip")));
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
        grid.setTexts(gridTexts());
        Label legend = new Label();
        legend.textProperty().bind(model.weightScaleProperty().map(mode -> mode == WeightPictures.Scale.SHARED
                ? I18n.t("workbench.scale.legend.shared") : I18n.t("workbench.scale.legend.perUnit")));
        legend.getStyleClass().addAll("hn-muted", PRESENTATION_DETAIL);
        legend.setMinWidth(0); // shortened at larger text sizes rather than pushing the tiles out of the column
        legend.setMinHeight(Region.USE_PREF_SIZE); // all its lines, whatever the grid would like
        HBox scaleRow = new HBox(colourBar, legend);
        scaleRow.setMinHeight(Region.USE_PREF_SIZE);
        scaleRow.getStyleClass().addAll("hn-toolbar", "hn-scale-row");
        scale.getStyleClass().add(PresentationMode.CONTROLS);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(grid, new Tooltip(I18n.t("workbench.grid.tooltip")));

        replayBar = new ReplayBar(model.replay());
        VBox hiddenSection = section(titleRow(I18n.t("workbench.section.hiddenLayer"), scale), grid, scaleRow, replayBar);
        // The tiles grow in whole-pixel steps: the grid takes its preferred size (shrinking when the
        // window is small) and Θ2 below takes the rest of a tall window.
        VBox.setVgrow(hiddenSection, Priority.SOMETIMES);

        outputWeights.setPrefHeight(OUTPUT_WEIGHTS_HEIGHT);
        outputWeights.setMinHeight(Region.USE_PREF_SIZE);
        outputWeights.setTexts(outputTexts());
        ColorBar outputBar = outputWeights.getColorBar();
        outputBar.setMinWidth(COLOUR_BAR_MIN_WIDTH);
        outputBar.setPrefWidth(COLOUR_BAR_MIN_WIDTH);
        VBox outputSection = section(titleRow(I18n.t("workbench.section.outputWeights"), outputBar), outputWeights);
        outputSection.getStyleClass().add(PRESENTATION_DETAIL);
        VBox.setVgrow(outputSection, Priority.ALWAYS);
        VBox.setVgrow(outputWeights, Priority.ALWAYS);
        Tooltip.install(outputSection, new Tooltip(I18n.t("workbench.outputWeights.tooltip")));

        replayBar.markWhileReplaying(hiddenSection, outputSection);
        VBox column = new VBox(hiddenSection, outputSection);
        column.getStyleClass().addAll("hn-column", "hn-centre");
        column.setMinWidth(0);
        return column;
    }

    /** The grid shows the shown network's weights and the shown drawing's activations. */
    private void showGrid() {
        Network network = model.replay().shownNetworkProperty().get();
        if (grid.getNetwork() != network) {
            grid.setNetwork(network);
        }
        ForwardPass pass = model.replay().shownPassProperty().get();
        grid.setForwardPass(pass);
        unitPicker.setForwardPass(pass);
    }

    /** What {@link #spreader} spreads over frames while training runs: one repaint each. */
    private enum Spread { GRID, OUTPUT_WEIGHTS, BARS }

    // ---------------------------------------------------------------- right: training

    private Node trainingColumn() {
        TrainingSettingsViewModel settings = model.settings();

        Button train = button(I18n.t("workbench.train"), I18n.t("workbench.train.tooltip"), model::toggleTraining);
        train.setId(TRAIN_BUTTON_ID);
        train.getStyleClass().add("hn-primary");
        train.textProperty().bind(Bindings.createStringBinding(() -> switch (model.phaseProperty().get()) {
            case RUNNING -> I18n.t("workbench.train.pause");
            case PAUSED -> I18n.t("workbench.train.resume");
            default -> I18n.t("workbench.train");
        }, model.phaseProperty()));
        train.disableProperty().bind(model.dataReadyProperty().not());
        Button step = button(I18n.t("workbench.step"), I18n.t("workbench.step.tooltip"), model::step);
        step.setId(STEP_BUTTON_ID);
        step.disableProperty().bind(model.dataReadyProperty().not());
        Button fresh = button(I18n.t("workbench.newNetwork"), I18n.t("workbench.newNetwork.tooltip"),
                model::newNetwork);
        fresh.setId(NEW_NETWORK_BUTTON_ID);
        TextField seed = new TextField();
        seed.textProperty().bindBidirectional(settings.seedTextProperty());
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip(I18n.t("workbench.seed.tooltip")));
        Label seedLabel = settingLabel(I18n.t("workbench.seed"));
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
        output.setConverter(named(WorkbenchView::outputLayerName));
        output.setMinWidth(COMBO_WIDTH);
        output.setMaxWidth(Double.MAX_VALUE);
        tip(output, I18n.t("workbench.output.tooltip"));
        Spinner<Integer> hidden = intSpinner(1, TrainingSettingsViewModel.MAX_HIDDEN_SIZE, 1,
                settings.hiddenSizeProperty(), I18n.t("workbench.hidden.tooltip"));
        ComboBox<Activation> activation = new ComboBox<>();
        activation.getItems().addAll(Activation.values());
        activation.valueProperty().bindBidirectional(settings.activationProperty());
        activation.setConverter(named(WorkbenchView::activationName));
        activation.setMinWidth(COMBO_WIDTH);
        activation.setMaxWidth(Double.MAX_VALUE);
        tip(activation, I18n.t("workbench.activation.tooltip"));
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().addAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(settings.optimizerProperty());
        optimizer.setConverter(named(WorkbenchView::optimizerName));
        optimizer.setMinWidth(COMBO_WIDTH);
        optimizer.setMaxWidth(Double.MAX_VALUE);
        tip(optimizer, I18n.t("workbench.optimizer.tooltip"));
        TextField rate = textField(settings.learningRateTextProperty(),
                I18n.t("workbench.rate.tooltip"));
        TextField lambda = textField(settings.lambdaTextProperty(),
                I18n.t("workbench.lambda.tooltip"));
        Spinner<Integer> batch = intSpinner(1, TrainingSettingsViewModel.MAX_BATCH_SIZE, 10,
                settings.batchSizeProperty(), I18n.t("workbench.batch.tooltip"));
        Spinner<Integer> epochs = intSpinner(1, TrainingSettingsViewModel.MAX_EPOCHS, 10,
                settings.epochsProperty(), I18n.t("workbench.epochs.tooltip"));
        CheckBox augment = new CheckBox(I18n.t("workbench.augment.shifts"));
        augment.setMinWidth(Region.USE_PREF_SIZE);
        augment.selectedProperty().bindBidirectional(settings.augmentProperty());
        tip(augment, I18n.t("workbench.augment.tooltip"));

        grid.addRow(0, settingLabel(I18n.t("workbench.hidden")), hidden,
                settingLabel(I18n.t("workbench.activation")), activation);
        grid.addRow(1, settingLabel(I18n.t("workbench.optimizer")), optimizer, settingLabel(I18n.t("workbench.rate")), rate);
        grid.addRow(2, settingLabel(I18n.t("workbench.lambda")), lambda, settingLabel(I18n.t("workbench.batch")), batch);
        grid.addRow(3, settingLabel(I18n.t("workbench.epochs")), epochs, seedLabel, seed);
        grid.addRow(4, settingLabel(I18n.t("workbench.output")), output, settingLabel(I18n.t("workbench.augment")), augment);
        grid.getStyleClass().add(PresentationMode.CONTROLS);

        Slider speed = new Slider(0, TrainingSettingsViewModel.MAX_EPOCH_DELAY_MILLIS, 0);
        speed.valueProperty().addListener((o, old, now) ->
                settings.epochDelayMillisProperty().set(Math.round(now.doubleValue())));
        tip(speed, I18n.t("workbench.speed.tooltip"));
        HBox.setHgrow(speed, Priority.ALWAYS);
        Label speedValue = new Label();
        speedValue.getStyleClass().add("hn-muted");
        speedValue.setMinWidth(Region.USE_PREF_SIZE);
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> {
            long delay = settings.epochDelayMillisProperty().get();
            return delay == 0 ? I18n.t("workbench.speed.full") : I18n.t("workbench.speed.delay", String.valueOf(delay));
        }, settings.epochDelayMillisProperty()));
        HBox speedRow = new HBox(settingLabel(I18n.t("workbench.speed")), speed, speedValue);
        speedRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        speedRow.setAlignment(Pos.CENTER_LEFT);

        Label needsNew = new Label(I18n.t("workbench.needsNew"));
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
                I18n.t("workbench.withDrawings", extra.size())).orElse(""));
        withDrawings.visibleProperty().bind(model.extraTrainingDataProperty().isNotNull());
        withDrawings.managedProperty().bind(withDrawings.visibleProperty());
        Button open = button(I18n.t("workbench.open"), I18n.t("workbench.open.tooltip"), this::openModel);
        Button save = button(I18n.t("workbench.save"), I18n.t("workbench.save.tooltip"), this::saveModel);
        Label unsaved = new Label(I18n.t("workbench.unsaved"));
        unsaved.getStyleClass().add("hn-muted");
        unsaved.setMinWidth(0);
        unsaved.visibleProperty().bind(model.unsavedChangesProperty());
        HBox fileRow = new HBox(settingLabel(I18n.t("workbench.modelFile")), open, save, unsaved);
        fileRow.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        VBox trainingSection = section(I18n.t("workbench.section.training"), buttons, grid, needsNew, invalid, withDrawings, speedRow, fileRow);
        VBox chartSection = section(I18n.t("workbench.section.progress"), charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(chartSection, Priority.ALWAYS);

        VBox column = new VBox(trainingSection, chartSection);
        column.getStyleClass().addAll("hn-column", "hn-right");
        ScrollPane scroll = new ScrollPane(column);
        repaintInPlace(scroll);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // Above Normal text the column gets its natural width (largeTextScroll), but its own
        // vertical scroll bar may take a strip of it: it scrolls sideways then.
        scroll.hbarPolicyProperty().bind(viewPreferences.textSizeProperty().map(size ->
                size.compareTo(Themes.TextSize.NORMAL) > 0 ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER));
        scroll.getStyleClass().addAll("hn-scroll", "hn-right-scroll");
        return scroll; // its width: largeTextScroll
    }

    // ---------------------------------------------------------------- files

    /** Ctrl+S: writes the network in use; errors in a dialog; nothing in the app changes. */
    void saveModel() {
        FileChooser chooser = modelChooser(I18n.t("workbench.save.title"));
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
            model.statusMessageProperty().set(I18n.t("workbench.status.saved", saved.toString()));
            afterSaving.run();
        }, error -> showFileError(I18n.t("workbench.error.save"), path, error));
    }

    /**
     * Closing the window with trained weights that were never saved asks Save / Don't save /
     * Cancel. Call from the stage's close request; consumes it unless the window may close now.
     */
    void confirmClose(javafx.stage.WindowEvent request) {
        if (!model.shouldAskBeforeClosing()) {
            return;
        }
        ButtonType saveButton = new ButtonType(I18n.t("workbench.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(I18n.t("workbench.close.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(I18n.t("workbench.app.title"));
        alert.setHeaderText(I18n.t("workbench.close.header"));
        alert.setContentText(I18n.t("workbench.close.text"));
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) {
            return;
        }
        request.consume();
        if (answer == saveButton) {
            FileChooser chooser = modelChooser(I18n.t("workbench.save.title"));
            chooser.setInitialFileName("hidden-neurons-model.json");
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                save(file.toPath(), stage::close);
            }
        }
    }

    /** Ctrl+O: reads a model file; on error a dialog names the file and the problem and nothing changes. */
    void openModel() {
        FileChooser chooser = modelChooser(I18n.t("workbench.open.title"));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(I18n.t("workbench.open.courseWeights"), COURSE_WEIGHTS_EXTENSION));
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
                error -> showFileError(I18n.t("workbench.error.open"), path, error));
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
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("workbench.file.modelFilter"), MODEL_EXTENSION));
        return chooser;
    }

    private void showFileError(String header, Path path, Throwable error) {
        String problem = error instanceof IllegalArgumentException
                ? I18n.t("workbench.error.cannotSave", WorkbenchViewModel.describe(error))
                : WorkbenchViewModel.describe(error);
        model.reportError(I18n.t("workbench.error.file", header, String.valueOf(path.getFileName()), problem));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(I18n.t("workbench.app.title"));
        alert.setHeaderText(header);
        alert.setContentText(I18n.t("workbench.error.dialog", path.toString(), problem));
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
            model.reportError(I18n.t("workbench.error.notWholeNumber", spinner.getEditor().getText()));
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

    /** An activation function's name as shown (its id; the math names are the same in every language). */
    static String activationName(Activation activation) {
        return switch (activation) {
            case SIGMOID -> I18n.t("workbench.activation.sigmoid");
            case TANH -> I18n.t("workbench.activation.tanh");
            case RELU -> I18n.t("workbench.activation.relu");
            default -> activation.id();
        };
    }

    /** An optimizer's name as shown. */
    static String optimizerName(OptimizerKind optimizer) {
        return switch (optimizer) {
            case GD -> I18n.t("workbench.optimizer.gd");
            case SGD -> I18n.t("workbench.optimizer.sgd");
            case ADAM -> I18n.t("workbench.optimizer.adam");
            case LBFGS -> I18n.t("workbench.optimizer.lbfgs");
            default -> optimizer.id();
        };
    }

    /** An output layer's name as shown. */
    static String outputLayerName(OutputLayer layer) {
        return switch (layer) {
            case SOFTMAX_CROSS_ENTROPY -> I18n.t("workbench.outputLayer.softmax");
            case SIGMOID_CROSS_ENTROPY -> I18n.t("workbench.outputLayer.sigmoid");
            default -> layer.id();
        };
    }

    /** View ▸ Language ▸ English / 简体中文: each language named in itself; the current one is checked. */
    private javafx.scene.control.Menu languageMenu() {
        ToggleGroup languages = new ToggleGroup();
        List<javafx.scene.control.MenuItem> items = new ArrayList<>();
        for (java.util.Locale language : I18n.SUPPORTED) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    I18n.text(language, "workbench.language.name"));
            item.setId("language-" + language.toLanguageTag());
            item.setToggleGroup(languages);
            item.setSelected(language.equals(I18n.locale()));
            item.setOnAction(e -> switchLanguage(language));
            items.add(item);
        }
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(I18n.t("workbench.menu.language"));
        menu.setId(LANGUAGE_MENU_ID);
        menu.getItems().setAll(items);
        return menu;
    }

    /**
     * Shows the window in {@code language}: remembers the choice and asks the app to build its
     * views again (see {@link #onLanguageChange}); nothing else in the app changes.
     */
    public void switchLanguage(java.util.Locale language) {
        if (language.equals(I18n.locale())) {
            return;
        }
        I18n.setLocale(language);
        languageChange.run();
    }

    /** What {@link #switchLanguage} runs after the switch (the app rebuilds its views). */
    public void onLanguageChange(Runnable rebuild) {
        this.languageChange = rebuild;
    }

    /** Used by the app to hand pad actions to the shortcuts once the pad exists. */
    void onPadActions(Runnable clear, Runnable undo) {
        this.clearPad = clear;
        this.undoPad = undo;
    }
}
