package org.hiddenneurons.ui.replay;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The compact timeline under the hidden-layer grid (and on the Compare runs page): play/pause of
 * the replay, a slider whose axis is the training step ({@link StepAxis}: log-like, labelled, with
 * epoch marks; {@link EpochMarks}) and that snaps to the kept snapshots, the step shown, and Live. While a snapshot is replayed the bar (and every
 * node given to {@link #markWhileReplaying}) carries the style class {@value #REPLAYING_CLASS} and
 * says "Replaying step S · epoch E of M", so nobody takes it for the live network.
 *
 * <p>Cost while training Live: per frame one slider range/value and one label text; the views
 * repaint only when the shown network changes (which it does not during a replay).
 */
public final class ReplayBar extends HBox {

    public static final String ID = "replay-bar";
    public static final String SLIDER_ID = "replay-slider";
    public static final String PLAY_ID = "replay-play";
    public static final String LIVE_ID = "replay-live";
    public static final String LABEL_ID = "replay-label";
    /** Style class of the bar and the marked nodes during a replay. */
    public static final String REPLAYING_CLASS = "hn-replaying";
    static final String STYLESHEET = "replay.css";
    /** A whole replay lasts about this long, however many snapshots were kept ... */
    static final double PLAY_SECONDS = 8;
    /** ... within these bounds per snapshot. */
    static final double MIN_FRAME_MILLIS = 40;
    static final double MAX_FRAME_MILLIS = 300;
    static final double MIN_SLIDER_WIDTH = 60;
    static final double PREF_SLIDER_WIDTH = 80; // grows into the room the label leaves
    /** The axis tucks under the slider's own bottom padding, so its labels cost the grid little height. */
    static final double TRACK_SPACING = -4;

    private final SnapshotTimeline model;
    private final Slider slider = new Slider(0, 1, 1);
    private final Label label = new Label();
    /** Marks under the slider where a later epoch starts (the slider is over log-spaced steps). */
    private final EpochMarks epochMarks = new EpochMarks();
    private final Button play = new Button();
    private final Button live = new Button();
    private Timeline player;
    /** True while the slider is set from the model (so that the change is not taken for the user's). */
    private boolean updating;
    /** This bar's listeners on the replay model, which holds them only weakly ({@link #follow}). */
    private final List<ChangeListener<?>> listeners = new ArrayList<>();

    public ReplayBar(SnapshotTimeline model) {
        this.model = model;
        setId(ID);
        getStyleClass().add("hn-replay-bar");
        URL css = ReplayBar.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setAlignment(Pos.CENTER_LEFT);

        play.setId(PLAY_ID);
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.textProperty().bind(Bindings.createStringBinding(
                () -> model.playingProperty().get() ? I18n.t("replay.timeline.pause") : I18n.t("replay.timeline.play"),
                model.playingProperty()));
        play.setTooltip(new Tooltip(I18n.t("replay.timeline.play.tooltip")));
        play.setOnAction(e -> model.togglePlay());

        slider.setId(SLIDER_ID);
        slider.setBlockIncrement(0); // the arrow keys step through the kept snapshots (below)
        slider.setTooltip(new Tooltip(I18n.t("replay.timeline.slider.tooltip")));
        slider.setMinWidth(MIN_SLIDER_WIDTH);
        slider.setPrefWidth(PREF_SLIDER_WIDTH);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, old, now) -> {
            if (!updating) {
                int index = StepAxis.nearestIndex(model.keptSnapshots(), now.doubleValue());
                if (index >= 0 && (model.isReplaying() || index != model.snapshotCountProperty().get() - 1)) {
                    model.showIndex(index);
                }
                sync(); // the thumb snaps to the snapshot shown
            }
        });
        slider.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            KeyCode code = switch (event.getCode()) {
                case LEFT, DOWN -> KeyCode.OPEN_BRACKET;
                case RIGHT, UP -> KeyCode.CLOSE_BRACKET;
                case HOME, END -> event.getCode();
                default -> null;
            };
            if (code != null && handleKey(code)) {
                event.consume();
            }
        });

        live.setId(LIVE_ID);
        live.setText(I18n.t("replay.timeline.live"));
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.setTooltip(new Tooltip(I18n.t("replay.timeline.live.tooltip")));
        live.setOnAction(e -> model.live());
        live.disableProperty().bind(model.replayingProperty().not());

        label.setId(LABEL_ID);
        label.getStyleClass().add("hn-replay-label");
        label.setMinWidth(Region.USE_PREF_SIZE); // the text stays whole; the slider gives way (down to its minimum)
        label.setMaxWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(label, Priority.SOMETIMES);
        Tooltip labelTip = new Tooltip();
        labelTip.textProperty().bind(label.textProperty());
        label.setTooltip(labelTip);

        slider.setMaxWidth(Double.MAX_VALUE);
        VBox track = new VBox(TRACK_SPACING, slider, epochMarks);
        track.setAlignment(Pos.CENTER);
        track.setMinWidth(MIN_SLIDER_WIDTH);
        HBox.setHgrow(track, Priority.ALWAYS);
        getChildren().addAll(play, track, label, live);

        follow(model.snapshotCountProperty(), (o, old, now) -> sync());
        follow(model.replayIndexProperty(), (o, old, now) -> sync());
        follow(model.latestEpochProperty(), (o, old, now) -> sync());
        follow(model.replayedProperty(), (o, old, now) -> sync());
        follow(model.playingProperty(), (o, old, now) -> playing(now));
        sync();
    }

    /** Nodes that get {@value #REPLAYING_CLASS} while a snapshot is replayed (e.g. the hidden-layer section). */
    public void markWhileReplaying(Node... nodes) {
        URL css = ReplayBar.class.getResource(STYLESHEET);
        for (Node node : nodes) {
            if (css != null && node instanceof javafx.scene.Parent parent
                    && !parent.getStylesheets().contains(css.toExternalForm())) {
                parent.getStylesheets().add(css.toExternalForm());
            }
        }
        follow(model.replayingProperty(), (o, old, now) -> {
            for (Node node : nodes) {
                mark(node, now);
            }
        });
    }

    /**
     * Adds {@code listener} to the replay model's {@code source} weakly, keeping it alive here: the
     * model outlives this bar (a language switch builds a new one), and must not keep it.
     */
    private <T> void follow(ObservableValue<T> source, ChangeListener<? super T> listener) {
        listeners.add(listener);
        source.addListener(new WeakChangeListener<>(listener));
    }

    /**
     * A small note for the prediction ("epoch N (replay)"), shown only during a replay, so the
     * answer is read as that snapshot's.
     */
    public static Label predictionNote(ReplayModel model) {
        Label note = new Label();
        note.getStyleClass().add("hn-modified-note");
        note.setMinWidth(Region.USE_PREF_SIZE);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            TrainingSnapshot shown = model.replayedProperty().get();
            return shown == null ? "" : I18n.t("replay.prediction.note", shown.epoch());
        }, model.replayedProperty()));
        note.visibleProperty().bind(model.replayingProperty());
        note.managedProperty().bind(note.visibleProperty());
        note.setTooltip(new Tooltip(I18n.t("replay.prediction.note.tooltip")));
        return note;
    }

    /**
     * The timeline's keys ([ and , back, ] and . forward, Home first, End live, P play/pause).
     *
     * @return true if {@code code} was one of them (the caller consumes the event)
     */
    public boolean handleKey(KeyCode code) {
        switch (code) {
            case OPEN_BRACKET, COMMA -> model.stepBack();
            case CLOSE_BRACKET, PERIOD -> model.stepForward();
            case HOME -> model.first();
            case END -> model.live();
            case P -> model.togglePlay();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The epoch marks under the slider. */
    public EpochMarks epochMarks() {
        return epochMarks;
    }

    /** The slider (tests set its value as a drag would). */
    public Slider slider() {
        return slider;
    }

    public Label label() {
        return label;
    }

    private void sync() {
        int count = model.snapshotCountProperty().get();
        updating = true;
        try {
            List<TrainingSnapshot> kept = model.keptSnapshots();
            int lastStep = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).step();
            slider.setValue(kept.isEmpty() ? 1 : StepAxis.position(model.shownStep(), lastStep));
        } finally {
            updating = false;
        }
        slider.setDisable(count < 2);
        epochMarks.show(model.keptSnapshots());
        play.setDisable(count < 2);
        TrainingSnapshot shown = model.replayedProperty().get();
        int latest = model.latestEpochProperty().get();
        if (shown == null) {
            TrainingSnapshot newest = count == 0 ? null : model.keptSnapshots().get(count - 1);
            label.setText(newest == null || newest.step() == 0 ? I18n.t("replay.timeline.label.live", latest, count)
                    : I18n.t("replay.s8.timeline.live", newest.step(), newest.shownEpoch()));
        } else {
            label.setText(I18n.t("replay.watch.timeline.replaying", shown.step(), shown.shownEpoch(), latest));
        }
        mark(this, shown != null);
    }

    private void playing(boolean now) {
        if (player != null) {
            player.stop();
            player = null;
        }
        if (now) {
            int count = Math.max(1, model.snapshotCountProperty().get());
            double millis = Math.max(MIN_FRAME_MILLIS, Math.min(MAX_FRAME_MILLIS, PLAY_SECONDS * 1000 / count));
            player = new Timeline(new KeyFrame(Duration.millis(millis), e -> model.playTick()));
            player.setCycleCount(Timeline.INDEFINITE);
            player.play();
        }
    }

    private static void mark(Node node, boolean replaying) {
        if (replaying && !node.getStyleClass().contains(REPLAYING_CLASS)) {
            node.getStyleClass().add(REPLAYING_CLASS);
        } else if (!replaying) {
            node.getStyleClass().remove(REPLAYING_CLASS);
        }
    }
}
