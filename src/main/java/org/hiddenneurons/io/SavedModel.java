package org.hiddenneurons.io;

import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.train.TrainingConfig;

/**
 * What a model file holds.
 *
 * @param network       the weights and architecture
 * @param config        the settings it was trained with, or null if unknown (e.g. imported weights)
 * @param datasetName   name of the training data set, or "" if unknown
 * @param datasetSha256 hex SHA-256 of the training data set's content, or "" if unknown
 * @param epochs        epochs trained (0 if unknown)
 */
public record SavedModel(Network network, TrainingConfig config, String datasetName, String datasetSha256,
                         int epochs) {

    /**
     * {@code data} as this model sees it: its training config's preprocessing
     * ({@link TrainingConfig#prepare(Dataset)}, e.g. deskewing), none when the config is unknown.
     */
    public Dataset prepare(Dataset data) {
        return config == null ? data : config.prepare(data);
    }

    /** One width×height input as this model sees it (see {@link #prepare(Dataset)}). */
    public double[] prepare(double[] input, int width, int height) {
        return config == null ? input : config.prepare(input, width, height);
    }
}
