package org.hiddenneurons.analysis;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A causal experiment on the hidden layer: some units have their output a_j forced to a fixed
 * value. An immutable value; applying it never changes the network's weights (see
 * {@link ExperimentalForward}).
 *
 * <p>Switching unit j {@link Mode#OFF off} (a_j = 0) is the same as zeroing its outgoing weights
 * Θ2[:, j+1]: the unit no longer votes. {@link Mode#ONE} forces a_j = 1 (for sigmoid units: "fully
 * on"); {@link Mode#MEAN} forces a_j to its mean activation over the training set, which removes
 * what the unit says about THIS input while keeping its average vote.
 */
public final class UnitExperiment {

    /** What a modified unit outputs. */
    public enum Mode {
        /** a_j = 0: the unit is switched off (ablated), its outgoing weights effectively zero. */
        OFF,
        /** a_j = 1. */
        ONE,
        /** a_j = the unit's mean activation over the training set. */
        MEAN
    }

    /** The intact network: no unit modified. */
    public static final UnitExperiment NONE = new UnitExperiment(new TreeMap<>());

    private final TreeMap<Integer, Mode> modes;

    private UnitExperiment(TreeMap<Integer, Mode> modes) {
        this.modes = modes;
    }

    /** An experiment with the given units modified (units 0-based; null modes are not allowed). */
    public static UnitExperiment of(Map<Integer, Mode> modes) {
        TreeMap<Integer, Mode> copy = new TreeMap<>();
        modes.forEach((unit, mode) -> copy.put(checkUnit(unit), java.util.Objects.requireNonNull(mode, "mode")));
        return copy.isEmpty() ? NONE : new UnitExperiment(copy);
    }

    /** This experiment with {@code unit} set to {@code mode} (null: unit restored). */
    public UnitExperiment with(int unit, Mode mode) {
        TreeMap<Integer, Mode> copy = new TreeMap<>(modes);
        if (mode == null) {
            copy.remove(checkUnit(unit));
        } else {
            copy.put(checkUnit(unit), mode);
        }
        return copy.isEmpty() ? NONE : new UnitExperiment(copy);
    }

    /** This experiment with {@code unit} restored to normal. */
    public UnitExperiment without(int unit) {
        return with(unit, null);
    }

    /** This experiment without the units ≥ {@code hiddenSize} (after the network shrank). */
    public UnitExperiment restrictedTo(int hiddenSize) {
        if (modes.isEmpty() || modes.lastKey() < hiddenSize) {
            return this;
        }
        return of(modes.headMap(hiddenSize));
    }

    /** The mode of {@code unit}, or null when it works normally. */
    public Mode mode(int unit) {
        return modes.get(unit);
    }

    /** True when no unit is modified. */
    public boolean isEmpty() {
        return modes.isEmpty();
    }

    /** The modified units and their modes, in unit order (unmodifiable). */
    public Map<Integer, Mode> modes() {
        return Collections.unmodifiableMap(modes);
    }

    /**
     * The value a modified unit outputs.
     *
     * @param meanActivations mean a_j over the training set per unit (read for {@link Mode#MEAN} only;
     *                        may be null when no unit uses MEAN)
     */
    public static double clampedValue(Mode mode, int unit, double[] meanActivations) {
        return switch (mode) {
            case OFF -> 0.0;
            case ONE -> 1.0;
            case MEAN -> {
                if (meanActivations == null) {
                    throw new IllegalArgumentException("clamping to the mean needs the mean activations");
                }
                yield meanActivations[unit];
            }
        };
    }

    private static int checkUnit(Integer unit) {
        if (unit == null || unit < 0) {
            throw new IllegalArgumentException("unit must be a 0-based index, got " + unit);
        }
        return unit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitExperiment e && e.modes.equals(modes);
    }

    @Override
    public int hashCode() {
        return modes.hashCode();
    }

    @Override
    public String toString() {
        return "UnitExperiment" + modes;
    }
}
