package org.hiddenneurons.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reads a whole file, plain or gzip-compressed, never trusting a size it has not seen. */
final class FileBytes {

    /**
     * The most bytes a data file may hold (after decompression): 512 MiB, ~8× the 47 MB of
     * MNIST's 60 000 training images. A .gz has no length up front, so its content is read as it
     * arrives and the read stops at this cap.
     */
    static final int MAX_BYTES = 512 * 1024 * 1024;

    private static final int GZIP_BUFFER_BYTES = 64 * 1024;

    private FileBytes() {
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The file's bytes; a name ending in .gz is decompressed. At most {@link #MAX_BYTES}. */
    static byte[] read(Path file) throws DataFormatException {
        return read(file, MAX_BYTES);
    }

    /** The file's bytes, at most {@code maxBytes} (after decompression). */
    static byte[] read(Path file, int maxBytes) throws DataFormatException {
        return isGzip(file) ? readGzip(file, maxBytes) : readPlain(file, maxBytes);
    }

    private static byte[] readPlain(Path file, int maxBytes) throws DataFormatException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw DataFormatException.at(file, null, "is " + size + " bytes, more than the "
                        + maxBytes + " bytes a data file may hold");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
    }

    private static byte[] readGzip(Path file, int maxBytes) throws DataFormatException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), GZIP_BUFFER_BYTES)) {
            // readNBytes grows its buffers as data actually arrives; it does not allocate the limit.
            byte[] bytes = in.readNBytes(maxBytes);
            if (in.read() >= 0) {
                throw DataFormatException.at(file, "byte " + maxBytes + " (decompressed)",
                        "decompresses to more than the " + maxBytes + " bytes a data file may hold");
            }
            return bytes;
        } catch (java.util.zip.ZipException e) {
            throw DataFormatException.at(file, null, "is not valid gzip data: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw DataFormatException.at(file, null, "is truncated: the gzip stream ends early", e);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
    }
}
