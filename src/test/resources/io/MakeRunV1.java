import java.nio.file.*;
import java.util.*;
import org.hiddenneurons.core.*;
import org.hiddenneurons.io.TrainingRunFile;
import org.hiddenneurons.train.*;

/**
 * Made src/test/resources/io/run-v1.run.json with the version-1 writer (main at 67d5563, before
 * issue 16's steps): javac -cp <main's target/classes>:<jackson jars> MakeRunV1.java, then
 * java MakeRunV1 run-v1.run.json. Kept for the record; not compiled by the build.
 */
public class MakeRunV1 {
    public static void main(String[] args) throws Exception {
        NetworkSpec spec = new NetworkSpec(3, 2, 4, 3, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig config = new TrainingConfig(4, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY,
                Initializer.UNIFORM, OptimizerKind.ADAM, 0.03, 0.9, 10, 12, 1.0, 3, false);
        Random random = new Random(16);
        TrainingHistory history = new TrainingHistory(4);
        for (int epoch = 0; epoch <= 12; epoch++) {
            double[] t1 = random.doubles(4 * 7, -1, 1).toArray();
            double[] t2 = random.doubles(3 * 5, -1, 1).toArray();
            history.record(new TrainingSnapshot(epoch, 12, epoch == 0 ? Double.NaN : 1.0 / (epoch + 1),
                    epoch == 0 ? Double.NaN : 1.2 / (epoch + 1), epoch / 13.0, epoch / 14.0, epoch * 250_000_000L,
                    new Network(spec, t1, t2), epoch == 12 ? TrainingState.FINISHED : TrainingState.RUNNING, ""));
        }
        TrainingRunFile.save(Path.of(args[0]), new TrainingRunFile.Run(config, "tiny", "cd".repeat(32),
                new TrainingRunFile.SplitInfo(TrainingRunFile.SplitRule.STANDARD, 40, 10), history));
    }
}
