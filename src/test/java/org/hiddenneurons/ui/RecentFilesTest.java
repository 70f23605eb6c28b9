package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.ui.RecentFiles.Entry;
import org.hiddenneurons.ui.RecentFiles.Kind;
import org.hiddenneurons.ui.RecentFiles.OpenResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-files list with an in-memory store (never the user's preferences). */
class RecentFilesTest {

    @TempDir
    Path folder;

    @Test
    void newestComesFirstWithoutDuplicatesAndAtMostTheMaximum() {
        RecentFiles recent = new RecentFiles(new RecentFiles.MemoryStore());
        for (int i = 0; i < RecentFiles.MAX_ENTRIES + 3; i++) {
            recent.add(folder.resolve("model" + i + ".json"), Kind.MODEL);
        }
        recent.add(folder.resolve("model5.json"), Kind.MODEL);
        List<Entry> entries = recent.entries();
        assertEquals(RecentFiles.MAX_ENTRIES, entries.size());
        assertEquals(folder.resolve("model5.json"), entries.get(0).path());
        assertEquals(folder.resolve("model12.json"), entries.get(1).path());
        assertEquals(1, entries.stream().filter(e -> e.path().getFileName().toString().equals("model5.json")).count());
        assertTrue(entries.stream().noneMatch(e -> e.path().getFileName().toString().equals("model2.json")),
                "the oldest fell off");
    }

    @Test
    void theListAndEachKindSurviveARestartThroughTheStore() {
        RecentFiles.MemoryStore store = new RecentFiles.MemoryStore();
        RecentFiles first = new RecentFiles(store);
        first.add(folder.resolve("digits.csv"), Kind.DATA_SET);
        first.add(folder.resolve("a.run.json"), Kind.RUN);
        first.add(folder.resolve("m.json"), Kind.MODEL);

        RecentFiles again = new RecentFiles(store);
        assertEquals(List.of(new Entry(folder.resolve("m.json"), Kind.MODEL),
                new Entry(folder.resolve("a.run.json"), Kind.RUN),
                new Entry(folder.resolve("digits.csv"), Kind.DATA_SET)), List.copyOf(again.entries()));
    }

    @Test
    void damagedStoredLinesAreSkipped() {
        RecentFiles.MemoryStore store = new RecentFiles.MemoryStore();
        store.save(List.of("model\t" + folder.resolve("ok.json"), "no tab here", "spaceship\t/x", "run\trelative/path"));
        RecentFiles recent = new RecentFiles(store);
        assertEquals(List.of(new Entry(folder.resolve("ok.json"), Kind.MODEL)), List.copyOf(recent.entries()));
    }

    @Test
    void reopeningCallsTheKindsOpenerAndMovesTheEntryFirst() throws Exception {
        RecentFiles recent = new RecentFiles(new RecentFiles.MemoryStore());
        Path run = Files.writeString(folder.resolve("a.run.json"), "{}");
        Path model = Files.writeString(folder.resolve("m.json"), "{}");
        List<Path> opened = new ArrayList<>();
        recent.registerOpener(Kind.RUN, opened::add);
        recent.add(run, Kind.RUN);
        recent.add(model, Kind.MODEL);

        assertEquals(OpenResult.OPENED, recent.open(recent.entries().get(1)));
        assertEquals(List.of(run), opened);
        assertEquals(run, recent.entries().get(0).path());
        assertEquals(OpenResult.NO_OPENER, recent.open(new Entry(model, Kind.MODEL)));
    }

    @Test
    void reopeningAMissingFileSaysSoAndRemovesIt() {
        RecentFiles.MemoryStore store = new RecentFiles.MemoryStore();
        RecentFiles recent = new RecentFiles(store);
        List<Path> opened = new ArrayList<>();
        recent.registerOpener(Kind.MODEL, opened::add);
        Path gone = folder.resolve("gone.json");
        recent.add(gone, Kind.MODEL);

        assertEquals(OpenResult.MISSING, recent.open(recent.entries().get(0)));
        assertTrue(recent.entries().isEmpty());
        assertTrue(opened.isEmpty());
        assertTrue(store.load().isEmpty(), "forgotten for the next start too");
    }
}
