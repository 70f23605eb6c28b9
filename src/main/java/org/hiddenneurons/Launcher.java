package org.hiddenneurons;

/**
 * The jar's entry point: no argument starts the window, any argument runs the headless CLI.
 * A plain class (not an Application) so that JavaFX can live on the classpath of a fat jar.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.hiddenneurons.ui.HiddenNeuronsApp.main(args);
        } else {
            System.exit(org.hiddenneurons.cli.Cli.run(args));
        }
    }
}
