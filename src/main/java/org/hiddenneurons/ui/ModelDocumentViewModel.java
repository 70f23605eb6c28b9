package org.hiddenneurons.ui;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;

/**
 * The model document: the network in use (always an immutable copy), where it came from in words,
 * and whether training changed it since the last save or open. Owns the {@link DatasetHashCache}
 * that Save uses. No nodes; plain JUnit can drive it.
 *
 * <p>Call order: {@link #open} when a network comes in (start-up, a file, a run, New network);
 * {@link #trainedWith} when it comes with (or starts training with) a config; {@link #trained} for
 * each training snapshot; {@link #markSaved} once a save succeeded.
 */
public final class ModelDocumentViewModel {

    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
    private final BooleanProperty unsavedChanges = new SimpleBooleanProperty(this, "unsavedChanges", false);
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    /** Says the model in use in the current language (asked again by {@link #languageChanged}). */
    private Supplier<String> describe = () -> "";
    private final DatasetHashCache hashes = new DatasetHashCache();
    /** The config the network in use was (or is being) trained with; its steps prepare every input. */
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");

    /** {@code opened} becomes the network in use, nothing unsaved, described by {@code describe} (asked again after a language switch). */
    public void open(Network opened, Supplier<String> describe) {
        network.set(opened);
        unsavedChanges.set(false);
        this.describe = describe;
        description.set(describe.get());
    }

    /**
     * A training snapshot's network becomes the one in use; trained weights ({@code epoch} &gt; 0)
     * that differ from the network in use count as unsaved.
     */
    public void trained(Network snapshotNetwork, int epoch) {
        if (epoch > 0 && snapshotNetwork != network.get()) {
            unsavedChanges.set(true);
        }
        network.set(snapshotNetwork);
    }

    /**
     * The network in use was trained with {@code trainingConfig} (a model file's, a run file's) or
     * starts training with it now: its preprocessing steps ({@link TrainingConfig#prepare}, e.g.
     * deskewing) are what every input goes through ({@link ModelInputSteps}). Null: unknown (imported
     * weights), no steps.
     */
    public void trainedWith(TrainingConfig trainingConfig) {
        config.set(trainingConfig);
    }

    /** See {@link #trainedWith}; null when unknown. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    /** Save succeeded: nothing unsaved any more (unless the network changed meanwhile). */
    public void markSaved(Network saved) {
        if (saved == network.get()) {
            unsavedChanges.set(false);
        }
    }

    /** True when closing the window should first ask whether to save the trained weights. */
    public boolean shouldAskBeforeClosing() {
        return unsavedChanges.get();
    }

    /** After a language switch: the description in the new language. */
    public void languageChanged() {
        description.set(describe.get());
    }

    /**
     * {@code model} with the SHA-256 of {@code trainingData} as its data set hash ({@code model}
     * itself when there are no data). Slow the first time for a data set: call off the FX thread.
     */
    public SavedModel withDatasetHash(SavedModel model, Dataset trainingData) {
        if (trainingData == null) {
            return model;
        }
        return new SavedModel(model.network(), model.config(), model.datasetName(), hashes.sha256(trainingData),
                model.epochs());
    }

    /** The SHA-256 of {@code dataset} (the last one is remembered; slow the first time: call off the FX thread). */
    public String datasetSha256(Dataset dataset) {
        return hashes.sha256(dataset);
    }

    /** The network shown and used for prediction: an immutable copy. */
    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network;
    }

    /** True while the weights were changed by training since the last save or open. */
    public ReadOnlyBooleanProperty unsavedChangesProperty() {
        return unsavedChanges;
    }

    /** Where the network in use came from. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }
}
