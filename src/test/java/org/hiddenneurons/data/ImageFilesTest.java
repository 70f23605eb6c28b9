package org.hiddenneurons.data;

import static org.hiddenneurons.data.FormatErrors.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
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

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void readsPngPixelsExactly() throws Exception {
        Random random = new Random(42);
        int width = 7;
        int height = 3;
        int[] argb = new int[width * height];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
            image.setRGB(i % width, i / width, argb[i]);
        }
        Path file = dir.resolve("random.png");
        ImageIO.write(image, "png", file.toFile());
        ArgbImage read = ImageFiles.readArgb(file);
        assertEquals(width, read.width());
        assertEquals(height, read.height());
        assertArrayEquals(argb, read.argb());
    }

    @Test
    void readsBmp() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0xff8040);
        Path file = dir.resolve("small.bmp");
        ImageIO.write(image, "bmp", file.toFile());
        ArgbImage read = ImageFiles.readArgb(file);
        assertEquals(0xffff8040, read.argb()[1]);
    }

    @Test
    void rejectsFileThatIsNotAnImage() throws IOException {
        Path file = dir.resolve("text.png");
        Files.writeString(file, "hello");
        assertRejects(() -> ImageFiles.readArgb(file), file, "byte 0", "not a PNG, JPEG, BMP or GIF image");
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("nowhere.png");
        assertRejects(() -> ImageFiles.readArgb(file), file, null, "does not exist");
    }

    @Test
    void rejectsHugeClaimedSizeBeforeDecoding() throws IOException {
        Path file = dir.resolve("bomb.png");
        Files.write(file, pngHeaderOnly(100_000, 100_000));
        assertRejects(() -> ImageFiles.readArgb(file), file, "image header", "value out of range: 100000x100000 pixels");
    }

    @Test
    void rejectsTruncatedPng() throws IOException {
        Path file = dir.resolve("cut.png");
        Files.write(file, pngHeaderOnly(10, 10));
        assertRejects(() -> ImageFiles.readArgb(file), file, "image data", "cannot be decoded");
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
