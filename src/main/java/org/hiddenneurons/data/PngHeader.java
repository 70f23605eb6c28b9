package org.hiddenneurons.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a PNG's colour type and bit depth (its IHDR chunk) before any pixel is decoded, so a PNG
 * of a type the PNG specification (ISO/IEC 15948, table 11.1) does not define is rejected with one
 * line naming the file and the type, and nothing is half-loaded.
 *
 * <p>Defined: gray (type 0) 1/2/4/8/16 bits; RGB (2) 8/16; palette (3) 1/2/4/8; gray + alpha (4)
 * 8/16; RGBA (6) 8/16 — compression, filter method 0, interlace 0 or 1.
 */
final class PngHeader {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Signature 8, chunk length 4, "IHDR" 4, width 4, height 4, then bit depth, colour type, compression, filter, interlace. */
    private static final int BIT_DEPTH_OFFSET = 24;
    private static final int HEADER_BYTES = BIT_DEPTH_OFFSET + 5;

    /** What {@link #check} accepts, for the error message. */
    static final String SUPPORTED = "gray 1/2/4/8/16-bit, RGB 8/16-bit, palette 1/2/4/8-bit, gray+alpha 8/16-bit,"
            + " RGBA 8/16-bit";

    private PngHeader() {
    }

    /**
     * Does nothing for a file that does not start with the PNG signature (another format, or a
     * file too short to tell: the decoder reports those).
     *
     * @throws DataFormatException "{file}: PNG header: unsupported PNG colour type … with bit depth …"
     */
    static void check(Path file) throws DataFormatException {
        byte[] header = new byte[HEADER_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_BYTES);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (read < HEADER_BYTES || !Arrays.equals(header, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)
                || header[12] != 'I' || header[13] != 'H' || header[14] != 'D' || header[15] != 'R') {
            return;
        }
        int depth = header[BIT_DEPTH_OFFSET] & 0xff;
        int colourType = header[BIT_DEPTH_OFFSET + 1] & 0xff;
        int compression = header[BIT_DEPTH_OFFSET + 2] & 0xff;
        int filter = header[BIT_DEPTH_OFFSET + 3] & 0xff;
        int interlace = header[BIT_DEPTH_OFFSET + 4] & 0xff;
        if (!isDefined(colourType, depth)) {
            throw DataFormatException.at(file, "PNG header", "unsupported PNG colour type " + colourType + " ("
                    + typeName(colourType) + ") with bit depth " + depth + "; supported: " + SUPPORTED);
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw DataFormatException.at(file, "PNG header", "unsupported PNG compression " + compression + ", filter "
                    + filter + " or interlace method " + interlace + " (PNG defines 0, 0 and 0/1)");
        }
    }

    static boolean isDefined(int colourType, int depth) {
        return switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
    }

    static String typeName(int colourType) {
        return switch (colourType) {
            case 0 -> "gray";
            case 2 -> "RGB";
            case 3 -> "palette";
            case 4 -> "gray+alpha";
            case 6 -> "RGBA";
            default -> "not a PNG colour type";
        };
    }
}
