package org.hiddenneurons.ui.data;

import org.hiddenneurons.data.Split;
import org.hiddenneurons.ui.i18n.I18n;

/** The status-line sentence saying which split the window trains and tests on. */
public final class SplitNote {

    private SplitNote() {
    }

    /**
     * "Test split: the separate test file t10k-images-idx3-ubyte.gz (MNIST convention)." or "Test
     * split: every 5th sample (sample i when i % 5 == 4)."; empty for a split made by code.
     */
    public static String describe(Split split) {
        if (split.isStandard()) {
            return I18n.t("data.status.splitStandard", Split.TEST_EVERY, Split.TEST_REMAINDER);
        }
        return split.hasSeparateTestFile() ? I18n.t("data.status.splitTestFile", split.test().name()) : "";
    }
}
