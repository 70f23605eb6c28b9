package org.hiddenneurons.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDrawingsTest {

    private static final int SIDE = 20;
    /** 16-bit storage: half a step of 1/65535. */
    private static final double STORAGE_TOLERANCE = 0.5 / 65535 + 1e-12;

    @TempDir
    Path dir;

    private static double[] randomInput(Random random) {
        double[] input = new double[SIDE * SIDE];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextDouble();
        }
        return input;
    }

    @Test
    void addedDrawingsListBackWithLabelAndPixels() throws IOException {
        Random random = new Random(42);
        UserDrawings store = new UserDrawings(dir.resolve("drawings"));
        double[] seven = randomInput(random);
        double[] three = randomInput(random);
        UserDrawings.Drawing first = store.add(7, seven);
        UserDrawings.Drawing second = store.add(3, three);

        UserDrawings.Listing listing = store.list();
        assertTrue(listing.problems().isEmpty());
        assertEquals(List.of(first.id(), second.id()), listing.drawings().stream().map(UserDrawings.Drawing::id).toList());
        UserDrawings.Drawing readSeven = listing.drawings().get(0);
        assertEquals(7, readSeven.label());
        assertEquals(SIDE, readSeven.width());
        for (int i = 0; i < seven.length; i++) {
            assertEquals(seven[i], readSeven.input()[i], STORAGE_TOLERANCE);
        }
        assertArrayEquals(first.input(), readSeven.input(), "add returns what list reads back");
        assertEquals(first.created(), readSeven.created());
    }

    @Test
    void deleteRemovesOnlyThatDrawing() throws IOException {
        Random random = new Random(42);
        UserDrawings store = new UserDrawings(dir);
        UserDrawings.Drawing keep = store.add(1, randomInput(random));
        UserDrawings.Drawing remove = store.add(2, randomInput(random));
        assertTrue(store.delete(remove.id()));
        assertFalse(store.delete(remove.id()));
        assertEquals(List.of(keep.id()), store.list().drawings().stream().map(UserDrawings.Drawing::id).toList());
        assertThrows(IllegalArgumentException.class, () -> store.delete("../../etc/passwd"));
    }

    @Test
    void missingDirectoryIsAnEmptyStore() throws IOException {
        UserDrawings.Listing listing = new UserDrawings(dir.resolve("not-yet")).list();
        assertTrue(listing.drawings().isEmpty());
        assertTrue(listing.problems().isEmpty());
    }

    @Test
    void halfWrittenTemporaryFileIsIgnored() throws IOException {
        Random random = new Random(42);
        UserDrawings store = new UserDrawings(dir);
        UserDrawings.Drawing saved = store.add(4, randomInput(random));
        byte[] whole = Files.readAllBytes(dir.resolve(saved.id() + ".png"));
        // what a crash between write and rename leaves behind
        Files.write(dir.resolve(".5_20250101-000000-000_abcdef.png.1f2e3d" + AtomicFiles.TEMP_SUFFIX),
                Arrays.copyOf(whole, whole.length / 2));
        UserDrawings.Listing listing = store.list();
        assertEquals(1, listing.drawings().size());
        assertTrue(listing.problems().isEmpty());
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith("." + saved.id())),
                "add leaves no temporary file of its own");
    }

    @Test
    void corruptFileIsReportedAndTheOthersStillLoad() throws IOException {
        Random random = new Random(42);
        UserDrawings store = new UserDrawings(dir);
        UserDrawings.Drawing good = store.add(6, randomInput(random));
        Path truncated = dir.resolve("8_20250101-000000-000_abcdef.png");
        byte[] whole = Files.readAllBytes(dir.resolve(good.id() + ".png"));
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path badName = dir.resolve("scribble.png");
        Files.write(badName, whole);

        UserDrawings.Listing listing = store.list();
        assertEquals(List.of(good.id()), listing.drawings().stream().map(UserDrawings.Drawing::id).toList());
        assertEquals(2, listing.problems().size());
        assertTrue(listing.problems().stream().anyMatch(e -> e.getMessage().startsWith(truncated + ": ")),
                () -> listing.problems().toString());
        assertTrue(listing.problems().stream().anyMatch(e -> e.getMessage().startsWith(badName + ": file name")),
                () -> listing.problems().toString());
        assertTrue(Files.exists(truncated), "a bad file is reported, never deleted");
    }

    @Test
    void drawingsBecomeADataSetOfTheirSize() throws IOException {
        Random random = new Random(42);
        UserDrawings store = new UserDrawings(dir);
        store.add(2, randomInput(random));
        store.add(9, randomInput(random));
        store.add(1, 28, 28, new double[28 * 28]);
        Dataset data = store.list().asDataset("my drawings", SIDE, SIDE, 10);
        assertArrayEquals(new int[] {2, 9}, data.labels());
        assertEquals(SIDE * SIDE * 2, data.pixels().length);
    }

    @Test
    void folderAlsoOpensAsAnImageFolderDataSet() throws Exception {
        UserDrawings store = new UserDrawings(dir);
        double[] input = new double[SIDE * SIDE];
        input[5 * SIDE + 3] = 1.0;
        input[5 * SIDE + 4] = 0.5;
        store.add(3, input);
        Dataset data = DatasetLoader.load(dir);
        assertArrayEquals(new int[] {3}, data.labels());
        assertEquals(1.0, data.sample(0)[5 * SIDE + 3], 1e-9);
        assertEquals(0.0, data.sample(0)[0], 1e-9);
        assertEquals(0.5, data.sample(0)[5 * SIDE + 4], 1.0 / 255);
    }

    @Test
    void valuesOutsideTheUnitRangeAreClamped() throws IOException {
        UserDrawings store = new UserDrawings(dir);
        double[] input = new double[4];
        input[0] = -0.3;
        input[1] = 1.7;
        double[] stored = store.add(0, input).input();
        assertEquals(0.0, stored[0]);
        assertEquals(1.0, stored[1]);
    }

    @Test
    void userDataDirectoryFollowsThePlatform() {
        String home = "/home/ada";
        assertEquals(Path.of("/xdg/data"), UserDrawings.userDataDirectory("Linux", Map.of("XDG_DATA_HOME", "/xdg/data"), home));
        assertEquals(Path.of(home, ".local", "share"), UserDrawings.userDataDirectory("Linux", Map.of(), home));
        assertEquals(Path.of(home, ".local", "share"),
                UserDrawings.userDataDirectory("Linux", Map.of("XDG_DATA_HOME", "relative/path"), home));
        assertEquals(Path.of("C:/Users/ada/AppData/Roaming"),
                UserDrawings.userDataDirectory("Windows 11", Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), home));
        assertEquals(Path.of(home, "Library", "Application Support"),
                UserDrawings.userDataDirectory("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home));
        assertTrue(UserDrawings.defaultDirectory().endsWith(Path.of(UserDrawings.APP_DIRECTORY, UserDrawings.DRAWINGS_DIRECTORY)));
    }

    @Test
    void badArgumentsAreRefused() {
        UserDrawings store = new UserDrawings(dir);
        assertThrows(IllegalArgumentException.class, () -> store.add(-1, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> store.add(3, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> store.add(3, 3, 3, new double[4]));
    }
}
