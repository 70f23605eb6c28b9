package org.hiddenneurons.ui.lesson;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A running lesson: which step is shown, whether it waits for the student, Back / Next / Skip /
 * Leave, progress and completion. No nodes; plain JUnit testable. The window reports what the
 * student does through {@link LessonEvents}; only the current step's action counts.
 *
 * <p>Lifecycle: {@link #start} → {@link #next} / {@link #back} / {@link #skip} … → the last
 * {@link #next} finishes ({@link #finishedProperty()} true) or {@link #leave} stops early; either
 * way {@link #activeProperty()} becomes false. {@code start} may be called again at any time.
 */
public final class LessonViewModel implements LessonEvents {

    /** {@link #drawnDigitProperty()} when the student has not drawn during the current step. */
    public static final int NOT_DRAWN = -1;

    private final Consumer<String> pageOpener;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Lesson.Step> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    /** True when the current step's action has happened (stays true when the student comes back to it). */
    private final ReadOnlyBooleanWrapper actionDone = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper drawnDigit = new ReadOnlyIntegerWrapper(NOT_DRAWN);
    private final BooleanBinding waiting;
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    private final StringBinding progress;
    /** Per step of the current lesson: has its action happened. */
    private boolean[] done = new boolean[0];

    /** @param pageOpener opens the page with this id ({@link LessonFiles#PAGES}) when a step names one */
    public LessonViewModel(Consumer<String> pageOpener) {
        this.pageOpener = Objects.requireNonNull(pageOpener, "pageOpener");
        waiting = Bindings.createBooleanBinding(() -> active.get() && step.get() != null
                && step.get().action() != null && !actionDone.get(), active, step, actionDone);
        canBack = active.and(index.greaterThan(0));
        canNext = active.and(waiting.not());
        progress = Bindings.createStringBinding(() -> lesson.get() == null ? ""
                : (index.get() + 1) + "/" + lesson.get().steps().size(), lesson, index);
    }

    /** Starts {@code lessonToRun} at its first step. */
    public void start(Lesson lessonToRun) {
        start(lessonToRun, 0);
    }

    /** Starts {@code lessonToRun} at step {@code at} (0-based; clamped to its steps), e.g. after a language switch. */
    public void start(Lesson lessonToRun, int at) {
        Objects.requireNonNull(lessonToRun, "lesson");
        done = new boolean[lessonToRun.steps().size()];
        finished.set(false);
        lesson.set(lessonToRun);
        active.set(true);
        show(Math.max(0, Math.min(at, done.length - 1)));
    }

    /** The next step, or on the last step the end of the lesson ({@link #finishedProperty()}). Ignored while waiting. */
    public void next() {
        if (canNext.get()) {
            advance();
        }
    }

    /** As {@link #next} without waiting for the step's action (the student chooses to go on). */
    public void skip() {
        if (active.get()) {
            advance();
        }
    }

    /** The previous step; ignored on the first. */
    public void back() {
        if (canBack.get()) {
            show(index.get() - 1);
        }
    }

    /** Stops the lesson where it is (Esc). */
    public void leave() {
        active.set(false);
    }

    private void advance() {
        if (index.get() + 1 < done.length) {
            show(index.get() + 1);
        } else {
            finished.set(true);
            active.set(false);
        }
    }

    private void show(int at) {
        index.set(at);
        Lesson.Step shown = lesson.get().steps().get(at);
        step.set(shown);
        actionDone.set(done[at]);
        drawnDigit.set(NOT_DRAWN);
        if (shown.page() != null) {
            pageOpener.accept(shown.page());
        }
    }

    // ---------------------------------------------------------------- events

    @Override
    public void drawn(int predictedDigit) {
        if (awaits(Lesson.ActionType.DRAW)) {
            drawnDigit.set(predictedDigit >= 0 ? predictedDigit : NOT_DRAWN); // negative: no answer yet (no network)
            complete();
        }
    }

    @Override
    public void trainPressed() {
        if (awaits(Lesson.ActionType.PRESS_TRAIN)) {
            complete();
        }
    }

    @Override
    public void unitSwitched(int unit, boolean on) {
        if (!on && awaits(Lesson.ActionType.UNIT_OFF)
                && (step.get().action().unit() == null || step.get().action().unit() == unit)) {
            complete();
        }
    }

    @Override
    public void pageOpened(String pageId) {
        if (awaits(Lesson.ActionType.OPEN_PAGE) && step.get().action().page().equals(pageId)) {
            complete();
        }
    }

    @Override
    public void backpropStepped(int backpropStep) {
        if (awaits(Lesson.ActionType.STEP_BACKPROP)
                && (step.get().action().step() == null || step.get().action().step() == backpropStep)) {
            complete();
        }
    }

    /** Whether the current step waits for (or has had) an action of this type. */
    private boolean awaits(Lesson.ActionType type) {
        return active.get() && step.get().action() != null && step.get().action().type() == type;
    }

    private void complete() {
        done[index.get()] = true;
        actionDone.set(true);
    }

    // ---------------------------------------------------------------- state

    /** The lesson running or last run; null before the first {@link #start}. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The current step, 0-based. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Lesson.Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** True while a lesson is shown. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** True once the student has gone past the last step of the lesson last started. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** True when the current step's action has happened. */
    public ReadOnlyBooleanProperty actionDoneProperty() {
        return actionDone.getReadOnlyProperty();
    }

    /** The network's answer to the drawing made during the current draw step, or {@link #NOT_DRAWN}. */
    public ReadOnlyIntegerProperty drawnDigitProperty() {
        return drawnDigit.getReadOnlyProperty();
    }

    /** True while the current step waits for the student's action (Next is disabled; Skip is not). */
    public BooleanBinding waitingProperty() {
        return waiting;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    /** "3/7": the current step's number and the lesson's number of steps. */
    public StringBinding progressProperty() {
        return progress;
    }

    /** Whether the current step is the lesson's last (its Next finishes the lesson). */
    public boolean onLastStep() {
        return lesson.get() != null && index.get() == lesson.get().steps().size() - 1;
    }
}
