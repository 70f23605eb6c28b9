package org.hiddenneurons.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.io.ModelFile;
import org.hiddenneurons.io.SavedModel;
import org.hiddenneurons.train.TrainingConfig;

/**
 * The process {@link CrashSafetyTest} kills with SIGKILL: in a loop it overwrites one model file,
 * saves a new run file and adds a user drawing, printing "done &lt;i&gt;" (flushed) after each
 * iteration's three writes have returned. Runs until killed.
 *
 * <p>Arguments: the folder, the round (a prefix for the run files).
 */
public final class CrashSafetyChild {

    static final String MODEL = "model.json";
    static final String RUNS = "runs";
    static final String DRAWINGS = "drawings";
    static final String READY = "ready";
    static final String DONE = "done ";
    /** Side of the stored drawings (the network input size of the digits). */
    static final int SIDE = 20;

    private CrashSafetyChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String round = args[1];
        Path runs = Files.createDirectories(folder.resolve(RUNS));
        UserDrawings drawings = new UserDrawings(folder.resolve(DRAWINGS));
        TrainingConfig config = TrainingConfig.defaults();
        WeightBuffers weights = config.initialNetwork(SIDE, SIDE, 10).mutableCopy();
        Random random = new Random(Long.parseLong(round));
        double[] ink = new double[SIDE * SIDE];
        System.out.println(READY);
        System.out.flush();
        for (int i = 1; ; i++) {
            weights.theta1()[0] = i; // makes each save's content distinct
            SavedModel model = new SavedModel(weights.toNetwork(), config, "crash test", "", i);
            ModelFile.save(folder.resolve(MODEL), model);
            ModelFile.save(runs.resolve(runName(round, i)), model);
            for (int p = 0; p < ink.length; p++) {
                ink[p] = random.nextDouble();
            }
            drawings.add(i % 10, ink);
            System.out.println(DONE + i);
            System.out.flush();
        }
    }

    static String runName(String round, int iteration) {
        return "run-" + round + "-" + iteration + ".json";
    }
}
