package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsByteValuesWithHeaderAsSquareImages() throws Exception {
        Path file = write("small.csv", "label,p0,p1,p2,p3\n3,0,255,51,102\n7,255,0,0,0\n");
        Dataset data = CsvReader.read(file);
        assertEquals("small.csv", data.name());
        assertEquals(2, data.width());
        assertEquals(2, data.height());
        assertEquals(2, data.size());
        assertEquals(10, data.classCount(), "labels 0..9 are digits: 10 classes");
        assertArrayEquals(new int[] {3, 7}, data.labels());
        assertArrayEquals(new double[] {0, 1, 0.2, 0.4, 1, 0, 0, 0}, data.pixels(), TOLERANCE);
    }

    @Test
    void readsUnitValuesWithoutHeader() throws Exception {
        Path file = write("unit.csv", "1, 0.0, 0.5, 1.0, .25\r\n\r\n0,1,0,0,1e-1\n");
        Dataset data = CsvReader.read(file);
        assertArrayEquals(new double[] {0, 0.5, 1, 0.25, 1, 0, 0, 0.1}, data.pixels(), TOLERANCE);
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void readsCommittedFixtureWithByteOrderMark() throws Exception {
        Path file = Path.of("src/test/resources/data/three-by-two.csv");
        Dataset data = CsvReader.read(file, 3, 2);
        assertEquals(3, data.width());
        assertEquals(2, data.height());
        assertEquals(3, data.size());
        assertArrayEquals(new int[] {0, 1, 2}, data.labels());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0}, data.sample(0), TOLERANCE);
    }

    @Test
    void classCountFollowsLargestLabelBeyondDigits() throws Exception {
        Path file = write("many.csv", "12,0\n3,1\n");
        assertEquals(13, CsvReader.read(file, 1, 1).classCount());
    }

    @Test
    void explicitClassCountIsKept() throws Exception {
        Path file = write("two.csv", "0,0\n1,1\n");
        assertEquals(2, CsvReader.read(file, 1, 1, 2).classCount());
    }

    @Test
    void rejectsFieldThatIsNotANumber() throws IOException {
        Path file = write("bad.csv", "1,0,0,0,0\n2,0,abc,0,0\n");
        assertRejects(() -> CsvReader.read(file), file, "line 2, field 3", "\"abc\" is not a number");
    }

    @Test
    void rejectsNaNAndInfinity() throws IOException {
        Path nan = write("nan.csv", "1,NaN\n");
        assertRejects(() -> CsvReader.read(nan), nan, "line 1, field 2", "is not a number");
        Path inf = write("inf.csv", "1,Infinity\n");
        assertRejects(() -> CsvReader.read(inf), inf, "line 1, field 2", "is not a number");
    }

    @Test
    void rejectsLineWithWrongFieldCount() throws IOException {
        Path file = write("short.csv", "1,0,0,0,0\n2,0,0,0\n");
        assertRejects(() -> CsvReader.read(file), file, "line 2", "count mismatch: 4 fields, expected 5");
    }

    @Test
    void rejectsPixelOutOfRange() throws IOException {
        Path high = write("high.csv", "1,0,256,0,0\n");
        assertRejects(() -> CsvReader.read(high), high, "line 1, field 3", "value out of range: 256");
        Path negative = write("negative.csv", "1,0,0,-0.5,0\n");
        assertRejects(() -> CsvReader.read(negative), negative, "line 1, field 4", "value out of range: -0.5");
    }

    @Test
    void rejectsLabelThatIsNotAWholeNumberOrNegative() throws IOException {
        Path fraction = write("fraction.csv", "2.5,0\n");
        assertRejects(() -> CsvReader.read(fraction), fraction, "line 1, field 1", "label 2.5 is not a whole number");
        Path negative = write("neglabel.csv", "0,0\n-1,0\n");
        assertRejects(() -> CsvReader.read(negative), negative, "line 2, field 1", "label -1 is not a whole number");
    }

    @Test
    void rejectsUnknownLabelWhenClassCountIsGiven() throws IOException {
        Path file = write("unknown.csv", "0,0\n10,0\n");
        assertRejects(() -> CsvReader.read(file, 1, 1, 10), file, "line 2, field 1", "unknown label 10: expected 0..9");
    }

    @Test
    void rejectsAbsurdlyLargeLabel() throws IOException {
        Path file = write("huge.csv", "99999999,0\n");
        assertRejects(() -> CsvReader.read(file), file, "line 1, field 1", "value out of range: label 99999999");
    }

    @Test
    void rejectsNonSquareRowWhenSizeIsInferred() throws IOException {
        Path file = write("nonsquare.csv", "label,a,b,c\n1,0,0,0\n");
        assertRejects(() -> CsvReader.read(file), file, "line 2", "3 pixel values after the label is not a square");
    }

    @Test
    void rejectsFileWithoutSamples() throws IOException {
        Path empty = write("empty.csv", "");
        assertRejects(() -> CsvReader.read(empty), empty, null, "no samples");
        Path headerOnly = write("header.csv", "label,p0\n\n");
        assertRejects(() -> CsvReader.read(headerOnly), headerOnly, null, "no samples");
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("missing.csv");
        assertRejects(() -> CsvReader.read(file), file, null, "cannot be read");
    }

    @Test
    void readsManyLinesGrowingItsBuffers() throws Exception {
        StringBuilder csv = new StringBuilder();
        int samples = 1000;
        for (int i = 0; i < samples; i++) {
            csv.append(i % 10).append(',').append(i % 256).append(",0,0,").append(255 - i % 256).append('\n');
        }
        Dataset data = CsvReader.read(write("grow.csv", csv.toString()));
        assertEquals(samples, data.size());
        assertEquals(999 % 256 / 255.0, data.sample(999)[0], TOLERANCE);
        assertEquals(9, data.label(999));
    }
}
