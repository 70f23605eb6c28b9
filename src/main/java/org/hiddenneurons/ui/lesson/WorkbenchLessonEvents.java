package org.hiddenneurons.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.hiddenneurons.analysis.UnitExperiment;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;

/**
 * Turns the window's observable state into {@link LessonEvents}, so the workbench fires lesson
 * events by handing over a few properties ({@link #connect}) and the lesson engine needs none of
 * its internals. Listeners are added in the call's order of arguments; call it after the window's
 * own listeners (the drawing's prediction is then up to date when {@link LessonEvents#drawn} fires).
 */
public final class WorkbenchLessonEvents {

    private WorkbenchLessonEvents() {
    }

    /**
     * @param to          receives the events
     * @param drawing     the pad's drawing (any value that changes when the student draws)
     * @param empty       true when the pad is empty (no event then)
     * @param predicted   the network's answer for the drawing (read when the drawing changes)
     * @param training    true while training runs; false→true fires {@link LessonEvents#trainPressed}
     * @param experiment  the hidden-layer experiment; units newly off or back on fire {@link LessonEvents#unitSwitched}
     * @param page        the id of the page shown ({@link LessonFiles#PAGES})
     * @param backprop    the Backprop page's step
     * @return what removes every listener added here (the window is being replaced)
     */
    public static Runnable connect(LessonEvents to, ObservableValue<?> drawing, ObservableValue<Boolean> empty,
                                   ObservableValue<Number> predicted, ObservableValue<Boolean> training,
                                   ObservableValue<UnitExperiment> experiment, ObservableValue<String> page,
                                   ObservableValue<WalkthroughStep> backprop) {
        Objects.requireNonNull(to, "to");
        List<Runnable> disconnect = new ArrayList<>();
        listen(disconnect, drawing, (o, old, now) -> {
            if (!Boolean.TRUE.equals(empty.getValue())) {
                to.drawn(predicted.getValue().intValue());
            }
        });
        listen(disconnect, training, (o, old, now) -> {
            if (Boolean.TRUE.equals(now) && !Boolean.TRUE.equals(old)) {
                to.trainPressed();
            }
        });
        listen(disconnect, experiment, (o, old, now) -> switchedUnits(to, old, now));
        listen(disconnect, page, (o, old, now) -> to.pageOpened(now));
        listen(disconnect, backprop, (o, old, now) -> {
            if (now != null) {
                to.backpropStepped(now.ordinal() + 1);
            }
        });
        return () -> disconnect.forEach(Runnable::run);
    }

    private static <T> void listen(List<Runnable> disconnect, ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        disconnect.add(() -> source.removeListener(listener));
    }

    /** Fires one event per unit whose "off" state differs between the two experiments (units 0-based there, 1-based in events). */
    static void switchedUnits(LessonEvents to, UnitExperiment old, UnitExperiment now) {
        Map<Integer, UnitExperiment.Mode> before = old == null ? Map.of() : old.modes();
        Map<Integer, UnitExperiment.Mode> after = now == null ? Map.of() : now.modes();
        for (Map.Entry<Integer, UnitExperiment.Mode> e : after.entrySet()) {
            if (e.getValue() == UnitExperiment.Mode.OFF && before.get(e.getKey()) != UnitExperiment.Mode.OFF) {
                to.unitSwitched(e.getKey() + 1, false);
            }
        }
        for (Map.Entry<Integer, UnitExperiment.Mode> e : before.entrySet()) {
            if (e.getValue() == UnitExperiment.Mode.OFF && after.get(e.getKey()) != UnitExperiment.Mode.OFF) {
                to.unitSwitched(e.getKey() + 1, true);
            }
        }
    }
}
