package org.hiddenneurons.ui.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * Epoch marks under the replay slider: the slider moves over the kept snapshots (log-spaced in
 * steps, so the first epoch, where the pictures form, takes much of its length), and a thin mark
 * stands below each snapshot that is the first kept one of a later epoch. All marks are one path
 * (style class {@value #MARK_CLASS}), so a long run adds no nodes; they are laid out across this
 * pane's width minus {@link #THUMB_INSET} on each side (where the slider's thumb centre can go).
 */
public final class EpochMarks extends Pane {

    /** Style class of the marks' path. */
    public static final String MARK_CLASS = "hn-epoch-mark";
    /** The slider thumb's half width: its centre never reaches the track's ends. */
    static final double THUMB_INSET = 7;
    static final double HEIGHT = 5;

    private List<Integer> marks = List.of();
    private int count;
    private final Path path = new Path();

    public EpochMarks() {
        getStyleClass().add("hn-epoch-marks");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        Tooltip.install(this, new Tooltip(I18n.t("replay.watch.epochMarks.tooltip")));
        path.getStyleClass().add(MARK_CLASS);
        path.setManaged(false);
        getChildren().add(path);
    }

    /**
     * Indices of the snapshots that begin a later epoch than the one before: i &gt; 0 with
     * kept[i].epoch() &gt; kept[i − 1].epoch() (the slider's epoch boundaries).
     */
    public static List<Integer> epochStarts(List<TrainingSnapshot> kept) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i).epoch() > kept.get(i - 1).epoch()) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** Shows the marks of {@code kept} (the timeline's snapshots). */
    public void show(List<TrainingSnapshot> kept) {
        List<Integer> now = epochStarts(kept);
        if (now.equals(marks) && kept.size() == count) {
            return;
        }
        marks = now;
        count = kept.size();
        requestLayout();
    }

    /** The mark positions (tests): snapshot indices. */
    public List<Integer> marks() {
        return marks;
    }

    @Override
    protected void layoutChildren() {
        double track = Math.max(0, getWidth() - 2 * THUMB_INSET);
        List<javafx.scene.shape.PathElement> lines = new ArrayList<>(2 * marks.size());
        for (int mark : marks) {
            double x = Math.round(THUMB_INSET + (count < 2 ? 0 : track * mark / (count - 1))) + 0.5;
            lines.add(new MoveTo(x, 0));
            lines.add(new LineTo(x, HEIGHT));
        }
        path.getElements().setAll(lines);
    }
}
