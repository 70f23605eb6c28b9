package org.hiddenneurons.cli;

import java.nio.file.Path;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}: a model file (JSON) or the course's weights .mat; required. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "The model file (JSON), or the course's weights .mat (Theta1, Theta2).")
    Path path;

    /** The model file or weights .mat at {@link #path} ({@link ModelFile#open}). */
    SavedModel load() throws DataFormatException {
        return ModelFile.open(path);
    }
}
