package org.hiddenneurons.ui.controls.upfixture;

import org.hiddenneurons.ui.Themes;

/**
 * Test fixture for {@code ArchitectureRulesCanFailTest}: a "control" that uses a class of the ui
 * package above it, the edge {@code ArchitectureTest.UI_CONTROLS_USE_ONLY_I18N_FROM_UI} forbids.
 */
public final class ReachesUp {

    /** The forbidden dependency: a type from {@code org.hiddenneurons.ui}. */
    public Themes.Theme theme() {
        return Themes.DEFAULT_THEME;
    }
}
