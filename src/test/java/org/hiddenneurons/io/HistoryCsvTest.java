package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.train.TrainingHistory.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    @TempDir
    Path folder;

    @Test
    void roundTripGivesBackTheSameDoublesIncludingMissingTestValues() throws Exception {
        Random random = new Random(42);
        List<EpochMetrics> history = new ArrayList<>();
        for (int step = 0; step < 50; step++) {
            int epoch = step < 10 ? 0 : step - 9; // a paced first epoch of 10 steps, then epoch ends
            history.add(new EpochMetrics(epoch, random.nextDouble() * 3, step % 7 == 0 ? Double.NaN : random.nextDouble(),
                    random.nextDouble(), step % 7 == 0 ? Double.NaN : random.nextDouble(), step * 0.013,
                    step < 10 ? step : 10 * epoch));
        }
        Path file = folder.resolve("history.csv");

        HistoryCsv.save(file, history);

        assertEquals(history, HistoryCsv.load(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(HistoryCsv.HEADER, lines.get(0));
        assertEquals(history.size() + 1, lines.size());
        assertTrue(lines.get(1).startsWith("0,") && lines.get(1).contains(",,"), "NaN is an empty field: " + lines.get(1));
    }

    @Test
    void parsesAHandWrittenFile() throws Exception {
        Path file = write("epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds\n" // before the step column
                + "1,0.5,0.6,0.9,0.85,1.5\n\n2,0.25,,0.95,,3\n");

        List<EpochMetrics> history = HistoryCsv.load(file);

        assertEquals(List.of(new EpochMetrics(1, 0.5, 0.6, 0.9, 0.85, 1.5),
                new EpochMetrics(2, 0.25, Double.NaN, 0.95, Double.NaN, 3.0)), history);
    }

    @Test
    void malformedFilesNameFileLineAndColumn() throws Exception {
        assertRejects(write("epoch,loss\n1,2\n"), "line 1", "header");
        assertRejects(write(HistoryCsv.HEADER + "\n1,0.5,0.6,0.9\n"), "line 2", "expected 7 fields, found 4");
        assertRejects(write(HistoryCsv.HEADER + "\n1,0.5,abc,0.9,0.8,1,1\n"), "line 2, testLoss", "\"abc\" is not a number");
        assertRejects(write(HistoryCsv.HEADER + "\n1.5,0.5,0.6,0.9,0.8,1,1\n"), "line 2, epoch", "not an integer");
        assertRejects(write(HistoryCsv.HEADER + "\n0,0.5,0.6,0.9,0.8,1,2\n0,0.5,0.6,0.9,0.8,1,2\n"), "line 3, step",
                "does not follow step 2");
        assertRejects(write(HistoryCsv.HEADER + "\n2,0.5,0.6,0.9,0.8,1,80\n1,0.5,0.6,0.9,0.8,1,81\n"), "line 3, epoch",
                "comes after epoch 2");
        assertRejects(write(HistoryCsv.HEADER_WITHOUT_STEPS + "\n2,0.5,0.6,0.9,0.8,1\n2,0.5,0.6,0.9,0.8,1\n"),
                "line 3, epoch", "does not follow epoch 2");
        assertRejects(write(HistoryCsv.HEADER + "\n1,0.5,0.6,0.9,0.8,NaN,1\n"), "line 2, seconds", "not a number");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(folder, "history", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertRejects(Path file, String place, String problem) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> HistoryCsv.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": " + place + ": "), () -> "names file and place: " + message);
        assertTrue(message.contains(problem), () -> "says \"" + problem + "\": " + message);
    }
}
