package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    /** Stored values are divisions of integers: the reader must return the very same doubles. */
    private static final double EXACT = 0.0;
    private static final String FIXTURES = "/data/png/";

    private static JsonNode expected() throws IOException {
        try (InputStream in = ImageFilesTest.class.getResourceAsStream(FIXTURES + "expected.json")) {
            assertNotNull(in, "run python3 scripts/png_fixtures.py");
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ImageFilesTest.class.getResource(FIXTURES + name).toURI());
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /**
     * Every PNG colour type and bit depth, made by scripts/png_fixtures.py (zlib + struct, no
     * imaging library) with the stored values it wrote: the reader returns exactly those.
     */
    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : expected().get("cases")) {
            cases.add(Arguments.of(c.get("file").asText(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsEveryPngColourTypeAndBitDepthAsItsStoredValues(String name, JsonNode c) throws Exception {
        StoredImage read = ImageFiles.read(fixture(name));
        assertEquals(c.get("width").asInt(), read.width());
        assertEquals(c.get("height").asInt(), read.height());
        assertArrayEquals(doubles(c.get("luminance")), read.luminance(), EXACT, name + " luminance");
        if (c.get("alpha").isNull()) {
            assertNull(read.alpha(), name + " is opaque");
        } else {
            assertArrayEquals(doubles(c.get("alpha")), read.alpha(), EXACT, name + " alpha");
        }
    }

    static Stream<Arguments> unsupportedFixtures() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : expected().get("unsupported")) {
            cases.add(Arguments.of(c.get("file").asText(), c.get("colorType").asInt(), c.get("bitDepth").asInt()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedFixtures")
    void rejectsUndefinedColourTypeOrBitDepthInOneLineNamingTheType(String name, int colourType, int depth)
            throws Exception {
        Path file = fixture(name);
        DataFormatException e = assertRejects(() -> ImageFiles.read(file), file, "PNG header",
                "unsupported PNG colour type " + colourType + " (");
        assertTrue(e.getMessage().contains("with bit depth " + depth + ";"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        // In a folder data set, the one bad file fails the whole load: nothing half-loaded.
        Files.copy(fixture("gray-8.png"), dir.resolve("0_good.png"));
        Files.copy(file, dir.resolve("1_bad.png"));
        assertRejects(() -> DatasetLoader.load(dir), dir.resolve("1_bad.png"), "PNG header",
                "unsupported PNG colour type " + colourType);
    }

    @Test
    void sixteenBitGrayKeepsItsPrecision() throws Exception {
        int[] stored = {0, 1, 32767, 65534, 65535, 12345};
        BufferedImage image = new BufferedImage(stored.length, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setPixels(0, 0, stored.length, 1, stored);
        Path file = dir.resolve("sixteen.png");
        ImageIO.write(image, "png", file.toFile());
        double[] values = ImageFiles.read(file).luminance();
        for (int i = 0; i < stored.length; i++) {
            assertEquals(stored[i] / 65535.0, values[i], EXACT, "sample " + stored[i]);
        }
    }

    @Test
    void readsArgbPngAsLuminanceAndAlphaOfItsStoredChannels() throws Exception {
        Random random = new Random(42);
        int width = 7;
        int height = 3;
        int[] argb = new int[width * height];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt() | (i == 0 ? 0 : 0xff000000);
            image.setRGB(i % width, i / width, argb[i]);
        }
        Path file = dir.resolve("random.png");
        ImageIO.write(image, "png", file.toFile());
        StoredImage read = ImageFiles.read(file);
        assertEquals(width, read.width());
        assertEquals(height, read.height());
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double expected = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 255000.0;
            assertEquals(expected, read.luminance()[i], EXACT, "pixel " + i);
            assertEquals((p >>> 24) / 255.0, read.alpha()[i], EXACT, "alpha " + i);
        }
    }

    @Test
    void readsBmp() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0xff8040);
        Path file = dir.resolve("small.bmp");
        ImageIO.write(image, "bmp", file.toFile());
        StoredImage read = ImageFiles.read(file);
        assertEquals((299 * 0xff + 587 * 0x80 + 114 * 0x40) / 255000.0, read.luminance()[1], EXACT);
        assertNull(read.alpha());
    }

    @Test
    void rejectsFileThatIsNotAnImage() throws IOException {
        Path file = dir.resolve("text.png");
        Files.writeString(file, "hello");
        assertRejects(() -> ImageFiles.read(file), file, "byte 0", "not a PNG, JPEG, BMP or GIF image");
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("nowhere.png");
        assertRejects(() -> ImageFiles.read(file), file, null, "does not exist");
    }

    @Test
    void rejectsHugeClaimedSizeBeforeDecoding() throws IOException {
        Path file = dir.resolve("bomb.png");
        Files.write(file, pngHeaderOnly(100_000, 100_000));
        assertRejects(() -> ImageFiles.read(file), file, "image header", "value out of range: 100000x100000 pixels");
    }

    @Test
    void rejectsTruncatedPng() throws IOException {
        Path file = dir.resolve("cut.png");
        Files.write(file, pngHeaderOnly(10, 10));
        assertRejects(() -> ImageFiles.read(file), file, "image data", "cannot be decoded");
    }

    /** A PNG signature and a valid IHDR chunk (8-bit gray) and nothing else. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height)
                .put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(PNG_SIGNATURE).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue()).array();
    }
}
