package org.hiddenneurons.ui;

import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Runs an action on the latest value at most once per frame. The first value after a quiet frame
 * runs at once (so a slow drag shows its result in the frame of its own event); values that come
 * while this frame's run is used up wait for the next pulse, where only the latest runs — before
 * that pulse's layout and rendering, so it still shows in the frame that shows its event. A mouse
 * reports up to several moves per frame; the network then runs once per frame, not once per move.
 *
 * <p>Call order: {@link #submit} or {@link #runNow}… (FX thread); {@link #cancel()} drops a waiting value;
 * {@link #dispose()} when the owner goes away.
 */
final class FrameCoalescer<T> {

    private final Consumer<T> action;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };
    private T waiting;
    private boolean hasWaiting;
    /** True from a run until a pulse passes without one. */
    private boolean frameUsed;

    FrameCoalescer(Consumer<T> action) {
        this.action = action;
    }

    /** Runs {@code value} now if this frame has not run one yet, else at the next pulse (replacing any waiting value). */
    void submit(T value) {
        if (!frameUsed) {
            frameUsed = true;
            timer.start();
            action.accept(value);
        } else {
            waiting = value;
            hasWaiting = true;
        }
    }

    /** Runs {@code value} at once, whatever this frame ran already; a waiting (older) value is dropped. */
    void runNow(T value) {
        cancel();
        frameUsed = true;
        timer.start();
        action.accept(value);
    }

    /** Drops the waiting value, if any (a newer state was handled directly). */
    void cancel() {
        waiting = null;
        hasWaiting = false;
    }

    /** True while a value waits for the next pulse. */
    boolean hasWaiting() {
        return hasWaiting;
    }

    /** The pulse: the waiting value runs (using up this frame), or the coalescer goes quiet. */
    void pulse() {
        if (hasWaiting) {
            T value = waiting;
            cancel();
            action.accept(value);
        } else {
            frameUsed = false;
            timer.stop();
        }
    }

    void dispose() {
        cancel();
        timer.stop();
        frameUsed = false;
    }
}
