package org.hiddenneurons.ui.formula;

import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.hiddenneurons.viz.FormulaRenderer;

/**
 * A label that shows a LaTeX formula typeset as an image. It follows its own CSS font size (so the
 * text-size setting and presentation mode scale it) and its own text fill (so the dark theme gets
 * light ink): either change asks {@link FormulaImages} for the image of the new (LaTeX, size,
 * colour), typeset off the FX thread. Until the image arrives the previous one stays; a formula
 * that does not parse is shown as its LaTeX source. The LaTeX is the accessible text.
 */
public class FormulaLabel extends Label {

    /** Formula pixels per pixel of the label's font size: display math reads best a little larger. */
    public static final double SIZE_FACTOR = 1.15;

    private final StringProperty latex = new SimpleStringProperty(this, "latex", "");
    private final ImageView view = new ImageView();
    private final FormulaImages images;
    private FormulaRenderer.Key shown;
    private FormulaRenderer.Key wanted;

    public FormulaLabel() {
        this(FormulaImages.shared());
    }

    FormulaLabel(FormulaImages images) {
        this.images = images;
        setGraphic(view);
        latex.addListener((o, old, now) -> update());
        fontProperty().addListener((o, old, now) -> update());
        textFillProperty().addListener((o, old, now) -> update());
    }

    /** The LaTeX shown (math mode); empty shows nothing. */
    public StringProperty latexProperty() {
        return latex;
    }

    public void setLatex(String value) {
        latex.set(value == null ? "" : value);
    }

    public String getLatex() {
        return latex.get();
    }

    /** True when the image of the current LaTeX, size and colour is on screen (for tests). */
    public boolean isTypeset() {
        return wanted == null ? getLatex().isEmpty() : wanted.equals(shown);
    }

    /** The image on screen, or null. */
    public Image image() {
        return view.getImage();
    }

    /** The key the label asks for now: its LaTeX at its font size in its text colour. */
    FormulaRenderer.Key key() {
        return new FormulaRenderer.Key(getLatex(), (float) (getFont().getSize() * SIZE_FACTOR), argb(getTextFill()));
    }

    static int argb(Paint fill) {
        Color c = fill instanceof Color colour ? colour : Color.BLACK;
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private void update() {
        setAccessibleText(getLatex());
        if (getLatex().isEmpty()) {
            wanted = null;
            shown = null;
            view.setImage(null);
            setText("");
            return;
        }
        FormulaRenderer.Key key = key();
        wanted = key;
        Image ready = images.readyImage(key);
        if (ready != null) {
            show(key, ready);
            return;
        }
        images.image(key).whenComplete((image, failure) -> Platform.runLater(() -> {
            if (!key.equals(wanted)) {
                return;
            }
            if (failure != null) {
                shown = key;
                view.setImage(null);
                setText(getLatex());
            } else {
                show(key, image);
            }
        }));
    }

    private void show(FormulaRenderer.Key key, Image image) {
        shown = key;
        setText("");
        view.setImage(image);
    }
}
