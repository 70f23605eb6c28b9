package org.hiddenneurons.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonViewModelTest {

    private final List<String> opened = new ArrayList<>();
    private LessonViewModel model;

    /** Read; open a page; draw a 7; switch unit 12 off; step backprop to 3; train. */
    private static final Lesson LESSON = new Lesson("test", "Test", "A test lesson.", List.of(
            new Lesson.Step("read", null, null, null),
            new Lesson.Step("open", "page-compare", "workbench", action(Lesson.ActionType.OPEN_PAGE, null, null, "compare", null)),
            new Lesson.Step("draw", "drawing-pad", null, action(Lesson.ActionType.DRAW, 7, null, null, null)),
            new Lesson.Step("off", "tile-12", null, action(Lesson.ActionType.UNIT_OFF, null, 12, null, null)),
            new Lesson.Step("step", null, "backprop", action(Lesson.ActionType.STEP_BACKPROP, null, null, null, 3)),
            new Lesson.Step("train", "train-button", null, action(Lesson.ActionType.PRESS_TRAIN, null, null, null, null))));

    private static Lesson.Action action(Lesson.ActionType type, Integer digit, Integer unit, String page, Integer step) {
        return new Lesson.Action(type, digit, unit, page, step);
    }

    @BeforeEach
    void startLesson() {
        model = new LessonViewModel(opened::add);
        model.start(LESSON);
    }

    @Test
    void startsAtTheFirstStepWithProgress() {
        assertTrue(model.activeProperty().get());
        assertEquals(0, model.indexProperty().get());
        assertEquals("1/6", model.progressProperty().get());
        assertFalse(model.canBackProperty().get(), "no Back on the first step");
        assertTrue(model.canNextProperty().get(), "a step without action never waits");
        assertFalse(model.waitingProperty().get());
    }

    @Test
    void aStepWithAnActionWaitsForItAndOthersDoNotCount() {
        model.next();
        assertEquals(List.of("workbench"), opened, "the step's page is opened when it is shown");
        assertTrue(model.waitingProperty().get());
        assertFalse(model.canNextProperty().get());
        model.next();
        assertEquals(1, model.indexProperty().get(), "Next is ignored while waiting");
        model.pageOpened("backprop");
        model.drawn(7);
        model.trainPressed();
        assertTrue(model.waitingProperty().get(), "other events and other pages do not complete the step");
        model.pageOpened("compare");
        assertTrue(model.actionDoneProperty().get());
        assertTrue(model.canNextProperty().get());
        model.next();
        assertEquals("3/6", model.progressProperty().get());
    }

    @Test
    void drawingRecordsTheAnswerAndUnitAndStepMustMatch() {
        goTo(2);
        model.drawn(3);
        assertTrue(model.actionDoneProperty().get(), "any drawing completes a draw step");
        assertEquals(3, model.drawnDigitProperty().get(), "the network's answer, compared with the 7 asked for");
        model.next();
        model.unitSwitched(5, false);
        model.unitSwitched(12, true);
        assertTrue(model.waitingProperty().get(), "unit 5 off, or unit 12 on, is not unit 12 off");
        model.unitSwitched(12, false);
        assertTrue(model.actionDoneProperty().get());
        model.next();
        assertEquals("backprop", opened.get(opened.size() - 1));
        model.backpropStepped(2);
        assertTrue(model.waitingProperty().get());
        model.backpropStepped(3);
        assertTrue(model.actionDoneProperty().get());
    }

    @Test
    void aDrawingWithoutAnAnswerCompletesTheStepButRecordsNoDigit() {
        goTo(2);
        model.drawn(-1);
        assertTrue(model.actionDoneProperty().get());
        assertEquals(LessonViewModel.NOT_DRAWN, model.drawnDigitProperty().get());
    }

    @Test
    void backKeepsADoneStepDoneAndSkipGoesOnWithoutTheAction() {
        model.next();
        model.pageOpened("compare");
        model.next();
        model.back();
        assertEquals(1, model.indexProperty().get());
        assertTrue(model.actionDoneProperty().get(), "a step done stays done when the student comes back");
        model.next();
        assertTrue(model.waitingProperty().get());
        model.skip();
        assertEquals(3, model.indexProperty().get(), "Skip goes on while the step waits");
    }

    @Test
    void nextOnTheLastStepFinishesAndLeaveStopsEarly() {
        goTo(5);
        assertTrue(model.onLastStep());
        model.trainPressed();
        model.next();
        assertTrue(model.finishedProperty().get());
        assertFalse(model.activeProperty().get());
        model.trainPressed(); // no lesson: ignored
        model.start(LESSON, 3);
        assertEquals(3, model.indexProperty().get(), "start at a step (language switch)");
        assertFalse(model.finishedProperty().get());
        assertFalse(model.actionDoneProperty().get(), "a new start forgets what was done");
        model.leave();
        assertFalse(model.activeProperty().get());
        assertFalse(model.finishedProperty().get(), "leaving is not finishing");
        model.drawn(7);
        model.back();
        assertEquals(3, model.indexProperty().get(), "nothing moves once left");
    }

    @Test
    void startClampsTheStep() {
        model.start(LESSON, 99);
        assertEquals(5, model.indexProperty().get());
        model.start(LESSON, -4);
        assertEquals(0, model.indexProperty().get());
    }

    @Test
    void switchedUnitsFiresOneEventPerChangedUnitOneBased() {
        List<String> events = new ArrayList<>();
        LessonEvents recorder = new LessonEvents() {
            @Override
            public void drawn(int predictedDigit) {
            }

            @Override
            public void trainPressed() {
            }

            @Override
            public void unitSwitched(int unit, boolean on) {
                events.add(unit + (on ? " on" : " off"));
            }

            @Override
            public void pageOpened(String pageId) {
            }

            @Override
            public void backpropStepped(int step) {
            }
        };
        org.hiddenneurons.analysis.UnitExperiment none = org.hiddenneurons.analysis.UnitExperiment.NONE;
        var off11 = none.with(11, org.hiddenneurons.analysis.UnitExperiment.Mode.OFF);
        WorkbenchLessonEvents.switchedUnits(recorder, none, off11);
        WorkbenchLessonEvents.switchedUnits(recorder, off11, off11.with(3, org.hiddenneurons.analysis.UnitExperiment.Mode.MEAN));
        WorkbenchLessonEvents.switchedUnits(recorder, off11, none);
        assertEquals(List.of("12 off", "12 on"), events, "a clamp to the mean is not off");
    }

    /** Starts the lesson again at step {@code at} (0-based). */
    private void goTo(int at) {
        model.start(LESSON, at);
    }
}
