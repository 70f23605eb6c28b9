package org.hiddenneurons.ui;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Spreads view updates that arrive together over separate frames. While {@code spreading} is true
 * (training runs), each training snapshot changes the tiles, Θ2 and the prediction bars at once, and
 * twice a second both charts; with software rendering one frame that repaints all of them takes
 * longer than 16.7 ms, frames that repaint one each do not (BENCHMARKS.md). So an update
 * {@linkplain #post posted} while the current frame already has one waits for a later frame, at
 * most one waiting update per key (a newer one replaces it and keeps its place); waiting updates
 * run one per frame, every other frame, in the order their keys were first posted. While
 * {@code spreading} is false every update runs at once, and turning it false runs the waiting ones.
 *
 * <p>A "frame" here is the time from one pulse's animation timers to the next: an update that runs
 * in it is drawn by the same pulse or the next. FX thread only.
 */
final class PulseSpreader {

    private final ObservableBooleanValue spreading;
    private final ChangeListener<Boolean> runWaitingWhenOff = (obs, was, now) -> {
        if (!now) {
            runAll();
        }
    };
    /** Waiting updates by key, in the order their keys were posted. */
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
    /** An update ran since the last tick: the frame being prepared has one already. */
    private boolean frameUsed;
    private boolean timerRunning;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick();
        }
    };

    /** @param spreading while true, updates are spread; turning false runs the waiting ones */
    PulseSpreader(ObservableBooleanValue spreading) {
        this.spreading = spreading;
        spreading.addListener(runWaitingWhenOff);
    }

    /**
     * Runs {@code update} now if this frame has no update yet (or spreading is off), else keeps it
     * (replacing a waiting update of the same key) for a later frame.
     */
    void post(Object key, Runnable update) {
        if (!spreading.get() || (!frameUsed && waiting.isEmpty())) {
            frameUsed = spreading.get();
            update.run();
            startTimer();
            return;
        }
        waiting.put(key, update);
        startTimer();
    }

    /**
     * Counts this frame as having its update already (e.g. a drag, which repaints the pad and the
     * preprocessing steps): while spreading, what is posted next waits for a later frame unless
     * {@linkplain #runNow run now}.
     */
    void claimFrame() {
        if (spreading.get()) {
            frameUsed = true;
            startTimer();
        }
    }

    /** Runs the waiting updates of these keys now (e.g. a drawing changed: its prediction shows at once). */
    void runNow(Object... keys) {
        for (Object key : keys) {
            Runnable update = waiting.remove(key);
            if (update != null) {
                frameUsed = true;
                update.run();
            }
        }
    }

    /** Runs every waiting update now, in order. */
    void runAll() {
        while (!waiting.isEmpty()) {
            runFirstWaiting();
        }
        frameUsed = false;
    }

    /** Waiting updates (for tests). */
    int waitingCount() {
        return waiting.size();
    }

    private void tick() {
        if (frameUsed) {
            frameUsed = false;
            return;
        }
        if (waiting.isEmpty()) {
            timer.stop();
            timerRunning = false;
            return;
        }
        frameUsed = true;
        runFirstWaiting();
    }

    /** Takes the longest-waiting update out and runs it. */
    private void runFirstWaiting() {
        Iterator<Runnable> first = waiting.values().iterator();
        Runnable update = first.next();
        first.remove();
        update.run();
    }

    private void startTimer() {
        if (!timerRunning && spreading.get()) {
            timerRunning = true;
            timer.start();
        }
    }

    /** Stops following {@code spreading} and drops what waits (the view is replaced). */
    void dispose() {
        spreading.removeListener(runWaitingWhenOff);
        timer.stop();
        timerRunning = false;
        waiting.clear();
    }
}
