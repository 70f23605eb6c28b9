package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.data.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsCsvTest {

    @TempDir
    Path folder;

    @Test
    void roundTripIsBitExact() throws Exception {
        Random random = new Random(42);
        int rows = 25;
        int columns = 401;
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                case 2 -> -random.nextDouble() * 1e-300;
                default -> 1.0 / (1 + random.nextInt(1000));
            };
        }
        values[0] = -0.0;
        values[1] = Double.MIN_VALUE;
        values[2] = -Double.MAX_VALUE;
        Path file = folder.resolve("Theta1.csv");
        WeightsCsv.write(file, values, rows, columns);
        WeightsCsv.Matrix matrix = WeightsCsv.read(file);
        assertEquals(rows, matrix.rows());
        assertEquals(columns, matrix.columns());
        assertArrayEquals(values, matrix.values());
    }

    @Test
    void oneMatrixRowPerLineInTheThetaLayout() throws Exception {
        double[] values = {1.5, -2.0, 0.25, 4.0, 5.0, 6.0};
        Path file = folder.resolve("m.csv");
        WeightsCsv.write(file, values, 2, 3);
        assertEquals(List.of("1.5,-2.0,0.25", "4.0,5.0,6.0"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void badCellIsNamedByLineAndField() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "1,2,3\n4,x,6\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> WeightsCsv.read(file));
        assertTrue(e.getMessage().contains("line 2, field 2: \"x\" is not a number"), e.getMessage());
    }

    @Test
    void raggedRowIsNamed() throws Exception {
        Path file = folder.resolve("ragged.csv");
        Files.writeString(file, "1,2,3\n4,5\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> WeightsCsv.read(file));
        assertTrue(e.getMessage().contains("line 2: has 2 values, expected 3"), e.getMessage());
    }

    @Test
    void wrongValueCountIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WeightsCsv.write(folder.resolve("x.csv"), new double[5], 2, 3));
    }
}
