package org.hiddenneurons.ui;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.ui.controls.HiddenUnitTile;
import org.hiddenneurons.ui.controls.Styles;
import org.hiddenneurons.ui.i18n.I18n;

/**
 * What happens to a drawing before the network sees it, step by step: drawn → cropped to the ink
 * → scaled into the digit box → centred by centre of mass (the 20×20 network input, shown larger).
 * When the model in use has steps of its own (deskew, blur; {@link #setResult(Preprocessor.Result, String)}), the
 * centred picture becomes a small step of its own and the large one shows the model's input,
 * captioned as such.
 * Images are shown as the data set stores digits (white ink on black), enlarged by whole numbers
 * with nearest-neighbour sampling done here (one {@link WritableImage} per step, recreated only when
 * the size changes, written with one bulk {@code setPixels} from reused buffers) so every input
 * pixel is visible and crisp; only an image larger than its box (the full drawing) is smoothly
 * reduced. A blank result shows a calm hint.
 */
public final class PreprocessStrip extends StackPane {

    /** Side of the box each intermediate step is shown in. */
    public static final double STEP_BOX = 64;
    /** Side of the box of the final step (the network input): 20×20 at 6× plus the margin. */
    public static final double FINAL_BOX = 128;
    /** Side of each intermediate step's box in the {@link Layout#COLUMN} layout. */
    public static final double COLUMN_STEP_BOX = 40;
    static final String DOWN_ARROW = "\u2193";

    /** How the steps are arranged. */
    public enum Layout {
        /** One row: drawn → cropped → scaled → centred (needs ~400 px of width). */
        ROW,
        /**
         * A narrow column to sit beside the drawing pad: the three small steps in a row, an arrow
         * down, and the network input large underneath.
         */
        COLUMN
    }
    /** Black margin between a frame's edge and its image. */
    static final double FRAME_MARGIN = 4;
    /** Captions of the steps until {@link #setCaptions}: drawn, cropped, scaled, centred. */
    static String[] defaultCaptions() {
        return new String[] {I18n.t("workbench.strip.drawn"), I18n.t("workbench.strip.cropped"),
            I18n.t("workbench.strip.scaled"), I18n.t("workbench.strip.centred")};
    }

    /** Number of steps shown. */
    static final int STEP_COUNT = 4;
    /** The index of the scaled picture among the steps. */
    static final int SCALED = 2;
    static final String ARROW = "\u2192";

    private final Step[] steps = new Step[STEP_COUNT];
    private final Pane row;
    private final Label hint = new Label(I18n.t("workbench.pad.hint"));
    /** Reused between steps and calls; grows to the largest image seen. */
    private int[] pixelBuffer = new int[0];
    private int[] scaledBuffer = new int[0];
    private Preprocessor.Result result;
    /** The centred picture as a small step, shown only before the model's steps. */
    private final Step centredStep;
    /** The nodes shown only with the model's steps (the centred step and the arrow after it). */
    private final List<javafx.scene.Node> modelStepsOnly;
    /** The final step's caption without model steps ({@link #setCaptions}). */
    private String inputCaption;
    private boolean modelStepsShown;
    /** The caption of the model's input while its steps are shown. */
    private String stepsCaption = "";

    /** The steps in one row. */
    public PreprocessStrip() {
        this(Layout.ROW);
    }

    public PreprocessStrip(Layout layout) {
        getStyleClass().add(Styles.PREPROCESS_STRIP);
        int last = steps.length - 1;
        boolean column = layout == Layout.COLUMN;
        HBox firstRow = new HBox();
        firstRow.setAlignment(Pos.CENTER);
        firstRow.setSpacing(column ? 2 : 6);
        for (int i = 0; i < steps.length; i++) {
            boolean isFinal = i == last;
            steps[i] = new Step(defaultCaptions()[i], isFinal ? FINAL_BOX : (column ? COLUMN_STEP_BOX : STEP_BOX),
                    isFinal);
            if (isFinal && column) {
                break;
            }
            if (i > 0) {
                firstRow.getChildren().add(arrow(ARROW));
            }
            firstRow.getChildren().add(steps[i].box);
        }
        centredStep = new Step(I18n.t("workbench.strip.centredStep"), column ? COLUMN_STEP_BOX : STEP_BOX, false);
        // What cropping, scaling and centring do to a drawing's pen, size and brightness (Preprocessor steps 3-5).
        Tooltip.install(steps[SCALED - 1].box, new Tooltip(I18n.t("workbench.strip.cropped.tooltip")));
        Tooltip.install(steps[SCALED].box, new Tooltip(I18n.t("workbench.strip.scaled.tooltip")));
        Tooltip.install(steps[last].box, new Tooltip(I18n.t("workbench.strip.centred.tooltip")));
        Tooltip.install(centredStep.box, new Tooltip(I18n.t("workbench.strip.centred.tooltip")));
        inputCaption = steps[last].caption.getText();
        if (column) {
            getStyleClass().add(Styles.PREPROCESS_STRIP_COLUMN);
            Label down = arrow(DOWN_ARROW);
            down.getStyleClass().add(Styles.PREPROCESS_ARROW_DOWN);
            Label stepsDown = arrow(DOWN_ARROW);
            stepsDown.getStyleClass().add(Styles.PREPROCESS_ARROW_DOWN);
            modelStepsOnly = List.of(centredStep.box, stepsDown);
            VBox stack = new VBox(firstRow, down, centredStep.box, stepsDown, steps[last].box);
            stack.setAlignment(Pos.TOP_CENTER);
            stack.setSpacing(2);
            steps[last].caption.setWrapText(true);
            steps[last].caption.setMaxWidth(FINAL_BOX + 16);
            steps[last].caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            row = stack;
        } else {
            Label stepsArrow = arrow(ARROW);
            modelStepsOnly = List.of(centredStep.box, stepsArrow);
            firstRow.getChildren().addAll(firstRow.getChildren().size() - 1, modelStepsOnly);
            row = firstRow;
        }
        for (javafx.scene.Node node : modelStepsOnly) {
            node.setVisible(false);
            node.setManaged(false);
        }
        hint.getStyleClass().addAll(Styles.PREPROCESS_HINT, Styles.EMPTY_HINT);
        getChildren().addAll(row, hint);
        setResult(null);
    }

    /**
     * Shows the pipeline's steps (no model steps).
     *
     * @param value null or blank: the hint instead of the steps. Not modified
     */
    public void setResult(Preprocessor.Result value) {
        setResult(value, "");
    }

    /**
     * Shows the pipeline's steps, and the model's own steps (deskew, blur) when {@code modelSteps} is
     * not empty: then {@code value}'s network input is the model's ({@link ModelInputSteps#prepare(Preprocessor.Result)}),
     * shown large under the caption {@code modelSteps} ({@link ModelInputSteps#captionProperty()}),
     * with the centred picture as a small step before it.
     *
     * @param value      null or blank: the hint instead of the steps. Not modified
     * @param modelSteps the caption of the model's input, "" or null when the model has no step
     */
    public void setResult(Preprocessor.Result value, String modelSteps) {
        boolean shown = modelSteps != null && !modelSteps.isEmpty();
        stepsCaption = shown ? modelSteps : "";
        result = value;
        boolean blank = value == null || value.blank();
        row.setVisible(!blank);
        hint.setVisible(blank);
        showModelSteps(shown);
        if (blank) {
            return;
        }
        GrayImage centred = value.centred();
        GrayImage input = shown && centred != null && value.networkInput() != null
                ? new GrayImage(centred.width(), centred.height(), value.networkInput()) : centred;
        List<GrayImage> images = Arrays.asList(value.grayscale(), value.cropped(), value.scaled(), input);
        for (int i = 0; i < steps.length; i++) {
            show(steps[i], images.get(i));
        }
        show(centredStep, shown ? centred : null);
    }

    private void showModelSteps(boolean on) {
        modelStepsShown = on;
        for (javafx.scene.Node node : modelStepsOnly) {
            node.setVisible(on);
            node.setManaged(on);
        }
        steps[steps.length - 1].caption.setText(on ? stepsCaption : inputCaption);
    }

    /** True while the model's steps are shown (the model in use deskews or blurs). */
    public boolean isShowingModelSteps() {
        return modelStepsShown;
    }

    public Preprocessor.Result getResult() {
        return result;
    }

    /** Captions of the four steps (for translations). */
    public void setCaptions(String drawn, String cropped, String scaled, String centred) {
        String[] texts = {drawn, cropped, scaled, centred};
        inputCaption = centred;
        for (int i = 0; i < steps.length; i++) {
            steps[i].caption.setText(texts[i]);
        }
        showModelSteps(modelStepsShown);
    }

    private static Label arrow(String text) {
        Label arrow = new Label(text);
        arrow.getStyleClass().addAll(Styles.PREPROCESS_ARROW, Styles.MUTED);
        return arrow;
    }

    /** The hint shown while nothing is drawn. */
    public StringProperty hintTextProperty() {
        return hint.textProperty();
    }

    /** True while the hint is shown instead of the steps. */
    public boolean isShowingHint() {
        return hint.isVisible();
    }

    /** The image shown for step i (0 drawn … 3 centred), null if none (for tests). */
    WritableImage stepImage(int i) {
        return steps[i].image;
    }

    /**
     * The tooltip text of step i's picture (0 drawn … 3 centred), null if none (for tests; {@link Tooltip#install}
     * keeps the tooltip in the node's properties under this key).
     */
    String stepTooltip(int i) {
        Object tip = steps[i].box.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip tooltip ? tooltip.getText() : null;
    }

    /** The centred picture of the model steps' small step, null unless shown (for tests). */
    WritableImage centredStepImage() {
        return centredStep.image;
    }

    /** The caption of the final (network input) step (for tests). */
    String inputCaption() {
        return steps[steps.length - 1].caption.getText();
    }

    /** The ImageView of step i (for tests). */
    ImageView stepView(int i) {
        return steps[i].view;
    }

    /**
     * Gray values (1 = ink) → opaque ARGB, white ink on black.
     *
     * @param out at least width×height values. Modified
     */
    public static void grayToArgb(GrayImage image, int[] out) {
        double[] values = image.values();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            int level = (int) Math.round(255 * (v < 0 ? 0 : (v > 1 ? 1 : v)));
            out[i] = 0xff000000 | (level << 16) | (level << 8) | level;
        }
    }

    /**
     * Screen pixels per image pixel in a box: the largest whole number that fits, or the exact
     * (smooth) reduction when even 1 is too big.
     */
    public static double displayScale(int width, int height, double box) {
        double fit = box / Math.max(width, height);
        return fit >= 1 ? Math.floor(fit) : fit;
    }

    private void show(Step step, GrayImage image) {
        if (image == null) {
            step.view.setImage(null);
            step.image = null;
            return;
        }
        int w = image.width();
        int h = image.height();
        if (pixelBuffer.length < w * h) {
            pixelBuffer = new int[w * h];
        }
        grayToArgb(image, pixelBuffer);
        double scale = displayScale(w, h, step.boxSide - 2 * FRAME_MARGIN);
        int factor = scale >= 1 ? (int) scale : 1;
        int[] pixels = pixelBuffer;
        if (factor > 1) {
            if (scaledBuffer.length < w * h * factor * factor) {
                scaledBuffer = new int[w * h * factor * factor];
            }
            HiddenUnitTile.upscale(pixelBuffer, w, h, factor, scaledBuffer);
            pixels = scaledBuffer;
        }
        int imageWidth = w * factor;
        int imageHeight = h * factor;
        if (step.image == null || (int) step.image.getWidth() != imageWidth
                || (int) step.image.getHeight() != imageHeight) {
            step.image = new WritableImage(imageWidth, imageHeight);
            step.view.setImage(step.image);
        }
        step.image.getPixelWriter().setPixels(0, 0, imageWidth, imageHeight, PixelFormat.getIntArgbPreInstance(),
                pixels, 0, imageWidth);
        step.view.setSmooth(scale < 1);
        step.view.setFitWidth(scale < 1 ? w * scale : imageWidth);
        step.view.setFitHeight(scale < 1 ? h * scale : imageHeight);
    }

    /** One labelled thumbnail. */
    private static final class Step {
        final VBox box = new VBox();
        final StackPane frame = new StackPane();
        final ImageView view = new ImageView();
        final Label caption;
        final double boxSide;
        WritableImage image;

        Step(String text, double boxSide, boolean last) {
            this.boxSide = boxSide;
            caption = new Label(text);
            caption.getStyleClass().add(Styles.MUTED);
            view.setSmooth(false);
            frame.getStyleClass().add(Styles.PREPROCESS_FRAME);
            frame.setMinSize(boxSide, boxSide);
            frame.setPrefSize(boxSide, boxSide);
            frame.setMaxSize(boxSide, boxSide);
            frame.getChildren().add(view);
            box.getStyleClass().add(Styles.PREPROCESS_STEP);
            if (last) {
                box.getStyleClass().add(Styles.PREPROCESS_STEP_FINAL);
            }
            box.setAlignment(Pos.CENTER);
            box.setSpacing(4);
            box.getChildren().addAll(frame, caption);
        }
    }
}
