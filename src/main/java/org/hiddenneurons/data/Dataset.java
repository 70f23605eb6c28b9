package org.hiddenneurons.data;

import java.util.Arrays;
import org.hiddenneurons.core.InputRows;

/**
 * An immutable labelled image data set, its pixels held in one contiguous array.
 *
 * <p>Pixels are stored compactly when that is exact: if every value is one of the 256 levels
 * k / 255.0 (k = 0…255, the value every 8-bit reader produces: the digits sheet, PNG folders, IDX,
 * CSV files of 0–255 integers), the data set keeps one byte k per pixel (60 000 × 784 Fashion-MNIST
 * images: 47 MB instead of 376 MB) and every read gives back exactly k / 255.0, bit for bit. Any
 * other value (16-bit images, the course's .mat data, CSV fractions) keeps the doubles as given.
 * Callers read rows ({@link #copyRows}, {@link #sample}); {@link #pixels()} makes a full copy.
 */
public final class Dataset implements InputRows {

    /** The largest 8-bit level: a compact pixel k stands for k / {@link GrayImage#CHANNEL_MAX}. */
    private static final int LEVEL_MAX = (int) GrayImage.CHANNEL_MAX;
    /** LEVEL_VALUES[k] = k / 255.0, the double a compact pixel k stands for (as every 8-bit reader computes it). */
    private static final double[] LEVEL_VALUES = new double[LEVEL_MAX + 1];

    static {
        for (int k = 0; k <= LEVEL_MAX; k++) {
            LEVEL_VALUES[k] = k / GrayImage.CHANNEL_MAX;
        }
    }

    private final String name;
    private final int width;
    private final int height;
    private final int classCount;
    /** size×(width·height) row-major pixel values, or null when {@link #levels} holds them. Never modified. */
    private final double[] values;
    /** size×(width·height) row-major levels k (unsigned), each pixel k / 255.0; or null. Never modified. */
    private final byte[] levels;
    private final int[] labels;

    /**
     * @param name       what to call it in the UI, model files and reports (e.g. "digits.png")
     * @param width      image width in pixels
     * @param height     image height in pixels
     * @param classCount number of classes; labels are 0..classCount−1
     * @param pixels     size×(width·height) row-major, each image flattened row-major (x fastest),
     *                   values in [0, 1] — except the course's .mat data, kept as stored (about
     *                   −0.13…1.13, see {@link MatReader}) so its published costs reproduce.
     *                   Owned by the data set from now on: the caller must not modify it (it is
     *                   kept as is, or replaced by one byte per pixel when every value is k / 255)
     * @param labels     class per sample. Owned by the data set: never modified.
     */
    public Dataset(String name, int width, int height, int classCount, double[] pixels, int[] labels) {
        this(name, width, height, classCount, levelsIfExact(pixels), pixels, labels);
    }

    /** Keeps {@code levels} when given (then {@code values} is dropped), else {@code values}. */
    private Dataset(String name, int width, int height, int classCount, byte[] levels, double[] values,
                    int[] labels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        long inputs = (long) width * height;
        int stored = levels != null ? levels.length : values.length;
        if (stored != labels.length * inputs) {
            throw new IllegalArgumentException("pixels hold " + stored + " values, expected "
                    + labels.length + " samples x " + inputs);
        }
        this.name = name;
        this.width = width;
        this.height = height;
        this.classCount = classCount;
        this.levels = levels;
        this.values = levels != null ? null : values;
        this.labels = labels;
    }

    /**
     * A data set of 8-bit pixels: pixel i is (levels[i] &amp; 0xff) / 255.0 (what an 8-bit reader
     * computes), stored as these bytes.
     *
     * @param levels size×(width·height) row-major. Owned by the data set from now on: never modified.
     */
    public static Dataset ofLevels(String name, int width, int height, int classCount, byte[] levels, int[] labels) {
        return new Dataset(name, width, height, classCount, levels, null, labels);
    }

    /**
     * The level k of every value when each is exactly k / 255.0 for a whole k in 0…255 (bit for
     * bit: −0.0 and NaN are not levels), else null.
     */
    private static byte[] levelsIfExact(double[] pixels) {
        for (double value : pixels) {
            long k = Math.round(value * LEVEL_MAX);
            if (k < 0 || k > LEVEL_MAX
                    || Double.doubleToRawLongBits(LEVEL_VALUES[(int) k]) != Double.doubleToRawLongBits(value)) {
                return null;
            }
        }
        byte[] levels = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            levels[i] = (byte) Math.round(pixels[i] * LEVEL_MAX);
        }
        return levels;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int classCount() {
        return classCount;
    }

    /** Class per sample (not a copy: never modify it). */
    public int[] labels() {
        return labels;
    }

    /** The number of samples. */
    @Override
    public int size() {
        return labels.length;
    }

    /** width · height. */
    @Override
    public int inputSize() {
        return width * height;
    }

    /** True if the pixels are held as one byte each (every value is k / 255), false if as doubles. */
    public boolean isCompact() {
        return levels != null;
    }

    /**
     * All pixels, size×(width·height) row-major, as a new array: size·width·height doubles
     * (376 MB for 60 000 × 784). Code that visits a large data set reads rows with
     * {@link #copyRows} into a reused buffer instead.
     */
    public double[] pixels() {
        double[] all = new double[size() * inputSize()];
        copyRows(0, size(), all, 0);
        return all;
    }

    /**
     * Writes samples [first, first + count) row-major into {@code out} from {@code offset} on,
     * exactly the doubles of {@link #pixels()}.
     *
     * @param out Modified: count·width·height values from offset.
     */
    @Override
    public void copyRows(int first, int count, double[] out, int offset) {
        int inputs = inputSize();
        if (first < 0 || count < 0 || first + count > size()) {
            throw new IndexOutOfBoundsException("samples " + first + ".." + (first + count) + " of " + size());
        }
        int from = first * inputs;
        int length = count * inputs;
        if (levels == null) {
            System.arraycopy(values, from, out, offset, length);
            return;
        }
        if (offset < 0 || offset + length > out.length) {
            throw new IndexOutOfBoundsException("out holds " + out.length + " values, not " + length + " from " + offset);
        }
        for (int i = 0; i < length; i++) {
            out[offset + i] = LEVEL_VALUES[levels[from + i] & 0xff];
        }
    }

    /** A copy of sample {@code index}'s pixels. */
    public double[] sample(int index) {
        double[] sample = new double[inputSize()];
        copyRows(index, 1, sample, 0);
        return sample;
    }

    public int label(int index) {
        return labels[index];
    }

    /** A new data set with the samples at {@code indices}, in that order (stored as this one is). */
    public Dataset subset(String subsetName, int[] indices) {
        int inputs = inputSize();
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            newLabels[i] = labels[indices[i]];
        }
        Object source = levels != null ? levels : values;
        Object target = levels != null ? new byte[indices.length * inputs] : new double[indices.length * inputs];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(source, indices[i] * inputs, target, i * inputs, inputs);
        }
        return new Dataset(subsetName, width, height, classCount, levels != null ? (byte[]) target : null,
                levels != null ? null : (double[]) target, newLabels);
    }

    /** The same samples and name with {@code newClassCount} classes (no pixel copied). */
    public Dataset withClassCount(int newClassCount) {
        return new Dataset(name, width, height, newClassCount, levels, values, labels);
    }

    /**
     * {@code first}'s samples followed by {@code second}'s (same image size), named "first + second",
     * with first's class count; compact when both are.
     */
    public static Dataset concat(Dataset first, Dataset second) {
        int[] labels = new int[first.size() + second.size()];
        System.arraycopy(first.labels, 0, labels, 0, first.size());
        System.arraycopy(second.labels, 0, labels, first.size(), second.size());
        String name = first.name + " + " + second.name;
        if (first.levels != null && second.levels != null) {
            byte[] levels = Arrays.copyOf(first.levels, first.levels.length + second.levels.length);
            System.arraycopy(second.levels, 0, levels, first.levels.length, second.levels.length);
            return ofLevels(name, first.width, first.height, first.classCount, levels, labels);
        }
        int inputs = first.inputSize();
        double[] pixels = new double[labels.length * inputs];
        first.copyRows(0, first.size(), pixels, 0);
        second.copyRows(0, second.size(), pixels, first.size() * inputs);
        return new Dataset(name, first.width, first.height, first.classCount, null, pixels, labels);
    }

    /**
     * The standard split used everywhere: sample i (reading order) is a test sample when
     * i % {@value Split#TEST_EVERY} == {@value Split#TEST_REMAINDER}.
     */
    public Split standardSplit() {
        return Split.standard(this);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " samples of " + width + "x" + height + ", " + classCount
                + " classes" + (isCompact() ? ", one byte per pixel" : "") + "]";
    }
}
