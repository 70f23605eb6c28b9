package org.hiddenneurons.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one: write a temp
 * file in the same folder, fsync it, move it over the target (ATOMIC_MOVE + REPLACE_EXISTING), then
 * fsync the folder. On any failure the temp file is removed and the old file is untouched.
 */
public final class AtomicFiles {

    /** Temp files are named "." + target name + "." + random hex + TEMP_SUFFIX, beside the target. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        /** @param out the temp file's stream; do not close it */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A step run on the complete temp file just before the move (used by the failure tests of the file formats). */
    @FunctionalInterface
    public interface BeforeMove {
        void run(Path tempFile) throws IOException;
    }

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, Content content) throws IOException {
        write(file, content, tempFile -> { });
    }

    public static void write(Path file, Content content, BeforeMove beforeMove) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        // Not Files.createTempFile: its files are owner-only (0600); CREATE_NEW honours the umask like any new file.
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            beforeMove.run(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncFolder(folder);
    }

    /** True for the name of a temp file this class writes (left behind only if the process died mid-write). */
    public static boolean isTempFile(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    /** Makes renames and deletions in {@code folder} durable (POSIX fsync of the folder; skipped where impossible). */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory (Windows); the file itself has been synced.
        }
    }
}
