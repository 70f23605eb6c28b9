package org.hiddenneurons.io;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hiddenneurons.data.Dataset;

/**
 * A deterministic SHA-256 fingerprint of a data set's content, stored in model files so a model
 * can name exactly what it was trained on.
 *
 * <p>What is hashed, in this order, all big-endian: width, height, classCount and size as 4-byte
 * ints; then every pixel value as its 8-byte IEEE 754 bit pattern ({@link Double#doubleToLongBits}),
 * sample by sample in reading order; then every label as a 4-byte int. The name is NOT hashed:
 * the same content read from another path or format gives the same hash.
 */
public final class DatasetHash {

    private static final int CHUNK_BYTES = 1 << 16;

    private DatasetHash() {
    }

    /** The lower-case hex SHA-256 (64 characters) of {@code data}'s content. */
    public static String sha256(Dataset data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES); // big-endian by default
        buffer.putInt(data.width()).putInt(data.height()).putInt(data.classCount()).putInt(data.size());
        double[] row = new double[data.inputSize()];
        for (int sample = 0; sample < data.size(); sample++) {
            data.copyRows(sample, 1, row, 0);
            for (double value : row) {
                if (buffer.remaining() < Double.BYTES) {
                    flush(buffer, digest);
                }
                buffer.putLong(Double.doubleToLongBits(value));
            }
        }
        for (int label : data.labels()) {
            if (buffer.remaining() < Integer.BYTES) {
                flush(buffer, digest);
            }
            buffer.putInt(label);
        }
        flush(buffer, digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void flush(ByteBuffer buffer, MessageDigest digest) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }
}
