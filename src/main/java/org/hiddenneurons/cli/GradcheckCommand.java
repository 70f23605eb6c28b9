package org.hiddenneurons.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: backprop against central finite differences on the course's small check network. */
@Command(name = "gradcheck", sortOptions = false,
        description = {"Checks backprop against finite differences.",
            "Compares backprop gradients with central finite differences on a small network; prints the largest"
                + " relative difference and whether it is below the threshold (exit 1 if not)."})
final class GradcheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("gradcheck waits for core.GradientCheck");
    }
}
