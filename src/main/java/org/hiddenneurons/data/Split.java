package org.hiddenneurons.data;

import java.util.stream.IntStream;

/** A train/test partition of one data set. */
public record Split(Dataset train, Dataset test) {

    /** Sample i is a test sample when i % TEST_EVERY == TEST_REMAINDER (4000/1000 for digits.png). */
    public static final int TEST_EVERY = 5;
    public static final int TEST_REMAINDER = 4;

    /** True if sample {@code index} belongs to the standard test split. */
    public static boolean isTestIndex(int index) {
        return index % TEST_EVERY == TEST_REMAINDER;
    }

    /** The standard split of {@code all}. */
    public static Split standard(Dataset all) {
        int[] train = IntStream.range(0, all.size()).filter(i -> !isTestIndex(i)).toArray();
        int[] test = IntStream.range(0, all.size()).filter(Split::isTestIndex).toArray();
        return new Split(all.subset(all.name() + " (train)", train), all.subset(all.name() + " (test)", test));
    }
}
