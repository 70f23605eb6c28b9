package org.hiddenneurons.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The data training runs on: the train/test split in use and the user's own drawings, merged into
 * the training split when they fit (same image size and classes; the test split stays the standard
 * one, so accuracies stay comparable). No nodes; plain JUnit can drive it.
 */
public final class TrainingDataViewModel {

    private final ObjectProperty<Split> data = new SimpleObjectProperty<>(this, "data");
    /** The user's own drawings, merged into the training split when not empty (null: none). */
    private final ObjectProperty<Dataset> extraTrainingData = new SimpleObjectProperty<>(this, "extraTrainingData");
    private final BooleanProperty dataReady = new SimpleBooleanProperty(this, "dataReady", false);

    /** {@code split} becomes the data in use (null: none yet). */
    public void use(Split split) {
        data.set(split);
        dataReady.set(split != null);
    }

    /**
     * What training runs on: the training split, plus the user's drawings when there are any and
     * they fit; the split itself otherwise (null before the data are loaded).
     */
    public Split trainingSplit() {
        Split split = data.get();
        Dataset extra = extraTrainingData.get();
        if (split == null || extra == null || extra.size() == 0 || !fits(split, extra)) {
            return split;
        }
        return new Split(concat(split.train(), extra), split.test(), split.rule());
    }

    /** {@code first}'s samples followed by {@code second}'s (same image size and classes). */
    static Dataset concat(Dataset first, Dataset second) {
        return Dataset.concat(first, second);
    }

    /**
     * "" when the user's drawings (if any) fit {@code split}, else a note that they are left out of
     * training (e.g. 20×20 drawings with a 28×28 data set).
     */
    public String drawingsLeftOut(Split split) {
        Dataset extra = extraTrainingData.get();
        if (split == null || extra == null || extra.size() == 0 || fits(split, extra)) {
            return "";
        }
        return I18n.t("data.status.drawingsLeftOut", extra.size(), extra.width(),
                extra.height(), split.train().width(), split.train().height());
    }

    /** "" for the plain split, else how many of {@code trainingSplit}'s samples are the user's drawings. */
    String describeTrainingData(Split trainingSplit) {
        Split plain = data.get();
        if (trainingSplit == plain || plain == null) {
            return "";
        }
        int added = trainingSplit.train().size() - plain.train().size();
        return I18n.t("workbench.status.training.withDrawings", String.valueOf(plain.train().size()),
                String.valueOf(added));
    }

    private static boolean fits(Split split, Dataset extra) {
        return extra.width() == split.train().width() && extra.height() == split.train().height()
                && extra.classCount() == split.train().classCount();
    }

    /** The training split's data set (what Save names and hashes), null before the data are loaded. */
    public Dataset trainingDataset() {
        return data.get() == null ? null : data.get().train();
    }

    /** The train/test split, null until loaded. */
    public ReadOnlyObjectProperty<Split> dataProperty() {
        return data;
    }

    /**
     * Extra training samples (the user's drawings) merged into the training split on the next
     * Train or Step; null or empty: the training split alone.
     */
    public ObjectProperty<Dataset> extraTrainingDataProperty() {
        return extraTrainingData;
    }

    public ReadOnlyBooleanProperty dataReadyProperty() {
        return dataReady;
    }
}
