package org.hiddenneurons.ui;

import java.io.InputStream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The Hidden Neurons window ({@link WorkbenchView}: the workbench and the analysis pages). Shows at
 * once with a seeded random network of the app's default architecture, then (off the FX thread)
 * loads the bundled pre-trained model and the bundled digits; the header and the status bar say
 * what happened. Closing with trained, unsaved weights asks first.
 * {@link #main} is what {@code org.hiddenneurons.Launcher} calls.
 */
public final class HiddenNeuronsApp extends Application {

    /** Classpath location of the pre-trained default model (written by the CLI). */
    public static final String DEFAULT_MODEL_RESOURCE = "/assets/default-model.json";
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 1100;
    static final double MIN_HEIGHT = 700;

    /** Theme, colours and text size: the user's remembered choices (tests pass their own). */
    private final ViewPreferences viewPreferences;
    private FxTrainingAdapter adapter;
    private WorkbenchViewModel model;
    private WorkbenchView view;
    private Stage stage;

    public HiddenNeuronsApp() {
        this(ViewPreferences.user());
    }

    /** A window whose view choices live in {@code viewPreferences} (tests: {@link ViewPreferences#inMemory()}). */
    HiddenNeuronsApp(ViewPreferences viewPreferences) {
        this.viewPreferences = viewPreferences;
    }

    public static void main(String[] args) {
        launch(HiddenNeuronsApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        adapter = new FxTrainingAdapter();
        model = new WorkbenchViewModel(adapter);
        model.inputSteps().prepareWith(adapter.backgroundWork()::submit); // MNIST-sized splits take a second: off the FX thread
        Network startup = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), TrainingConfig.DEFAULT_SEED);
        String seed = String.valueOf(TrainingConfig.DEFAULT_SEED);
        model.useNetwork(startup, () -> I18n.t("workbench.app.startupNetwork", seed));
        model.statusMessageProperty().set(I18n.t("workbench.app.loading"));
        adapter.installUncaughtHandler(error -> model.reportError(
                I18n.t("workbench.app.unexpectedError", WorkbenchViewModel.describe(error))));

        this.stage = stage;
        view = newView();
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        view.install(scene);
        stage.setTitle(I18n.t("workbench.app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.setOnCloseRequest(view::confirmClose);
        stage.show();

        adapter.background(HiddenNeuronsApp::readBundledModel,
                saved -> {
                    if (model.networkProperty().get() == startup) { // the user has not replaced it meanwhile
                        model.useModel(saved, () -> I18n.t("workbench.app.bundledModel"));
                    }
                },
                error -> {
                    if (model.networkProperty().get() == startup) {
                        model.useNetwork(startup, () -> I18n.t("workbench.app.untrainedNetwork", seed));
                        model.statusMessageProperty().set(I18n.t("workbench.app.noBundledModel",
                                WorkbenchViewModel.describe(error)));
                    }
                });
        adapter.background(HiddenNeuronsApp::loadData,
                loaded -> model.dataLoaded(loaded.split, loaded.preprocessor, loaded.message),
                error -> model.reportError(I18n.t("workbench.app.dataError", WorkbenchViewModel.describe(error))));
        openFileArgument();
    }

    /**
     * {@code hidden-neurons FILE} (a desktop entry's {@code %f}): opens the file as a drop would
     * (run, model or data set). Queued after the bundled model and the default data on the loading
     * thread, so the file's model or data set is what stays.
     */
    private void openFileArgument() {
        Parameters parameters = getParameters();
        if (parameters != null && !parameters.getRaw().isEmpty()) {
            view.dropRouter().route(java.nio.file.Path.of(parameters.getRaw().get(0)));
        }
    }

    /** The window's view on the app's one view model; a language switch builds the next one. */
    private WorkbenchView newView() {
        WorkbenchView built = new WorkbenchView(model, adapter, stage, UserDrawings.atDefaultLocation(), viewPreferences);
        built.onLanguageChange(this::rebuildView);
        return built;
    }

    /**
     * After a language switch: a new view in the new language takes the old one's place (page,
     * theme, presentation mode, drawing kept); the view model — network, training run, settings —
     * carries on untouched, training included.
     */
    void rebuildView() {
        WorkbenchView replacement = newView();
        replacement.replace(view);
        view = replacement;
        stage.setTitle(I18n.t("workbench.app.title"));
        model.languageChanged();
    }

    /**
     * Closing the last window exits the toolkit (implicit exit), which calls this: cancel training
     * and stop both daemon threads so the JVM ends at once.
     */
    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (adapter != null) {
            adapter.shutdown();
        }
    }

    WorkbenchViewModel model() {
        return model;
    }

    WorkbenchView view() {
        return view;
    }

    FxTrainingAdapter adapter() {
        return adapter;
    }

    private record Loaded(Split split, Preprocessor preprocessor, String message) {
    }

    static SavedModel readBundledModel() throws DataFormatException {
        try (InputStream in = HiddenNeuronsApp.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_MODEL_RESOURCE + " is not bundled");
            }
            return ModelFile.read(in, DEFAULT_MODEL_RESOURCE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(DEFAULT_MODEL_RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loading thread: the bundled digits, the standard split and the drawing pipeline measured from them. */
    private static Loaded loadData() {
        Dataset all = DigitsImage.loadBundled();
        Split split = Split.standard(all);
        String train = String.valueOf(split.train().size());
        String test = String.valueOf(split.test().size());
        try {
            Preprocessor preprocessor = new Preprocessor(Preprocessor.measure(split.train()));
            return new Loaded(split, preprocessor, I18n.t("workbench.app.dataReady", all.name(), train, test) + " "
                    + org.hiddenneurons.ui.data.SplitNote.describe(split) + ModelDataNote.bundled(split.train()));
        } catch (RuntimeException e) {
            return new Loaded(split, null, I18n.t("workbench.app.dataReadyNoPreprocessing", all.name(), train, test,
                    WorkbenchViewModel.describe(e)));
        }
    }
}
