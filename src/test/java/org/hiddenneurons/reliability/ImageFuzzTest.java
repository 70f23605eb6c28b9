package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hiddenneurons.data.StoredImage;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.ImageFiles;

/**
 * Single images to predict ({@link ImageFiles#read}: PNG, JPEG, BMP, GIF) and a small PNG given to
 * {@link DatasetLoader#load} (not the digits sheet: must be rejected, never crash). Mutations: bytes,
 * and each format's width/height header fields set to hostile values (for PNG with the chunk CRC
 * fixed up, so the decoder cannot reject the header by its checksum).
 */
class ImageFuzzTest {

    static final String FORMAT = "image to predict";
    static final int WIDTH = 12;
    static final int HEIGHT = 10;
    /** PNG: IHDR width, height (big-endian ints); its CRC follows the 13 data bytes. */
    static final int PNG_WIDTH_OFFSET = 16;
    static final int PNG_HEIGHT_OFFSET = 20;
    static final int PNG_IHDR_TYPE_OFFSET = 12;
    static final int PNG_IHDR_DATA_BYTES = 13;
    /** BMP: BITMAPINFOHEADER width, height (little-endian ints), bits per pixel (short). */
    static final int BMP_WIDTH_OFFSET = 18;
    static final int BMP_HEIGHT_OFFSET = 22;
    static final int BMP_BITS_OFFSET = 28;
    /** GIF: logical screen width, height (little-endian shorts). */
    static final int GIF_WIDTH_OFFSET = 6;
    static final int GIF_HEIGHT_OFFSET = 8;

    /** Format name (ImageIO writer) → a valid small image in it. */
    private static Map<String, byte[]> valid;
    private static Path dir;

    @BeforeContainer
    static void createImages() throws IOException {
        dir = Files.createTempDirectory("image-fuzz");
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage gray = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(image, 0, 0, null);
        valid = Map.of("png", encode(image, "png"), "gray.png", encode(gray, "png"), "jpg", encode(image, "jpg"),
                "bmp", encode(image, "bmp"), "gif", encode(image, "gif"));
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.writeTally(FORMAT + " (as data set)");
        FuzzHarness.deleteTree(dir);
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Property(tries = FuzzHarness.TRIES, seed = FuzzHarness.SEED)
    void imageIsReadOrRejectedNamingTheFile(@ForAll("cases") Tuple.Tuple2<String, Mutation> formatAndMutation)
            throws IOException {
        String format = formatAndMutation.get1();
        Mutation mutation = formatAndMutation.get2();
        byte[] bytes = mutation.apply(valid.get(format));
        Path file = dir.resolve("fuzz." + format);
        Files.write(file, bytes);
        String description = format + ", " + mutation;
        FuzzHarness.check(FORMAT, format + ": " + mutation.kind(), description, bytes.length,
                () -> ImageFiles.read(file), image -> checkImage(image, description), file.toString());
    }

    @Property(tries = FuzzHarness.TRIES / 3, seed = FuzzHarness.SEED)
    void smallPngAsDataSetIsRejectedNamingTheFile(@ForAll("pngMutations") Mutation mutation) throws IOException {
        byte[] bytes = mutation.apply(valid.get("png"));
        Path file = dir.resolve("fuzz-dataset.png");
        Files.write(file, bytes);
        FuzzHarness.check(FORMAT + " (as data set)", mutation.kind(), mutation.toString(), bytes.length,
                () -> DatasetLoader.load(file), data -> fail("a " + WIDTH + "x" + HEIGHT + " PNG is not a data set"),
                file.toString());
    }

    static void checkImage(StoredImage image, String description) {
        if (image.width() < 1 || image.height() < 1 || image.luminance().length != image.width() * image.height()) {
            fail(description + ": image " + image.width() + "x" + image.height() + " with " + image.luminance().length
                    + " pixels");
        }
    }

    /** A format with a byte mutation or one of its own header mutations. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, Mutation>> cases() {
        return Arbitraries.of(valid.keySet().stream().sorted().toList())
                .flatMap(format -> Arbitraries.frequencyOf(Tuple.of(1, Mutation.bytes()), Tuple.of(1, headerMutations(format)))
                        .map(mutation -> Tuple.of(format, mutation)));
    }

    @Provide
    Arbitrary<Mutation> pngMutations() {
        return Arbitraries.frequencyOf(Tuple.of(1, Mutation.bytes()), Tuple.of(1, headerMutations("png")));
    }

    /** Width/height (one, or both to a large size still under the pixel limit) and similar header fields. */
    static Arbitrary<Mutation> headerMutations(String format) {
        Arbitrary<Integer> hostile = Mutation.hostileInt();
        Arbitrary<Integer> large = Arbitraries.of(1024, 4096, 8000, 8192, 16_384, 65_535);
        Arbitrary<Boolean> fixCrc = Arbitraries.of(true, false);
        return switch (format) {
            case "png", "gray.png" -> Arbitraries.oneOf(
                    Combinators.combine(Arbitraries.of(PNG_WIDTH_OFFSET, PNG_HEIGHT_OFFSET), hostile, fixCrc)
                            .as(ImageFuzzTest::pngSize),
                    Combinators.combine(large, large, fixCrc).as(ImageFuzzTest::pngLargeSize));
            case "bmp" -> Arbitraries.oneOf(
                    Combinators.combine(Arbitraries.of(BMP_WIDTH_OFFSET, BMP_HEIGHT_OFFSET), hostile)
                            .as((offset, value) -> Mutation.setInt(offset == BMP_WIDTH_OFFSET ? "BMP width" : "BMP height",
                                    offset, value, ByteOrder.LITTLE_ENDIAN)),
                    Combinators.combine(large, large).as((width, height) -> both(
                            Mutation.setInt("BMP width", BMP_WIDTH_OFFSET, width, ByteOrder.LITTLE_ENDIAN),
                            Mutation.setInt("BMP height", BMP_HEIGHT_OFFSET, height, ByteOrder.LITTLE_ENDIAN))),
                    hostile.map(value -> Mutation.setShort("BMP bits per pixel", BMP_BITS_OFFSET, value,
                            ByteOrder.LITTLE_ENDIAN)));
            case "gif" -> Arbitraries.oneOf(
                    Combinators.combine(Arbitraries.of(GIF_WIDTH_OFFSET, GIF_HEIGHT_OFFSET), hostile)
                            .as((offset, value) -> Mutation.setShort(offset == GIF_WIDTH_OFFSET ? "GIF width" : "GIF height",
                                    offset, value, ByteOrder.LITTLE_ENDIAN)),
                    Combinators.combine(large, large).as((width, height) -> both(
                            Mutation.setShort("GIF width", GIF_WIDTH_OFFSET, width, ByteOrder.LITTLE_ENDIAN),
                            Mutation.setShort("GIF height", GIF_HEIGHT_OFFSET, height, ByteOrder.LITTLE_ENDIAN))));
            case "jpg" -> Combinators.combine(Arbitraries.of(true, false), hostile).as(ImageFuzzTest::jpegSize);
            default -> throw new IllegalArgumentException(format);
        };
    }

    /** Both mutations, tallied as "header size". */
    static Mutation both(Mutation first, Mutation second) {
        return new Mutation("header size (both, large)", first.detail() + ", " + second.detail(),
                bytes -> second.operation().apply(first.operation().apply(bytes)));
    }

    static Mutation pngLargeSize(int width, int height, boolean fixCrc) {
        Mutation w = pngSize(PNG_WIDTH_OFFSET, width, false);
        Mutation h = pngSize(PNG_HEIGHT_OFFSET, height, fixCrc);
        return new Mutation("header size (both, large)" + (fixCrc ? " (CRC fixed)" : ""), w.detail() + ", " + h.detail(),
                bytes -> h.operation().apply(w.operation().apply(bytes)));
    }

    /** Sets the height or width of the first SOF marker (0xFFC0..0xFFC2) of a JPEG. */
    static Mutation jpegSize(boolean width, int value) {
        return new Mutation("header JPEG " + (width ? "width" : "height"), (width ? "width" : "height") + " := "
                + (value & 0xffff), bytes -> {
                    for (int i = 0; i + 9 < bytes.length; i++) {
                        if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) >= 0xc0 && (bytes[i + 1] & 0xff) <= 0xc2) {
                            ByteBuffer.wrap(bytes).putShort(i + (width ? 7 : 5), (short) value);
                            break;
                        }
                    }
                    return bytes;
                });
    }

    /** Sets a PNG IHDR field, fixing the chunk's CRC when {@code fixCrc} (harmless on other formats' bytes). */
    static Mutation pngSize(int offset, int value, boolean fixCrc) {
        String field = offset == PNG_WIDTH_OFFSET ? "PNG width" : "PNG height";
        Mutation set = Mutation.setInt(field, offset, value, ByteOrder.BIG_ENDIAN);
        return new Mutation(set.kind() + (fixCrc ? " (CRC fixed)" : ""), set.detail() + (fixCrc ? ", CRC fixed" : ""),
                bytes -> {
                    byte[] out = set.operation().apply(bytes);
                    int crcOffset = PNG_IHDR_TYPE_OFFSET + 4 + PNG_IHDR_DATA_BYTES;
                    if (fixCrc && out.length >= crcOffset + 4) {
                        CRC32 crc = new CRC32();
                        crc.update(out, PNG_IHDR_TYPE_OFFSET, 4 + PNG_IHDR_DATA_BYTES);
                        ByteBuffer.wrap(out).putInt(crcOffset, (int) crc.getValue());
                    }
                    return out;
                });
    }
}
