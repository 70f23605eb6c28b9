package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.DatasetMatch;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status line says plainly when an opened model's data hash does not match the open data. */
class ModelDataNoteTest {

    private static final Dataset TRAIN = DigitsImage.loadBundled().standardSplit().train();

    @TempDir
    Path dir;

    private Path saved(String sha256) throws Exception {
        SavedModel model = ModelFile.load(Path.of("assets/default-model.json"));
        Path file = dir.resolve("model-" + sha256.length() + ".json");
        ModelFile.save(file, new SavedModel(model.network(), model.config(), "other.csv", sha256, model.epochs()));
        return file;
    }

    @Test
    void modelOfOtherDataAddsANoteNamingItsDataSet() throws Exception {
        ModelDataNote opened = ModelDataNote.open(saved("ab".repeat(32)), TRAIN);
        assertEquals(DatasetMatch.DIFFERS, opened.match());
        StringProperty status = new SimpleStringProperty("Opened model.json");
        opened.appendNote(status);
        assertTrue(opened.note().contains("other.csv"), opened.note());
        assertEquals("Opened model.json " + opened.note(), status.get());
    }

    @Test
    void modelOfTheseDataOrOfUnknownDataAddsNothing() throws Exception {
        StringProperty status = new SimpleStringProperty("Opened");
        ModelDataNote.open(saved(DatasetHash.sha256(TRAIN)), TRAIN).appendNote(status);
        ModelDataNote.open(saved(""), TRAIN).appendNote(status);
        assertEquals("Opened", status.get());
    }
}
