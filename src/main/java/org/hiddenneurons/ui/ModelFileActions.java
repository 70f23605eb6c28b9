package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.MatReader;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.ui.data.DropRouter;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The model document's file actions: Open (Ctrl+O) and Save (Ctrl+S) with their dialogs, reading
 * and writing in the background, the close confirmation for unsaved weights, what a drop on the
 * window does, and the error dialogs that name the file and the problem. Opened and saved files go
 * to File ▸ Open recent.
 */
final class ModelFileActions {

    static final String MODEL_EXTENSION = "*.json";
    /** The course's weights file (ex4weights.mat), opened read-only through ModelFile.open. */
    static final String COURSE_WEIGHTS_EXTENSION = "*.mat";
    static final String DEFAULT_MODEL_FILE_NAME = "hidden-neurons-model.json";

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final Stage stage;
    private final RecentFiles recentFiles;

    ModelFileActions(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage, RecentFiles recentFiles) {
        this.model = model;
        this.adapter = adapter;
        this.stage = stage;
        this.recentFiles = recentFiles;
    }

    /** Ctrl+S: writes the network in use; errors in a dialog; nothing in the app changes. */
    void saveModel() {
        File file = saveChooser().showSaveDialog(stage);
        if (file != null) {
            save(file.toPath(), () -> { });
        }
    }

    /**
     * Writes the network in use to {@code path} in the background (the data set's hash computed
     * there too), then runs {@code afterSaving} on the FX thread; a failure shows a dialog instead.
     */
    void save(Path path, Runnable afterSaving) {
        SavedModel toSave = model.modelToSave();
        Dataset trainingData = model.trainingDataset();
        ModelDocumentViewModel document = model.document();
        adapter.background(() -> {
            ModelFile.save(path, document.withDatasetHash(toSave, trainingData));
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
    void confirmClose(WindowEvent request) {
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
            File file = saveChooser().showSaveDialog(stage);
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
        if (file != null) {
            openModel(file.toPath());
        }
    }

    /** Reads the model file {@code path} in the background; on error a dialog names the file and the problem and nothing changes. */
    void openModel(Path path) {
        Dataset trainingData = model.trainingDataset();
        adapter.background(() -> ModelDataNote.open(path, trainingData),
                loaded -> {
                    model.useModel(loaded.model(), path.getFileName().toString());
                    loaded.appendNote(model.statusMessageProperty());
                    recentFiles.add(path, RecentFiles.Kind.MODEL);
                },
                error -> showFileError(I18n.t("workbench.error.open"), path, error));
    }

    /**
     * Drops on {@code target}: data sets load as data ({@link DatasetOpener}), {@code *.json} opens
     * as a model, a {@code .mat} file as the course's weights when it holds Theta1 and Theta2, else
     * as data; anything else is explained. Later registrations on {@code router} win.
     */
    void installDrops(DropRouter router, DatasetOpener datasetOpener, Node target) {
        router.register(DatasetOpener::isDataPath, datasetOpener::open);
        router.register(path -> !Files.isDirectory(path)
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"), this::openModel);
        router.register(DatasetOpener::isMatPath, path -> adapter.background(() -> MatReader.holdsWeights(path),
                weights -> {
                    if (weights) {
                        openModel(path);
                    } else {
                        datasetOpener.open(path);
                    }
                }, error -> showFileError(I18n.t("data.error.header"), path, error)));
        router.setFallback(path -> {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            model.statusMessageProperty().set(I18n.t("data.drop.unsupported", name));
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.initOwner(stage);
            alert.setTitle("Hidden Neurons");
            alert.setHeaderText(I18n.t("data.drop.unsupportedHeader"));
            alert.setContentText(I18n.t("data.drop.unsupported", name));
            alert.show();
        });
        router.install(target);
    }

    /** Shows a failure with {@code path}: in the status bar and in a dialog naming the file and the problem. */
    void showFileError(String header, Path path, Throwable error) {
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

    private static FileChooser saveChooser() {
        FileChooser chooser = modelChooser(I18n.t("workbench.save.title"));
        chooser.setInitialFileName(DEFAULT_MODEL_FILE_NAME);
        return chooser;
    }

    private static FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("workbench.file.modelFilter"), MODEL_EXTENSION));
        return chooser;
    }
}
