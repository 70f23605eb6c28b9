package org.hiddenneurons.reliability;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.DigitsImage;

/**
 * The digits sheet (a 2000×1000 PNG) through {@link DatasetLoader#load} and {@link DigitsImage#load}:
 * one valid sheet generated in memory, then byte mutations (mostly in the header and first chunks,
 * where a change matters most) and IHDR size changes with the CRC fixed.
 */
class DigitsSheetFuzzTest {

    static final String FORMAT = "digits sheet PNG";
    /** Decoding a sheet takes tens of milliseconds: fewer tries keep the suite fast. */
    static final int TRIES = FuzzHarness.TRIES / 3;
    /** Byte mutations hit the first this many bytes (signature, IHDR, the start of IDAT) half the time. */
    static final int HEADER_BYTES = 64;

    private static byte[] valid;
    private static Path dir;

    @BeforeContainer
    static void createSheet() throws IOException {
        dir = Files.createTempDirectory("digits-fuzz");
        int width = DigitsImage.COLUMNS * DigitsImage.CELL;
        int height = DigitsImage.ROWS * DigitsImage.CELL;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(42);
        // A short bright stroke per cell: compressible like the real sheet, yet not blank.
        for (int cell = 0; cell < DigitsImage.COLUMNS * DigitsImage.ROWS; cell++) {
            int x0 = (cell % DigitsImage.COLUMNS) * DigitsImage.CELL + 4 + random.nextInt(8);
            int y0 = (cell / DigitsImage.COLUMNS) * DigitsImage.CELL + 4;
            for (int y = 0; y < 12; y++) {
                sheet.getRaster().setSample(x0, y0 + y, 0, 255);
            }
        }
        valid = ImageFuzzTest.encode(sheet, "png");
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.deleteTree(dir);
    }

    @Property(tries = TRIES, seed = FuzzHarness.SEED)
    void digitsSheetIsReadOrRejectedNamingTheFile(@ForAll("sheetMutations") Mutation mutation, @ForAll boolean viaLoader)
            throws IOException {
        byte[] bytes = mutation.apply(valid);
        Path file = dir.resolve("fuzz-digits.png");
        Files.write(file, bytes);
        String description = (viaLoader ? "DatasetLoader.load" : "DigitsImage.load") + ", " + mutation;
        FuzzHarness.check(FORMAT, mutation.kind(), description, bytes.length,
                () -> viaLoader ? DatasetLoader.load(file) : DigitsImage.load(file),
                data -> FuzzHarness.checkDataset(data, description), file.toString());
    }

    @Provide
    Arbitrary<Mutation> sheetMutations() {
        Arbitrary<Mutation> headerFlip = Combinators.combine(Arbitraries.integers().between(1, Mutation.MAX_FLIPS),
                Arbitraries.longs()).as(DigitsSheetFuzzTest::flipHeader);
        return Arbitraries.frequencyOf(Tuple.of(2, Mutation.bytes()), Tuple.of(2, headerFlip),
                Tuple.of(2, ImageFuzzTest.headerMutations("png")));
    }

    static Mutation flipHeader(int count, long seed) {
        return new Mutation("flip header bytes", count + " bytes in the first " + HEADER_BYTES + ", seed " + seed,
                bytes -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < count; i++) {
                        bytes[random.nextInt(Math.min(HEADER_BYTES, bytes.length))] ^= (byte) (1 + random.nextInt(255));
                    }
                    return bytes;
                });
    }
}
