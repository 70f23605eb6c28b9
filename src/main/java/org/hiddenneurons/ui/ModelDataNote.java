package org.hiddenneurons.ui;

import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.io.DatasetMatch;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * A model file opened in the window, with whether its data hash matches the open data set's
 * training samples; when it does not, the status line says so plainly.
 *
 * @param model the model as read
 * @param match its data hash against the open training data
 */
public record ModelDataNote(SavedModel model, DatasetMatch match) {

    /** Reads {@code path} and compares hashes. Background thread: hashing 4000+ samples takes a moment. */
    public static ModelDataNote open(Path path, Dataset trainingData) throws DataFormatException {
        SavedModel model = ModelFile.open(path);
        return new ModelDataNote(model, DatasetMatch.of(model, trainingData));
    }

    /**
     * " " + {@link #note()} for the bundled model against the bundled data's training samples, or ""
     * (also when the bundled model cannot be read: that is reported where it is loaded).
     */
    static String bundled(Dataset trainingData) {
        try {
            SavedModel model = HiddenNeuronsApp.readBundledModel();
            String note = new ModelDataNote(model, DatasetMatch.of(model, trainingData)).note();
            return note.isEmpty() ? "" : " " + note;
        } catch (DataFormatException | RuntimeException e) {
            return "";
        }
    }

    /** The sentence to add to the status line; empty unless the hashes differ. */
    public String note() {
        return match == DatasetMatch.DIFFERS ? I18n.t("workbench.model.dataHashDiffers", model.datasetName()) : "";
    }

    /** FX thread: appends {@link #note()} to {@code status} when there is one. */
    public void appendNote(StringProperty status) {
        String note = note();
        if (!note.isEmpty()) {
            status.set(status.get() + " " + note);
        }
    }
}
