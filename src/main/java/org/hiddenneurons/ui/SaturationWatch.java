package org.hiddenneurons.ui;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;

/**
 * Which hidden units of the shown network are saturated over the training set (always on or always
 * off, {@link ActivationRange#saturations(Network, org.hiddenneurons.data.Dataset)}), for the marks
 * on the workbench's tiles.
 *
 * <p>The count needs the hidden activations of every training example (m × hidden × (inputs + 1)
 * products, tens of milliseconds for the course data), so it runs on the window's
 * {@link BackgroundWork}, never per frame: one computation at a time for the latest network and
 * data, started at most once per {@link #MIN_INTERVAL} and never sooner than {@link #BUSY_FACTOR}
 * times the last computation's duration, up to {@link #MAX_INTERVAL} (while training publishes snapshots many times a second,
 * the marks follow about once a second and the view thread stays mostly idle), over at most
 * {@link #MAX_EXAMPLES} training examples.
 * A result may lag the network by one computation; a result for another hidden size is ignored by
 * the grid ({@link org.hiddenneurons.ui.controls.HiddenUnitGrid#setSaturation}).
 *
 * <p>FX thread only: create it once per view with the shown network and the data, read
 * {@link #saturationProperty()}.
 */
public final class SaturationWatch {

    /** Shortest time between the starts of two computations. */
    public static final Duration MIN_INTERVAL = Duration.seconds(1);
    /**
     * The next computation starts no sooner than this many times the last one's duration after it
     * began: the marks take at most about a fifth of the view thread, whatever the data set's size.
     */
    static final double BUSY_FACTOR = 5;
    /** The longest wait between computations (a cold or loaded first run must not hold the marks back long). */
    public static final Duration MAX_INTERVAL = Duration.seconds(3);
    /** Training examples counted at most (evenly spaced beyond that: 60 000-digit sets stay cheap). */
    public static final int MAX_EXAMPLES = 5000;

    private final ObservableValue<Network> network;
    private final ObservableValue<Split> data;
    private final BackgroundWork background;
    private final ReadOnlyObjectWrapper<ActivationRange.Saturation[]> saturation =
            new ReadOnlyObjectWrapper<>(this, "saturation");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Waits out the rest of {@link #MIN_INTERVAL} before the next start. */
    private final PauseTransition wait = new PauseTransition();

    /** A newer network or data than the last computation started with. */
    private boolean stale;
    private boolean computing;
    /** System.nanoTime() of the last start; far in the past before the first. */
    private long lastStart = System.nanoTime() - (long) MIN_INTERVAL.toMillis() * 1_000_000L;
    /** Wall time of the last computation, in milliseconds. */
    private double lastMillis;

    /**
     * @param network    the network shown (immutable snapshot copies; null: none)
     * @param data       the split whose training part is counted over (null: not loaded yet)
     * @param background runs the counts off the FX thread
     */
    public SaturationWatch(ObservableValue<Network> network, ObservableValue<Split> data, BackgroundWork background) {
        this.network = Objects.requireNonNull(network, "network");
        this.data = Objects.requireNonNull(data, "data");
        this.background = Objects.requireNonNull(background, "background");
        wait.setOnFinished(e -> startIfDue());
        network.addListener((o, old, now) -> request());
        data.addListener((o, old, now) -> request());
        request();
    }

    /**
     * Per hidden unit of the latest analysed network, its saturation over the training set; null
     * without network or data.
     */
    public ReadOnlyObjectProperty<ActivationRange.Saturation[]> saturationProperty() {
        return saturation.getReadOnlyProperty();
    }

    /** The last computation's failure, empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void request() {
        stale = true;
        startIfDue();
    }

    private void startIfDue() {
        if (!stale || computing || wait.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return;
        }
        double sinceMillis = (System.nanoTime() - lastStart) / 1e6;
        double gapMillis = Math.min(MAX_INTERVAL.toMillis(), Math.max(MIN_INTERVAL.toMillis(), BUSY_FACTOR * lastMillis));
        if (sinceMillis < gapMillis) {
            wait.setDuration(Duration.millis(gapMillis - sinceMillis));
            wait.playFromStart();
            return;
        }
        stale = false;
        Network current = network.getValue();
        Split split = data.getValue();
        if (current == null || split == null || split.train().inputSize() != current.spec().inputSize()) {
            saturation.set(null);
            return;
        }
        computing = true;
        lastStart = System.nanoTime();
        background.submit(() -> ActivationRange.saturations(current, split.train(), MAX_EXAMPLES),
                result -> done(result, ""),
                failure -> done(null, String.valueOf(failure.getMessage())));
    }

    private void done(ActivationRange.Saturation[] result, String message) {
        computing = false;
        lastMillis = (System.nanoTime() - lastStart) / 1e6;
        saturation.set(result);
        error.set(message);
        startIfDue();
    }
}
