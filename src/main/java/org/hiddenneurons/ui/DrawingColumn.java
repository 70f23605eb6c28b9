package org.hiddenneurons.ui;

import static org.hiddenneurons.ui.WorkbenchControls.button;
import static org.hiddenneurons.ui.WorkbenchControls.section;
import static org.hiddenneurons.ui.WorkbenchControls.spacer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.ui.controls.PredictionBars;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.ui.replay.ReplayBar;

/**
 * The workbench's left column: the drawing pad with its pen and Undo / Clear, what the network
 * sees (the preprocessing steps), and the prediction (digit and bars). The pad and its tools form
 * one box ({@link #padBox()}) that the pages move into their own slots: the drawing is one.
 */
final class DrawingColumn {

    /** Side of the drawing pad on screen at the default window size (its drawing is always 280×280 pixels). */
    static final double DRAWING_SIZE = 280;
    /** Largest side of the pad when the window has room (280: one screen pixel per drawing pixel). */
    static final double MAX_DRAWING_SIZE = 280;
    /** Window height at which the pad starts to grow beyond {@link #DRAWING_SIZE}. */
    static final double PAD_GROWTH_START_HEIGHT = 820;
    static final double MIN_PEN_WIDTH = 10;
    static final double MAX_PEN_WIDTH = 48;

    private final WorkbenchViewModel model;
    private final DrawingPad pad = new DrawingPad();
    private final PreprocessStrip strip = new PreprocessStrip(PreprocessStrip.Layout.COLUMN);
    private final PredictionBars bars = new PredictionBars();
    private final HBox tools;
    private final VBox padBox;
    private final Pane padSlot;
    private final VBox column;
    /** What the network sees (the preprocessing steps): shown only when the window has room. */
    private final Node preprocessing;
    /** Runs the drawing through the network at most once per frame during a stroke. */
    private final FrameCoalescer<DrawingPad.Drawing> drags;

    DrawingColumn(WorkbenchViewModel model, PulseSpreader spreader, ViewScope scope) {
        this.model = model;
        // While training, the bars follow the snapshots (five a second) directly: easing them would
        // repaint them on every frame in between. Drawing still eases them.
        bars.animatedProperty().bind(model.runningProperty().not());
        pad.setPrefSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setMaxSize(DRAWING_SIZE, DRAWING_SIZE);
        pad.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        pad.setId(WorkbenchView.DRAWING_PAD_ID);
        pad.setFocusTraversable(true); // a stop for Tab, with a ring (components.css); C / Ctrl+Z act on it
        // While a stroke is drawn, the drawing goes through the network at most once per frame
        // (FrameCoalescer); anything else (release, undo, clear, a stroke added) at once.
        drags = new FrameCoalescer<>(drawing -> {
            spreader.claimFrame(); // the pad and the preprocessing steps repaint on this frame
            if (drawing.empty()) {
                model.clearDrawing();
            } else {
                model.draw(drawing.width(), drawing.height(), drawing.argb());
            }
            // The drawing's prediction shows at once, also while training spreads repaints over
            // frames; the tiles' activations follow on a later frame.
            spreader.runNow(WorkbenchView.Spread.BARS);
        });
        scope.onClose(drags::dispose);
        pad.drawingProperty().addListener((o, old, drawing) -> {
            if (pad.isStroking()) {
                drags.submit(drawing);
            } else {
                drags.runNow(drawing);
            }
        });

        Slider penWidth = new Slider(MIN_PEN_WIDTH, MAX_PEN_WIDTH, DrawingPad.DEFAULT_PEN_WIDTH);
        penWidth.valueProperty().bindBidirectional(pad.penWidthProperty());
        penWidth.setTooltip(new Tooltip(I18n.t("workbench.pen.tooltip")));
        penWidth.setPrefWidth(80);
        penWidth.setMinWidth(60);
        Label penLabel = new Label(I18n.t("workbench.pen.label"));
        penLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = button(I18n.t("workbench.pad.clear"), I18n.t("workbench.pad.clear.tooltip"), this::clear);
        Button undo = button(I18n.t("workbench.pad.undo"), I18n.t("workbench.pad.undo.tooltip"), this::undo);
        undo.disableProperty().bind(pad.emptyProperty());
        clear.disableProperty().bind(pad.emptyProperty());
        tools = new HBox(penLabel, penWidth, spacer(), undo, clear);
        tools.getStyleClass().addAll("hn-toolbar", PresentationMode.CONTROLS);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMaxWidth(DRAWING_SIZE);
        padBox = new VBox(pad, tools);
        padBox.getStyleClass().add("hn-pad-box");
        padSlot = new StackPane(padBox);
        padSlot.setMinWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(padBox, Pos.TOP_LEFT);

        strip.setCaptions(I18n.t("workbench.strip.drawn"), I18n.t("workbench.strip.cropped"),
                I18n.t("workbench.strip.scaled"), I18n.t("workbench.strip.input"));
        strip.hintTextProperty().set(I18n.t("workbench.strip.hint"));
        // The drawing as the model sees it: with its steps (deskew, blur) when the model in use has them.
        var seen = model.prediction().seenProperty();
        var steps = model.inputSteps().captionProperty();
        scope.listen(seen, (o, old, now) -> strip.setResult(now, steps.get()));
        scope.listen(steps, (o, old, now) -> strip.setResult(seen.get(), now));
        strip.setResult(seen.get(), steps.get());
        Label seesTitle = new Label(I18n.t("workbench.section.sees"));
        seesTitle.getStyleClass().add("hn-subsection-title");
        seesTitle.setWrapText(true);
        seesTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox sees = new VBox(seesTitle, strip);
        sees.getStyleClass().add("hn-sees");
        sees.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(sees, new Tooltip(I18n.t("workbench.sees.tooltip")));

        preprocessing = sees;
        HBox drawRow = new HBox(padSlot, sees);
        drawRow.getStyleClass().add("hn-draw-row");
        VBox drawSection = section(I18n.t("workbench.section.draw"), drawRow);

        Label predicted = new Label();
        predicted.getStyleClass().add("hn-prediction");
        predicted.textProperty().bind(Bindings.createStringBinding(() -> {
            int digit = model.replay().shownDigitProperty().get();
            if (digit < 0) {
                return I18n.t("workbench.prediction.none");
            }
            return I18n.t("workbench.prediction.digit", digit);
        }, model.replay().shownDigitProperty()));
        Label modifiedNote = new Label(I18n.t("workbench.prediction.modified"));
        modifiedNote.getStyleClass().add("hn-modified-note");
        modifiedNote.setMinWidth(Region.USE_PREF_SIZE);
        modifiedNote.visibleProperty().bind(model.predictionModifiedProperty().and(model.replay().replayingProperty().not()));
        modifiedNote.managedProperty().bind(modifiedNote.visibleProperty());
        Tooltip.install(modifiedNote, new Tooltip(I18n.t("workbench.prediction.modified.tooltip")));
        HBox predictedRow = new HBox(predicted, modifiedNote, ReplayBar.predictionNote(model.replay()));
        predictedRow.setAlignment(Pos.BASELINE_LEFT);
        predictedRow.getStyleClass().add("hn-toolbar");
        ChangeListener<Object> barsFollow = (o, old, now) -> spreader.post(WorkbenchView.Spread.BARS, this::showProbabilities);
        scope.listen(model.replay().shownProbabilitiesProperty(), barsFollow);
        scope.listen(model.replay().shownNetworkProperty(), barsFollow);
        showProbabilities();
        VBox predictionSection = section(I18n.t("workbench.section.prediction"), predictedRow, bars);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(predictionSection, Priority.ALWAYS);
        // The column is as wide as the pad's card; a long prediction text wraps instead of widening it.
        predictionSection.setPrefWidth(0);
        predicted.setWrapText(true);

        column = new VBox(drawSection, predictionSection);
        column.getStyleClass().addAll("hn-column", "hn-left");
        column.setMinWidth(Region.USE_PREF_SIZE);
    }

    private void showProbabilities() {
        Network network = model.replay().shownNetworkProperty().get();
        double[] a3 = model.replay().shownProbabilitiesProperty().get();
        if (network == null) {
            bars.setProbabilities(a3);
        } else {
            bars.setProbabilities(a3, network.spec().outputLayer());
        }
    }

    /** C / Clear: an empty pad and no prediction. */
    void clear() {
        pad.clear();
        model.clearDrawing();
    }

    /** Ctrl+Z / Undo: removes the last stroke. */
    void undo() {
        pad.undo();
    }

    /** The pad grows with the window's height, from {@link #DRAWING_SIZE} up to {@link #MAX_DRAWING_SIZE}. */
    void sizePad(double sceneHeight) {
        double side = Math.floor(Math.max(DRAWING_SIZE,
                Math.min(MAX_DRAWING_SIZE, DRAWING_SIZE + (sceneHeight - PAD_GROWTH_START_HEIGHT) * 0.5)));
        pad.setPrefSize(side, side);
        pad.setMaxSize(side, side);
        tools.setMaxWidth(side);
    }

    /** The column's node. */
    VBox node() {
        return column;
    }

    /** The pad with its tools: one box that the pages showing the pad move into their slots. */
    /** The preprocessing steps beside the pad ({@link WorkbenchLayout} hides them in a small window). */
    Node preprocessing() {
        return preprocessing;
    }

    VBox padBox() {
        return padBox;
    }

    /** The workbench page's place for {@link #padBox()}. */
    Pane padSlot() {
        return padSlot;
    }

    DrawingPad pad() {
        return pad;
    }

    PreprocessStrip strip() {
        return strip;
    }

    PredictionBars bars() {
        return bars;
    }
}
