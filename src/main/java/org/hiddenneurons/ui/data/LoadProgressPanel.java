package org.hiddenneurons.ui.data;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.hiddenneurons.data.LoadMonitor;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * A non-modal strip above the status bar while a data set loads: what is loading, a progress bar
 * (fraction of bytes or images read) and Cancel. Hidden (and taking no space) otherwise. It polls
 * the {@link LoadMonitor} once per frame, so the loading thread never hops onto the FX thread.
 */
public final class LoadProgressPanel extends HBox {

    public static final String ID = "data-load-panel";
    public static final String CANCEL_ID = "data-load-cancel";
    private static final double BAR_WIDTH = 240;
    private static final double PADDING = 6;

    private final Label text = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button cancel = new Button(I18n.t("data.progress.cancel"));
    private final AnimationTimer poll;
    private LoadMonitor monitor;
    private String name = "";
    private int shownPercent = -1;

    public LoadProgressPanel() {
        setId(ID);
        getStyleClass().addAll("hn-toolbar", "hn-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(PADDING));
        setSpacing(PADDING * 2);
        bar.setPrefWidth(BAR_WIDTH);
        cancel.setId(CANCEL_ID);
        cancel.setTooltip(new Tooltip(I18n.t("data.progress.cancelTip")));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.SOMETIMES);
        getChildren().addAll(text, bar, cancel);
        poll = new AnimationTimer() {
            @Override
            public void handle(long now) {
                refresh();
            }
        };
        hide();
    }

    /** Shows the panel for a load of {@code dataName} watched by {@code loadMonitor}; Cancel cancels it. */
    public void show(String dataName, LoadMonitor loadMonitor) {
        this.name = dataName;
        this.monitor = loadMonitor;
        shownPercent = -1;
        cancel.setDisable(false);
        cancel.setOnAction(e -> {
            loadMonitor.cancel();
            cancel.setDisable(true);
        });
        setVisible(true);
        setManaged(true);
        refresh();
        poll.start();
    }

    public void hide() {
        poll.stop();
        monitor = null;
        setVisible(false);
        setManaged(false);
    }

    /** The fraction the bar shows (for tests). */
    public double shownFraction() {
        return bar.getProgress();
    }

    private void refresh() {
        if (monitor == null) {
            return;
        }
        double fraction = monitor.fraction();
        int percent = (int) Math.floor(100 * fraction);
        if (percent == shownPercent) {
            return; // repaint only when the percentage moves
        }
        shownPercent = percent;
        bar.setProgress(fraction);
        text.setText(I18n.t("data.progress.loading", name, percent));
    }
}
