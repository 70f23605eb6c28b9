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
        Network startup = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), TrainingConfig.DEFAULT_SEED);
        model.useNetwork(startup, "Random network · seed " + TrainingConfig.DEFAULT_SEED);
        model.statusMessageProperty().set("Loading the pre-trained model and the digits…");
        adapter.installUncaughtHandler(error -> model.reportError("Unexpected error: " + WorkbenchViewModel.describe(error)));

        view = new WorkbenchView(model, adapter, stage, UserDrawings.atDefaultLocation(), viewPreferences);
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        view.install(scene);
        stage.setTitle("Hidden Neurons");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.setOnCloseRequest(view::confirmClose);
        stage.show();

        adapter.background(HiddenNeuronsApp::readBundledModel,
                saved -> {
                    if (model.networkProperty().get() == startup) { // the user has not replaced it meanwhile
                        model.useModel(saved, "bundled default");
                    }
                },
                error -> {
                    if (model.networkProperty().get() == startup) {
                        model.useNetwork(startup, "Untrained random network · seed " + TrainingConfig.DEFAULT_SEED);
                        model.statusMessageProperty().set("No pre-trained model (" + WorkbenchViewModel.describe(error)
                                + "). Press Space to train this random network.");
                    }
                });
        adapter.background(HiddenNeuronsApp::loadData,
                loaded -> model.dataLoaded(loaded.split, loaded.preprocessor, loaded.message),
                error -> model.reportError("Could not load the training data: " + WorkbenchViewModel.describe(error)));
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
        String message = "Data ready: " + all.name() + ", " + split.train().size() + " train / "
                + split.test().size() + " test digits.";
        try {
            Preprocessor preprocessor = new Preprocessor(Preprocessor.measure(split.train()));
            return new Loaded(split, preprocessor, message + " Draw a digit, or press Space to train.");
        } catch (RuntimeException e) {
            return new Loaded(split, null, message + " Drawing preprocessing is not available ("
                    + WorkbenchViewModel.describe(e) + ").");
        }
    }
}
