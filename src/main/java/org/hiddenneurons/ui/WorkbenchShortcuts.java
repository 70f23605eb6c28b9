package org.hiddenneurons.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: ONE scene-level key filter (so a focused button never eats Space) that
 * maps a key to an action. Three tables, looked up in this order:
 * <ol>
 *   <li>{@link #always} — keys that act whatever has the focus and whatever modifier is held (F1, F5, F11);</li>
 *   <li>{@link #withShortcut} — Ctrl (⌘ on macOS) + key;</li>
 *   <li>{@link #plain} — plain keys, left alone while a text field has the focus (typing "5" or "s"
 *       there must not train) or Alt / Meta is held.</li>
 * </ol>
 * An action returns true when it handled the key (the event is consumed), false to let it pass.
 *
 * <p>A new key: {@code shortcuts.plain(KeyCode.X, () -> { …; return true; })} in {@code WorkbenchView}
 * (and a line in the F1 text, key {@code workbench.keys.text}).
 */
final class WorkbenchShortcuts {

    private final Map<KeyCode, BooleanSupplier> always = new EnumMap<>(KeyCode.class);
    private final Map<KeyCode, BooleanSupplier> withShortcut = new EnumMap<>(KeyCode.class);
    private final Map<KeyCode, BooleanSupplier> withShortcutUnlessTyping = new EnumMap<>(KeyCode.class);
    private final Map<KeyCode, BooleanSupplier> plain = new EnumMap<>(KeyCode.class);
    /** Handles Ctrl+keys before {@link #withShortcut} (the text-size keys: several codes each). */
    private EventFilter shortcutFilter = event -> false;

    /** A first look at Ctrl+key events; true: handled. */
    interface EventFilter {
        boolean handle(KeyEvent event);
    }

    /** {@code key} runs {@code action} whatever has the focus. */
    void always(KeyCode key, BooleanSupplier action) {
        always.put(key, action);
    }

    /** Ctrl+{@code key} runs {@code action} (while typing too). */
    void withShortcut(KeyCode key, BooleanSupplier action) {
        withShortcut.put(key, action);
    }

    /** Ctrl+{@code key} runs {@code action}, unless the user is typing in a text field. */
    void withShortcutUnlessTyping(KeyCode key, BooleanSupplier action) {
        withShortcutUnlessTyping.put(key, action);
    }

    /** {@code key} alone runs {@code action}, unless the user is typing in a text field. */
    void plain(KeyCode key, BooleanSupplier action) {
        plain.put(key, action);
    }

    /** Looks at every Ctrl+key event first. */
    void shortcutFilter(EventFilter filter) {
        this.shortcutFilter = filter;
    }

    /** Installs the filter on {@code scene}; the returned action removes it. */
    Runnable install(Scene scene) {
        EventHandler<KeyEvent> keys = event -> {
            if (handle(event, scene.getFocusOwner())) {
                event.consume();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        return () -> scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    /** True if {@code event} was handled; {@code focused} is the scene's focus owner. */
    boolean handle(KeyEvent event, Node focused) {
        KeyCode code = event.getCode();
        BooleanSupplier action = always.get(code);
        if (action != null) {
            return action.getAsBoolean();
        }
        if (event.isShortcutDown()) {
            if (shortcutFilter.handle(event)) {
                return true;
            }
            action = withShortcut.get(code);
            if (action == null && !isTyping(event, focused)) {
                action = withShortcutUnlessTyping.get(code);
            }
            return action != null && action.getAsBoolean();
        }
        if (isTyping(event, focused) || event.isAltDown() || event.isMetaDown()) {
            return false;
        }
        action = plain.get(code);
        return action != null && action.getAsBoolean();
    }

    /** True while the user types into a text field (the event's target or the focus owner). */
    static boolean isTyping(KeyEvent event, Node focused) {
        return event.getTarget() instanceof TextInputControl || focused instanceof TextInputControl;
    }
}
