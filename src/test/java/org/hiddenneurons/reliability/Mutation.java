package org.hiddenneurons.reliability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A named change to a file's bytes. {@link #kind} groups cases in the tally ("truncate", "flip bytes",
 * …); {@link #detail} makes the case reproducible from a failure message.
 */
record Mutation(String kind, String detail, UnaryOperator<byte[]> operation) {

    /** Header values that break readers: zero, negatives, overflow products, 10⁹ and the extremes. */
    static final int[] HOSTILE_INTS = {0, -1, 1, 2, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 46_341,
        1_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE, -1_000_000_000};

    /** Largest random garbage file generated. */
    static final int MAX_GARBAGE_BYTES = 4096;
    /** Most bytes flipped in one case. */
    static final int MAX_FLIPS = 8;
    /** Most bytes inserted in one case. */
    static final int MAX_INSERTED = 64;

    byte[] apply(byte[] original) {
        return operation.apply(original.clone());
    }

    @Override
    public String toString() {
        return kind + " (" + detail + ")";
    }

    /** Keeps the file as it is: the valid baseline must be read. */
    static Mutation none() {
        return new Mutation("none (valid file)", "unchanged", bytes -> bytes);
    }

    static Mutation empty() {
        return new Mutation("empty file", "0 bytes", bytes -> new byte[0]);
    }

    /** Generic byte-level mutations, positions drawn as fractions of the file length. */
    static Arbitrary<Mutation> bytes() {
        Arbitrary<Double> position = Arbitraries.doubles().between(0, 1);
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Mutation> truncate = position.map(Mutation::truncate);
        Arbitrary<Mutation> flip = Combinators.combine(Arbitraries.integers().between(1, MAX_FLIPS), seed)
                .as(Mutation::flip);
        Arbitrary<Mutation> insert = Combinators.combine(position, Arbitraries.integers().between(1, MAX_INSERTED), seed)
                .as(Mutation::insert);
        Arbitrary<Mutation> delete = Combinators.combine(position, position).as(Mutation::delete);
        Arbitrary<Mutation> garbage = Combinators.combine(Arbitraries.integers().between(1, MAX_GARBAGE_BYTES), seed)
                .as(Mutation::garbage);
        Arbitrary<Mutation> repeat = Arbitraries.integers().between(2, 64).map(Mutation::repeat);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(none())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(empty())),
                net.jqwik.api.Tuple.of(4, truncate),
                net.jqwik.api.Tuple.of(6, flip),
                net.jqwik.api.Tuple.of(2, insert),
                net.jqwik.api.Tuple.of(2, delete),
                net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(1, repeat));
    }

    static Mutation truncate(double fraction) {
        return new Mutation("truncate", "keep " + fraction + " of the bytes",
                bytes -> Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    static Mutation flip(int count, long seed) {
        return new Mutation("flip bytes", count + " bytes, seed " + seed, bytes -> {
            Random random = new Random(seed);
            for (int i = 0; i < count && bytes.length > 0; i++) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            return bytes;
        });
    }

    static Mutation insert(double fraction, int count, long seed) {
        return new Mutation("insert bytes", count + " random bytes at " + fraction + ", seed " + seed, bytes -> {
            byte[] inserted = new byte[count];
            new Random(seed).nextBytes(inserted);
            int at = (int) (bytes.length * fraction);
            byte[] out = new byte[bytes.length + count];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(inserted, 0, out, at, count);
            System.arraycopy(bytes, at, out, at + count, bytes.length - at);
            return out;
        });
    }

    static Mutation delete(double from, double to) {
        return new Mutation("delete range", "from " + Math.min(from, to) + " to " + Math.max(from, to), bytes -> {
            int start = (int) (bytes.length * Math.min(from, to));
            int end = (int) (bytes.length * Math.max(from, to));
            byte[] out = new byte[bytes.length - (end - start)];
            System.arraycopy(bytes, 0, out, 0, start);
            System.arraycopy(bytes, end, out, start, bytes.length - end);
            return out;
        });
    }

    static Mutation garbage(int length, long seed) {
        return new Mutation("random garbage", length + " bytes, seed " + seed, bytes -> {
            byte[] out = new byte[length];
            new Random(seed).nextBytes(out);
            return out;
        });
    }

    /** The whole file repeated: oversized, with data after the end. */
    static Mutation repeat(int times) {
        return new Mutation("oversized (content repeated)", times + " times", bytes -> {
            byte[] out = new byte[bytes.length * times];
            for (int i = 0; i < times; i++) {
                System.arraycopy(bytes, 0, out, i * bytes.length, bytes.length);
            }
            return out;
        });
    }

    /** Overwrites a header integer (IDX: big-endian; BMP: little-endian). */
    static Mutation setInt(String field, int offset, int value, ByteOrder order) {
        return new Mutation("header " + field, field + " at byte " + offset + " := " + value, bytes -> {
            if (bytes.length >= offset + 4) {
                ByteBuffer.wrap(bytes).order(order).putInt(offset, value);
            }
            return bytes;
        });
    }

    /** Overwrites a 16-bit header field (GIF, little-endian). */
    static Mutation setShort(String field, int offset, int value, ByteOrder order) {
        return new Mutation("header " + field, field + " at byte " + offset + " := " + (value & 0xffff), bytes -> {
            if (bytes.length >= offset + 2) {
                ByteBuffer.wrap(bytes).order(order).putShort(offset, (short) value);
            }
            return bytes;
        });
    }

    /** A hostile value for a header field, or a small change to the real one. */
    static Arbitrary<Integer> hostileInt() {
        return Arbitraries.oneOf(Arbitraries.of(Arrays.stream(HOSTILE_INTS).boxed().toList()),
                Arbitraries.integers());
    }
}
