package org.hiddenneurons.reliability;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.ImageFolderReader;

/**
 * Folders of PNG images ({@link ImageFolderReader} through {@link DatasetLoader#load}): a valid folder
 * (labels from sub-folder or file names), then one image's bytes mutated, bad label names, a
 * different image size, a directory where an image is expected, an empty folder.
 */
class ImageFolderFuzzTest {

    static final String FORMAT = "PNG folder";
    static final int SIDE = 4;
    /** Each case writes a folder of files: fewer tries keep the suite fast. */
    static final int TRIES = FuzzHarness.TRIES / 2;
    /** Names from which no label (or no valid one) can be read. */
    static final List<String> BAD_NAMES = List.of("x.png", "abc_x.png", "-1_x.png", "1000_x.png",
            "99999999999_x.png", "x_label.png", "x_label99999999999999.png", "_x.png", "3x.png", "\u0663_x.png");
    static final List<String> BAD_FOLDERS = List.of("x", "-1", "1000", "99999999999", "3.5", "\u0663", " 3");

    /** Distinct valid SIDE×SIDE images, encoded once (encoding per case would dominate the run time). */
    static final int POOL_SIZE = 16;

    private static Path root;
    private static List<byte[]> pool;
    private static int caseNumber;

    /** A change to a valid folder; {@link #apply} edits it in place. */
    record FolderMutation(String kind, String detail, FolderEdit edit) {
        @Override
        public String toString() {
            return kind + " (" + detail + ")";
        }
    }

    @FunctionalInterface
    interface FolderEdit {
        void apply(Path folder, List<Path> images) throws IOException;
    }

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("folder-fuzz");
        Random random = new Random(42);
        pool = Stream.generate(() -> png(SIDE, SIDE, random)).limit(POOL_SIZE).toList();
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT);
        FuzzHarness.deleteTree(root);
    }

    static byte[] png(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextBoolean() ? 0xffffff : random.nextInt(0x1000000));
            }
        }
        return ImageFuzzTest.encode(image, "png");
    }

    /** 2–6 images of SIDE×SIDE, half in label sub-folders and half named "label_i.png" or "i_label{label}.png". */
    static List<Path> createValid(Path folder, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(folder);
        int count = 2 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            Path file = switch (random.nextInt(3)) {
                case 0 -> Files.createDirectories(folder.resolve(Integer.toString(label))).resolve("img" + i + ".png");
                case 1 -> folder.resolve(label + "_img" + i + ".png");
                default -> folder.resolve("img" + i + "_label" + label + ".png");
            };
            Files.write(file, pool.get(random.nextInt(POOL_SIZE)));
        }
        if (random.nextBoolean()) {
            Files.writeString(folder.resolve("README.txt"), "not an image: ignored");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Property(tries = TRIES, seed = FuzzHarness.SEED)
    void imageFolderIsReadOrRejectedNamingTheFolderOrFile(@ForAll long baseSeed,
                                                          @ForAll("folderMutations") FolderMutation mutation)
            throws IOException {
        Path folder = root.resolve("case" + caseNumber++);
        List<Path> images = createValid(folder, baseSeed);
        mutation.edit().apply(folder, images);
        long bytes;
        try (Stream<Path> files = Files.walk(folder)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        String description = "base seed " + baseSeed + ", " + mutation;
        FuzzHarness.check(FORMAT, mutation.kind(), description, bytes, () -> DatasetLoader.load(folder),
                data -> FuzzHarness.checkDataset(data, description), folder.toString());
        FuzzHarness.deleteTree(folder);
    }

    @Provide
    Arbitrary<FolderMutation> folderMutations() {
        Arbitrary<Double> position = Arbitraries.doubles().between(0, 1);
        Arbitrary<FolderMutation> corrupt = Combinators.combine(position, Mutation.bytes())
                .as((at, bytes) -> new FolderMutation("one image: " + bytes.kind(), bytes.detail() + " of image at " + at,
                        (folder, images) -> {
                            Path image = pick(images, at);
                            Files.write(image, bytes.apply(Files.readAllBytes(image)));
                        }));
        Arbitrary<FolderMutation> badName = Arbitraries.of(BAD_NAMES).map(name -> new FolderMutation("bad file name",
                name, (folder, images) -> Files.write(folder.resolve(name), pool.get(1))));
        Arbitrary<FolderMutation> badFolder = Arbitraries.of(BAD_FOLDERS).map(name -> new FolderMutation(
                "bad sub-folder name", name, (folder, images) -> Files.write(
                        Files.createDirectories(folder.resolve(name)).resolve("x.png"), pool.get(1))));
        Arbitrary<FolderMutation> otherSize = Combinators.combine(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, 64)).as((width, height) -> new FolderMutation("one image of another size",
                        width + "x" + height, (folder, images) -> Files.write(folder.resolve("0_other.png"),
                                png(width, height, new Random(2)))));
        FolderMutation directory = new FolderMutation("directory where a file is expected", "a folder named 5_dir.png",
                (folder, images) -> Files.createDirectories(folder.resolve("5_dir.png")));
        FolderMutation nested = new FolderMutation("nested sub-folders", "3/4/x.png is ignored",
                (folder, images) -> Files.write(Files.createDirectories(folder.resolve("3").resolve("4")).resolve("x.png"),
                        pool.get(3)));
        FolderMutation empty = new FolderMutation("empty folder", "every image removed", (folder, images) -> {
            for (Path image : images) {
                Files.delete(image);
            }
        });
        return Arbitraries.frequencyOf(
                Tuple.of(6, corrupt),
                Tuple.of(2, badName),
                Tuple.of(2, badFolder),
                Tuple.of(2, otherSize),
                Tuple.of(1, Arbitraries.of(directory, nested, empty)));
    }

    private static Path pick(List<Path> paths, double fraction) {
        return paths.get(Math.min(paths.size() - 1, (int) (paths.size() * fraction)));
    }
}
