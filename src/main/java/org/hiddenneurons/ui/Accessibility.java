package org.hiddenneurons.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The "everyone" pieces of the main window: View ▸ Colours and View ▸ Text size (bound to
 * {@link ViewPreferences}), the text-size shortcuts, and Enter on a focused control.
 *
 * <p>Keyboard model: Tab / Shift+Tab move the focus through every control in reading order; the
 * app's single-key shortcuts (Space trains, S, N, C…) stay global, so Space does NOT press the
 * focused button — <b>Enter</b> does ({@link #activateFocused}). Arrow keys, Home/End and typing
 * go to the focused control as usual.
 */
public final class Accessibility {

    public static final String COLOURS_MENU_ID = "colours-menu";
    public static final String TEXT_SIZE_MENU_ID = "text-size-menu";

    private Accessibility() {
    }

    /** View ▸ Colours: Red–blue / Colour-blind safe, a radio group bound to {@code colours}. */
    public static Menu coloursMenu(ObjectProperty<Themes.Colours> colours) {
        Menu menu = new Menu(I18n.t("access.colours.menu"));
        menu.setId(COLOURS_MENU_ID);
        ToggleGroup group = new ToggleGroup();
        for (Themes.Colours choice : Themes.Colours.values()) {
            RadioMenuItem item = new RadioMenuItem(switch (choice) {
                case RED_BLUE -> I18n.t("access.colours.redBlue");
                case COLOUR_BLIND_SAFE -> I18n.t("access.colours.colourBlindSafe");
            });
            item.setUserData(choice);
            item.setToggleGroup(group);
            item.setSelected(colours.get() == choice);
            item.setOnAction(e -> colours.set(choice));
            menu.getItems().add(item);
        }
        selectFollowing(menu, group, colours);
        return menu;
    }

    /** View ▸ Text size: Small / Normal / Large / Extra large, a radio group bound to {@code textSize}. */
    public static Menu textSizeMenu(ObjectProperty<Themes.TextSize> textSize) {
        Menu menu = new Menu(I18n.t("access.textSize.menu"));
        menu.setId(TEXT_SIZE_MENU_ID);
        ToggleGroup group = new ToggleGroup();
        for (Themes.TextSize size : Themes.TextSize.values()) {
            RadioMenuItem item = new RadioMenuItem(switch (size) {
                case SMALL -> I18n.t("access.textSize.small");
                case NORMAL -> I18n.t("access.textSize.normal");
                case LARGE -> I18n.t("access.textSize.large");
                case EXTRA_LARGE -> I18n.t("access.textSize.extraLarge");
            });
            item.setUserData(size);
            item.setToggleGroup(group);
            item.setSelected(textSize.get() == size);
            item.setOnAction(e -> textSize.set(size));
            menu.getItems().add(item);
        }
        selectFollowing(menu, group, textSize);
        return menu;
    }

    /**
     * Keeps the radio item whose user data is {@code choice}'s value selected. The preferences
     * outlive the menu (a language switch builds new menus), so they hold the listener weakly and
     * the menu keeps it alive.
     */
    private static <T> void selectFollowing(Menu menu, ToggleGroup group, ObservableValue<T> choice) {
        ChangeListener<T> select = (o, old, now) ->
                group.getToggles().forEach(toggle -> toggle.setSelected(toggle.getUserData() == now));
        menu.getProperties().put(ChangeListener.class, select);
        choice.addListener(new WeakChangeListener<>(select));
    }

    /**
     * Ctrl+Plus (or Ctrl+=) larger, Ctrl+Minus smaller, Ctrl+0 normal text. Call for key presses
     * with the shortcut modifier down.
     *
     * @return whether the key was a text-size shortcut (and was applied)
     */
    public static boolean handleTextSizeShortcut(KeyEvent event, ObjectProperty<Themes.TextSize> textSize) {
        KeyCode code = event.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            textSize.set(textSize.get().larger());
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            textSize.set(textSize.get().smaller());
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            textSize.set(Themes.DEFAULT_TEXT_SIZE);
        } else {
            return false;
        }
        return true;
    }

    /**
     * Enter on a focused control: presses a button, toggle or check box, opens a menu button,
     * combo box or choice box.
     *
     * @return whether {@code focused} was such a control (enabled) and was activated
     */
    public static boolean activateFocused(Node focused) {
        if (focused == null || focused.isDisabled()) {
            return false;
        }
        if (focused instanceof MenuButton menuButton) {
            menuButton.show();
        } else if (focused instanceof ButtonBase button) {
            button.fire();
        } else if (focused instanceof ComboBoxBase<?> combo) {
            combo.show();
        } else if (focused instanceof ChoiceBox<?> choice) {
            choice.show();
        } else {
            return false;
        }
        return true;
    }
}
