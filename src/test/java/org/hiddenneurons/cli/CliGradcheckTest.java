package org.hiddenneurons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hiddenneurons.core.GradientCheck;
import org.junit.jupiter.api.Test;

class CliGradcheckTest {

    @Test
    void gradcheckPrintsTheCourseCheckAndPasses() {
        CliRunner.Result result = CliRunner.run("gradcheck");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals("max relative difference: " + GradientCheck.courseCheck(), result.outLines().get(1));
        assertEquals("passes (threshold " + GradcheckCommand.THRESHOLD + ")", result.outLines().get(2));
    }

    @Test
    void gradcheckChecksOneLambdaOnRequest() {
        CliRunner.Result result = CliRunner.run("gradcheck", "--lambda", "3");
        assertEquals(Cli.EXIT_OK, result.exitCode(), result.err());
        assertEquals("max relative difference: " + GradientCheck.courseCheck(3.0), result.outLines().get(1));
    }

    @Test
    void negativeLambdaIsAUsageError() {
        CliRunner.Result result = CliRunner.run("gradcheck", "--lambda", "-1");
        assertEquals(Cli.EXIT_USAGE, result.exitCode());
        assertEquals(1, result.errLines().size());
    }
}
