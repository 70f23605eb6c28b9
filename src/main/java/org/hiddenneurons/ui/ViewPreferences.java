package org.hiddenneurons.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The view choices the app remembers between runs: theme, weight colours and text size, each a
 * property (set it and the choice is stored), plus {@link #paletteProperty()} — THE weight palette
 * (theme × colours) that every view showing weights, activations or gradients binds to.
 *
 * <p>Stored in a {@link Preferences} node given to the constructor: {@link #user()} for the real
 * app, {@link #inMemory()} for tests and embedded use (never the user's preferences). Unknown or
 * missing stored values fall back to the defaults in {@link Themes}. A store that cannot be written
 * (read-only home) keeps the choice for this run only.
 */
public final class ViewPreferences {

    static final String THEME_KEY = "theme";
    static final String COLOURS_KEY = "colours";
    static final String TEXT_SIZE_KEY = "textSize";
    /** Whether the start-page card offering the lessons has been shown (it shows on first launch only). */
    static final String LESSONS_OFFERED_KEY = "lessonsOffered";
    /** Child of the ui package's user node that holds these keys. */
    static final String NODE_NAME = "view";

    private final Preferences store;
    private final ObjectProperty<Themes.Theme> theme;
    private final ObjectProperty<Themes.Colours> colours;
    private final ObjectProperty<Themes.TextSize> textSize;
    private final ObservableValue<DivergingPalette> palette;
    private final BooleanProperty lessonsOffered;

    /** Choices read from, and written to, {@code store}. */
    public ViewPreferences(Preferences store) {
        this.store = Objects.requireNonNull(store, "store");
        theme = remembered(THEME_KEY, Themes.Theme.class, Themes.DEFAULT_THEME);
        colours = remembered(COLOURS_KEY, Themes.Colours.class, Themes.DEFAULT_COLOURS);
        textSize = remembered(TEXT_SIZE_KEY, Themes.TextSize.class, Themes.DEFAULT_TEXT_SIZE);
        palette = theme.flatMap(t -> colours.map(c -> Themes.palette(t, c)));
        lessonsOffered = new SimpleBooleanProperty(this, LESSONS_OFFERED_KEY, store.getBoolean(LESSONS_OFFERED_KEY, false));
        lessonsOffered.addListener((o, old, now) -> {
            write(() -> store.putBoolean(LESSONS_OFFERED_KEY, now));
        });
    }

    /** The user's remembered choices. */
    public static ViewPreferences user() {
        return new ViewPreferences(Preferences.userNodeForPackage(ViewPreferences.class).node(NODE_NAME));
    }

    /**
     * Choices kept in memory only, starting from the defaults; the lessons' first-launch card counts
     * as already offered (tests and embedded windows never show it).
     */
    public static ViewPreferences inMemory() {
        ViewPreferences preferences = new ViewPreferences(new MemoryPreferences());
        preferences.lessonsOffered.set(true);
        return preferences;
    }

    public ObjectProperty<Themes.Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Themes.Colours> coloursProperty() {
        return colours;
    }

    public ObjectProperty<Themes.TextSize> textSizeProperty() {
        return textSize;
    }

    /** True once the start-page card offering the lessons has been shown (set it when it is). */
    public BooleanProperty lessonsOfferedProperty() {
        return lessonsOffered;
    }

    /** The weight palette for the current theme and colours; never null. */
    public ObservableValue<DivergingPalette> paletteProperty() {
        return palette;
    }

    public DivergingPalette palette() {
        return palette.getValue();
    }

    /** Keeps {@code scene}'s stylesheets on the current theme and text size. */
    public void applyTo(Scene scene) {
        Themes.apply(scene, theme.get(), textSize.get());
        theme.addListener((o, old, now) -> Themes.apply(scene, now, textSize.get()));
        textSize.addListener((o, old, now) -> Themes.apply(scene, theme.get(), now));
    }

    private <E extends Enum<E>> ObjectProperty<E> remembered(String key, Class<E> type, E fallback) {
        ObjectProperty<E> property = new SimpleObjectProperty<>(this, key, read(key, type, fallback));
        property.addListener((o, old, now) -> {
            if (now == null) {
                property.set(fallback);
                return;
            }
            write(() -> store.put(key, now.name()));
        });
        return property;
    }

    /** Runs {@code change} on the store and flushes it. */
    private void write(Runnable change) {
        try {
            change.run();
            store.flush();
        } catch (java.util.prefs.BackingStoreException | RuntimeException e) {
            // Not writable: the choice lasts for this run only.
        }
    }

    private <E extends Enum<E>> E read(String key, Class<E> type, E fallback) {
        try {
            String saved = store.get(key, null);
            return saved == null ? fallback : Enum.valueOf(type, saved);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fallback; // an unknown name (older or newer version) or a removed node
        }
    }

    /** A preferences node that lives in memory only. */
    static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, MemoryPreferences> children = new HashMap<>();

        MemoryPreferences() {
            this(null, "");
        }

        private MemoryPreferences(MemoryPreferences parent, String name) {
            super(parent, name);
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            values.clear();
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return children.keySet().toArray(String[]::new);
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
        }
    }
}
