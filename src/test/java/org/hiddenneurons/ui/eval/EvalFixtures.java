package org.hiddenneurons.ui.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.data.Dataset;

/** Test data for the evaluation and user-data views. */
public final class EvalFixtures {

    /** Steepness of the template units: z = TEMPLATE_GAIN · (m_j − m̄)·(x − midpoint). */
    private static final double TEMPLATE_GAIN = 0.4;
    private static final double OUTPUT_WEIGHT = 8;

    private EvalFixtures() {
    }

    /**
     * A network that needs no training: hidden unit j (j &lt; 10) matches x against the mean image of
     * digit j (minus the mean of all digits), output k listens to unit k. It gets most test digits
     * right and confuses the classic pairs (4/9, 3/5, 7/9), like a weak trained network.
     */
    public static Network templateNetwork(Dataset train) {
        NetworkSpec spec = NetworkSpec.DEFAULT;
        int inputs = spec.inputSize();
        int classes = spec.outputSize();
        double[][] means = new double[classes][inputs];
        double[] overall = new double[inputs];
        int[] counts = new int[classes];
        double[] pixels = train.pixels(); // a copy: read once
        for (int i = 0; i < train.size(); i++) {
            int label = train.label(i);
            counts[label]++;
            for (int p = 0; p < inputs; p++) {
                double v = pixels[i * inputs + p];
                means[label][p] += v;
                overall[p] += v / train.size();
            }
        }
        double[] theta1 = new double[spec.hiddenSize() * (inputs + 1)];
        for (int j = 0; j < classes; j++) {
            double bias = 0;
            for (int p = 0; p < inputs; p++) {
                double mean = means[j][p] / counts[j];
                double w = TEMPLATE_GAIN * (mean - overall[p]);
                theta1[j * (inputs + 1) + 1 + p] = w;
                bias -= w * (mean + overall[p]) / 2;
            }
            theta1[j * (inputs + 1)] = bias;
        }
        double[] theta2 = new double[classes * (spec.hiddenSize() + 1)];
        for (int k = 0; k < classes; k++) {
            theta2[k * (spec.hiddenSize() + 1)] = -OUTPUT_WEIGHT / 2;
            theta2[k * (spec.hiddenSize() + 1) + 1 + k] = OUTPUT_WEIGHT;
        }
        return new Network(spec, theta1, theta2);
    }

    /** With {@code -Dhn.gallery=DIR}: writes the node's snapshot to DIR/datasets-NAME.png (FX thread). */
    public static void snapshotIfAsked(Node node, String name) {
        String dir = System.getProperty("hn.gallery");
        if (dir == null) {
            return;
        }
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        try {
            Path file = Path.of(dir, "datasets-" + name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
