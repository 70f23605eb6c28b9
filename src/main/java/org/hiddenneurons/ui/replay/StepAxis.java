package org.hiddenneurons.ui.replay;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.train.TrainingSnapshot;

/**
 * The replay timeline's axis: training steps (mini-batches) on a log-like scale, so the first
 * epoch, where the pictures form, is not squeezed into a sliver. Position p ∈ [0, 1] of step s
 * on a timeline whose last kept step is S: p(s) = ln(1 + s) / ln(1 + S); its inverse
 * s(p) = (1 + S)^p − 1. With the default run (40 epochs of 40 mini-batches, S = 1600) the first
 * epoch takes half the slider and mini-batches 1–10 a quarter, where a linear axis would give them
 * 1/40 and 1/160 (docs/design-notes.md, "Replay axis"). Pure arithmetic.
 */
public final class StepAxis {

    private StepAxis() {
    }

    /** p(step) = ln(1 + step) / ln(1 + lastStep), clamped to [0, 1]; 0 when lastStep ≤ 0. */
    public static double position(int step, int lastStep) {
        if (lastStep <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, Math.log1p(Math.max(0, step)) / Math.log1p(lastStep)));
    }

    /** s(p) = (1 + lastStep)^p − 1 for p clamped to [0, 1] (a real step; the timeline snaps it). */
    public static double step(double position, int lastStep) {
        double p = Math.max(0, Math.min(1, position));
        return Math.expm1(p * Math.log1p(Math.max(0, lastStep)));
    }

    /**
     * Index of the kept snapshot (ascending steps) whose position is closest to {@code position}
     * on the axis of the last kept step (the earlier one on ties); −1 when none is kept.
     */
    public static int nearestIndex(List<TrainingSnapshot> kept, double position) {
        if (kept.isEmpty()) {
            return -1;
        }
        int lastStep = kept.get(kept.size() - 1).step();
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < kept.size(); i++) {
            double distance = Math.abs(position(kept.get(i).step(), lastStep) - position);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** The labelled steps up to {@code lastStep}: 0 and the powers of ten 1, 10, 100, … ≤ lastStep. */
    public static List<Integer> tickSteps(int lastStep) {
        List<Integer> ticks = new ArrayList<>();
        ticks.add(0);
        for (long power = 1; power <= lastStep; power *= 10) {
            ticks.add((int) power);
        }
        return ticks;
    }
}
