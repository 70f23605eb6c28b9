package org.hiddenneurons.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File ▸ Open recent: the files the user opened or saved last, newest first, at most
 * {@value #MAX_ENTRIES}, each with its kind (model, data set, training run), remembered between
 * sessions in a {@link Store} (the user's preferences by default; tests pass a {@link MemoryStore}).
 *
 * <p>Other areas of the app call {@link #add(Path, Kind)} after a successful open or save and
 * register how a kind is reopened with {@link #registerOpener(Kind, Consumer)}. FX thread.
 */
public final class RecentFiles {

    /** Entries kept at most. */
    public static final int MAX_ENTRIES = 10;
    /** Preferences node of the default store (under the user root). */
    public static final String PREFERENCES_NODE = "org/hiddenneurons/ui/recent-files";
    private static final char SEPARATOR = '\t';

    /** What a recent file is, i.e. which opener reopens it. */
    public enum Kind {
        MODEL, DATA_SET, RUN;

        /** The id written in the store: the lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofId(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** One remembered file. */
    public record Entry(Path path, Kind kind) {
        public Entry {
            Objects.requireNonNull(path);
            Objects.requireNonNull(kind);
        }
    }

    /** Where the list lives between sessions: one "kind TAB absolute path" text per entry, newest first. */
    public interface Store {
        List<String> load();

        void save(List<String> lines);
    }

    /** A store that forgets everything at exit (tests). */
    public static final class MemoryStore implements Store {
        private List<String> lines = List.of();

        @Override
        public List<String> load() {
            return lines;
        }

        @Override
        public void save(List<String> newLines) {
            lines = List.copyOf(newLines);
        }
    }

    /** Keys "0" … "9" of a preferences node. */
    public static final class PreferencesStore implements Store {
        private final Preferences node;

        public PreferencesStore(Preferences node) {
            this.node = node;
        }

        @Override
        public List<String> load() {
            List<String> lines = new ArrayList<>();
            try {
                for (int i = 0; i < MAX_ENTRIES; i++) {
                    String line = node.get(Integer.toString(i), null);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            } catch (RuntimeException e) {
                // Preferences unavailable: no recent files this session.
            }
            return lines;
        }

        @Override
        public void save(List<String> lines) {
            try {
                for (int i = 0; i < MAX_ENTRIES; i++) {
                    if (i < lines.size()) {
                        node.put(Integer.toString(i), lines.get(i));
                    } else {
                        node.remove(Integer.toString(i));
                    }
                }
                node.flush();
            } catch (BackingStoreException | RuntimeException e) {
                // Read-only home or sandbox: the list lasts for this session only.
            }
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final Map<Kind, Consumer<Path>> openers = new EnumMap<>(Kind.class);
    private Store store;

    public RecentFiles(Store store) {
        setStore(store);
    }

    /** The list kept in the user's preferences ({@value #PREFERENCES_NODE}). */
    public static RecentFiles atDefaultLocation() {
        Store store;
        try {
            store = new PreferencesStore(Preferences.userRoot().node(PREFERENCES_NODE));
        } catch (RuntimeException e) {
            store = new MemoryStore();
        }
        return new RecentFiles(store);
    }

    /** Switches to another store and shows its entries (e.g. tests, before anything is added). */
    public void setStore(Store newStore) {
        this.store = Objects.requireNonNull(newStore);
        List<Entry> loaded = new ArrayList<>();
        for (String line : newStore.load()) {
            Entry entry = parse(line);
            if (entry != null && loaded.stream().noneMatch(e -> e.path().equals(entry.path()))) {
                loaded.add(entry);
            }
        }
        entries.setAll(loaded.subList(0, Math.min(MAX_ENTRIES, loaded.size())));
    }

    /** The entries, newest first (read-only; changes as files are added and removed). */
    public ObservableList<Entry> entries() {
        return readOnly;
    }

    /** Puts {@code file} first (moving it if it is already listed) and drops the oldest beyond the maximum. */
    public void add(Path file, Kind kind) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Entry> updated = new ArrayList<>(entries);
        updated.removeIf(e -> e.path().equals(absolute));
        updated.add(0, new Entry(absolute, kind));
        if (updated.size() > MAX_ENTRIES) {
            updated.subList(MAX_ENTRIES, updated.size()).clear();
        }
        entries.setAll(updated);
        persist();
    }

    /** Forgets {@code file}. */
    public void remove(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (entries.removeIf(e -> e.path().equals(absolute))) {
            persist();
        }
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
        persist();
    }

    /** How files of {@code kind} are reopened (replaces an earlier opener of that kind). */
    public void registerOpener(Kind kind, Consumer<Path> opener) {
        openers.put(kind, Objects.requireNonNull(opener));
    }

    /** Whether files of {@code kind} can be reopened. */
    public boolean hasOpener(Kind kind) {
        return openers.containsKey(kind);
    }

    /** What {@link #open} did. */
    public enum OpenResult {
        /** The opener was called (it reports its own errors). */
        OPENED,
        /** The file no longer exists; the entry was removed. */
        MISSING,
        /** No opener is registered for its kind. */
        NO_OPENER
    }

    /** Reopens {@code entry} with its kind's opener; a file that is gone is removed from the list. */
    public OpenResult open(Entry entry) {
        if (!Files.exists(entry.path())) {
            remove(entry.path());
            return OpenResult.MISSING;
        }
        Consumer<Path> opener = openers.get(entry.kind());
        if (opener == null) {
            return OpenResult.NO_OPENER;
        }
        add(entry.path(), entry.kind());
        opener.accept(entry.path());
        return OpenResult.OPENED;
    }

    private void persist() {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            lines.add(entry.kind().id() + SEPARATOR + entry.path());
        }
        store.save(lines);
    }

    private static Entry parse(String line) {
        int tab = line.indexOf(SEPARATOR);
        if (tab < 0) {
            return null;
        }
        Kind kind = Kind.ofId(line.substring(0, tab));
        if (kind == null) {
            return null;
        }
        try {
            Path path = Path.of(line.substring(tab + 1));
            return path.isAbsolute() ? new Entry(path.normalize(), kind) : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
