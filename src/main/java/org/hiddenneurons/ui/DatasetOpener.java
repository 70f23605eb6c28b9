package org.hiddenneurons.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.IdxReader;
import org.hiddenneurons.data.LoadMonitor;
import org.hiddenneurons.data.MatReader;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.data.LoadProgressPanel;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Opens a data set chosen by the user (File ▸ Open data set…, Open image folder…, or a drop) on
 * the loading thread, with the {@link LoadProgressPanel} showing progress and Cancel; the window
 * stays usable meanwhile. On success the workbench switches to it
 * ({@link WorkbenchViewModel#useDataset}); on cancel or error the previous data and network stay
 * (an error is shown with the file, the place and the problem).
 *
 * <p>Lifecycle: one opener per window; {@link #open} may be called again while loading (the
 * running load is cancelled and the new one starts after it). FX thread only.
 */
public final class DatasetOpener {

    /** Share of the progress bar for reading the file; the split and measuring the drawing pipeline follow. */
    private static final double SPLIT_SHARE = 0.95;
    /** The standard split needs at least one test sample (index 4). */
    private static final long BYTES_PER_MB = 1024 * 1024;
    private static final int MIN_SAMPLES = org.hiddenneurons.data.Split.TEST_EVERY;

    private final WorkbenchViewModel model;
    private final FxTrainingAdapter adapter;
    private final BiConsumer<Path, Throwable> showError;
    private final LoadProgressPanel panel = new LoadProgressPanel();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private Consumer<Path> onOpened = path -> { };
    private LoadMonitor running;

    /** What the loading thread hands back: the split and the drawing pipeline measured from it. */
    private record Prepared(String name, Split split, Preprocessor preprocessor) {
    }

    /**
     * @param showError shows a failed load's file and problem (a dialog); the previous data stay
     */
    public DatasetOpener(WorkbenchViewModel model, FxTrainingAdapter adapter, BiConsumer<Path, Throwable> showError) {
        this.model = model;
        this.adapter = adapter;
        this.showError = showError;
    }

    /** The progress strip to place in the window (above the status bar). */
    public LoadProgressPanel panel() {
        return panel;
    }

    /** True while a data set is loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Called with the path of every data set opened successfully (e.g. to add it to recent files). */
    public void setOnOpened(Consumer<Path> handler) {
        onOpened = handler;
    }

    /** True for what {@link DatasetLoader} reads as data: a folder, CSV, IDX images or labels, a PNG (the digits sheet). */
    public static boolean isDataPath(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".png") || IdxReader.isImageFileName(path)
                || name.endsWith("idx1-ubyte") || name.endsWith("idx1-ubyte.gz");
    }

    /** True for a MATLAB file: data (X, y) or the course's weights (Theta1, Theta2), told apart by {@link MatReader#holdsWeights}. */
    public static boolean isMatPath(Path path) {
        return MatReader.isMatFileName(path) && !Files.isDirectory(path);
    }

    /** File ▸ Open data set…: a file chooser for CSV, IDX and .mat data. */
    public void chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("data.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("data.filter.all"), "*.csv", "*idx3-ubyte", "*idx3-ubyte.gz",
                        "*.mat", "*.png"),
                new FileChooser.ExtensionFilter(I18n.t("data.filter.csv"), "*.csv"),
                new FileChooser.ExtensionFilter(I18n.t("data.filter.idx"), "*idx3-ubyte", "*idx3-ubyte.gz"),
                new FileChooser.ExtensionFilter(I18n.t("data.filter.mat"), "*.mat"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(file.toPath());
        }
    }

    /** File ▸ Open image folder…: a folder of PNGs labelled by sub-folder or file name. */
    public void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.t("data.chooser.folderTitle"));
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            open(folder.toPath());
        }
    }

    /** Loads {@code path} in the background (cancelling a load still running), then switches to it. */
    public void open(Path path) {
        if (running != null) {
            running.cancel();
        }
        LoadMonitor monitor = new LoadMonitor();
        running = monitor;
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        panel.show(name, monitor);
        loading.set(true);
        model.statusMessageProperty().set(I18n.t("data.status.loading", name));
        adapter.background(() -> prepare(path, monitor), prepared -> {
            if (monitor != running) {
                return; // a newer load replaced this one
            }
            done();
            if (monitor.isCancelled()) {
                model.statusMessageProperty().set(I18n.t("data.status.cancelled", name));
                return;
            }
            model.useDataset(prepared.name(), prepared.split(), prepared.preprocessor());
            onOpened.accept(path);
        }, error -> {
            if (monitor != running) {
                return;
            }
            done();
            if (error instanceof CancellationException) {
                model.statusMessageProperty().set(I18n.t("data.status.cancelled", name));
            } else if (error instanceof OutOfMemoryError) {
                // The arrays of the failed load are unreachable now; the previous data were never released.
                showError.accept(path, DataFormatException.at(path, null, "needs more memory than the Java heap"
                        + " allows (at most " + Runtime.getRuntime().maxMemory() / BYTES_PER_MB + " MB; each sample of"
                        + " w×h pixels takes 16·w·h bytes while loading). Start the app with a larger -Xmx."));
            } else {
                showError.accept(path, error);
            }
        });
    }

    /** Cancels the load in progress, if any; the previous data and network stay. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void done() {
        running = null;
        loading.set(false);
        panel.hide();
    }

    /** Loading thread: read, split, measure the drawing pipeline; checks for cancel between steps. */
    private static Prepared prepare(Path path, LoadMonitor monitor) throws DataFormatException {
        Split split = DatasetLoader.loadSplit(path, monitor.range(0, SPLIT_SHARE));
        monitor.checkCancelled();
        if (split.test().size() == 0) {
            throw DataFormatException.at(path, null, "too few samples: " + split.train().size()
                    + "; the standard split (every " + Split.TEST_EVERY + "th sample is a test sample) needs at least "
                    + MIN_SAMPLES);
        }
        monitor.report(SPLIT_SHARE);
        monitor.checkCancelled();
        Preprocessor preprocessor;
        try {
            preprocessor = new Preprocessor(Preprocessor.measure(split.train()));
        } catch (RuntimeException e) {
            preprocessor = null; // e.g. no sample has ink to measure: drawing is unavailable, training works
        }
        monitor.checkCancelled();
        monitor.report(1);
        return new Prepared(path.getFileName() == null ? path.toString() : path.getFileName().toString(), split,
                preprocessor);
    }
}
