package org.hiddenneurons.data;

import java.nio.file.Path;

/**
 * Opens a data set of any supported format, chosen by what the path is: the digits sheet
 * (a 2000×1000 PNG), CSV, MNIST IDX (image file; the label file is found beside it), or a folder
 * of PNG images.
 *
 * <p>API CONTRACT (stub; implementation pending).
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** @throws DataFormatException naming the file, the place and the problem */
    public static Dataset load(Path path) throws DataFormatException {
        throw new UnsupportedOperationException("pending");
    }
}
