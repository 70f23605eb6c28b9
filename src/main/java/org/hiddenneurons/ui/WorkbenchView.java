package org.hiddenneurons.ui;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.ui.backprop.BackpropView;
import org.hiddenneurons.ui.controls.HiddenUnitGrid;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.data.DropRouter;
import org.hiddenneurons.ui.dossier.DossierModel;
import org.hiddenneurons.ui.dossier.LogisticComparisonView;
import org.hiddenneurons.ui.dossier.ModifiedNetworkBanner;
import org.hiddenneurons.ui.dossier.PredictionExplanationView;
import org.hiddenneurons.ui.dossier.UnitDossierView;
import org.hiddenneurons.ui.eval.EvaluationView;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.lesson.Lessons;
import org.hiddenneurons.ui.lesson.WorkbenchLessonEvents;
import org.hiddenneurons.ui.replay.ReplayBar;
import org.hiddenneurons.ui.userdata.UserDrawingsPane;

/**
 * The main window's shell: lays the window out from parts that each own one concern and get their
 * collaborators in the constructor (JabRef's {@code gui/frame} style), and keeps their life cycle.
 *
 * <ul>
 *   <li>{@link WorkbenchHeader} — title, model description, page navigation, File / View menus
 *       ({@link AppMenus}), Keys, theme; the divergence banner;</li>
 *   <li>{@link DrawingColumn} — pad, pen, preprocessing steps, prediction;</li>
 *   <li>{@link HiddenLayerColumn} — hidden-unit tiles, colour scale, replay bar, Θ2;</li>
 *   <li>{@link TrainingColumn} — Train / Step / New network, the {@link TrainingSettingsForm},
 *       speed, model file row, charts;</li>
 *   <li>{@link ModelFileActions} — open / save / close confirmation / drops / file errors;</li>
 *   <li>{@link WorkbenchShortcuts} — the one key filter;</li>
 *   <li>{@link WorkbenchPages} — page switching; pages build themselves ({@link HiddenUnitPage},
 *       {@link MyDrawingsPage}, {@link BackpropView}, {@link LogisticComparisonView}, {@link EvaluationView});</li>
 *   <li>{@link StatusBar} and {@link DatasetOpener}'s panel at the bottom.</li>
 * </ul>
 * All share ONE {@link WorkbenchViewModel} (the network, the drawing, the data).
 *
 * <p>Every text comes from {@link I18n} when the view is built. View ▸ Language does not relabel
 * nodes: the app builds a new view on the same view model, which {@link #replace}s this one.
 */
public final class WorkbenchView extends BorderPane {

    /** The pages of the window, in navigation order (Ctrl+1 … Ctrl+7). */
    public enum Page {
        WORKBENCH,
        BACKPROP,
        HIDDEN_UNIT,
        COMPARE,
        EVALUATION,
        MY_DRAWINGS,
        COMPARE_RUNS;

        /** The page's name in the navigation, in the current language. */
        public String title() {
            return switch (this) {
                case WORKBENCH -> I18n.t("workbench.page.workbench");
                case BACKPROP -> I18n.t("workbench.page.backprop");
                case HIDDEN_UNIT -> I18n.t("workbench.page.hiddenUnit");
                case COMPARE -> I18n.t("workbench.page.compare");
                case EVALUATION -> I18n.t("workbench.page.evaluation");
                case MY_DRAWINGS -> I18n.t("workbench.page.myDrawings");
                case COMPARE_RUNS -> I18n.t("workbench.page.compareRuns");
            };
        }

        /** The page's id in lesson files and node ids ({@code page-<id>}): {@code hidden-unit}, {@code my-drawings}, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The page with this {@link #id()}. */
        public static Page byId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
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
                case COMPARE_RUNS -> I18n.t("workbench.page.compareRuns.description");
            };
        }
    }

    /** What the pulse spreader spreads over frames while training runs: one repaint each. */
    enum Spread { GRID, OUTPUT_WEIGHTS, BARS }

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
    static final String LAMBDA_FIELD_ID = "lambda-field";

    private final WorkbenchViewModel model;
    private final Stage stage;
    /** Theme, weight colours and text size, remembered between runs. */
    private final ViewPreferences viewPreferences;
    /** What stops this view following the view model and the scene ({@link #dispose}). */
    private final ViewScope scope = new ViewScope();
    /** True while anything shows the dossier's analysis (its pages, an experiment, a unit ordering). */
    private final BooleanProperty dossierLive = new SimpleBooleanProperty();
    private final TrainingCharts charts;
    /** While training runs, the grid, Θ2 and the bars repaint on different frames ({@link PulseSpreader}). */
    private final PulseSpreader spreader;
    private final DossierModel dossier;
    /** The header's File and View menus; each area adds its items (see {@link AppMenus}). */
    private final AppMenus menus = new AppMenus();
    /** Where a file or folder dropped on the window goes (data sets, models; others register more). */
    private final DropRouter dropRouter = new DropRouter();
    /** File ▸ Open recent (the user's preferences; tests switch the store with {@link #recentFiles()}). */
    private final RecentFiles recentFiles = RecentFiles.atDefaultLocation();
    private final DatasetOpener datasetOpener;
    private final ModelFileActions files;
    private final WorkbenchShortcuts shortcuts = new WorkbenchShortcuts();
    private final WorkbenchHeader header;
    private final DrawingColumn drawing;
    private final HiddenLayerColumn hiddenLayer;
    private final TrainingColumn training;
    private final WorkbenchPages pages;
    private final HiddenUnitPage hiddenUnitPage;
    private final MyDrawingsPage myDrawingsPage;
    private final CompareRunsView compareRuns;
    private final BackpropView backprop;
    private final ModifiedNetworkBanner modifiedBanner;
    /** Save/Open training run, the exports and Open recent. */
    private final ReplayFileActions replayFiles;
    private PresentationMode presentation;
    /** The guided lessons: Lessons menu, the running lesson over the window, the first-launch card. */
    private final Lessons lessons;
    private Runnable languageChange = () -> { };

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
        this.model = model;
        this.stage = stage;
        getStyleClass().add("hn-workbench");
        files = new ModelFileActions(model, adapter, stage, recentFiles);
        datasetOpener = new DatasetOpener(model, adapter,
                (path, error) -> files.showFileError(I18n.t("data.error.header"), path, error));
        spreader = new PulseSpreader(model.runningProperty());
        scope.onClose(spreader::dispose);
        charts = new TrainingCharts(model, spreader);

        // The columns of the workbench page.
        drawing = new DrawingColumn(model, spreader, scope);
        pages = new WorkbenchPages(drawing.padBox());
        ObjectProperty<Page> page = pages.pageProperty();
        // The analysis views see drawings and data as the model does (its deskew step: ModelInputSteps).
        var seenDrawing = model.prediction().seenProperty();
        var modelData = model.inputSteps().preparedDataProperty();
        dossier = new DossierModel(scope.follow(model.networkProperty(), dossierLive),
                scope.follow(seenDrawing, dossierLive), scope.mirror(modelData),
                adapter.backgroundWork(), model.prediction().passes()); // one forward pass per drawing for the prediction and the dossier
        model.showExperiment(dossier.forwardPassProperty(), dossier.modifiedProperty());
        hiddenLayer = new HiddenLayerColumn(model, spreader, viewPreferences, scope, this::openDossier);
        training = new TrainingColumn(model, charts, files, viewPreferences, scope, hiddenLayer.outputSection());
        hiddenLayer.showSaturation(new SaturationWatch(scope.follow(model.replay().shownNetworkProperty(),
                page.isEqualTo(Page.WORKBENCH)), scope.mirror(modelData), adapter.backgroundWork()), scope);
        BorderPane workbench = new BorderPane();
        workbench.getStyleClass().add("hn-workbench-page");
        workbench.setLeft(drawing.node());
        workbench.setCenter(hiddenLayer.node());
        workbench.setRight(training.node());
        pages.add(Page.WORKBENCH, WorkbenchControls.largeTextScroll(workbench, hiddenLayer.node(), training.node(),
                        viewPreferences.textSizeProperty(), scope),
                drawing.padSlot(), () -> hiddenLayer.grid().requestFocus());

        // The analysis pages: each builds itself; those off screen follow the network only when shown.
        var palette = hiddenLayer.grid().paletteProperty();
        BooleanBinding backpropShown = page.isEqualTo(Page.BACKPROP);
        backprop = new BackpropView(scope.follow(model.networkProperty(), backpropShown),
                scope.follow(seenDrawing, backpropShown), scope.mirror(modelData), palette);
        backprop.getStyleClass().add("hn-page");
        pages.add(Page.BACKPROP, backprop, null, null);
        hiddenUnitPage = new HiddenUnitPage(model, dossier, hiddenLayer, page.isEqualTo(Page.HIDDEN_UNIT), scope);
        pages.add(Page.HIDDEN_UNIT, hiddenUnitPage.node(), hiddenUnitPage.padSlot(), hiddenUnitPage::shown);
        pages.add(Page.COMPARE, WorkbenchControls.pagePane(new LogisticComparisonView(dossier, palette)), null, null);
        EvaluationView evaluation = new EvaluationView(scope.follow(model.networkProperty(),
                page.isEqualTo(Page.EVALUATION)), scope.mirror(modelData), adapter.backgroundWork());
        pages.add(Page.EVALUATION, WorkbenchControls.pagePane(evaluation), null, null);
        myDrawingsPage = new MyDrawingsPage(model, drawings, adapter.backgroundWork());
        pages.add(Page.MY_DRAWINGS, myDrawingsPage.node(), myDrawingsPage.padSlot(), null);
        compareRuns = CompareRunsView.withOwnTrainers(model.dataProperty(), model.settings().lessonPaceProperty(), palette);
        scope.onClose(compareRuns::dispose);
        pages.add(Page.COMPARE_RUNS, WorkbenchControls.pagePane(compareRuns), null, null);
        // A lesson's "press Train" is done by the Workbench's Train or by Compare runs' Train.
        BooleanBinding trainingAnywhere = model.runningProperty().or(compareRuns.model().phaseProperty()
                .isEqualTo(CompareRunsViewModel.Phase.RUNNING));

        lessons = new Lessons(this, viewPreferences.lessonsOfferedProperty(), id -> page.set(Page.byId(id)));
        header = new WorkbenchHeader(model, stage, page, viewPreferences, menus, files, datasetOpener,
                () -> presentation, this::switchLanguage, scope, lessons.menuButton());
        modifiedBanner = new ModifiedNetworkBanner(dossier);
        setTop(new VBox(header.node(), header.banner(), modifiedBanner));
        replayFiles = new ReplayFileActions(model, adapter, stage, recentFiles, () -> hiddenLayer.grid().paletteProperty().get());
        replayFiles.install(menus, files::saveModel);
        recentFiles.registerOpener(RecentFiles.Kind.MODEL, files::openModel);
        recentFiles.registerOpener(RecentFiles.Kind.DATA_SET, datasetOpener::open);
        datasetOpener.setOnOpened(path -> recentFiles.add(path, RecentFiles.Kind.DATA_SET));
        setCenter(pages.host());
        setBottom(new VBox(datasetOpener.panel(), new StatusBar(model)));
        lessons.attach();
        files.installDrops(dropRouter, datasetOpener, this);
        // Training runs (*.run.json) before the plain *.json → model rule (the latest registration wins).
        dropRouter.register(path -> !Files.isDirectory(path) && path.getFileName().toString()
                .toLowerCase(Locale.ROOT).endsWith(ReplayFileActions.RUN_SUFFIX), replayFiles::openRun);
        mapKeys();

        // The analysis runs only while someone looks at it (it would compete with training otherwise).
        dossierLive.bind(Bindings.createBooleanBinding(
                () -> page.get() == Page.HIDDEN_UNIT || page.get() == Page.COMPARE
                        || dossier.modifiedProperty().get()
                        || dossier.orderKeyProperty().get() != UnitOrdering.Key.NUMBER,
                page, dossier.modifiedProperty(), dossier.orderKeyProperty()));
        dossier.activeProperty().bind(dossierLive);
        dossier.unitOrderProperty().addListener((o, old, now) -> hiddenLayer.grid().setUnitOrder(now));
        dossier.unitScoresProperty().addListener((o, old, now) -> hiddenLayer.grid().setUnitScores(now));
        pages.showCurrent();
        scope.onClose(WorkbenchLessonEvents.connect(lessons.events(), drawing.pad().drawingProperty(),
                drawing.pad().emptyProperty(), model.predictedDigitProperty(), trainingAnywhere,
                dossier.experimentProperty(), page.map(Page::id), backprop.getModel().stepProperty()));
    }

    /** Every key of the window: one table (see {@link WorkbenchShortcuts}); F1 lists them. */
    private void mapKeys() {
        ObjectProperty<Page> page = pages.pageProperty();
        shortcuts.always(PresentationMode.TOGGLE_KEY, () -> {
            presentation.toggle();
            return true;
        });
        shortcuts.always(KeyCode.F11, () -> {
            stage.setFullScreen(!stage.isFullScreen());
            return true;
        });
        shortcuts.always(KeyCode.F1, () -> {
            header.showKeys();
            return true;
        });
        shortcuts.shortcutFilter(event -> Accessibility.handleTextSizeShortcut(event, viewPreferences.textSizeProperty()));
        for (Page each : Page.values()) {
            shortcuts.withShortcut(each.key(), () -> {
                page.set(each);
                return true;
            });
        }
        shortcuts.withShortcut(KeyCode.S, done(files::saveModel));
        shortcuts.withShortcut(KeyCode.O, done(files::openModel));
        shortcuts.withShortcutUnlessTyping(KeyCode.Z, done(drawing::undo)); // a text field keeps its own undo
        for (KeyCode replayKey : List.of(KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET, KeyCode.COMMA, KeyCode.PERIOD,
                KeyCode.HOME, KeyCode.END, KeyCode.P)) {
            shortcuts.plain(replayKey, () -> page.get() == Page.WORKBENCH && hiddenLayer.replayBar().handleKey(replayKey)
                    || page.get() == Page.COMPARE_RUNS && compareRuns.replayBar().handleKey(replayKey));
        }
        // Space trains what the page shows: on Compare runs both of its runs, not the hidden workbench's.
        shortcuts.plain(KeyCode.SPACE, done(() -> {
            if (page.get() == Page.COMPARE_RUNS) {
                compareRuns.model().toggleTraining();
            } else {
                model.toggleTraining();
            }
        }));
        shortcuts.plain(KeyCode.S, done(model::step));
        shortcuts.plain(KeyCode.N, done(model::newNetwork));
        shortcuts.plain(KeyCode.C, done(drawing::clear));
        shortcuts.plain(KeyCode.D, done(this::openDossier));
        shortcuts.plain(KeyCode.ENTER, () -> {
            Node focused = getScene() == null ? null : getScene().getFocusOwner();
            if (Accessibility.activateFocused(focused)) {
                return true; // Enter presses the focused control (Space stays train / pause)
            }
            if (page.get() != Page.WORKBENCH || hiddenLayer.grid().getSelectedUnit() < 0 || focused instanceof ButtonBase) {
                return false;
            }
            openDossier();
            return true;
        });
        shortcuts.plain(KeyCode.X, done(() -> {
            int unit = hiddenLayer.grid().getSelectedUnit();
            if (unit < 0) {
                model.statusMessageProperty().set(I18n.t("workbench.status.selectUnitFirst"));
            } else {
                dossier.toggleOff(unit);
            }
        }));
        shortcuts.plain(KeyCode.R, done(dossier::restore));
        shortcuts.plain(KeyCode.E, done(this::openExplanation));
        shortcuts.plain(KeyCode.L, done(() -> page.set(Page.COMPARE)));
        shortcuts.plain(KeyCode.F, done(() -> WatchControls.toggleLessonPace(model.settings())));
        shortcuts.plain(KeyCode.V, done(() -> hiddenLayer.grid().toggleDeltaView()));
    }

    /** An action that always handles its key. */
    private static java.util.function.BooleanSupplier done(Runnable action) {
        return () -> {
            action.run();
            return true;
        };
    }

    /** Installs the theme, presentation mode and the scene-wide keyboard shortcuts; call once the view is in its scene. */
    public void install(Scene scene) {
        viewPreferences.applyTo(scene); // once per scene: a view that replaces another keeps it
        install(scene, PresentationMode.install(scene));
    }

    /** As {@link #install(Scene)}, keeping the scene's presentation mode (a view that replaces another). */
    private void install(Scene scene, PresentationMode mode) {
        presentation = mode;
        scope.onClose(shortcuts.install(scene));
        ChangeListener<Number> height = (o, old, now) -> drawing.sizePad(now.doubleValue());
        scope.listen(scene.heightProperty(), height);
        drawing.sizePad(scene.getHeight());
        ChangeListener<Object> size = (o, old, now) -> applyLayout(scene);
        scope.listen(scene.widthProperty(), size);
        scope.listen(scene.heightProperty(), size);
        scope.listen(mode.activeProperty(), size);
        scope.listen(lessons.model().stepProperty(), size);
        applyLayout(scene);
    }

    /** Shows what the scene has room for besides the grid ({@link WorkbenchLayout}). */
    private void applyLayout(Scene scene) {
        WorkbenchLayout layout = WorkbenchLayout.forScene(scene.getWidth(), scene.getHeight(),
                presentation != null && presentation.isActive());
        showIf(drawing.preprocessing(), layout.showPreprocessing());
        showIf(hiddenLayer.scaleLegend(), layout.showLegend());
        // A lesson step about Θ2 shows it in any window (it is optional only for room).
        var step = lessons.model().stepProperty().get();
        showIf(hiddenLayer.outputSection(), layout.showOutputWeights()
                || step != null && OutputWeightsView.ID.equals(step.target()));
    }

    private static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /**
     * Takes {@code old}'s place in its scene (after a language switch): the same page, theme,
     * presentation mode, drawing, pen, selected unit, unit order and experiment; {@code old} stops
     * following the view model. The view model, and with it the network, the training run and the
     * settings, is shared and untouched. Call on the FX thread with a view built on the same model.
     */
    public void replace(WorkbenchView old) {
        Scene scene = old.getScene();
        viewPreferences.themeProperty().set(old.viewPreferences.themeProperty().get());
        DrawingPad pad = drawing.pad();
        DrawingPad oldPad = old.drawing.pad();
        pad.setPenWidth(oldPad.getPenWidth());
        for (List<javafx.geometry.Point2D> stroke : oldPad.getStrokes()) {
            pad.addStroke(stroke);
        }
        hiddenLayer.grid().setSelectedUnit(old.hiddenLayer.grid().getSelectedUnit());
        dossier.orderKeyProperty().set(old.dossier.orderKeyProperty().get());
        dossier.experimentProperty().set(old.dossier.getExperiment());
        old.dispose();
        scene.setRoot(this);
        install(scene, old.presentation);
        pages.pageProperty().set(old.pages.pageProperty().get());
        lessons.resume(old.lessons);
        if (stage.getOnCloseRequest() != null) {
            stage.setOnCloseRequest(this::confirmClose);
        }
    }

    /** Stops following the view model and the scene (this view has been replaced). */
    private void dispose() {
        dossierLive.unbind();
        dossierLive.set(false);
        charts.dispose();
        scope.close();
    }

    /** Opens the Hidden-unit page at the dossier (Enter / D). */
    void openDossier() {
        pages.pageProperty().set(Page.HIDDEN_UNIT);
        hiddenUnitPage.scrollToDossier();
    }

    /** Opens the Hidden-unit page at the explanation of the prediction (E). */
    void openExplanation() {
        pages.pageProperty().set(Page.HIDDEN_UNIT);
        hiddenUnitPage.scrollToExplanation();
    }

    /** See {@link ModelFileActions#confirmClose}. */
    void confirmClose(javafx.stage.WindowEvent request) {
        files.confirmClose(request);
    }

    /** Reads the model file {@code path} in the background; on error a dialog names the file and the problem and nothing changes. */
    public void openModel(java.nio.file.Path path) {
        files.openModel(path);
    }

    /**
     * Shows the window in {@code language}: remembers the choice and asks the app to build its
     * views again (see {@link #onLanguageChange}); nothing else in the app changes.
     */
    public void switchLanguage(Locale language) {
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

    // ---------------------------------------------------------------- parts (wiring points, tests)

    public ObjectProperty<Themes.Theme> themeProperty() {
        return viewPreferences.themeProperty();
    }

    /** Theme, weight colours and text size; its palette is the one every weight picture uses (PNG exports too). */
    public ViewPreferences viewPreferences() {
        return viewPreferences;
    }

    /** The page shown; set it to switch pages. */
    public ObjectProperty<Page> pageProperty() {
        return pages.pageProperty();
    }

    /** The File and View menus: add items with {@link AppMenus#addFileActions} / {@link AppMenus#addViewGroup}. */
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

    /** Presentation mode (null until {@link #install}). */
    public PresentationMode presentationMode() {
        return presentation;
    }

    public TrainingCharts charts() {
        return charts;
    }

    /** The guided lessons of this window (tests). */
    Lessons lessons() {
        return lessons;
    }

    /** The dossier views' shared model (experiments, statistics, unit order). */
    public DossierModel dossierModel() {
        return dossier;
    }

    /** Save/Open training run and the exports, by path (e.g. for a drop router: {@code replayFiles().openRun(path)}). */
    public ReplayFileActions replayFiles() {
        return replayFiles;
    }

    /** File ▸ Open recent: add opened files with {@link RecentFiles#add}, reopen a kind with {@link RecentFiles#registerOpener}. */
    public RecentFiles recentFiles() {
        return recentFiles;
    }

    /** The keyboard: add a key with {@link WorkbenchShortcuts#plain} / {@link WorkbenchShortcuts#withShortcut}. */
    WorkbenchShortcuts shortcuts() {
        return shortcuts;
    }

    /** The training-settings form: add a setting with {@link TrainingSettingsForm#addRow}. */
    TrainingSettingsForm settingsForm() {
        return training.form();
    }

    /** The page switcher: add a page's node with {@link WorkbenchPages#add}. */
    WorkbenchPages pages() {
        return pages;
    }

    DrawingPad drawingPad() {
        return drawing.pad();
    }

    PredictionBars predictionBars() {
        return drawing.bars();
    }

    PreprocessStrip preprocessStrip() {
        return drawing.strip();
    }

    HiddenUnitGrid hiddenUnitGrid() {
        return hiddenLayer.grid();
    }

    OutputWeightsView outputWeightsView() {
        return hiddenLayer.outputWeights();
    }

    ReplayBar replayBar() {
        return hiddenLayer.replayBar();
    }

    Node pageNode(Page which) {
        return pages.node(which);
    }

    BackpropView backpropView() {
        return backprop;
    }

    UnitDossierView unitDossierView() {
        return hiddenUnitPage.unitDossier();
    }

    PredictionExplanationView explanationView() {
        return hiddenUnitPage.explanation();
    }

    ModifiedNetworkBanner modifiedBanner() {
        return modifiedBanner;
    }

    UserDrawingsPane myDrawingsPane() {
        return myDrawingsPage.pane();
    }
}
