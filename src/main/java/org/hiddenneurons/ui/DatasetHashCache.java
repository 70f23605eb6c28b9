package org.hiddenneurons.ui;

import java.lang.ref.WeakReference;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.io.DatasetHash;

/**
 * The SHA-256 of the last data set hashed, so saving a model and then its training run hashes the
 * data once. Keyed by identity (data sets are immutable in use) and held weakly: the cache never
 * keeps a data set alive that the app has let go. Owned by {@link ModelDocumentViewModel}; safe to
 * call from a background thread (hashing 4000 digits takes a moment: never on the FX thread).
 */
final class DatasetHashCache {

    private WeakReference<Dataset> lastData = new WeakReference<>(null);
    private String lastHash;

    /** {@code dataset}'s SHA-256 ({@link DatasetHash#sha256}); computed only when it is not the last one hashed. */
    synchronized String sha256(Dataset dataset) {
        if (lastData.get() != dataset) {
            lastHash = DatasetHash.sha256(dataset);
            lastData = new WeakReference<>(dataset);
        }
        return lastHash;
    }
}
