package org.hiddenneurons.cli;

import java.nio.file.Path;
import org.hiddenneurons.data.DatasetLoader;
import picocli.CommandLine.Option;

/** {@code --data PATH}: a data set in any supported format; the bundled digits when absent. */
final class DataOption {

    @Option(names = "--data", paramLabel = "PATH",
            description = "Data set (default: the bundled digits.png): " + DatasetLoader.SUPPORTED_FORMATS + ".")
    Path path;
}
