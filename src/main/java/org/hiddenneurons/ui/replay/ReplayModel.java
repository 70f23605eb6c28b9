package org.hiddenneurons.ui.replay;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * The workbench's timeline: a {@link SnapshotTimeline} over the run's record ({@link RunRecorder}),
 * which network the hidden-layer views show (the live one or a recorded snapshot), and the
 * prediction for the current drawing from that network. No nodes; FX thread.
 *
 * <p>Live updates during a replay: training goes on and is recorded (the timeline's range grows),
 * but the snapshot being replayed stays on screen until the user moves the timeline, steps, plays
 * or goes back to Live — a replay is never yanked away by a new epoch. Only while Live do the views
 * follow every new network.
 */
public final class ReplayModel extends SnapshotTimeline {

    private final RunRecorder recorder = new RunRecorder();
    private final ObservableValue<Network> liveNetwork;
    private final ObservableValue<ForwardPass> livePass;
    private final ObservableValue<Preprocessor.Result> drawing;

    private final ObjectProperty<Network> shownNetwork = new SimpleObjectProperty<>(this, "shownNetwork");
    private final ObjectProperty<ForwardPass> shownPass = new SimpleObjectProperty<>(this, "shownPass");
    private final ObjectProperty<double[]> shownProbabilities = new SimpleObjectProperty<>(this, "shownProbabilities");
    private final IntegerProperty shownDigit = new SimpleIntegerProperty(this, "shownDigit", -1);

    /**
     * @param liveNetwork the network in use (training's latest)
     * @param livePass    the current drawing through it (experiments included)
     * @param drawing     the preprocessed drawing, null when nothing is drawn
     */
    public ReplayModel(ObservableValue<Network> liveNetwork, ObservableValue<ForwardPass> livePass,
                       ObservableValue<Preprocessor.Result> drawing) {
        this.liveNetwork = liveNetwork;
        this.livePass = livePass;
        this.drawing = drawing;
        liveNetwork.addListener((o, old, now) -> {
            if (!isReplaying()) {
                shownNetwork.set(now);
            }
        });
        livePass.addListener((o, old, now) -> {
            if (!isReplaying()) {
                showPass(now);
            }
        });
        drawing.addListener((o, old, now) -> {
            if (isReplaying()) {
                showPass(replayPass());
            }
        });
        replayedProperty().addListener((o, old, now) -> {
            shownNetwork.set(now == null ? liveNetwork.getValue() : now.network());
            showPass(now == null ? livePass.getValue() : replayPass());
        });
        shownNetwork.set(liveNetwork.getValue());
        showPass(livePass.getValue());
    }

    /** The run being recorded. */
    public RunRecorder recorder() {
        return recorder;
    }

    // ---------------------------------------------------------------- recording (called by the workbench)

    /** A new run starts from {@code start} at {@code epoch}: the timeline goes Live and empties. */
    public void reset(Network start, int epoch) {
        recorder.reset(start, epoch);
        restart(recorder.snapshots(), recorder.latestEpoch());
    }

    /** The recorder changed (after one frame's records): the range grows; a replay stays where it is. */
    public void refresh() {
        setKept(recorder.snapshots(), recorder.latestEpoch());
    }

    /** Shows the kept snapshot at or before {@code epoch}. */
    public void showEpoch(int epoch) {
        TrainingSnapshot snapshot = recorder.snapshotAt(epoch);
        if (snapshot != null) {
            show(snapshot);
        }
    }

    // ---------------------------------------------------------------- state

    /** The network the hidden-layer views show: the replayed snapshot's or the live one. */
    public ReadOnlyObjectProperty<Network> shownNetworkProperty() {
        return shownNetwork;
    }

    /** The current drawing through the shown network, null when nothing is drawn. */
    public ReadOnlyObjectProperty<ForwardPass> shownPassProperty() {
        return shownPass;
    }

    /** The shown pass's output probabilities a3, null when nothing is drawn. */
    public ReadOnlyObjectProperty<double[]> shownProbabilitiesProperty() {
        return shownProbabilities;
    }

    /** The shown network's answer for the drawing, −1 when nothing is drawn. */
    public ReadOnlyIntegerProperty shownDigitProperty() {
        return shownDigit;
    }

    // ---------------------------------------------------------------- internals

    private ForwardPass replayPass() {
        TrainingSnapshot snapshot = replayedProperty().get();
        Preprocessor.Result result = drawing.getValue();
        if (snapshot == null || result == null || result.blank() || result.networkInput() == null
                || result.networkInput().length != snapshot.network().spec().inputSize()) {
            return null;
        }
        return snapshot.network().forward(result.networkInput());
    }

    private void showPass(ForwardPass pass) {
        shownPass.set(pass);
        shownProbabilities.set(pass == null ? null : pass.a3());
        shownDigit.set(pass == null ? -1 : pass.predictedClass());
    }
}
