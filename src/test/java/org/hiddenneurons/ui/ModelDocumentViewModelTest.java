package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.io.DatasetHash;
import org.hiddenneurons.io.SavedModel;
import org.junit.jupiter.api.Test;

/** The model document (network in use, description, unsaved flag, data set hashes) with plain JUnit. */
class ModelDocumentViewModelTest {

    private final ModelDocumentViewModel document = new ModelDocumentViewModel();
    private final Network start = WorkbenchViewModel.randomNetwork(WorkbenchViewModel.defaultSpec(), 3);

    @Test
    void openingANetworkShowsItWithNothingUnsaved() {
        document.open(start, () -> "random, seed 3");
        assertSame(start, document.networkProperty().get());
        assertFalse(document.shouldAskBeforeClosing());
        assertEquals("random, seed 3", document.descriptionProperty().get());
    }

    @Test
    void onlyTrainedWeightsCountAsUnsaved() {
        document.open(start, () -> "");
        document.trained(start.copy(), 0); // the trainer's first report: the untrained start
        assertFalse(document.unsavedChangesProperty().get());
        Network trained = start.copy();
        document.trained(trained, 1);
        assertTrue(document.unsavedChangesProperty().get());
        assertSame(trained, document.networkProperty().get());

        document.markSaved(start); // an older network was saved: still unsaved
        assertTrue(document.shouldAskBeforeClosing());
        document.markSaved(trained);
        assertFalse(document.shouldAskBeforeClosing());
    }

    @Test
    void theDescriptionIsAskedAgainAfterALanguageSwitch() {
        AtomicInteger asked = new AtomicInteger();
        document.open(start, () -> "asked " + asked.incrementAndGet());
        assertEquals("asked 1", document.descriptionProperty().get());
        document.languageChanged();
        assertEquals("asked 2", document.descriptionProperty().get());
    }

    @Test
    void saveCarriesTheTrainingDataHashAndEachDatasetIsHashedOnItsOwn() {
        Dataset first = dataset("a", 0.25);
        Dataset second = dataset("b", 0.75);
        SavedModel unhashed = new SavedModel(start, null, "a", "", 4);
        SavedModel hashed = document.withDatasetHash(unhashed, first);
        assertEquals(DatasetHash.sha256(first), hashed.datasetSha256());
        assertSame(start, hashed.network());
        assertEquals(4, hashed.epochs());
        assertEquals(DatasetHash.sha256(second), document.datasetSha256(second));
        assertNotEquals(document.datasetSha256(first), document.datasetSha256(second));
        assertSame(unhashed, document.withDatasetHash(unhashed, null), "no data: nothing to hash");
    }

    @Test
    void twoDocumentsKeepTheirOwnHashCaches() {
        ModelDocumentViewModel other = new ModelDocumentViewModel();
        Dataset first = dataset("a", 0.25);
        Dataset second = dataset("b", 0.75);
        assertEquals(DatasetHash.sha256(first), document.datasetSha256(first));
        assertEquals(DatasetHash.sha256(second), other.datasetSha256(second));
        assertEquals(DatasetHash.sha256(first), document.datasetSha256(first));
    }

    private static Dataset dataset(String name, double ink) {
        int inputs = 4;
        double[] pixels = new double[2 * inputs];
        java.util.Arrays.fill(pixels, ink);
        return new Dataset(name, 2, 2, 10, pixels, new int[] {1, 2});
    }
}
