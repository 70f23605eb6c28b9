package org.hiddenneurons.ui;

/**
 * Which parts of the workbench page the window has room for, so the hidden layer's grid keeps the
 * space it needs for 100 px pictures (5 × 20 px) at the default 1280×800 window. Pure: the window's
 * scene size in, decisions out; {@link WorkbenchView} applies them whenever the scene is resized.
 *
 * <p>The page's columns at 1280 px: the pad's column (the 280 px pad and its card, 326 px), the
 * training column ({@link WorkbenchView#RIGHT_WIDTH}) and the grid's column in between (5 × 106 px
 * tiles + gaps = 538 px and the card around them). What does not fit beside or under them at the
 * default size is shown from a larger window on:
 * <ul>
 *   <li>the preprocessing steps ("what the network sees", ~150 px wide) beside the pad;</li>
 *   <li>the grid's colour legend in words beside its colour bar;</li>
 *   <li>the output weights Θ2 (about 220 px high) under the charts.</li>
 * </ul>
 *
 * @param showPreprocessing the preprocessing steps beside the pad
 * @param showLegend        the colour legend's words beside the grid's colour bar
 * @param showOutputWeights Θ2 under the training charts
 */
public record WorkbenchLayout(boolean showPreprocessing, boolean showLegend, boolean showOutputWeights) {

    /** Scene width from which the preprocessing steps sit beside the pad (and the legend beside the bar). */
    static final double WIDE_FROM_WIDTH = 1500;
    /** Scene height from which Θ2 sits under the training charts. */
    static final double TALL_FROM_HEIGHT = 1050;

    /**
     * The layout for a scene of {@code width × height}. Presenting shows none of the optional parts:
     * their small type does not carry on a projector, and the grid gets their room.
     */
    public static WorkbenchLayout forScene(double width, double height, boolean presenting) {
        boolean wide = width >= WIDE_FROM_WIDTH && !presenting;
        return new WorkbenchLayout(wide, wide, height >= TALL_FROM_HEIGHT && !presenting);
    }
}
