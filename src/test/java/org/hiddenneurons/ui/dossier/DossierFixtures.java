package org.hiddenneurons.ui.dossier;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.CostFunction;
import org.hiddenneurons.core.Gradients;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.GrayImage;
import org.hiddenneurons.data.Preprocessor;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.Lbfgs;

/** The bundled digits, a briefly trained network and drawings for the dossier view tests. */
final class DossierFixtures {

    static final long SEED = 42;
    /** L-BFGS iterations for the fixture network: enough for recognisable unit pictures. */
    static final int TRAINING_ITERATIONS = 30;
    /** Training examples used for the fixture network (a subset keeps the tests quick). */
    static final int TRAINING_EXAMPLES = 2000;
    static final double LAMBDA = 1.0;

    private static Split split;
    private static Network network;

    private DossierFixtures() {
    }

    /** The standard split of digits.png (loaded once). */
    static synchronized Split digits() {
        if (split == null) {
            split = Split.standard(DigitsImage.loadBundled());
        }
        return split;
    }

    /** A 400-25-10 network trained briefly on the training split (trained once). */
    static synchronized Network trainedNetwork() {
        if (network == null) {
            Dataset train = smallDigits(TRAINING_EXAMPLES).train();
            WeightBuffers trained = Initializer.values()[0].initialize(NetworkSpec.DEFAULT, new Random(SEED)).mutableCopy();
            Gradients gradients = new Gradients(NetworkSpec.DEFAULT);
            Lbfgs optimizer = new Lbfgs();
            optimizer.initialize(new double[][] {trained.theta1(), trained.theta2()},
                    new double[][] {gradients.theta1Gradient(), gradients.theta2Gradient()});
            CostFunction cost = CostFunction.standard();
            for (int i = 0; i < TRAINING_ITERATIONS; i++) {
                optimizer.step(() -> cost.evaluate(trained.view(), train.pixels(), train.labels(), train.size(), LAMBDA,
                        gradients));
            }
            network = trained.toNetwork();
        }
        return network;
    }

    /** The standard split with {@code trainCount} training examples, evenly spread over the classes. */
    static Split smallDigits(int trainCount) {
        Dataset train = digits().train();
        int stride = train.size() / trainCount;
        int[] indices = java.util.stream.IntStream.range(0, trainCount).map(i -> i * stride).toArray();
        return new Split(train.subset("digits (small train)", indices), digits().test());
    }

    /** Test digit {@code index} as if it had been drawn and preprocessed. */
    static Preprocessor.Result drawingOf(int index) {
        Dataset test = digits().test();
        GrayImage image = new GrayImage(test.width(), test.height(), test.sample(index));
        return new Preprocessor.Result(false, image, image, image, image, test.sample(index));
    }

    /** Writes a node's snapshot to a PNG (FX thread). */
    static void writePng(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
    }
}
