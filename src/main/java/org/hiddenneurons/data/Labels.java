package org.hiddenneurons.data;

/** How every reader turns the labels it found into a class count. */
final class Labels {

    /** Labels 0..9 (all a digit data set can hold) always give 10 classes, even if a digit is missing. */
    static final int DIGIT_CLASS_COUNT = 10;

    /**
     * The largest class count a file may imply (label ≤ MAX_CLASS_COUNT − 1): a typo such as label
     * 99999999 must not make the network allocate millions of outputs.
     */
    static final int MAX_CLASS_COUNT = 1000;

    private Labels() {
    }

    /** 10 when every label is in 0..9 (digits), otherwise maxLabel + 1. */
    static int classCount(int maxLabel) {
        return Math.max(DIGIT_CLASS_COUNT, maxLabel + 1);
    }
}
