package org.hiddenneurons.ui.lesson;

/**
 * What the window tells a running lesson: the events a lesson step can wait for. The workbench
 * fires them ({@link WorkbenchLessonEvents} connects its properties); the lesson engine knows
 * nothing else about the window. Called on the FX thread.
 */
public interface LessonEvents {

    /** The student drew on the pad (or changed the drawing); the network now answers {@code predictedDigit} (−1: no answer yet). */
    void drawn(int predictedDigit);

    /** Training started (the Workbench's network, or the two runs of Compare runs). */
    void trainPressed();

    /**
     * A hidden unit was switched off ({@code on} false) or back on ({@code on} true).
     *
     * @param unit 1-based, as the window numbers units
     */
    void unitSwitched(int unit, boolean on);

    /** The page with this id ({@link LessonFiles#PAGES}) is now shown. */
    void pageOpened(String pageId);

    /** The Backprop page now shows step {@code step} of its ten (1-based). */
    void backpropStepped(int step);
}
