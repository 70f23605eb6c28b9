package org.hiddenneurons.ui.replay;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * The timeline's view model: which network the hidden-layer views show, the live one or a
 * recorded snapshot of the run ({@link RunRecorder}), and the prediction for the current drawing
 * from that network. No nodes; FX thread.
 *
 * <p>Live updates during a replay: training goes on and is recorded (the timeline's range grows),
 * but the snapshot being replayed stays on screen until the user moves the timeline, steps, plays
 * or goes back to Live — a replay is never yanked away by a new epoch. Only while Live do the views
 * follow every new network. Reaching the end while playing returns to Live.
 */
public final class ReplayModel {

    private final RunRecorder recorder = new RunRecorder();
    private final ObservableValue<Network> liveNetwork;
    private final ObservableValue<ForwardPass> livePass;
    private final ObservableValue<Preprocessor.Result> drawing;

    /** The kept snapshots as of the last record (refreshed at most once per frame). */
    private List<TrainingSnapshot> kept = List.of();
    private final ObjectProperty<TrainingSnapshot> replayed = new SimpleObjectProperty<>(this, "replayed");
    private final BooleanBinding replaying = replayed.isNotNull();
    private final IntegerProperty replayIndex = new SimpleIntegerProperty(this, "replayIndex", -1);
    private final IntegerProperty snapshotCount = new SimpleIntegerProperty(this, "snapshotCount", 0);
    private final IntegerProperty latestEpoch = new SimpleIntegerProperty(this, "latestEpoch", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);

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
        replayed.addListener((o, old, now) -> {
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
        playing.set(false);
        replayed.set(null);
        refresh();
    }

    /** The recorder changed (after one frame's records): the range grows; a replay stays where it is. */
    public void refresh() {
        kept = recorder.snapshots();
        snapshotCount.set(kept.size());
        latestEpoch.set(Math.max(0, recorder.latestEpoch()));
        updateIndex();
    }

    // ---------------------------------------------------------------- timeline actions

    /** Shows kept snapshot {@code index} (0 = the run's start); the last index while Live keeps Live. */
    public void showIndex(int index) {
        if (kept.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(kept.size() - 1, index));
        replayed.set(kept.get(clamped));
        updateIndex();
    }

    /** Shows the kept snapshot at or before {@code epoch}. */
    public void showEpoch(int epoch) {
        TrainingSnapshot snapshot = recorder.snapshotAt(epoch);
        if (snapshot != null) {
            replayed.set(snapshot);
            updateIndex();
        }
    }

    /** Home: the run's first snapshot. */
    public void first() {
        showIndex(0);
    }

    /** One kept snapshot back (from Live: the one before the latest). */
    public void stepBack() {
        if (kept.isEmpty()) {
            return;
        }
        int from = isReplaying() ? replayIndex.get() : kept.size() - 1;
        showIndex(from - 1);
    }

    /** One kept snapshot forward; from the last one, Live. */
    public void stepForward() {
        if (!isReplaying()) {
            return;
        }
        if (replayIndex.get() >= kept.size() - 1) {
            live();
        } else {
            showIndex(replayIndex.get() + 1);
        }
    }

    /** End / the Live button: back to the network in use; stops playing. */
    public void live() {
        playing.set(false);
        replayed.set(null);
        updateIndex();
    }

    /** Play/pause; playing from Live starts at the run's first snapshot. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
            return;
        }
        if (kept.size() < 2) {
            return;
        }
        if (!isReplaying()) {
            first();
        }
        playing.set(true);
    }

    /** One tick of playback (the view's timer): the next snapshot, Live after the last. */
    public void playTick() {
        if (!playing.get()) {
            return;
        }
        stepForward();
        if (!isReplaying()) {
            playing.set(false);
        }
    }

    // ---------------------------------------------------------------- state

    public boolean isReplaying() {
        return replayed.get() != null;
    }

    /** True while a recorded snapshot (not the network in use) is shown. */
    public BooleanBinding replayingProperty() {
        return replaying;
    }

    /** The snapshot shown, null while Live. */
    public ReadOnlyObjectProperty<TrainingSnapshot> replayedProperty() {
        return replayed;
    }

    /** Index of the replayed snapshot in the kept list (the last index while Live). */
    public ReadOnlyIntegerProperty replayIndexProperty() {
        return replayIndex;
    }

    /** Weight snapshots kept (the timeline's positions). */
    public ReadOnlyIntegerProperty snapshotCountProperty() {
        return snapshotCount;
    }

    /** The run's latest recorded epoch. */
    public ReadOnlyIntegerProperty latestEpochProperty() {
        return latestEpoch;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

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

    /** The kept snapshots as the timeline shows them. */
    public List<TrainingSnapshot> keptSnapshots() {
        return kept;
    }

    // ---------------------------------------------------------------- internals

    private void updateIndex() {
        TrainingSnapshot shown = replayed.get();
        if (shown == null) {
            replayIndex.set(kept.size() - 1);
            return;
        }
        int index = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).step() <= shown.step()) { // steps: many snapshots share epoch 0 in a paced run
                index = i;
            }
        }
        replayIndex.set(index);
    }

    private ForwardPass replayPass() {
        TrainingSnapshot snapshot = replayed.get();
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
