package org.hiddenneurons.ui.cyclefixture.page;

import org.hiddenneurons.ui.cyclefixture.Shell;

/** Test fixture: a page in a ui sub-package that depends on its parent package's control. */
public final class Page {

    private final Shell.Control control;

    public Page(Shell.Control control) {
        this.control = control;
    }

    public Shell.Control control() {
        return control;
    }
}
