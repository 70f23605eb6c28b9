package org.hiddenneurons.ui.controls;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.hiddenneurons.ui.i18n.I18n;
import org.hiddenneurons.viz.DivergingPalette;

/**
 * The legend of a diverging colour scale: the palette's gradient from −max to +max with the labels
 * "−0.84", "0", "+0.84" under its ends and middle, and an optional caption above.
 *
 * <p>In {@linkplain #relativeProperty() relative} mode (per-unit scaling, where every picture has
 * its own max) the labels read "−max |w|", "0", "+max |w|" instead of numbers.
 */
public final class ColorBar extends VBox {

    /** Height of the gradient strip. */
    static final double GRADIENT_HEIGHT = 10;
    /** Shown instead of numbers when the range is unknown (no network yet). */
    static final String NO_VALUE = "–";
    /** "max |w|" in the current language. */
    static String relativeMax() {
        return I18n.t("workbench.colorBar.relativeMax");
    }
    /** The minus sign used in every signed number (U+2212, not the hyphen). */
    public static final char MINUS = '\u2212';

    private final Region gradient = new Region();
    private final Label caption = new Label();
    private final Label minLabel = new Label();
    private final Label zeroLabel = new Label("0");
    private final Label maxLabel = new Label();

    private final ObjectProperty<DivergingPalette> palette =
            new SimpleObjectProperty<>(this, "palette", DivergingPalette.BLUE_WHITE_RED);
    private final DoubleProperty maxAbs = new SimpleDoubleProperty(this, "maxAbs", Double.NaN);
    private final BooleanProperty relative = new SimpleBooleanProperty(this, "relative", false);

    public ColorBar() {
        getStyleClass().add(Styles.COLOR_BAR);
        gradient.getStyleClass().add(Styles.COLOR_BAR_GRADIENT);
        gradient.setMinHeight(GRADIENT_HEIGHT);
        gradient.setPrefHeight(GRADIENT_HEIGHT);
        gradient.setMaxHeight(GRADIENT_HEIGHT);
        gradient.setPrefWidth(160);
        caption.getStyleClass().addAll(Styles.COLOR_BAR_CAPTION, Styles.MUTED);
        caption.managedProperty().bind(caption.textProperty().isNotEmpty());
        caption.visibleProperty().bind(caption.managedProperty());
        for (Label label : new Label[] {minLabel, zeroLabel, maxLabel}) {
            label.getStyleClass().add(Styles.COLOR_BAR_LABEL);
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        StackPane labels = new StackPane(minLabel, zeroLabel, maxLabel);
        StackPane.setAlignment(minLabel, Pos.CENTER_LEFT);
        StackPane.setAlignment(zeroLabel, Pos.CENTER);
        StackPane.setAlignment(maxLabel, Pos.CENTER_RIGHT);
        getChildren().addAll(caption, gradient, labels);
        setSpacing(2);
        setFillWidth(true);

        palette.addListener((obs, old, now) -> updateGradient());
        maxAbs.addListener((obs, old, now) -> updateLabels());
        relative.addListener((obs, old, now) -> updateLabels());
        updateGradient();
        updateLabels();
    }

    /** The palette drawn (default {@link DivergingPalette#BLUE_WHITE_RED}). */
    public ObjectProperty<DivergingPalette> paletteProperty() {
        return palette;
    }

    public void setPalette(DivergingPalette value) {
        palette.set(value);
    }

    /** The value at the ends of the scale (NaN or ≤ 0: unknown, labels show "–"). */
    public DoubleProperty maxAbsProperty() {
        return maxAbs;
    }

    public void setMaxAbs(double value) {
        maxAbs.set(value);
    }

    /** True: each picture has its own scale, the labels say "±max |w|" instead of a number. */
    public BooleanProperty relativeProperty() {
        return relative;
    }

    public void setRelative(boolean value) {
        relative.set(value);
    }

    /** Text above the gradient (empty: no caption). */
    public StringProperty captionProperty() {
        return caption.textProperty();
    }

    public void setCaption(String text) {
        caption.setText(text);
    }

    /** The three labels' texts, left to right (for tests). */
    String[] labelTexts() {
        return new String[] {minLabel.getText(), zeroLabel.getText(), maxLabel.getText()};
    }

    private void updateGradient() {
        DivergingPalette p = palette.get();
        int last = DivergingPalette.LEVELS - 1;
        LinearGradient fill = new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, color(p.entry(0))),
                new Stop(0.5, color(p.entry(last / 2))),
                new Stop(1, color(p.entry(last))));
        gradient.setBackground(new Background(new BackgroundFill(fill, new CornerRadii(2), null)));
    }

    private void updateLabels() {
        if (relative.get()) {
            minLabel.setText(MINUS + relativeMax());
            maxLabel.setText("+" + relativeMax());
            return;
        }
        double max = maxAbs.get();
        if (!(max > 0) || Double.isInfinite(max)) {
            minLabel.setText(NO_VALUE);
            maxLabel.setText(NO_VALUE);
            return;
        }
        minLabel.setText(formatSigned(-max));
        maxLabel.setText(formatSigned(max));
    }

    /** An opaque ARGB int as a Color. */
    static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /**
     * A signed number for a legend: "0" for zero, else a sign ("+" or "−", U+2212) and about two
     * significant digits but at least two decimals below 10 ("+0.84", "−1.25", "+0.034", "+12.3",
     * "−150"). NaN → "NaN", infinities → "+∞" / "−∞".
     */
    public static String formatSigned(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        String sign = value > 0 ? "+" : String.valueOf(MINUS);
        double magnitude = Math.abs(value);
        if (Double.isInfinite(magnitude)) {
            return sign + "\u221e";
        }
        int decimals;
        if (magnitude >= 100) {
            decimals = 0;
        } else if (magnitude >= 10) {
            decimals = 1;
        } else {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            decimals = Math.min(4, Math.max(2, 1 - exponent));
        }
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", magnitude);
        if (Double.parseDouble(digits) == 0) {
            return "0";
        }
        return sign + digits;
    }

    /** {@code value} with a fixed number of decimals and a true minus sign ("+0.137", "−0.42"). */
    public static String formatSigned(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return formatSigned(value);
        }
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value));
        if (Double.parseDouble(digits) == 0) {
            return digits;
        }
        return (value > 0 ? "+" : String.valueOf(MINUS)) + digits;
    }

    /** {@code value} with a fixed number of decimals and a true minus sign, no "+" ("0.83", "−0.42"). */
    public static String format(double value, int decimals) {
        String signed = formatSigned(value, decimals);
        return signed.startsWith("+") ? signed.substring(1) : signed;
    }
}
