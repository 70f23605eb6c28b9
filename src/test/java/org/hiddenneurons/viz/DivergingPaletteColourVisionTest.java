package org.hiddenneurons.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The colour-blind-safe palettes keep the sign of a weight readable for dichromats. Each colour is
 * converted to linear sRGB, passed through the Machado, Oliveira &amp; Fernandes (2009) simulation
 * matrix at severity 1.0 (protanopia, deuteranopia, tritanopia; IEEE TVCG 15(6), 1291–1298, the
 * authors' published table), clamped, and compared in CIELAB (D65) by the CIE76 distance ΔE*ab.
 *
 * <p>Thresholds, on the usual reading of ΔE*ab (≈ 2.3 just noticeable; ≥ 10 different at a glance
 * for large patches; tiles here are a few screen pixels per weight, so much more is demanded):
 * the two ends ≥ {@value #ENDS_MIN_DELTA_E} apart; each end ≥ {@value #END_TO_MIDDLE_MIN_DELTA_E}
 * from the neutral middle; and a weight at a quarter of the scale, ±0.25·maxAbs, ≥
 * {@value #QUARTER_MIN_DELTA_E} from its opposite — the classic red–blue palette falls to ≈ 11 there
 * under protanopia, which is the failure this palette exists to fix (asserted below, so the
 * threshold is shown to discriminate). Lightness L* runs monotonically from the middle outwards
 * on both sides (for normal vision and every simulation), so magnitude also reads without hue.
 */
class DivergingPaletteColourVisionTest {

    static final double ENDS_MIN_DELTA_E = 60;
    static final double END_TO_MIDDLE_MIN_DELTA_E = 50;
    static final double QUARTER_MIN_DELTA_E = 25;
    /** L* may stall (not reverse) by this much between neighbouring 8-bit table entries. */
    static final double LIGHTNESS_TOLERANCE = 0.05;
    private static final double QUARTER = 0.25;

    /** Machado et al. (2009), severity 1.0, applied to linear sRGB (row-major). */
    static final Map<String, double[][]> SIMULATIONS = Map.of(
            "normal", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            "protanopia", new double[][] {
                    {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
            "deuteranopia", new double[][] {
                    {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
            "tritanopia", new double[][] {
                    {1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

    private static final Map<String, DivergingPalette> SAFE = Map.of(
            "BLUE_WHITE_ORANGE", DivergingPalette.BLUE_WHITE_ORANGE,
            "BLUE_BLACK_ORANGE", DivergingPalette.BLUE_BLACK_ORANGE);

    @Test
    void safePalettesKeepBothEndsApartForEveryDichromat() {
        SAFE.forEach((name, palette) -> SIMULATIONS.forEach((vision, matrix) -> {
            double[] negative = lab(palette.argb(-1, 1), matrix);
            double[] zero = lab(palette.argb(0, 1), matrix);
            double[] positive = lab(palette.argb(1, 1), matrix);
            String where = name + " under " + vision;
            assertTrue(deltaE(negative, positive) >= ENDS_MIN_DELTA_E, where + ": ends ΔE " + deltaE(negative, positive));
            assertTrue(deltaE(negative, zero) >= END_TO_MIDDLE_MIN_DELTA_E, where + ": negative–middle ΔE");
            assertTrue(deltaE(positive, zero) >= END_TO_MIDDLE_MIN_DELTA_E, where + ": positive–middle ΔE");
        }));
    }

    @Test
    void safePalettesShowTheSignOfAQuarterScaleWeightForEveryDichromat() {
        SAFE.forEach((name, palette) -> SIMULATIONS.forEach((vision, matrix) -> {
            double distance = deltaE(lab(palette.argb(-QUARTER, 1), matrix), lab(palette.argb(QUARTER, 1), matrix));
            assertTrue(distance >= QUARTER_MIN_DELTA_E, name + " under " + vision + ": ±0.25 ΔE " + distance);
        }));
    }

    @Test
    void classicRedBlueLosesTheSignOfSmallWeightsUnderProtanopia() {
        double[][] protanopia = SIMULATIONS.get("protanopia");
        for (DivergingPalette classic : new DivergingPalette[] {DivergingPalette.BLUE_WHITE_RED, DivergingPalette.BLUE_BLACK_RED}) {
            double distance = deltaE(lab(classic.argb(-QUARTER, 1), protanopia), lab(classic.argb(QUARTER, 1), protanopia));
            assertTrue(distance < QUARTER_MIN_DELTA_E, "the threshold separates the palettes: " + distance);
        }
    }

    @Test
    void lightnessIsMonotoneFromTheMiddleOutwards() {
        int middle = DivergingPalette.LEVELS / 2;
        SAFE.forEach((name, palette) -> SIMULATIONS.forEach((vision, matrix) -> {
            double middleLightness = lab(palette.entry(middle), matrix)[0];
            double outerLightness = lab(palette.entry(0), matrix)[0];
            double direction = Math.signum(outerLightness - middleLightness); // light theme: darker outwards
            for (int side : new int[] {-1, 1}) {
                double previous = middleLightness;
                for (int step = 1; step <= middle; step++) {
                    double lightness = lab(palette.entry(middle + side * step), matrix)[0];
                    assertTrue((lightness - previous) * direction >= -LIGHTNESS_TOLERANCE,
                            name + " under " + vision + ": L* reverses at step " + side * step);
                    previous = lightness;
                }
                assertTrue(Math.abs(previous - middleLightness) >= END_TO_MIDDLE_MIN_DELTA_E / 2,
                        name + " under " + vision + ": the ends are much lighter or darker than the middle");
            }
        }));
    }

    @Test
    void throughPutsTheStopsAtTheEndsAndTheMiddle() {
        DivergingPalette palette = DivergingPalette.through(0x000000, 0x808080, 0xffffff, 0x808080, 0x000000);
        assertEquals(0xff000000, palette.entry(0));
        assertEquals(0xffffffff, palette.entry(DivergingPalette.LEVELS / 2));
        assertEquals(0xff000000, palette.entry(DivergingPalette.LEVELS - 1));
        assertEquals(palette.entry(DivergingPalette.LEVELS / 4), palette.entry(DivergingPalette.LEVELS - 1 - DivergingPalette.LEVELS / 4));
        assertThrows(IllegalArgumentException.class, () -> DivergingPalette.through(0, 0));
        assertThrows(IllegalArgumentException.class, () -> DivergingPalette.through(0, 0, 0, 0));
    }

    // ---- colour science: sRGB → linear → (simulation) → XYZ (D65) → CIELAB

    static double[] lab(int argb, double[][] simulation) {
        double[] linear = {linear((argb >> 16) & 0xff), linear((argb >> 8) & 0xff), linear(argb & 0xff)};
        double[] seen = new double[3];
        for (int row = 0; row < 3; row++) {
            double sum = 0;
            for (int column = 0; column < 3; column++) {
                sum += simulation[row][column] * linear[column];
            }
            seen[row] = Math.max(0, Math.min(1, sum));
        }
        double x = 0.4124564 * seen[0] + 0.3575761 * seen[1] + 0.1804375 * seen[2];
        double y = 0.2126729 * seen[0] + 0.7151522 * seen[1] + 0.0721750 * seen[2];
        double z = 0.0193339 * seen[0] + 0.1191920 * seen[1] + 0.9503041 * seen[2];
        double fx = labF(x / 0.95047);
        double fy = labF(y);
        double fz = labF(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double deltaE(double[] lab1, double[] lab2) {
        return Math.sqrt(Math.pow(lab1[0] - lab2[0], 2) + Math.pow(lab1[1] - lab2[1], 2) + Math.pow(lab1[2] - lab2[2], 2));
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double labF(double t) {
        double epsilon = 216.0 / 24389;
        double kappa = 24389.0 / 27;
        return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
    }
}
