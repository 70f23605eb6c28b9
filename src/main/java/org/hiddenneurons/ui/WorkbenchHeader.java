package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.button;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.hiddenneurons.ui.WorkbenchView.Page;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The window's header: the app's title and the model in use, the page navigation, the File and
 * View menus ({@link AppMenus}: each area adds its items), the Keys button and the dark-theme
 * switch; and under it the divergence banner. Also the Keys dialog (F1).
 *
 * <p>A new menu item: {@code view.menus().addFileActions(AppMenus.item(text, accelerator, action))}
 * or {@code addViewGroup(…)} from the part that owns the action (see {@code WorkbenchView}'s constructor).
 */
final class WorkbenchHeader {

    /** The model description in the header: at most two lines of its small type. */
    static final double MODEL_DESCRIPTION_MAX_HEIGHT = 34;
    /** Narrower than this, the model description is hidden (its tooltip and the status line still say it). */
    static final double MODEL_DESCRIPTION_MIN_WIDTH = 90;

    private final WorkbenchViewModel model;
    private final Stage stage;
    private final Node header;
    private final Node banner;

    /**
     * @param presentation the scene's presentation mode (known once the view is installed)
     * @param switchLanguage what choosing a language in View ▸ Language does
     */
    WorkbenchHeader(WorkbenchViewModel model, Stage stage, ObjectProperty<Page> page, ViewPreferences viewPreferences,
            AppMenus menus, ModelFileActions files, DatasetOpener datasetOpener,
            Supplier<PresentationMode> presentation, Consumer<Locale> switchLanguage, ViewScope scope,
            Node lessonsButton) {
        this.model = model;
        this.stage = stage;
        Label title = new Label(I18n.t("workbench.app.title"));
        title.getStyleClass().add("hn-app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label subtitle = new Label();
        subtitle.setId(WorkbenchView.MODEL_DESCRIPTION_ID);
        subtitle.getStyleClass().addAll("hn-muted", "hn-model-description");
        subtitle.textProperty().bind(model.modelDescriptionProperty());
        subtitle.setMinWidth(0);
        Tooltip subtitleTip = new Tooltip();
        subtitleTip.textProperty().bind(model.modelDescriptionProperty());
        subtitle.setTooltip(subtitleTip);
        subtitle.setWrapText(true);
        // Squeezed by the page tabs it would show a letter and an ellipsis: then not at all, and its
        // wrapped lines do not make the header taller.
        subtitle.visibleProperty().bind(subtitle.widthProperty().greaterThanOrEqualTo(MODEL_DESCRIPTION_MIN_WIDTH));
        subtitle.setMinHeight(0);
        subtitle.maxHeightProperty().bind(Bindings.when(subtitle.visibleProperty())
                .then(MODEL_DESCRIPTION_MAX_HEIGHT).otherwise(0.0));
        HBox titles = new HBox(title, subtitle);
        titles.getStyleClass().add("hn-titles");
        titles.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(titles, Priority.ALWAYS);

        SegmentedButton navigation = navigation(page);

        ToggleButton dark = new ToggleButton(I18n.t("workbench.theme.dark"));
        dark.setId(WorkbenchView.THEME_BUTTON_ID);
        dark.setTooltip(new Tooltip(I18n.t("workbench.theme.tooltip")));
        ObjectProperty<Themes.Theme> theme = viewPreferences.themeProperty();
        dark.setSelected(theme.get() == Themes.Theme.DARK);
        dark.selectedProperty().addListener((o, old, now) -> theme.set(now ? Themes.Theme.DARK : Themes.Theme.LIGHT));
        scope.listen(theme, (o, old, now) -> dark.setSelected(now == Themes.Theme.DARK)); // the preferences outlive this view
        dark.setMinWidth(Region.USE_PREF_SIZE);
        menus.addFileActions(
                AppMenus.item(I18n.t("workbench.menu.openModel"), "Shortcut+O", files::openModel),
                AppMenus.item(I18n.t("workbench.menu.saveModel"), "Shortcut+S", files::saveModel));
        menus.addFileActions(
                AppMenus.item(I18n.t("data.menu.openDataset"), null, () -> datasetOpener.chooseFile(stage)),
                AppMenus.item(I18n.t("data.menu.openFolder"), null, () -> datasetOpener.chooseFolder(stage)));
        menus.addViewGroup(
                AppMenus.item(I18n.t("workbench.menu.presentation"), "F5", () -> presentation.get().toggle()),
                AppMenus.item(I18n.t("workbench.menu.fullScreen"), "F11", () -> stage.setFullScreen(!stage.isFullScreen())),
                AppMenus.item(I18n.t("workbench.menu.keys"), "F1", this::showKeys),
                AppMenus.item(Page.COMPARE_RUNS.title(), "Shortcut+7", () -> page.set(Page.COMPARE_RUNS)));
        menus.addViewGroup(
                Accessibility.coloursMenu(viewPreferences.coloursProperty()),
                Accessibility.textSizeMenu(viewPreferences.textSizeProperty()));
        menus.addViewGroup(languageMenu(switchLanguage));
        // Keys: F1 and View ▸ Keys (the header has no room left for a button of its own beside seven pages).
        HBox fileButtons = new HBox(menus.fileButton(), menus.viewButton(), lessonsButton, dark);
        fileButtons.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        fileButtons.setAlignment(Pos.CENTER_LEFT);
        fileButtons.setMinWidth(Region.USE_PREF_SIZE);

        HBox.setHgrow(subtitle, Priority.ALWAYS);
        titles.setMinWidth(0);
        // Narrower than the title (a small window, large text): cut it at the page tabs instead of
        // painting it under them.
        Rectangle titlesClip = new Rectangle();
        titlesClip.widthProperty().bind(titles.widthProperty());
        titlesClip.heightProperty().bind(titles.heightProperty());
        titles.setClip(titlesClip);
        HBox box = new HBox(titles, navigation, fileButtons);
        box.getStyleClass().add("hn-header");
        box.setAlignment(Pos.CENTER_LEFT);
        header = box;
        banner = buildBanner();
    }

    /** One toggle per page; exactly one is always selected, and it follows {@code page}. */
    private static SegmentedButton navigation(ObjectProperty<Page> page) {
        List<ToggleButton> tabs = new ArrayList<>();
        for (Page each : Page.values()) {
            ToggleButton tab = new ToggleButton(each.title());
            tab.setId("page-" + each.id());
            tab.setUserData(each);
            tab.setTooltip(new Tooltip(I18n.t("workbench.page.tooltip", each.description(), each.shortcut())));
            tab.setMinWidth(Region.USE_PREF_SIZE);
            tabs.add(tab);
        }
        SegmentedButton navigation = new SegmentedButton(tabs.toArray(ToggleButton[]::new));
        navigation.getStyleClass().add("hn-navigation");
        navigation.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = navigation.getToggleGroup();
        tabs.get(page.get().ordinal()).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one page is always shown
            } else {
                page.set((Page) now.getUserData());
            }
        });
        page.addListener((o, old, now) -> tabs.get(now.ordinal()).setSelected(true));
        return navigation;
    }

    private Node buildBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.divergenceMessageProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label icon = new Label("!");
        icon.getStyleClass().add("hn-banner-icon");
        HBox box = new HBox(icon, text);
        box.setId(WorkbenchView.BANNER_ID);
        box.getStyleClass().add("hn-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(model.divergedProperty());
        box.managedProperty().bind(model.divergedProperty());
        return box;
    }

    /** View ▸ Language ▸ English / 简体中文: each language named in itself; the current one is checked. */
    private static Menu languageMenu(Consumer<Locale> switchLanguage) {
        ToggleGroup languages = new ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (Locale language : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(I18n.text(language, "workbench.language.name"));
            item.setId("language-" + language.toLanguageTag());
            item.setToggleGroup(languages);
            item.setSelected(language.equals(I18n.locale()));
            item.setOnAction(e -> switchLanguage.accept(language));
            items.add(item);
        }
        Menu menu = new Menu(I18n.t("workbench.menu.language"));
        menu.setId(WorkbenchView.LANGUAGE_MENU_ID);
        menu.getItems().setAll(items);
        return menu;
    }

    /** Every key, in words (F1 and the "Keys" button), in the current language. */
    static String keysText() {
        return I18n.t("workbench.keys.text");
    }

    /** The Keys dialog (F1, the Keys button, View ▸ Keys). */
    void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(I18n.t("workbench.app.title"));
        alert.setHeaderText(I18n.t("workbench.keys.header"));
        Label text = new Label(keysText() + "\n" + I18n.t("workbench.watch.keys") + "\n" + I18n.t("replay.keys"));
        text.getStyleClass().add("hn-keys-list");
        alert.getDialogPane().setContent(text);
        if (header.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(header.getScene().getStylesheets());
        }
        alert.show();
    }

    /** The title, the navigation and the menus. */
    Node node() {
        return header;
    }

    /** The divergence banner (shown only after a divergence). */
    Node banner() {
        return banner;
    }
}
