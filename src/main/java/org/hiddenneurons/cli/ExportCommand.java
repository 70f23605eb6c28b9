package org.hiddenneurons.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.io.HiddenUnitsPng;
import org.hiddenneurons.io.WeightsCsv;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: Θ1/Θ2 as CSV, or the hidden units' pictures as a PNG. */
@Command(name = "export", sortOptions = false,
        description = {"Exports a model's weights as CSV or the hidden units as a PNG.",
            "--weights writes " + WeightsCsv.THETA1_FILE + " and " + WeightsCsv.THETA2_FILE
                + " (Θ layout: one matrix row per line, bias in column 0, exact values). --png draws each hidden"
                + " unit's incoming weights as a tile (red positive, blue negative) above a colour bar."})
final class ExportCommand extends Subcommand {

    @Mixin
    ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--weights", paramLabel = "DIR", required = true,
                description = "Folder for the CSV files (created if missing).")
        Path weightsFolder;

        @Option(names = "--png", paramLabel = "FILE", required = true, description = "The PNG file to write.")
        Path png;
    }

    @Option(names = "--scale", paramLabel = "shared|per-unit", defaultValue = "shared",
            converter = Converters.ScaleConverter.class,
            description = "PNG colour scale: one for all units, or each unit its own (default: ${DEFAULT-VALUE}).")
    WeightPictures.Scale scale;

    @Override
    public Integer call() throws DataFormatException, IOException {
        Network network = model.load().network();
        NetworkSpec networkSpec = network.spec();
        if (target.weightsFolder != null) {
            CliSupport.writeThetaCsv(spec.commandLine().getErr(), networkSpec, target.weightsFolder,
                    WeightsCsv.THETA1_FILE, network.theta1Copy(), WeightsCsv.THETA2_FILE, network.theta2Copy());
        } else {
            CliSupport.checkFolderExists(target.png);
            HiddenUnitsPng.write(target.png, network, scale, DivergingPalette.BLUE_WHITE_RED);
            spec.commandLine().getErr().println("wrote " + target.png);
        }
        return Cli.EXIT_OK;
    }
}
