package org.hiddenneurons.ui.replay;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * A replay timeline over kept snapshots (ascending steps): Live (the newest) or one kept snapshot
 * replayed, stepping, playing and going back to Live. The one place of the timeline's navigation:
 * the workbench's {@link ReplayModel} is one (over its run's recorder) and the Compare runs page
 * has one over both runs' steps; {@link ReplayBar} shows either. No nodes; FX thread.
 *
 * <p>New snapshots during a replay make the range grow, but the replayed snapshot stays on screen
 * until the user moves the timeline, steps, plays or goes back to Live. Reaching the end while
 * playing returns to Live. Call order: {@link #setKept} whenever the kept snapshots change (at most
 * once per frame), {@link #restart} for a new run; the actions in any order.
 */
public class SnapshotTimeline {

    /** The kept snapshots as of the last {@link #setKept}. */
    private List<TrainingSnapshot> kept = List.of();
    private final ObjectProperty<TrainingSnapshot> replayed = new SimpleObjectProperty<>(this, "replayed");
    private final BooleanBinding replaying = replayed.isNotNull();
    private final IntegerProperty replayIndex = new SimpleIntegerProperty(this, "replayIndex", -1);
    private final IntegerProperty snapshotCount = new SimpleIntegerProperty(this, "snapshotCount", 0);
    private final IntegerProperty latestEpoch = new SimpleIntegerProperty(this, "latestEpoch", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);

    /** The kept snapshots changed (ascending steps) and the run's latest epoch is {@code epoch}: the range follows; a replay stays. */
    public void setKept(List<TrainingSnapshot> snapshots, int epoch) {
        kept = List.copyOf(snapshots);
        snapshotCount.set(kept.size());
        latestEpoch.set(Math.max(0, epoch));
        updateIndex();
    }

    /** A new run: Live, not playing, with these snapshots. */
    public void restart(List<TrainingSnapshot> snapshots, int epoch) {
        playing.set(false);
        replayed.set(null);
        setKept(snapshots, epoch);
    }

    // ---------------------------------------------------------------- actions

    /** Shows kept snapshot {@code index} (0 = the run's start), clamped to the kept ones. */
    public void showIndex(int index) {
        if (kept.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(kept.size() - 1, index));
        replayed.set(kept.get(clamped));
        updateIndex();
    }

    /** Shows {@code snapshot} (one of the kept ones or one older than the newest). */
    protected void show(TrainingSnapshot snapshot) {
        replayed.set(snapshot);
        updateIndex();
    }

    /** Home: the run's first snapshot. */
    public void first() {
        showIndex(0);
    }

    /** One kept snapshot back (from Live: the one before the newest). */
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

    /** End / the Live button: back to the newest; stops playing. */
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

    /** True while a recorded snapshot (not the newest, live one) is shown. */
    public BooleanBinding replayingProperty() {
        return replaying;
    }

    /** The snapshot replayed, null while Live. */
    public ReadOnlyObjectProperty<TrainingSnapshot> replayedProperty() {
        return replayed;
    }

    /** Index of the replayed snapshot in the kept list (the last index while Live). */
    public ReadOnlyIntegerProperty replayIndexProperty() {
        return replayIndex;
    }

    /** Snapshots kept (the timeline's positions). */
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

    /** The kept snapshots as the timeline shows them, ascending steps. */
    public List<TrainingSnapshot> keptSnapshots() {
        return kept;
    }

    /** The step shown: the replayed snapshot's, or the newest kept one's while Live; −1 when none is kept. */
    public int shownStep() {
        TrainingSnapshot shown = replayed.get();
        if (shown != null) {
            return shown.step();
        }
        return kept.isEmpty() ? -1 : kept.get(kept.size() - 1).step();
    }

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
}
