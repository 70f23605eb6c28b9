package org.hiddenneurons.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data PATH}: a data set in any supported format; the bundled digits when absent. */
final class DataOption {

    @Option(names = "--data", paramLabel = "PATH",
            description = "Data set: the digits sheet PNG, a CSV file, an MNIST IDX image file or a folder of PNGs"
                    + " (default: the bundled digits.png).")
    Path path;
}
