package org.hiddenneurons.data;

import java.util.stream.IntStream;

/**
 * A train/test partition, with the rule that made it (every output says which split is used).
 *
 * @param train the training samples
 * @param test  the test samples (may be null in tests of training alone)
 * @param rule  how the samples were split, in words, e.g. "standard split: sample i is a test
 *              sample when i % 5 == 4" or "MNIST convention: test = t10k-images-idx3-ubyte.gz"
 */
public record Split(Dataset train, Dataset test, String rule) {

    /** Sample i is a test sample when i % TEST_EVERY == TEST_REMAINDER (4000/1000 for digits.png). */
    public static final int TEST_EVERY = 5;
    public static final int TEST_REMAINDER = 4;
    /** {@link #rule} of {@link #standard}. */
    public static final String STANDARD_RULE = "standard split: sample i is a test sample when i % "
            + TEST_EVERY + " == " + TEST_REMAINDER;

    private static final String TRAIN_SUFFIX = " (train)";

    /** {@link #rule} of a split made from two given data sets by code (tests, views). */
    public static final String GIVEN_RULE = "given split";
    /** {@link #rule} prefix of {@link #separateTestFile}. */
    private static final String SEPARATE_FILE_RULE = "MNIST convention: train = ";

    /** A split whose rule is only its sizes (e.g. a subset made in a test or a view). */
    public Split(Dataset train, Dataset test) {
        this(train, test, GIVEN_RULE);
    }

    /** True if sample {@code index} belongs to the standard test split. */
    public static boolean isTestIndex(int index) {
        return index % TEST_EVERY == TEST_REMAINDER;
    }

    /** The standard split of {@code all}. */
    public static Split standard(Dataset all) {
        int[] train = IntStream.range(0, all.size()).filter(i -> !isTestIndex(i)).toArray();
        int[] test = IntStream.range(0, all.size()).filter(Split::isTestIndex).toArray();
        return new Split(all.subset(all.name() + TRAIN_SUFFIX, train), all.subset(all.name() + " (test)", test),
                STANDARD_RULE);
    }

    /**
     * The MNIST convention: a training file and its separate test file (as in every MNIST paper,
     * Nielsen's book and the course). No sample is copied.
     */
    public static Split separateTestFile(Dataset train, Dataset test) {
        return new Split(train, test, SEPARATE_FILE_RULE + train.name() + ", test = " + test.name());
    }

    /**
     * All samples as one data set (a copy): for the standard split, in the original order (sample
     * k is train sample k − ⌊k/5⌋, or test sample ⌊k/5⌋ when k % 5 == 4), so it equals the data set
     * {@link #standard} split; otherwise the train samples followed by the test samples.
     */
    public Dataset whole() {
        if (test == null) {
            return train;
        }
        int inputs = train.inputSize();
        int count = train.size() + test.size();
        boolean standard = STANDARD_RULE.equals(rule);
        double[] pixels = new double[count * inputs];
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            boolean fromTest = standard ? isTestIndex(k) : k >= train.size();
            Dataset source = fromTest ? test : train;
            int index = standard ? (fromTest ? k / TEST_EVERY : k - k / TEST_EVERY) : (fromTest ? k - train.size() : k);
            source.copyRows(index, 1, pixels, k * inputs);
            labels[k] = source.label(index);
        }
        String name = train.name().endsWith(TRAIN_SUFFIX)
                ? train.name().substring(0, train.name().length() - TRAIN_SUFFIX.length())
                : train.name() + " + " + test.name();
        return new Dataset(name, train.width(), train.height(), Math.max(train.classCount(), test.classCount()),
                pixels, labels);
    }

    /** True if the test samples come from their own file ({@link #separateTestFile}). */
    public boolean hasSeparateTestFile() {
        return rule.startsWith(SEPARATE_FILE_RULE);
    }

    /** True if this is {@link #standard}'s split (sample i is a test sample when i % 5 == 4). */
    public boolean isStandard() {
        return STANDARD_RULE.equals(rule);
    }

    /** "{rule} (N train / M test)", for status lines and CLI output. */
    public String describe() {
        return rule + " (" + train.size() + " train / " + (test == null ? 0 : test.size()) + " test)";
    }
}
