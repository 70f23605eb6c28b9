package org.hiddenneurons.data;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
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
    /** Bytes read between two progress reports and cancellation checks. */
    static final int CHUNK_BYTES = 1024 * 1024;

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
        return read(file, maxBytes, LoadProgress.NONE);
    }

    /**
     * The file's bytes, at most {@link #MAX_BYTES}, reporting the fraction of the file read (for a
     * .gz: of the compressed bytes) every {@link #CHUNK_BYTES}.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled
     */
    static byte[] read(Path file, LoadProgress progress) throws DataFormatException {
        return read(file, MAX_BYTES, progress);
    }

    static byte[] read(Path file, int maxBytes, LoadProgress progress) throws DataFormatException {
        byte[] bytes = isGzip(file) ? readGzip(file, maxBytes, progress) : readPlain(file, maxBytes, progress);
        progress.report(1);
        return bytes;
    }

    private static byte[] readPlain(Path file, int maxBytes, LoadProgress progress) throws DataFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw DataFormatException.at(file, null, "is " + size + " bytes, more than the "
                        + maxBytes + " bytes a data file may hold");
            }
            // The size was checked against the cap, so allocating it is safe.
            byte[] bytes = new byte[(int) size];
            int filled = 0;
            while (filled < bytes.length) {
                progress.checkCancelled();
                int read = in.readNBytes(bytes, filled, Math.min(CHUNK_BYTES, bytes.length - filled));
                if (read == 0) {
                    return java.util.Arrays.copyOf(bytes, filled); // the file shrank while being read
                }
                filled += read;
                progress.report((double) filled / bytes.length);
            }
            if (in.read() >= 0) {
                throw DataFormatException.at(file, "byte " + size, "the file grew while being read");
            }
            return bytes;
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
    }

    private static byte[] readGzip(Path file, int maxBytes, LoadProgress progress) throws DataFormatException {
        try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
             InputStream in = new GZIPInputStream(raw, GZIP_BUFFER_BYTES)) {
            double compressedSize = Math.max(1, Files.size(file));
            // Grows as data actually arrives; never allocates the cap up front.
            ByteArrayOutputStream out = new ByteArrayOutputStream(GZIP_BUFFER_BYTES);
            byte[] chunk = new byte[GZIP_BUFFER_BYTES];
            long sinceCheck = 0;
            int read;
            while ((read = in.read(chunk)) >= 0) {
                if ((long) out.size() + read > maxBytes) {
                    throw DataFormatException.at(file, "byte " + maxBytes + " (decompressed)",
                            "decompresses to more than the " + maxBytes + " bytes a data file may hold");
                }
                out.write(chunk, 0, read);
                sinceCheck += read;
                if (sinceCheck >= CHUNK_BYTES) {
                    sinceCheck = 0;
                    progress.checkCancelled();
                    progress.report(raw.count() / compressedSize);
                }
            }
            progress.checkCancelled();
            return out.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw DataFormatException.at(file, null, "is not valid gzip data: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw DataFormatException.at(file, null, "is truncated: the gzip stream ends early", e);
        } catch (IOException e) {
            throw DataFormatException.at(file, null, "cannot be read: " + e, e);
        }
    }

    /** Counts the bytes read through it (the compressed side of a gzip stream, for progress). */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
