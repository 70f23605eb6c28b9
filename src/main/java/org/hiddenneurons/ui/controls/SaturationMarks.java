package org.hiddenneurons.ui.controls;

import org.hiddenneurons.analysis.ActivationRange;
import org.hiddenneurons.analysis.ActivationRange.Saturation;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * How a saturated unit is marked on a {@link HiddenUnitGrid} tile: a small glyph in the picture's
 * corner (● always on, ○ always off; {@link Styles#HIDDEN_UNIT_SATURATION} on the grid keeps it calm) and a
 * sentence for the tooltip and the accessible text that says what it means and by which rule
 * ({@link ActivationRange#SATURATED_SHARE}, {@link ActivationRange#SATURATED_LEVEL}).
 */
final class SaturationMarks {

    private SaturationMarks() {
    }

    /** The tooltip sentence per unit (null: not saturated), or null when {@code saturation} does not fit {@code units}. */
    static String[] notes(Saturation[] saturation, int units) {
        if (saturation == null || saturation.length != units) {
            return null;
        }
        String[] notes = new String[units];
        for (int j = 0; j < units; j++) {
            notes[j] = note(saturation[j]);
        }
        return notes;
    }

    /** The sentence for one unit, or null when it is not saturated. */
    static String note(Saturation saturation) {
        if (saturation == null || saturation == Saturation.NONE) {
            return null;
        }
        String share = Math.round(100 * ActivationRange.SATURATED_SHARE) + " %";
        return I18n.t(saturation == Saturation.ALWAYS_ON ? "workbench.grid.saturation.alwaysOn"
                : "workbench.grid.saturation.alwaysOff", share);
    }

    /** The tile's mark: a glyph (none when not saturated) and its accessible text, "Unit 7 · always on …". */
    static void mark(HiddenUnitTile tile, Saturation saturation, String unitPattern) {
        String note = note(saturation);
        tile.setFlag(note == null ? null : I18n.t(saturation == Saturation.ALWAYS_ON
                ? "workbench.grid.saturation.markOn" : "workbench.grid.saturation.markOff"));
        String name = HiddenUnitTooltip.fill(unitPattern, HiddenUnitGrid.displayNumber(tile.unit()));
        tile.setAccessibleText(note == null ? name : name + I18n.t("workbench.grid.separator") + note);
    }
}
