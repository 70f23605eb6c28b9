package org.hiddenneurons.io;

import org.hiddenneurons.data.Dataset;

/**
 * Whether a model file names the data set it is shown with: its stored SHA-256 ({@link DatasetHash}
 * of the training samples) against the hash of the training samples open now. Models saved
 * before pixels were read as stored (or trained on other data) do not match; they still load.
 */
public enum DatasetMatch {
    /** The model names no hash (""), or no data set is open. */
    UNKNOWN,
    /** Same hash: the model was trained on exactly these training samples. */
    MATCHES,
    /** Different hash: other data, or the same file read differently by an older version. */
    DIFFERS;

    /** Compares {@code model}'s hash with {@code trainingData}'s; hashing is slow: call it off the UI thread. */
    public static DatasetMatch of(SavedModel model, Dataset trainingData) {
        if (trainingData == null || model.datasetSha256() == null || model.datasetSha256().isEmpty()) {
            return UNKNOWN;
        }
        return of(model.datasetSha256(), DatasetHash.sha256(trainingData));
    }

    /** Compares two hashes, "" meaning unknown. */
    public static DatasetMatch of(String modelSha256, String dataSha256) {
        if (modelSha256 == null || modelSha256.isEmpty() || dataSha256 == null || dataSha256.isEmpty()) {
            return UNKNOWN;
        }
        return modelSha256.equalsIgnoreCase(dataSha256) ? MATCHES : DIFFERS;
    }
}
