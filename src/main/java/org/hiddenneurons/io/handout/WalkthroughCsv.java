package org.hiddenneurons.io.handout;

import java.util.Locale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.data.AtomicFiles;

/**
 * Every number of a walkthrough in one long-format CSV: {@code step,name,row,column,value}.
 *
 * <ul>
 *   <li>{@code step}: 1..10 ({@link org.hiddenneurons.core.walkthrough.WalkthroughStep#number()});</li>
 *   <li>{@code name}: the quantity in the course's notation (a1, z2, a2, z3, a3, y, cost, delta3,
 *       delta2, Delta1, Delta2, Theta1_after, …);</li>
 *   <li>{@code row}, {@code column}: 0-based positions in the array as the program stores it
 *       (vectors are columns: column 0). a1[0] and a2[0] are the bias 1; Θ[r][0] is unit r's bias;</li>
 *   <li>{@code value}: full precision ({@link Double#toString}: parsing it gives the same double).</li>
 * </ul>
 */
public final class WalkthroughCsv {

    public static final String HEADER = "step,name,row,column,value";

    private WalkthroughCsv() {
    }

    /** The whole CSV, header first, one line per number, '\n' line ends. */
    public static String toCsv(Walkthrough walkthrough) {
        StringBuilder csv = new StringBuilder(1 << 20);
        csv.append(HEADER).append('\n');
        for (StepContent content : WalkthroughTexts.allContent(walkthrough, Locale.ENGLISH)) {
            int step = content.step().number();
            for (Quantity quantity : content.quantities()) {
                for (int r = 0; r < quantity.rows(); r++) {
                    for (int c = 0; c < quantity.columns(); c++) {
                        csv.append(step).append(',').append(quantity.name()).append(',').append(r).append(',')
                                .append(c).append(',').append(quantity.get(r, c)).append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }

    /** Writes {@link #toCsv} as UTF-8, atomically. */
    public static void write(Walkthrough walkthrough, Path file) throws IOException {
        byte[] bytes = toCsv(walkthrough).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
