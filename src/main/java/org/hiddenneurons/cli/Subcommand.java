package org.hiddenneurons.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand has: its picocli spec (for the out/err writers) and {@code -h/--help}.
 * Picocli reads a superclass's annotated fields before the subclass's, so -h/--help comes first.
 */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;
}
