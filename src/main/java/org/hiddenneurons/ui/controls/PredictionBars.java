package org.hiddenneurons.ui.controls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * The network's answer: one horizontal bar per class (digits 0–9), labelled with the value, the
 * largest one emphasised ({@link Styles#PREDICTION_WINNER} on its row).
 *
 * <p>Softmax outputs are probabilities that sum to 1 and are shown as percentages ("83.2 %");
 * sigmoid outputs (the course's network) are independent output activations in [0, 1] and are
 * shown as given ("0.83") under the caption "output activation". Bars ease towards new values
 * within a few frames ({@link #animatedProperty()}); the labels and the winner change at once.
 */
public final class PredictionBars extends VBox {

    /** Number of classes shown before the first {@link #setProbabilities} call. */
    public static final int DEFAULT_CLASSES = 10;
    /** The caption for softmax outputs, in the current language. */
    static String probabilityCaption() {
        return I18n.t("workbench.bars.probability");
    }

    /** The caption for sigmoid outputs, in the current language. */
    static String activationCaption() {
        return I18n.t("workbench.bars.activation");
    }
    static final String NO_VALUE = "–";
    /** Time constant of the easing, in seconds: a bar covers ~95 % of a change in 3× this. */
    static final double EASING_SECONDS = 0.04;

    private final Label caption = new Label();
    private final VBox rows = new VBox();
    private final List<Row> rowList = new ArrayList<>();
    private double[] values;
    private int winner = -1;

    private final ObjectProperty<OutputLayer> outputLayer =
            new SimpleObjectProperty<>(this, "outputLayer", OutputLayer.SIGMOID_CROSS_ENTROPY);
    private final BooleanProperty animated = new SimpleBooleanProperty(this, "animated", true);
    private final StringProperty probabilityCaption =
            new SimpleStringProperty(this, "probabilityCaption", probabilityCaption());
    private final StringProperty activationCaption =
            new SimpleStringProperty(this, "activationCaption", activationCaption());

    private final AnimationTimer easing = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            double seconds = last < 0 ? 1.0 / 60 : (now - last) / 1e9;
            last = now;
            double step = 1 - Math.exp(-seconds / EASING_SECONDS);
            boolean moving = false;
            for (Row row : rowList) {
                moving |= row.bar.ease(step);
            }
            if (!moving) {
                last = -1;
                stop();
            }
        }
    };

    /** Node id (lessons highlight it). */
    public static final String ID = "prediction-bars";

    public PredictionBars() {
        setId(ID);
        getStyleClass().add(Styles.PREDICTION_BARS);
        caption.getStyleClass().addAll(Styles.MUTED, Styles.PREDICTION_CAPTION);
        rows.getStyleClass().add(Styles.PREDICTION_ROWS);
        rows.setSpacing(3);
        getChildren().addAll(caption, rows);
        setSpacing(4);
        outputLayer.addListener((obs, old, now) -> refresh());
        probabilityCaption.addListener((obs, old, now) -> refresh());
        activationCaption.addListener((obs, old, now) -> refresh());
        ensureRows(DEFAULT_CLASSES);
        refresh();
    }

    /**
     * Shows the output a3 (one value per class, digit k at index k).
     *
     * @param a3 not modified, not kept; null: the empty state (no drawing)
     */
    public void setProbabilities(double[] a3) {
        if (Arrays.equals(a3, values)) {
            return; // e.g. a training snapshot that left the output as it was: no relabelling, no layout
        }
        if (a3 != null) {
            ensureRows(a3.length);
        }
        values = a3 == null ? null : a3.clone();
        winner = a3 == null || a3.length == 0 || !Double.isFinite(a3[Network.argMax(a3)]) ? -1 : Network.argMax(a3);
        refresh();
    }

    /** Sets the output kind and the values together. */
    public void setProbabilities(double[] a3, OutputLayer kind) {
        outputLayer.set(kind);
        setProbabilities(a3);
    }

    /** The values shown (a copy), or null. */
    public double[] getProbabilities() {
        return values == null ? null : values.clone();
    }

    /** The emphasised class, −1 when none. */
    public int getWinner() {
        return winner;
    }

    /** How to read the values: softmax → percentages; sigmoid → activations as given. */
    public ObjectProperty<OutputLayer> outputLayerProperty() {
        return outputLayer;
    }

    public void setOutputLayer(OutputLayer kind) {
        outputLayer.set(kind);
    }

    /** Ease the bars to new values (default true); false sets them at once. */
    public BooleanProperty animatedProperty() {
        return animated;
    }

    public void setAnimated(boolean value) {
        animated.set(value);
    }

    /** Caption for softmax outputs (bind for translations). */
    public StringProperty probabilityCaptionProperty() {
        return probabilityCaption;
    }

    /** Caption for sigmoid outputs (bind for translations). */
    public StringProperty activationCaptionProperty() {
        return activationCaption;
    }

    /** The caption shown now (for tests). */
    String captionText() {
        return caption.getText();
    }

    /** The value label of class k (for tests). */
    String valueText(int k) {
        return rowList.get(k).value.getText();
    }

    /** Row k's node, carrying {@link Styles#PREDICTION_WINNER} when it wins. */
    public Region rowNode(int k) {
        return rowList.get(k).box;
    }

    /** How a value is written: "83.2 %" for softmax, "0.83" for sigmoid, "–" when absent. */
    public static String formatValue(double value, OutputLayer kind) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (kind == OutputLayer.SOFTMAX_CROSS_ENTROPY) {
            return I18n.percent(value, 1);
        }
        return ColorBar.format(value, 2);
    }

    private void ensureRows(int count) {
        if (rowList.size() == count) {
            return;
        }
        rowList.clear();
        rows.getChildren().clear();
        for (int k = 0; k < count; k++) {
            Row row = new Row(k);
            rowList.add(row);
            rows.getChildren().add(row.box);
        }
    }

    private void refresh() {
        boolean softmax = outputLayer.get() == OutputLayer.SOFTMAX_CROSS_ENTROPY;
        caption.setText(softmax ? probabilityCaption.get() : activationCaption.get());
        for (Row row : rowList) {
            int k = row.digit;
            double v = values == null ? Double.NaN : values[k];
            row.value.setText(values == null ? NO_VALUE : formatValue(v, outputLayer.get()));
            double target = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
            row.bar.target = target;
            if (!animated.get()) {
                row.bar.setShown(target);
            }
            boolean wins = k == winner;
            if (wins && !row.box.getStyleClass().contains(Styles.PREDICTION_WINNER)) {
                row.box.getStyleClass().add(Styles.PREDICTION_WINNER);
            } else if (!wins) {
                row.box.getStyleClass().remove(Styles.PREDICTION_WINNER);
            }
        }
        if (animated.get()) {
            easing.start();
        }
    }

    /** One class: digit label, bar, value label. */
    private static final class Row {
        final int digit;
        final HBox box = new HBox();
        final Label label;
        final Bar bar = new Bar();
        final Label value = new Label(NO_VALUE);

        Row(int digit) {
            this.digit = digit;
            label = new Label(Integer.toString(digit));
            box.getStyleClass().add(Styles.PREDICTION_ROW);
            label.getStyleClass().add(Styles.PREDICTION_DIGIT);
            value.getStyleClass().add(Styles.PREDICTION_VALUE);
            label.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            value.setAlignment(Pos.CENTER_RIGHT);
            HBox.setHgrow(bar, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setSpacing(8);
            box.getChildren().addAll(label, bar, value);
        }
    }

    /** A track with a fill whose width is {@code shown} × the track's width. */
    private static final class Bar extends Region {
        /** Below this difference a bar that has no width yet has arrived. */
        private static final double ARRIVED = 1e-3;
        /** A bar has arrived when it is less than this many pixels from its target: nothing left to see. */
        private static final double ARRIVED_PIXELS = 0.5;
        private final Region fill = new Region();
        double target;
        private double shown;

        Bar() {
            getStyleClass().add(Styles.PREDICTION_TRACK);
            fill.getStyleClass().add(Styles.PREDICTION_FILL);
            getChildren().add(fill);
            setMinWidth(40);
            setPrefWidth(160);
        }

        void setShown(double value) {
            shown = value;
            placeFill();
        }

        /** Moves a fraction {@code step} towards the target; false once there. */
        boolean ease(double step) {
            double width = getWidth();
            double left = Math.abs(target - shown);
            if (width > 0 ? left * width < ARRIVED_PIXELS : left < ARRIVED) {
                if (shown != target) {
                    setShown(target);
                }
                return false;
            }
            setShown(shown + (target - shown) * step);
            return true;
        }

        /**
         * Sizes the fill to {@code shown} × the width in whole pixels, and only when that changes:
         * an easing frame then costs a repaint of the bar's end, not a layout pass of the window.
         */
        private void placeFill() {
            double width = Math.round(getWidth() * shown);
            double height = getHeight();
            if (fill.getWidth() != width || fill.getHeight() != height) {
                fill.resizeRelocate(0, 0, width, height);
            }
        }

        @Override
        protected void layoutChildren() {
            placeFill();
        }

        @Override
        protected double computePrefHeight(double width) {
            return 12;
        }
    }
}
