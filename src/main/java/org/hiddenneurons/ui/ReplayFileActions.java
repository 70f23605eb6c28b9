package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.io.EvolutionExport;
import org.hiddenneurons.io.EvolutionGif;
import org.hiddenneurons.io.HiddenUnitsPng;
import org.hiddenneurons.io.HistoryCsv;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.io.WeightsCsv;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * File ▸ Save/Open training run, File ▸ Export ▸ … and File ▸ Open recent. Every file is read and
 * written on the adapter's loading thread (atomically, by {@code io}); a failure shows a dialog
 * naming the file and the problem and changes nothing in the app. The methods taking a
 * {@link Path} are what the menu items call after their file chooser (and what tests call).
 */
public final class ReplayFileActions {

    /** Run files are JSON; this suffix tells them from model files in a folder. */
    public static final String RUN_SUFFIX = ".run.json";
    static final String RUN_EXTENSION = "*" + RUN_SUFFIX;
    static final String DEFAULT_RUN_NAME = "hidden-neurons" + RUN_SUFFIX;
    static final String DEFAULT_PNG_NAME = "hidden-units.png";
    static final String DEFAULT_GIF_NAME = "hidden-units-evolution.gif";
    static final String DEFAULT_HISTORY_NAME = "history.csv";

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final Stage stage;
    private final RecentFiles recent;
    private final Supplier<DivergingPalette> palette;

    /**
     * @param palette the palette the grid uses now (the theme's)
     */
    public ReplayFileActions(WorkbenchViewModel model, FxTrainingAdapter adapter, Stage stage, RecentFiles recent,
                             Supplier<DivergingPalette> palette) {
        this.model = model;
        this.adapter = adapter;
        this.stage = stage;
        this.recent = recent;
        this.palette = palette;
        recent.registerOpener(RecentFiles.Kind.RUN, this::openRun);
    }

    /**
     * Adds Save/Open training run to File, the exports to File ▸ Export (with {@code saveModel} as
     * "Model…") and keeps File ▸ Open recent in step with the recent files.
     */
    public void install(AppMenus menus, Runnable saveModel) {
        menus.addFileActions(
                AppMenus.item(I18n.t("replay.menu.openRun"), null, this::chooseRunToOpen),
                AppMenus.item(I18n.t("replay.menu.saveRun"), null, this::chooseRunToSave));
        menus.exportMenu().getItems().addAll(
                AppMenus.item(I18n.t("replay.menu.export.png"), null, this::choosePng),
                AppMenus.item(I18n.t("replay.menu.export.weights"), null, this::chooseWeightsFolder),
                AppMenus.item(I18n.t("replay.menu.export.history"), null, this::chooseHistoryFile),
                AppMenus.item(I18n.t("replay.menu.export.evolution"), null, this::chooseEvolutionFolder),
                AppMenus.item(I18n.t("replay.watch.menu.export.gif"), null, this::chooseGif),
                new SeparatorMenuItem(),
                AppMenus.item(I18n.t("replay.menu.export.model"), null, saveModel));
        Menu recentMenu = menus.recentMenu();
        recent.entries().addListener((ListChangeListener<RecentFiles.Entry>) change -> fillRecent(recentMenu));
        fillRecent(recentMenu);
    }

    // ---------------------------------------------------------------- training runs

    /** Writes the run (settings, seed, split, every epoch's numbers, the kept snapshots) to {@code path}. */
    public void saveRun(Path path) {
        Dataset trainingData = model.trainingDataset();
        TrainingRunFile.Run unhashed;
        try {
            unhashed = model.runToSave("");
        } catch (IllegalArgumentException e) {
            showError(I18n.t("replay.error.saveRun"), path, e);
            return;
        }
        adapter.background(() -> {
            String sha = trainingData == null || !trainingData.name().equals(unhashed.datasetName()) ? ""
                    : model.document().datasetSha256(trainingData);
            TrainingRunFile.Run run = new TrainingRunFile.Run(unhashed.config(), unhashed.datasetName(), sha,
                    unhashed.split(), unhashed.history());
            TrainingRunFile.save(path, run);
            return run;
        }, run -> {
            recent.add(path, RecentFiles.Kind.RUN);
            model.statusMessageProperty().set(I18n.t("replay.status.runSaved", path,
                    run.history().snapshots().size(), run.history().metricsCount()));
        }, error -> showError(I18n.t("replay.error.saveRun"), path, error));
    }

    /** Reads a run file and shows it (its final network, its timeline); on error nothing changes. */
    public void openRun(Path path) {
        adapter.background(() -> TrainingRunFile.load(path), run -> {
            model.useRun(run, path.getFileName().toString());
            recent.add(path, RecentFiles.Kind.RUN);
        }, error -> showError(I18n.t("replay.error.openRun"), path, error));
    }

    // ---------------------------------------------------------------- exports

    /** The hidden units' pictures of the network shown, in the grid's palette and scale, with a colour bar. */
    public void exportHiddenUnitsPng(Path file) {
        Network network = model.replay().shownNetworkProperty().get();
        WeightPictures.Scale scale = model.weightScaleProperty().get();
        DivergingPalette colours = palette.get();
        adapter.background(() -> {
            HiddenUnitsPng.write(file, network, scale, colours);
            return file;
        }, done -> status(I18n.t("replay.status.exported", file)),
                error -> showError(I18n.t("replay.error.export"), file, error));
    }

    /** Θ1 and Θ2 of the network shown as {@value WeightsCsv#THETA1_FILE} and {@value WeightsCsv#THETA2_FILE} in {@code folder}. */
    public void exportWeightsCsv(Path folder) {
        Network network = model.replay().shownNetworkProperty().get();
        adapter.background(() -> {
            java.nio.file.Files.createDirectories(folder);
            int hidden = network.spec().hiddenSize();
            WeightsCsv.write(folder.resolve(WeightsCsv.THETA1_FILE), network.theta1Copy(), hidden,
                    network.spec().inputSize() + 1);
            WeightsCsv.write(folder.resolve(WeightsCsv.THETA2_FILE), network.theta2Copy(), network.spec().outputSize(),
                    hidden + 1);
            return folder;
        }, done -> status(I18n.t("replay.status.exported", folder)),
                error -> showError(I18n.t("replay.error.export"), folder, error));
    }

    /** The run's loss and accuracy of every epoch. */
    public void exportHistoryCsv(Path file) {
        List<EpochMetrics> metrics = model.replay().recorder().metrics();
        adapter.background(() -> {
            HistoryCsv.save(file, metrics);
            return file;
        }, done -> status(I18n.t("replay.status.exported", file)),
                error -> showError(I18n.t("replay.error.export"), file, error));
    }

    /** One PNG per kept snapshot (evolution-0001.png …) and their epochs in {@code folder}. */
    public void exportEvolution(Path folder) {
        List<TrainingSnapshot> snapshots = model.replay().recorder().snapshots();
        WeightPictures.Scale scale = model.weightScaleProperty().get();
        DivergingPalette colours = palette.get();
        adapter.background(() -> EvolutionExport.export(folder, snapshots, scale, colours),
                frames -> status(I18n.t("replay.status.evolutionExported", frames.size(), folder)),
                error -> showError(I18n.t("replay.error.export"), folder, error));
    }

    /** The kept snapshots as one animated GIF (a "step · epoch" caption on each frame). */
    public void exportEvolutionGif(Path file) {
        List<TrainingSnapshot> snapshots = model.replay().recorder().snapshots();
        WeightPictures.Scale scale = model.weightScaleProperty().get();
        DivergingPalette colours = palette.get();
        adapter.background(() -> {
            EvolutionGif.write(file, snapshots, scale, colours);
            return snapshots.size();
        }, frames -> status(I18n.t("replay.watch.status.gifExported", frames, file)),
                error -> showError(I18n.t("replay.error.export"), file, error));
    }

    // ---------------------------------------------------------------- choosers

    private void chooseGif() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("replay.watch.chooser.gif"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
        chooser.setInitialFileName(DEFAULT_GIF_NAME);
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportEvolutionGif(file.toPath());
        }
    }

    private void chooseRunToOpen() {
        File file = chooser(I18n.t("replay.chooser.openRun"), null).showOpenDialog(stage);
        if (file != null) {
            openRun(file.toPath());
        }
    }

    private void chooseRunToSave() {
        File file = chooser(I18n.t("replay.chooser.saveRun"), DEFAULT_RUN_NAME).showSaveDialog(stage);
        if (file != null) {
            saveRun(file.toPath());
        }
    }

    private void choosePng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("replay.chooser.png"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName(DEFAULT_PNG_NAME);
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportHiddenUnitsPng(file.toPath());
        }
    }

    private void chooseHistoryFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("replay.chooser.history"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName(DEFAULT_HISTORY_NAME);
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportHistoryCsv(file.toPath());
        }
    }

    private void chooseWeightsFolder() {
        chooseFolder(I18n.t("replay.chooser.weights"), this::exportWeightsCsv);
    }

    private void chooseEvolutionFolder() {
        chooseFolder(I18n.t("replay.chooser.evolution"), this::exportEvolution);
    }

    private void chooseFolder(String title, Consumer<Path> then) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            then.accept(folder.toPath());
        }
    }

    private static FileChooser chooser(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("replay.chooser.runFiles"), RUN_EXTENSION),
                new FileChooser.ExtensionFilter(I18n.t("replay.chooser.jsonFiles"), "*.json"));
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        return chooser;
    }

    // ---------------------------------------------------------------- recent files

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        if (recent.entries().isEmpty()) {
            MenuItem none = new MenuItem(I18n.t("replay.recent.empty"));
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        for (RecentFiles.Entry entry : recent.entries()) {
            Path parent = entry.path().getParent();
            MenuItem item = new MenuItem(I18n.t("replay.recent.item", kindLabel(entry.kind()),
                    entry.path().getFileName(), parent == null ? "" : parent.toString()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> reopen(entry));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(AppMenus.item(I18n.t("replay.recent.clear"), null, recent::clear));
    }

    /** Reopens a recent file; a missing one is removed from the list and said so. */
    public void reopen(RecentFiles.Entry entry) {
        switch (recent.open(entry)) {
            case MISSING -> {
                String message = I18n.t("replay.recent.missing", entry.path());
                model.reportError(message);
                Alert alert = new Alert(Alert.AlertType.WARNING);
                alert.initOwner(stage);
                alert.setTitle(I18n.t("workbench.app.title"));
                alert.setHeaderText(I18n.t("replay.recent.missing.header"));
                alert.setContentText(message);
                alert.show();
            }
            case NO_OPENER -> status(I18n.t("replay.recent.noOpener", entry.path()));
            case OPENED -> { }
            default -> throw new IllegalStateException();
        }
    }

    private static String kindLabel(RecentFiles.Kind kind) {
        return switch (kind) {
            case MODEL -> I18n.t("replay.recent.kind.model");
            case DATA_SET -> I18n.t("replay.recent.kind.dataSet");
            case RUN -> I18n.t("replay.recent.kind.run");
        };
    }

    // ---------------------------------------------------------------- helpers

    private void status(String message) {
        model.statusMessageProperty().set(message);
    }

    private void showError(String header, Path path, Throwable error) {
        String message = error.getMessage();
        String problem = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        model.reportError(header + ": " + path.getFileName() + ": " + problem);
        if (stage == null || !stage.isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(I18n.t("workbench.app.title"));
        alert.setHeaderText(header);
        alert.setContentText(I18n.t("replay.error.details", path, problem));
        alert.show();
    }
}
