package org.hiddenneurons;

import java.util.OptionalInt;
import org.hiddenneurons.core.kernel.Kernels;

/**
 * Run in a child JVM by {@link LauncherRelaunchTest}: relaunches itself as {@link Launcher#main}
 * does, then prints the name of {@link Kernels#best()} and its arguments, one per line, and exits
 * with the code given as the first argument.
 */
public final class RelaunchProbe {

    private RelaunchProbe() {
    }

    public static void main(String[] args) {
        OptionalInt childExit = Launcher.relaunchWithVectorModule(RelaunchProbe.class.getName(), args);
        if (childExit.isPresent()) {
            System.exit(childExit.getAsInt());
        }
        System.out.println(Kernels.best().name());
        for (String arg : args) {
            System.out.println(arg);
        }
        System.exit(Integer.parseInt(args[0]));
    }
}
