package org.hiddenneurons.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.hiddenneurons.data.DataFormatException;

/**
 * The versioned, human-readable (JSON) model file.
 *
 * <p>API CONTRACT (stub; implementation pending).
 */
public final class ModelFile {

    /** The format version this build writes. */
    public static final int FORMAT_VERSION = 1;

    private ModelFile() {
    }

    /** Reads and validates a model file. */
    public static SavedModel load(Path file) throws DataFormatException {
        throw new UnsupportedOperationException("pending");
    }

    /** Reads and validates a model from a stream (e.g. the bundled default); {@code sourceName} appears in errors. */
    public static SavedModel read(InputStream in, String sourceName) throws DataFormatException {
        throw new UnsupportedOperationException("pending");
    }

    /** Writes atomically: a temp file in the same folder, then a move over {@code file}. */
    public static void save(Path file, SavedModel model) throws IOException {
        throw new UnsupportedOperationException("pending");
    }
}
