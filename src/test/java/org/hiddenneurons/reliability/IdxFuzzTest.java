package org.hiddenneurons.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hiddenneurons.data.DataFormatException;
import org.hiddenneurons.data.DatasetLoader;
import org.hiddenneurons.data.IdxReader;

/**
 * MNIST IDX files, plain and gzip, through {@link DatasetLoader#load}: the image or the label file is
 * mutated (bytes, header fields with hostile counts and sizes), for .gz either the content before
 * compression or the compressed stream itself.
 */
class IdxFuzzTest {

    static final String FORMAT_PLAIN = "IDX";
    static final String FORMAT_GZIP = "IDX .gz";
    static final String IMAGES_NAME = "fuzz-images-idx3-ubyte";
    static final String LABELS_NAME = "fuzz-labels-idx1-ubyte";
    /** The count the header claims in the "10⁹ images" case. */
    static final int BILLION = 1_000_000_000;
    /** What reading a tiny file whose header claims 10⁹ images may allocate at most. */
    static final long BILLION_CASE_ALLOCATION_BYTES = 64L * 1024 * 1024;
    /** Most decompressed bytes per compressed byte (deflate's limit is ~1032). */
    static final int MAX_DEFLATE_RATIO = 1032;

    private static Path dir;

    /** Which file a mutation hits and whether it hits the content or the gzip stream. */
    enum Target { IMAGES, LABELS, IMAGES_GZIP_STREAM, LABELS_GZIP_STREAM }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("idx-fuzz");
    }

    @AfterContainer
    static void writeTallyAndClean() throws IOException {
        FuzzHarness.writeTally(FORMAT_PLAIN);
        FuzzHarness.writeTally(FORMAT_GZIP);
        FuzzHarness.deleteTree(dir);
    }

    static byte[] images(int count, int rows, int columns, Random random) {
        byte[] pixels = new byte[count * rows * columns];
        random.nextBytes(pixels);
        return ByteBuffer.allocate(16 + pixels.length).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows)
                .putInt(columns).put(pixels).array();
    }

    static byte[] labels(int count, Random random) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count).putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (random.nextInt(10) == 0 ? random.nextInt(256) : random.nextInt(10)));
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Property(tries = FuzzHarness.TRIES, seed = FuzzHarness.SEED)
    void plainIdxIsReadOrRejectedNamingTheFile(@ForAll long baseSeed, @ForAll("idxMutations") Mutation mutation,
                                               @ForAll boolean mutateLabels) throws IOException {
        fuzz(false, baseSeed, mutation, mutateLabels ? Target.LABELS : Target.IMAGES);
    }

    @Property(tries = FuzzHarness.TRIES, seed = FuzzHarness.SEED)
    void gzipIdxIsReadOrRejectedNamingTheFile(@ForAll long baseSeed, @ForAll("idxMutations") Mutation mutation,
                                              @ForAll Target target) throws IOException {
        fuzz(true, baseSeed, mutation, target);
    }

    private void fuzz(boolean gzip, long baseSeed, Mutation mutation, Target target) throws IOException {
        Random random = new Random(baseSeed);
        int count = 1 + random.nextInt(6);
        byte[] images = images(count, 1 + random.nextInt(5), 1 + random.nextInt(5), random);
        byte[] labels = labels(count, random);
        long contentBytes = images.length + labels.length;
        switch (target) {
            case IMAGES -> images = mutation.apply(images);
            case LABELS -> labels = mutation.apply(labels);
            default -> { }
        }
        if (gzip) {
            images = gzip(images);
            labels = gzip(labels);
            if (target == Target.IMAGES_GZIP_STREAM) {
                images = mutation.apply(images);
            } else if (target == Target.LABELS_GZIP_STREAM) {
                labels = mutation.apply(labels);
            }
            contentBytes = (long) MAX_DEFLATE_RATIO * (images.length + labels.length);
        } else {
            contentBytes = images.length + labels.length;
        }
        String suffix = gzip ? ".gz" : "";
        Path imageFile = dir.resolve(IMAGES_NAME + suffix);
        Path labelFile = dir.resolve(LABELS_NAME + suffix);
        Files.write(imageFile, images);
        Files.write(labelFile, labels);
        String format = gzip ? FORMAT_GZIP : FORMAT_PLAIN;
        String description = "base seed " + baseSeed + ", " + target + ": " + mutation;
        FuzzHarness.check(format, mutation.kind(), description, contentBytes, () -> DatasetLoader.load(imageFile),
                data -> FuzzHarness.checkDataset(data, description), imageFile.toString(), labelFile.toString());
    }

    @Provide
    Arbitrary<Mutation> idxMutations() {
        Arbitrary<Mutation> header = Combinators.combine(Arbitraries.of(0, 4, 8, 12), Mutation.hostileInt())
                .as((offset, value) -> Mutation.setInt(new String[] {"magic", "count", "rows", "columns"}[offset / 4],
                        offset, value, ByteOrder.BIG_ENDIAN));
        return Arbitraries.frequencyOf(Tuple.of(3, Mutation.bytes()), Tuple.of(2, header));
    }

    /** The example: a tiny image file whose header claims 10⁹ images allocates nothing big and fails fast. */
    @Example
    void headerClaimingABillionImagesFailsBeforeAllocating() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Random random = new Random(42);
            byte[] images = images(2, 28, 28, random);
            ByteBuffer.wrap(images).putInt(4, BILLION);
            byte[] labels = ByteBuffer.wrap(labels(2, random)).putInt(4, BILLION).array();
            String suffix = gzip ? ".gz" : "";
            Path imageFile = dir.resolve("billion-images-idx3-ubyte" + suffix);
            Files.write(imageFile, gzip ? gzip(images) : images);
            Files.write(dir.resolve("billion-labels-idx1-ubyte" + suffix), gzip ? gzip(labels) : labels);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetLoader.load(imageFile));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(e.getMessage().startsWith(imageFile + ": byte 16: truncated"), e.getMessage());
            assertTrue(allocated < BILLION_CASE_ALLOCATION_BYTES, () -> "allocated " + allocated + " bytes");
        }
    }
}
