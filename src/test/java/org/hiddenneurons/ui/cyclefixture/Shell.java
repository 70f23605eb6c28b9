package org.hiddenneurons.ui.cyclefixture;

import org.hiddenneurons.ui.cyclefixture.page.Page;

/**
 * Test fixture for {@code ArchitectureRulesCanFailTest}: a ui package that assembles a page from
 * its sub-package, while the page uses a control of this package back (the cycle shape the rule
 * must catch). Not application code.
 */
public final class Shell {

    /** A control the page uses from above: the back edge. */
    public static final class Control {
    }

    /** Builds the page: the edge from the package down to its sub-package. */
    public Page page() {
        return new Page(new Control());
    }
}
