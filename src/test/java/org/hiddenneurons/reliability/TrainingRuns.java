package org.hiddenneurons.reliability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.train.PrototypeData;
import org.hiddenneurons.train.Trainer;
import org.hiddenneurons.train.TrainingConfig;
import org.hiddenneurons.train.TrainingSnapshot;

/** Data sets, configs and a background run shared by the training reliability tests and harnesses. */
final class TrainingRuns {

    /** Epochs of a run meant to be stopped by a cancel. */
    static final int ENDLESS = 1_000_000;
    /** The tiny problem: 8×8 images, 4 classes, 4 hidden units. */
    static final int TINY_SIDE = 8;
    static final int TINY_CLASSES = 4;
    static final int TINY_HIDDEN = 4;
    /** Noise added to each class prototype of the tiny problem. */
    private static final double NOISE = 0.3;

    private TrainingRuns() {
    }

    /** {@code count} noisy copies of {@value #TINY_CLASSES} random 8×8 prototypes, labels cycling. */
    static Dataset tinyDataset(String name, int count, long seed) {
        return PrototypeData.noisyPrototypes(name, TINY_SIDE, TINY_SIDE, TINY_CLASSES, NOISE, count, seed);
    }

    static Split tinySplit(int trainCount, int testCount) {
        return new Split(tinyDataset("tiny (train)", trainCount, 7), tinyDataset("tiny (test)", testCount, 8));
    }

    /** The tiny problem's config for one optimizer (batch 10, seed 1). */
    static TrainingConfig tinyConfig(OptimizerKind optimizer, double learningRate, double lambda, int epochs) {
        return new TrainingConfig(TINY_HIDDEN, Activation.SIGMOID, OutputLayer.SOFTMAX_CROSS_ENTROPY,
                Initializer.UNIFORM, optimizer, learningRate, TrainingConfig.DEFAULT_MOMENTUM, 10, epochs, lambda, 1,
                false);
    }

    static Split digits() {
        return DigitsImage.loadBundled().standardSplit();
    }

    static Trainer trainer(TrainingConfig config, Split data) {
        Network network = config.initialNetwork(data.train().width(), data.train().height(), data.train().classCount());
        return new Trainer(config, network, data.train(), data.test());
    }

    /** {@link Trainer#run()} on a daemon thread; {@link #result} after {@link #join}. */
    static final class BackgroundRun {
        private final Thread thread;
        private final AtomicReference<Object> outcome = new AtomicReference<>();

        BackgroundRun(Trainer trainer, String name) {
            thread = new Thread(() -> {
                try {
                    outcome.set(trainer.run());
                } catch (RuntimeException | Error e) {
                    outcome.set(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** @return true if the run ended within the timeout */
        boolean join(long timeout, TimeUnit unit) throws InterruptedException {
            thread.join(Math.max(1, unit.toMillis(timeout)));
            return !thread.isAlive();
        }

        /** Waits for the thread's end with no limit (harnesses). */
        void join() throws InterruptedException {
            thread.join();
        }

        /** The final snapshot; throws what the run threw. */
        TrainingSnapshot result() {
            Object value = outcome.get();
            if (value instanceof RuntimeException e) {
                throw e;
            }
            if (value instanceof Error e) {
                throw e;
            }
            return (TrainingSnapshot) value;
        }
    }
}
