package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMatchTest {

    private static final Dataset TRAIN = DigitsImage.loadBundled().standardSplit().train();

    @TempDir
    Path dir;

    @Test
    void modelSavedWithTheTrainingDataHashMatchesOnlyThatData() throws Exception {
        SavedModel saved = ModelFile.load(Path.of("assets/default-model.json"));
        Path file = dir.resolve("model.json");
        ModelFile.save(file, new SavedModel(saved.network(), saved.config(), DigitsImage.NAME,
                DatasetHash.sha256(TRAIN), saved.epochs()));
        SavedModel reopened = ModelFile.load(file);
        assertEquals(DatasetMatch.MATCHES, DatasetMatch.of(reopened, TRAIN));
        Dataset test = DigitsImage.loadBundled().standardSplit().test();
        assertEquals(DatasetMatch.DIFFERS, DatasetMatch.of(reopened, test));
        assertEquals(DatasetMatch.UNKNOWN, DatasetMatch.of(reopened, null));
    }

    @Test
    void versionOneModelFromBeforeExactPixelsStillLoadsAndDiffers() throws Exception {
        SavedModel old = ModelFile.load(Path.of("src/test/resources/io/model-v1.json"));
        assertEquals(DatasetMatch.DIFFERS, DatasetMatch.of(old, TRAIN));
    }

    @Test
    void emptyHashIsUnknown() {
        assertEquals(DatasetMatch.UNKNOWN, DatasetMatch.of("", "ab"));
        assertEquals(DatasetMatch.MATCHES, DatasetMatch.of("AB", "ab"));
        assertEquals(DatasetMatch.DIFFERS, DatasetMatch.of("ab", "cd"));
    }
}
