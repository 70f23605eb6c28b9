package org.hiddenneurons.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hiddenneurons.data.CsvReader;
import org.hiddenneurons.data.DatasetLoader;

/**
 * CSV data sets ({@link CsvReader} through {@link DatasetLoader#load}): a small valid file, then byte
 * mutations and CSV-aware ones (hostile numbers in a field, wrong field counts, header only,
 * oversized lines).
 */
class CsvFuzzTest {

    static final String FORMAT = "CSV";

    /** Numbers and non-numbers a field may hold: non-finite, overflowing, negative zero, other notations. */
    static final List<String> HOSTILE_FIELDS = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "1e308",
            "-1e308", "1.8e308", "-0", "-0.0", "0.0", "1e-400", "4.9e-324", "99999999999999999999", "2147483648",
            "-2147483649", "-1", "256", "255.0001", "1.0000001", "abc", "", " ", "0x1p3", "1d", "1f", "+5", "\"3\"",
            "\u0663", "1e", ".", " 7 ", "7 8", "1_000", "\u221e", "1e999999999", "0".repeat(100_000) + "1",
            "9".repeat(10_000), "\0", "3\r", "label");
    /** Fields in the oversized line (~2 MB of text). */
    static final int OVERSIZED_LINE_FIELDS = 1_000_000;

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("csv-fuzz");
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.deleteTree(dir);
    }

    /** A valid CSV: optional header, 1–8 samples of side 1–5, pixels 0–255 or [0, 1], labels 0–9. */
    static String validCsv(long seed) {
        Random random = new Random(seed);
        int side = 1 + random.nextInt(5);
        int samples = 1 + random.nextInt(8);
        boolean unitScale = random.nextBoolean();
        StringBuilder csv = new StringBuilder();
        if (random.nextBoolean()) {
            csv.append("label");
            for (int i = 0; i < side * side; i++) {
                csv.append(",pixel").append(i);
            }
            csv.append('\n');
        }
        for (int s = 0; s < samples; s++) {
            csv.append(random.nextInt(10));
            for (int i = 0; i < side * side; i++) {
                csv.append(',').append(unitScale ? Double.toString(random.nextInt(101) / 100.0)
                        : Integer.toString(random.nextInt(256)));
            }
            csv.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return csv.toString();
    }

    @Property(tries = FuzzHarness.TRIES, seed = FuzzHarness.SEED)
    void csvFileIsReadOrRejectedNamingTheFile(@ForAll long baseSeed, @ForAll("csvMutations") Mutation mutation)
            throws IOException {
        byte[] bytes = mutation.apply(validCsv(baseSeed).getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("fuzz.csv");
        Files.write(file, bytes);
        String description = "base seed " + baseSeed + ", " + mutation;
        FuzzHarness.check(FORMAT, mutation.kind(), description, bytes.length, () -> DatasetLoader.load(file),
                data -> FuzzHarness.checkDataset(data, description), file.toString());
    }

    @Property(tries = 20, seed = FuzzHarness.SEED)
    void directoryNamedLikeACsvIsRejected(@ForAll("names") String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name + ".csv"));
        FuzzHarness.check(FORMAT, "directory where a file is expected", folder.toString(), 0,
                () -> CsvReader.read(folder), data -> { }, folder.toString());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    }

    @Provide
    Arbitrary<Mutation> csvMutations() {
        Arbitrary<Double> position = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> field = Combinators.combine(position, position, Arbitraries.of(HOSTILE_FIELDS))
                .as(CsvFuzzTest::replaceField);
        Arbitrary<Mutation> dropField = Combinators.combine(position, position).as(CsvFuzzTest::dropField);
        Arbitrary<Mutation> addField = Combinators.combine(position, position).as(CsvFuzzTest::addField);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Mutation.bytes()),
                Tuple.of(6, field),
                Tuple.of(1, dropField),
                Tuple.of(1, addField),
                Tuple.of(1, Arbitraries.just(headerOnly())),
                Tuple.of(1, Arbitraries.of(oversizedLine(true), oversizedLine(false), longDigitLine())));
    }

    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static Mutation replaceField(double linePosition, double fieldPosition, String value) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "… (" + value.length() + " chars)" : value;
        return new Mutation("field := hostile value", "line at " + linePosition + ", field at " + fieldPosition
                + " := \"" + shown + "\"", bytes -> editField(bytes, linePosition, fieldPosition, fields -> {
                    fields.set(index(fields.size(), fieldPosition), value);
                }));
    }

    static Mutation dropField(double linePosition, double fieldPosition) {
        return new Mutation("wrong field count", "drop field at " + fieldPosition + " of line at " + linePosition,
                bytes -> editField(bytes, linePosition, fieldPosition, fields -> {
                    if (fields.size() > 1) {
                        fields.remove(index(fields.size(), fieldPosition));
                    }
                }));
    }

    static Mutation addField(double linePosition, double fieldPosition) {
        return new Mutation("wrong field count", "add field at " + fieldPosition + " of line at " + linePosition,
                bytes -> editField(bytes, linePosition, fieldPosition,
                        fields -> fields.add((int) (fields.size() * fieldPosition), "0")));
    }

    private static byte[] editField(byte[] bytes, double linePosition, double fieldPosition,
                                    java.util.function.Consumer<List<String>> edit) {
        List<String> lines = lines(bytes);
        int lineIndex = index(lines.size(), linePosition);
        List<String> fields = new ArrayList<>(Arrays.asList(lines.get(lineIndex).split(",", -1)));
        edit.accept(fields);
        lines.set(lineIndex, String.join(",", fields));
        return join(lines);
    }

    /** The element at {@code fraction} of a list of {@code size} (fraction 1 → the last). */
    private static int index(int size, double fraction) {
        return Math.min(size - 1, (int) (size * fraction));
    }

    static Mutation headerOnly() {
        return new Mutation("header only", "first line kept, as a header", bytes -> {
            String first = lines(bytes).get(0);
            return (first.startsWith("label") ? first : "label,pixel0") .getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A line of a million fields, appended or as the first data line. */
    static Mutation oversizedLine(boolean first) {
        return new Mutation("oversized line", OVERSIZED_LINE_FIELDS + " fields, " + (first ? "first" : "last"), bytes -> {
            String line = "1" + ",0".repeat(OVERSIZED_LINE_FIELDS - 1);
            List<String> lines = lines(bytes);
            lines.add(first ? 0 : lines.size(), line);
            return join(lines);
        });
    }

    /** One field of a million digits. */
    static Mutation longDigitLine() {
        return new Mutation("oversized line", "a field of a million digits", bytes -> {
            List<String> lines = lines(bytes);
            lines.add("1," + "7".repeat(1_000_000));
            return join(lines);
        });
    }
}
