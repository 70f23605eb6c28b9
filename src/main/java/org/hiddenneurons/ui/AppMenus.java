package org.hiddenneurons.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;

/**
 * The header's two menus: <b>File</b> (models, data sets, training runs, recent files, exports)
 * and <b>View</b> (theme, palette, font size, language, presentation mode). Menu buttons in the
 * header rather than a menu bar, so the window keeps its full height for the workbench.
 *
 * <p>Each area of the app adds its items to the section it owns (the {@code Menu}s and the
 * positions below); the order of sections is fixed here, in one place.
 */
public final class AppMenus {

    public static final String FILE_MENU_ID = "file-menu";
    public static final String VIEW_MENU_ID = "view-menu";

    private final MenuButton file = new MenuButton("File");
    private final MenuButton view = new MenuButton("View");
    /** File ▸ Recent: most recently opened files of every kind. */
    private final Menu recent = new Menu("Open recent");
    /** File ▸ Export: pictures, CSV files, PNG sequences. */
    private final Menu export = new Menu("Export");

    public AppMenus() {
        file.setId(FILE_MENU_ID);
        view.setId(VIEW_MENU_ID);
        for (MenuButton button : new MenuButton[] {file, view}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        file.setTooltip(new Tooltip("Models, data sets, training runs and exports"));
        view.setTooltip(new Tooltip("Theme, colours, text size, language and presentation mode"));
        recent.setId("recent-menu");
        export.setId("export-menu");
        file.getItems().addAll(recent, new SeparatorMenuItem(), export);
    }

    public MenuButton fileButton() {
        return file;
    }

    public MenuButton viewButton() {
        return view;
    }

    public Menu recentMenu() {
        return recent;
    }

    public Menu exportMenu() {
        return export;
    }

    /** Adds items at the top of File (open/save actions), before Recent; a separator follows the group. */
    public void addFileActions(MenuItem... items) {
        int at = file.getItems().indexOf(recent);
        file.getItems().addAll(at, java.util.List.of(items));
        file.getItems().add(at + items.length, new SeparatorMenuItem());
    }

    /** Adds a group of items at the end of View, after a separator when View is not empty. */
    public void addViewGroup(MenuItem... items) {
        if (!view.getItems().isEmpty()) {
            view.getItems().add(new SeparatorMenuItem());
        }
        view.getItems().addAll(items);
    }

    /** A menu item with its shortcut shown (the key itself is handled by the scene's key handler). */
    public static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
