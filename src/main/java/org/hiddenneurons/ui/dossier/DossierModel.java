package org.hiddenneurons.ui.dossier;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.analysis.ExperimentalForward;
import org.hiddenneurons.analysis.NetworkStatistics;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.analysis.UnitOrdering;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.ui.work.SharedForwardPass;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The shared state of the dossier views: the network's {@link NetworkStatistics} (computed off the
 * FX thread whenever the network or the data change; results for a network that was replaced
 * meanwhile are dropped), the current causal {@link UnitExperiment}, and the drawing's forward
 * pass through the intact and the modified network.
 *
 * <p>One model serves every dossier view; create it once with the workbench's observables. FX
 * thread only (the statistics are computed with the window's {@link BackgroundWork} and
 * published on the FX thread). The network observed must be an immutable snapshot copy.
 */
public final class DossierModel {

    private final BackgroundWork background;

    private final ObservableValue<Network> network;
    private final ObservableValue<Preprocessor.Result> drawing;
    private final ObservableValue<Split> data;
    /** The drawing's intact pass, shared with the prediction. */
    private final SharedForwardPass passes;

    private final ReadOnlyObjectWrapper<NetworkStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ObjectProperty<UnitExperiment> experiment =
            new SimpleObjectProperty<>(this, "experiment", UnitExperiment.NONE);
    private final ReadOnlyObjectWrapper<ForwardPass> intactPass = new ReadOnlyObjectWrapper<>(this, "intactPass");
    private final ReadOnlyObjectWrapper<ForwardPass> forwardPass = new ReadOnlyObjectWrapper<>(this, "forwardPass");
    private final ReadOnlyDoubleWrapper intactAccuracy = new ReadOnlyDoubleWrapper(this, "intactAccuracy", Double.NaN);
    private final ReadOnlyDoubleWrapper experimentAccuracy =
            new ReadOnlyDoubleWrapper(this, "experimentAccuracy", Double.NaN);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final ObjectProperty<UnitOrdering.Key> orderKey =
            new SimpleObjectProperty<>(this, "orderKey", UnitOrdering.Key.NUMBER);
    private final ReadOnlyObjectWrapper<int[]> unitOrder = new ReadOnlyObjectWrapper<>(this, "unitOrder");
    private final ReadOnlyObjectWrapper<double[]> unitScores = new ReadOnlyObjectWrapper<>(this, "unitScores");
    private final BooleanBinding modified;

    /** Increases with every change of network or data; a result of an older generation is dropped. */
    private long generation;
    private boolean computing;

    /**
     * @param network the network shown (immutable snapshot copies; null: none yet)
     * @param drawing the preprocessed drawing (null or blank: nothing drawn)
     * @param data    the train/test split the network is analysed on (null: not loaded yet)
     * @param background runs the statistics off the FX thread
     */
    public DossierModel(ObservableValue<Network> network, ObservableValue<Preprocessor.Result> drawing,
                        ObservableValue<Split> data, BackgroundWork background) {
        this(network, drawing, data, background, new SharedForwardPass());
    }

    /**
     * As {@link #DossierModel(ObservableValue, ObservableValue, ObservableValue, BackgroundWork)}, with
     * the drawing's intact forward pass taken from {@code passes}, which the workbench's prediction
     * shares: a drawing runs through the network once for both.
     */
    public DossierModel(ObservableValue<Network> network, ObservableValue<Preprocessor.Result> drawing,
                        ObservableValue<Split> data, BackgroundWork background, SharedForwardPass passes) {
        this.background = Objects.requireNonNull(background, "background");
        this.passes = passes;
        this.network = network;
        this.drawing = drawing;
        this.data = data;
        modified = Bindings.createBooleanBinding(() -> !experiment.get().isEmpty(), experiment);
        network.addListener((obs, old, now) -> {
            if (now != null) {
                experiment.set(experiment.get().restrictedTo(now.spec().hiddenSize()));
            }
            updatePasses();
            requestStatistics();
        });
        data.addListener((obs, old, now) -> requestStatistics());
        drawing.addListener((obs, old, now) -> updatePasses());
        experiment.addListener((obs, old, now) -> {
            if (now == null) {
                experiment.set(UnitExperiment.NONE);
                return;
            }
            updatePasses();
            updateAccuracy();
        });
        active.addListener((obs, old, now) -> {
            if (now) {
                requestStatistics();
            }
        });
        orderKey.addListener((obs, old, now) -> updateOrder());
        updatePasses();
        requestStatistics();
    }

    // ---- experiments -----------------------------------------------------------------------

    /** The causal experiment applied to the drawing and the test accuracy (never to the weights). */
    public ObjectProperty<UnitExperiment> experimentProperty() {
        return experiment;
    }

    public UnitExperiment getExperiment() {
        return experiment.get();
    }

    /** Sets {@code unit}'s mode (null: normal again). */
    public void setMode(int unit, UnitExperiment.Mode mode) {
        experiment.set(experiment.get().with(unit, mode));
    }

    /** Switches {@code unit} off, or back on if it was modified. */
    public void toggleOff(int unit) {
        setMode(unit, experiment.get().mode(unit) == null ? UnitExperiment.Mode.OFF : null);
    }

    /** Restores the intact network (one click). */
    public void restore() {
        experiment.set(UnitExperiment.NONE);
    }

    /** True while an experiment modifies the network. */
    public BooleanBinding modifiedProperty() {
        return modified;
    }

    // ---- derived state ---------------------------------------------------------------------

    /** The statistics of the latest analysed network (may lag the network by one computation); null before. */
    public ReadOnlyObjectProperty<NetworkStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public NetworkStatistics getStatistics() {
        return statistics.get();
    }

    /** The drawing through the intact network; null without network or drawing. */
    public ReadOnlyObjectProperty<ForwardPass> intactPassProperty() {
        return intactPass.getReadOnlyProperty();
    }

    /** The drawing through the network with the experiment applied (= intact when none). */
    public ReadOnlyObjectProperty<ForwardPass> forwardPassProperty() {
        return forwardPass.getReadOnlyProperty();
    }

    /** Test accuracy of the intact network (NaN until computed). */
    public ReadOnlyDoubleProperty intactAccuracyProperty() {
        return intactAccuracy.getReadOnlyProperty();
    }

    /** Test accuracy with the experiment applied (NaN until computed). */
    public ReadOnlyDoubleProperty experimentAccuracyProperty() {
        return experimentAccuracy.getReadOnlyProperty();
    }

    /** True while statistics are being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last failure's message, empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * False pauses the background analysis (e.g. while no dossier view is shown, so it does not
     * compete with training); true (default) resumes it.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** What {@link #unitOrderProperty()} and {@link #unitScoresProperty()} are computed from. */
    public ObjectProperty<UnitOrdering.Key> orderKeyProperty() {
        return orderKey;
    }

    /** Unit indices in display order for the grid (largest score first); identity for NUMBER. */
    public ReadOnlyObjectProperty<int[]> unitOrderProperty() {
        return unitOrder.getReadOnlyProperty();
    }

    /** Per-unit scores scaled to [0, 1] for colouring tiles (null for NUMBER or when unknown). */
    public ReadOnlyObjectProperty<double[]> unitScoresProperty() {
        return unitScores.getReadOnlyProperty();
    }

    /** The raw scores for {@code key}: importance (accuracy lost) or activation on the drawing; null if unknown. */
    public double[] scores(UnitOrdering.Key key) {
        return switch (key) {
            case NUMBER -> null;
            case IMPORTANCE -> statistics.get() == null ? null : statistics.get().importances();
            case ACTIVATION -> {
                ForwardPass pass = intactPass.get();
                if (pass == null) {
                    yield null;
                }
                double[] a = new double[pass.a2().length - 1];
                System.arraycopy(pass.a2(), 1, a, 0, a.length);
                yield a;
            }
        };
    }

    public ObservableValue<Network> network() {
        return network;
    }

    public ObservableValue<Preprocessor.Result> drawing() {
        return drawing;
    }

    public ObservableValue<Split> data() {
        return data;
    }

    /** The drawing's network input, or null when nothing is drawn. */
    public double[] drawingInput() {
        Preprocessor.Result result = drawing.getValue();
        return result == null || result.blank() ? null : result.networkInput();
    }

    // ---- internals -------------------------------------------------------------------------

    private double[] meansFor(Network current) {
        NetworkStatistics stats = statistics.get();
        return stats != null && stats.network().spec().equals(current.spec()) ? stats.meanActivations() : null;
    }

    private void updatePasses() {
        Network current = network.getValue();
        double[] input = drawingInput();
        if (current == null || input == null || input.length != current.spec().inputSize()) {
            intactPass.set(null);
            forwardPass.set(null);
        } else {
            ForwardPass intact = passes.forward(current, input);
            intactPass.set(intact);
            forwardPass.set(ExperimentalForward.modified(current, applicable(current), meansFor(current), intact));
        }
        if (orderKey.get() == UnitOrdering.Key.ACTIVATION) {
            updateOrder();
        }
    }

    /** The experiment without MEAN clamps while the means are unknown (those units stay intact until then). */
    private UnitExperiment applicable(Network current) {
        UnitExperiment e = experiment.get();
        if (meansFor(current) != null) {
            return e;
        }
        UnitExperiment out = e;
        for (var entry : e.modes().entrySet()) {
            if (entry.getValue() == UnitExperiment.Mode.MEAN) {
                out = out.without(entry.getKey());
            }
        }
        return out;
    }

    private void updateAccuracy() {
        NetworkStatistics stats = statistics.get();
        if (stats == null) {
            intactAccuracy.set(Double.NaN);
            experimentAccuracy.set(Double.NaN);
            return;
        }
        intactAccuracy.set(stats.testAccuracy());
        // The hidden activations of the test set are cached, so an experiment is a 1000×10×26 product.
        experimentAccuracy.set(stats.testAccuracy(experiment.get().restrictedTo(stats.network().spec().hiddenSize())));
    }

    private void updateOrder() {
        UnitOrdering.Key key = orderKey.get();
        Network current = network.getValue();
        int hidden = current == null ? 0 : current.spec().hiddenSize();
        double[] scores = scores(key);
        if (scores != null && scores.length != hidden) {
            scores = null;
        }
        unitOrder.set(UnitOrdering.descending(scores, hidden));
        unitScores.set(scores == null ? null : UnitOrdering.normalised(scores));
    }

    private void requestStatistics() {
        generation++;
        if (!computing) {
            startStatistics();
        }
    }

    private void startStatistics() {
        Network current = network.getValue();
        Split split = data.getValue();
        if (current == null || split == null || split.train().inputSize() != current.spec().inputSize()) {
            statistics.set(null);
            afterStatistics();
            return;
        }
        if (!active.get()) {
            return;
        }
        long requested = generation;
        computing = true;
        busy.set(true);
        background.submit(() -> NetworkStatistics.compute(current, split),
                computed -> statisticsDone(requested, computed, ""),
                failure -> statisticsDone(requested, null,
                        I18n.t("pages.dossier.analysisFailed", String.valueOf(failure.getMessage()))));
    }

    /** The window's background work, for the dossier views that compute something of their own. */
    public BackgroundWork background() {
        return background;
    }

    /** On the FX thread: the statistics asked for at {@code requested} are ready (or failed). */
    private void statisticsDone(long requested, NetworkStatistics computed, String message) {
        computing = false;
        if (requested != generation) {
            startStatistics(); // the network or data changed meanwhile: drop and redo
            return;
        }
        busy.set(false);
        error.set(message);
        statistics.set(computed);
        afterStatistics();
    }

    private void afterStatistics() {
        busy.set(computing);
        updatePasses();
        updateAccuracy();
        updateOrder();
    }
}
