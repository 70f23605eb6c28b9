package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The animated GIF, read back with ImageIO: one frame per snapshot, the delays, the loop, frames that differ. */
class EvolutionGifTest {

    private static final NetworkSpec SPEC = new NetworkSpec(5, 4, 4, 3, Activation.SIGMOID,
            OutputLayer.SOFTMAX_CROSS_ENTROPY);
    private static final int STEPS_PER_EPOCH = 40;

    @TempDir
    Path folder;

    /** Snapshots at steps 0, 1, 2, 4, 8, … with random weights. */
    private static List<TrainingSnapshot> snapshots(int count) {
        Random random = new Random(42);
        List<TrainingSnapshot> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int step = i == 0 ? 0 : 1 << (i - 1);
            double[] theta1 = random.doubles(SPEC.hiddenSize() * (SPEC.inputSize() + 1), -1, 1).toArray();
            double[] theta2 = random.doubles(SPEC.outputSize() * (SPEC.hiddenSize() + 1), -1, 1).toArray();
            out.add(new TrainingSnapshot(step / STEPS_PER_EPOCH, 22, 1, 1, 0, 0, 0, new Network(SPEC, theta1, theta2),
                    TrainingState.RUNNING, "", step, STEPS_PER_EPOCH));
        }
        return out;
    }

    @Test
    void framesDelaysAndLoopReadBack() throws Exception {
        List<TrainingSnapshot> snapshots = snapshots(9);
        Path file = folder.resolve("evolution.gif");

        EvolutionGif.write(file, snapshots, WeightPictures.Scale.PER_UNIT, DivergingPalette.BLUE_WHITE_RED);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            assertEquals(snapshots.size(), count);
            int expectedDelay = 30; // 800 cs / 9 frames = 88 cs, above the 30 cs cap
            List<int[]> pixels = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertNotNull(control, "frame " + i + " has a delay");
                int delay = Integer.parseInt(control.getAttribute("delayTime"));
                assertEquals(i == count - 1 ? EvolutionGif.LAST_FRAME_CENTIS : expectedDelay, delay, "frame " + i);
                BufferedImage frame = reader.read(i);
                assertEquals(HiddenUnitsPng.layout(SPEC).imageWidth() / 2, frame.getWidth());
                pixels.add(frame.getRGB(0, 0, frame.getWidth(), frame.getHeight(), null, 0, frame.getWidth()));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            assertEquals(0, ((byte[]) loop.getUserObject())[1], "loops forever");
            for (int i = 1; i < count; i++) {
                assertFalse(Arrays.equals(pixels.get(i - 1), pixels.get(i)), "frame " + i + " differs from the one before");
            }
        } finally {
            reader.dispose();
        }
    }

    @Test
    void theCaptionNamesStepAndEpoch() {
        TrainingSnapshot inFirstEpoch = snapshots(7).get(6); // step 32 of 40 per epoch
        assertEquals("step 32 \u00b7 epoch 1", EvolutionFrames.caption(inFirstEpoch));
    }

    @Test
    void frameDelaysKeepTheAnimationNearEightSeconds() {
        assertEquals(4, EvolutionGif.frameDelayCentis(200)); // 800 / 200
        assertEquals(8, EvolutionGif.frameDelayCentis(100));
        assertEquals(30, EvolutionGif.frameDelayCentis(3));
    }

    @Test
    void noSnapshotsIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> EvolutionGif.write(folder.resolve("none.gif"), List.of(), WeightPictures.Scale.SHARED,
                        DivergingPalette.BLUE_WHITE_RED));
    }
}
