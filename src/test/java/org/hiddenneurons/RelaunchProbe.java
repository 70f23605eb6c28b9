package org.hiddenneurons;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalInt;
import org.hiddenneurons.core.kernel.Kernels;

/**
 * Run in a child JVM by {@link LauncherRelaunchTest}: relaunches itself as {@link Launcher#main}
 * does (as the {@code train} command: startup code left to C1), then prints the name of
 * {@link Kernels#best()}, its compiler directives file and its JIT compiler threads
 * ({@code "vector-256 directives=/tmp/….json compilers=3"}), then its arguments, one per line, and exits
 * with the code given as the first argument (after a long sleep if the second is {@link #SLEEP}).
 */
public final class RelaunchProbe {

    /** Second argument: sleep {@link #SLEEP_MILLIS} after printing (to be killed meanwhile). */
    static final String SLEEP = "sleep";
    static final long SLEEP_MILLIS = 120_000;

    private RelaunchProbe() {
    }

    /** This JVM's {@code CompilerDirectivesFile} ("" if none or unknown). */
    private static String directivesFile() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("CompilerDirectivesFile").getValue();
        } catch (RuntimeException e) {
            return "";
        }
    }

    public static void main(String[] args) {
        OptionalInt childExit = Launcher.relaunchWithVectorModule(RelaunchProbe.class.getName(), args, true);
        if (childExit.isPresent()) {
            System.exit(childExit.getAsInt());
        }
        Launcher.exitWhenParentEnds();
        System.out.println(Kernels.best().name() + " directives=" + directivesFile()
                + " compilers=" + Launcher.currentCompilerThreads());
        for (String arg : args) {
            System.out.println(arg);
        }
        System.out.flush();
        if (args.length > 1 && args[1].equals(SLEEP)) {
            try {
                Thread.sleep(SLEEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(Integer.parseInt(args[0]));
    }
}
