package org.hiddenneurons.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hiddenneurons.core.kernel.NonzeroIndex;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;

/**
 * Augmentation speed harness (a main class, not a unit test): the CPU time of this thread for one
 * epoch of the default augmentation of the 4000 training digits, prepared as the trainer sees them
 * ({@link TrainingConfig#defaults()}: deskewed, blurred), in mini-batches of 100, split into its
 * steps. Thread CPU time, so other processes on the machine disturb it little.
 *
 * <p>Rows, each the median over the last half of the epochs (the first half is the JIT's warm-up):
 * <ul>
 *   <li>{@code augment}: draw and render every image as the trainer does for a dense training set
 *       (thickness blended toward the set's {@link NeighbourExtremes}, affine resampling, erasing)
 *       — the work of the trainer's rendering threads per epoch;</li>
 *   <li>{@code computed}: {@link Augmenter#apply} of every image, the thickness step's extremes
 *       computed per image (the trainer's path for a large data set);</li>
 *   <li>{@code thickness}: {@link Augmenter#thickness} alone (t drawn as the augmenter does);</li>
 *   <li>{@code blend}: {@link Augmenter#blend} alone, from the precomputed extremes;</li>
 *   <li>{@code affine}: {@link ImageTransform#affine} alone with the augmenter's distributions;</li>
 *   <li>{@code index}: {@link NonzeroIndex#build} of each augmented batch (the trainer's thread).</li>
 * </ul>
 * Usage, after {@code mvn -o -q test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes org.hiddenneurons.train.AugmenterBench [epochs]
 * </pre>
 */
public final class AugmenterBench {

    private static final int DEFAULT_EPOCHS = 80;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AugmenterBench() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_EPOCHS;
        TrainingConfig config = TrainingConfig.defaults();
        Dataset train = config.prepare(DigitsImage.loadBundled().standardSplit().train());
        int width = train.width();
        int height = train.height();
        int inputs = train.inputSize();
        int size = train.size();
        int batchSize = config.batchSize();
        double[] sources = train.pixels();
        Augmentation limits = config.augmentation();
        Augmenter augmenter = new Augmenter(limits, width, height, config.seed());
        double[] batch = new double[batchSize * inputs];
        double[] thick = new double[inputs];
        NonzeroIndex index = new NonzeroIndex();
        SplittableRandom random = new SplittableRandom(config.seed());
        NeighbourExtremes extremes = new NeighbourExtremes(size, width, height);
        Augmenter.Scratch scratch = augmenter.newScratch();
        double[] drawn = new double[Augmenter.DRAWN];
        long[][] nanos = new long[6][epochs];
        double checksum = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            long started = cpu();
            for (int i = 0; i < size; i++) {
                augmenter.draw(random, drawn, 0);
                System.arraycopy(sources, i * inputs, scratch.source(), 0, inputs);
                augmenter.render(scratch.source(), 0, extremes, i, batch, (i % batchSize) * inputs, drawn, 0, scratch);
            }
            nanos[0][epoch] = cpu() - started;
            started = cpu();
            for (int i = 0; i < size; i++) {
                augmenter.apply(sources, i * inputs, batch, (i % batchSize) * inputs, random);
            }
            nanos[1][epoch] = cpu() - started;
            started = cpu();
            for (int i = 0; i < size; i++) {
                Augmenter.thickness(sources, i * inputs, thick, (2 * random.nextDouble() - 1) * limits.maxThickness(),
                        width, height);
            }
            nanos[2][epoch] = cpu() - started;
            checksum += thick[inputs / 2];
            started = cpu();
            for (int i = 0; i < size; i++) {
                double t = (2 * random.nextDouble() - 1) * limits.maxThickness();
                Augmenter.blend(sources, i * inputs, extremes.toward(i, sources, i * inputs, t > 0), thick, t, inputs);
            }
            nanos[3][epoch] = cpu() - started;
            checksum += thick[inputs / 2];
            started = cpu();
            for (int i = 0; i < size; i++) {
                double angle = Math.toRadians((2 * random.nextDouble() - 1) * limits.maxRotationDegrees());
                double scale = 1 + (2 * random.nextDouble() - 1) * limits.maxScale();
                double dx = (2 * random.nextDouble() - 1) * limits.maxShift();
                double dy = (2 * random.nextDouble() - 1) * limits.maxShift();
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                ImageTransform.affine(sources, i * inputs, batch, (i % batchSize) * inputs, width, height,
                        cos / scale, sin / scale, -sin / scale, cos / scale, dx, dy, null);
            }
            nanos[4][epoch] = cpu() - started;
            started = cpu();
            for (int first = 0; first < size; first += batchSize) {
                index.build(batch, 0, batchSize, inputs);
            }
            nanos[5][epoch] = cpu() - started;
            checksum += batch[inputs / 2];
        }
        String[] names = {"augment", "computed", "thickness", "blend", "affine", "index"};
        for (int row = 0; row < names.length; row++) {
            long[] tail = Arrays.copyOfRange(nanos[row], epochs / 2, epochs);
            Arrays.sort(tail);
            System.out.printf(Locale.ROOT, "%-9s %7.2f ms per epoch of %d images (median of epochs %d-%d; min %.2f)%n",
                    names[row], tail[tail.length / 2] / 1e6, size, epochs / 2 + 1, epochs, tail[0] / 1e6);
        }
        System.out.printf(Locale.ROOT, "(checksum %.6f, load %s)%n", checksum, loadAverage());
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
