package org.hiddenneurons.cli;

import java.io.PrintWriter;
import org.hiddenneurons.core.GradientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradcheck}: backprop against central finite differences on the course's small check network. */
@Command(name = "gradcheck", sortOptions = false,
        description = {"Checks backprop against finite differences.",
            "Runs the course's checkNNGradients (GradientCheck.courseCheck: a " + GradientCheck.COURSE_INPUTS + "-"
                + GradientCheck.COURSE_HIDDEN + "-" + GradientCheck.COURSE_OUTPUTS + " network, "
                + GradientCheck.COURSE_EXAMPLES + " examples, the standard cost kernel) and prints the largest"
                + " relative difference ‖num − bp‖ / ‖num + bp‖; exit code 1 if it is not below the threshold."})
final class GradcheckCommand extends Subcommand {

    /** The course's bar for backprop agreeing with finite differences. */
    static final double THRESHOLD = GradientCheck.COURSE_THRESHOLD;

    @Option(names = "--lambda", paramLabel = "L",
            description = "Check this λ only (default: every λ of GradientCheck.COURSE_LAMBDAS).")
    Double lambda;

    @Override
    public Integer call() {
        if (lambda != null) {
            CliSupport.checkLambda(lambda);
        }
        double difference = lambda == null ? GradientCheck.courseCheck() : GradientCheck.courseCheck(lambda);
        boolean passes = difference < THRESHOLD;
        PrintWriter out = spec.commandLine().getOut();
        out.println("lambda: " + (lambda == null ? GradientCheck.COURSE_LAMBDAS : String.valueOf(lambda)));
        out.println("max relative difference: " + difference);
        out.println((passes ? "passes" : "FAILS") + " (threshold " + THRESHOLD + ")");
        return passes ? Cli.EXIT_OK : Cli.EXIT_FAILURE;
    }
}
