package org.hiddenneurons.ui.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The replay slider's axis, under the slider: the slider runs over training steps on the
 * {@link StepAxis} (log-like), a thin mark stands at the step of each kept snapshot that is the
 * first kept one of a later epoch, and the steps 0, 1, 10, 100, … are labelled with the caption
 * "steps (log scale)" at the right end (tick labels that would overlap a neighbour or the caption
 * are left out). All marks are one path (style class {@value #MARK_CLASS}), so a long run adds no
 * nodes; positions span this pane's width minus {@link #THUMB_INSET} on each side (where the
 * slider's thumb centre can go).
 */
public final class EpochMarks extends Pane {

    /** Style class of the marks' path. */
    public static final String MARK_CLASS = "hn-epoch-mark";
    /** Style class of the step labels and the caption. */
    public static final String TICK_CLASS = "hn-step-tick";
    /** The slider thumb's half width: its centre never reaches the track's ends. */
    static final double THUMB_INSET = 7;
    static final double MARK_HEIGHT = 5;
    /** Least room between two labels. */
    static final double LABEL_GAP = 4;

    private List<Integer> marks = List.of();
    private List<TrainingSnapshot> kept = List.of();
    private final Path path = new Path();
    private final Label caption = new Label(I18n.t("replay.s8.axis.caption"));
    /** One label per tick step (at most ten: 0 and the powers of ten of an int), reused. */
    private final List<Label> tickLabels = new ArrayList<>();

    public EpochMarks() {
        getStyleClass().add("hn-epoch-marks");
        Tooltip.install(this, new Tooltip(I18n.t("replay.s8.axis.tooltip")));
        path.getStyleClass().add(MARK_CLASS);
        path.setManaged(false);
        caption.getStyleClass().add(TICK_CLASS);
        caption.setManaged(false);
        getChildren().addAll(path, caption);
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

    /** Shows the marks and step labels of {@code snapshots} (the timeline's kept ones, ascending steps). */
    public void show(List<TrainingSnapshot> snapshots) {
        if (sameSnapshots(snapshots, kept)) {
            return;
        }
        kept = List.copyOf(snapshots);
        marks = epochStarts(kept);
        List<Integer> ticks = StepAxis.tickSteps(lastStep());
        while (tickLabels.size() < ticks.size()) {
            Label label = new Label();
            label.getStyleClass().add(TICK_CLASS);
            label.setManaged(false);
            tickLabels.add(label);
            getChildren().add(label);
        }
        for (int i = 0; i < tickLabels.size(); i++) {
            tickLabels.get(i).setText(i < ticks.size() ? String.valueOf(ticks.get(i)) : "");
        }
        requestLayout();
    }

    /** Same snapshots (by identity: comparing the weights of 200 snapshots every frame would cost). */
    private static boolean sameSnapshots(List<TrainingSnapshot> a, List<TrainingSnapshot> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The mark positions (tests): indices of the kept snapshots that begin a later epoch. */
    public List<Integer> marks() {
        return marks;
    }

    /** The tick labels laid out and shown (tests): their texts, left to right. */
    public List<String> shownTickLabels() {
        List<String> shown = new ArrayList<>();
        for (Label label : tickLabels) {
            if (label.isVisible() && !label.getText().isEmpty()) {
                shown.add(label.getText());
            }
        }
        return shown;
    }

    /** x of {@code step} in this pane (the slider thumb's centre at that step). */
    double xOf(int step) {
        double track = Math.max(0, getWidth() - 2 * THUMB_INSET);
        return THUMB_INSET + track * StepAxis.position(step, lastStep());
    }

    private int lastStep() {
        return kept.isEmpty() ? 0 : kept.get(kept.size() - 1).step();
    }

    @Override
    protected double computePrefHeight(double width) {
        return MARK_HEIGHT + caption.prefHeight(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        List<javafx.scene.shape.PathElement> lines = new ArrayList<>(2 * marks.size());
        for (int mark : marks) {
            double x = Math.round(xOf(kept.get(mark).step())) + 0.5;
            lines.add(new MoveTo(x, 0));
            lines.add(new LineTo(x, MARK_HEIGHT));
        }
        path.getElements().setAll(lines);

        double width = getWidth();
        double captionWidth = caption.prefWidth(-1);
        double labelHeight = caption.prefHeight(-1);
        boolean captionFits = captionWidth <= width;
        caption.setVisible(captionFits && !kept.isEmpty());
        caption.resizeRelocate(Math.max(0, width - captionWidth), MARK_HEIGHT, captionWidth, labelHeight);
        double limit = caption.isVisible() ? width - captionWidth - LABEL_GAP : width;
        double previousRight = Double.NEGATIVE_INFINITY;
        List<Integer> ticks = StepAxis.tickSteps(lastStep());
        for (int i = 0; i < tickLabels.size(); i++) {
            Label label = tickLabels.get(i);
            if (i >= ticks.size() || kept.isEmpty()) {
                label.setVisible(false);
                continue;
            }
            double labelWidth = label.prefWidth(-1);
            double x = Math.max(0, Math.round(xOf(ticks.get(i)) - labelWidth / 2));
            boolean fits = x >= previousRight + LABEL_GAP && x + labelWidth <= limit;
            label.setVisible(fits);
            if (fits) {
                label.resizeRelocate(x, MARK_HEIGHT, labelWidth, labelHeight);
                previousRight = x + labelWidth;
            }
        }
    }
}
