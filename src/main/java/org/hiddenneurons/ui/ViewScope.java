package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * The life of one workbench view on a longer-lived view model: every listener a view's part adds
 * to the view model (or to the preferences) goes through here, and {@link #close()} removes them
 * all when the view is replaced (a language switch builds a new view on the same view model).
 * Also keeps alive the adapters that bidirectional bindings hold only weakly.
 */
final class ViewScope {

    private final List<Runnable> detach = new ArrayList<>();
    private final List<Object> keepAlive = new ArrayList<>();

    /** Adds {@code listener} to {@code source} until {@link #close()}. */
    <T> void listen(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        detach.add(() -> source.removeListener(listener));
    }

    /** Runs {@code action} on {@link #close()}. */
    void onClose(Runnable action) {
        detach.add(action);
    }

    /** Keeps {@code adapter} reachable as long as the view (bidirectional bindings hold their ends weakly). */
    void keepAlive(Object adapter) {
        keepAlive.add(adapter);
    }

    /**
     * A copy of the view model's {@code source} that follows it until {@link #close()}: the view's
     * parts listen to the copy, so the view model holds no listener of a replaced view.
     */
    <T> ObservableValue<T> mirror(ObservableValue<T> source) {
        ObjectProperty<T> copy = new SimpleObjectProperty<>(source.getValue());
        listen(source, (o, old, now) -> copy.set(now));
        return copy;
    }

    /** {@link #followWhile} until {@link #close()}. */
    <T> ObservableValue<T> follow(ObservableValue<T> source, ObservableBooleanValue live) {
        return followWhile(source, live, detach);
    }

    /** Stops everything this scope started. */
    void close() {
        detach.forEach(Runnable::run);
        detach.clear();
    }

    /**
     * A copy of {@code source} that follows it only while {@code live} is true, and catches up when
     * it becomes true. Pages that are not on screen get this instead of the live network and drawing,
     * so they do not rebuild on every training snapshot (which starved the FX thread and slowed
     * training 10×) or on every drag of the pen.
     */
    private static <T> ObservableValue<T> followWhile(ObservableValue<T> source, ObservableBooleanValue live,
                                                      List<Runnable> detach) {
        ObjectProperty<T> copy = new SimpleObjectProperty<>(source.getValue());
        ChangeListener<Object> sync = (o, old, now) -> {
            if (live.get()) {
                copy.set(source.getValue());
            }
        };
        source.addListener(sync);
        live.addListener(sync);
        detach.add(() -> source.removeListener(sync));
        return copy;
    }
}
