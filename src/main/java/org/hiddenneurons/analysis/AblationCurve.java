package org.hiddenneurons.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * "How many units does it need?": test accuracy as hidden units are switched off one after another
 * (a_j = 0), in three orders — most important first, least important first (importance = accuracy
 * lost when the unit alone is off, {@link NetworkStatistics#importance}) and a seeded random order.
 * Point k of a curve is the accuracy with the first k units of its order off; point 0 is the intact
 * network and point h has every unit off.
 *
 * @param mostImportantFirst  h+1 accuracies
 * @param leastImportantFirst h+1 accuracies
 * @param randomOrder         h+1 accuracies
 * @param importanceOrder     the units, most important first (ties by unit number)
 * @param shuffledOrder       the random order
 */
public record AblationCurve(double[] mostImportantFirst, double[] leastImportantFirst, double[] randomOrder,
                            int[] importanceOrder, int[] shuffledOrder) {

    /** The three curves (3·(h+1) test-set accuracies from the cached hidden activations). */
    public static AblationCurve compute(NetworkStatistics statistics, long seed) {
        int hidden = statistics.network().spec().hiddenSize();
        double[] importance = statistics.importances();
        int[] byImportance = IntStream.range(0, hidden).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -importance[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
        int[] reversed = new int[hidden];
        for (int i = 0; i < hidden; i++) {
            reversed[i] = byImportance[hidden - 1 - i];
        }
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, hidden).boxed().toList());
        Collections.shuffle(shuffled, new Random(seed));
        int[] random = shuffled.stream().mapToInt(Integer::intValue).toArray();
        return new AblationCurve(curve(statistics, byImportance), curve(statistics, reversed), curve(statistics, random),
                byImportance, random);
    }

    /**
     * Accuracy with the first k units of {@code order} off, k = 0…h: point 0 is the intact accuracy,
     * each further point switches one more unit off in one score table ({@link ClampedAccuracy}).
     */
    static double[] curve(NetworkStatistics statistics, int[] order) {
        double[] out = new double[order.length + 1];
        ClampedAccuracy scores = new ClampedAccuracy(statistics.network(), statistics.test(),
                statistics.split().test().labels());
        out[0] = statistics.testAccuracy();
        for (int k = 0; k < order.length; k++) {
            scores.clamp(order[k], UnitExperiment.clampedValue(UnitExperiment.Mode.OFF, order[k], null));
            out[k + 1] = scores.accuracy();
        }
        return out;
    }

    /** Units needed to keep {@code share} of the intact accuracy when the least important go first. */
    public int unitsNeeded(double share) {
        double target = share * leastImportantFirst[0];
        int hidden = leastImportantFirst.length - 1;
        for (int k = hidden; k >= 0; k--) {
            if (leastImportantFirst[k] >= target) {
                return hidden - k;
            }
        }
        return hidden;
    }

    @Override
    public String toString() {
        return "AblationCurve" + Arrays.toString(mostImportantFirst);
    }
}
