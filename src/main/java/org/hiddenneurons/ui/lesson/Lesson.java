package org.hiddenneurons.ui.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One guided lesson in one language, as read from its file ({@link LessonFiles}): a title, a one-line
 * summary for the Lessons menu, and its steps in order. Immutable.
 *
 * @param id      the lesson's id, the first part of its file names ({@code <id>.<language>.json})
 * @param title   shown in the Lessons menu and on the lesson card
 * @param summary one sentence: the question the lesson answers
 * @param steps   at least one
 */
public record Lesson(String id, String title, String summary, List<Step> steps) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson has at least one step");
        }
    }

    /**
     * One step: a sentence or two, optionally a view to highlight, a page to show first and an
     * action the student is asked to do (the step waits for it).
     *
     * @param text   what the card says
     * @param target the id of the node to highlight (a {@code Node#getId()} in the window), or null
     * @param page   the page to open when the step is shown ({@link LessonFiles#PAGES}), or null
     * @param action what the step waits for, or null (the student just reads and presses Next)
     * @param formula a formula (LaTeX, math mode) typeset under the text, or null
     */
    public record Step(String text, String target, String page, Action action, String formula) {
        public Step {
            Objects.requireNonNull(text, "text");
        }

        /** A step without a formula. */
        public Step(String text, String target, String page, Action action) {
            this(text, target, page, action, null);
        }
    }

    /** What a step waits for: the kind of event and, for some kinds, which one. */
    public enum ActionType {
        /** The student draws on the pad. {@code digit}: the digit asked for (compared with the network's answer). */
        DRAW("draw"),
        /** Training starts: on the Workbench (its Train button or Space) or on Compare runs (its Train button). */
        PRESS_TRAIN("press-train"),
        /** A hidden unit is switched off. {@code unit}: which one (1–25), or any. */
        UNIT_OFF("unit-off"),
        /** A page is opened. {@code page}: which one (required). */
        OPEN_PAGE("open-page"),
        /** The Backprop page moves to another step. {@code step}: the step to reach (1–10), or any move. */
        STEP_BACKPROP("step-backprop");

        private final String name;

        ActionType(String name) {
            this.name = name;
        }

        /** The name used in lesson files. */
        public String fileName() {
            return name;
        }

        /** The type a lesson file names, or null if none has that name. */
        public static ActionType byFileName(String name) {
            for (ActionType type : values()) {
                if (type.name.equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * An action a step waits for.
     *
     * @param type  the kind of event
     * @param digit {@link ActionType#DRAW}: the digit asked for (0–9), or null
     * @param unit  {@link ActionType#UNIT_OFF}: the unit (1-based, as the window numbers them), or null for any
     * @param page  {@link ActionType#OPEN_PAGE}: the page id
     * @param step  {@link ActionType#STEP_BACKPROP}: the Backprop page's step to reach (1-based), or null for any
     */
    public record Action(ActionType type, Integer digit, Integer unit, String page, Integer step) {
        public Action {
            Objects.requireNonNull(type, "type");
        }
    }
}
