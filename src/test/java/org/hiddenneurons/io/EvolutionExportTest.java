package org.hiddenneurons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.train.TrainingHistory;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.train.TrainingState;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvolutionExportTest {

    private static final NetworkSpec SPEC = new NetworkSpec(5, 4, 4, 3, Activation.SIGMOID,
            OutputLayer.SOFTMAX_CROSS_ENTROPY);

    @TempDir
    Path folder;

    private static List<TrainingSnapshot> snapshots(int epochs, int maxSnapshots) {
        Random random = new Random(42);
        TrainingHistory history = new TrainingHistory(maxSnapshots);
        for (int epoch = 0; epoch <= epochs; epoch++) {
            double[] theta1 = random.doubles(SPEC.hiddenSize() * (SPEC.inputSize() + 1), -1, 1).toArray();
            double[] theta2 = random.doubles(SPEC.outputSize() * (SPEC.hiddenSize() + 1), -1, 1).toArray();
            history.record(new TrainingSnapshot(epoch, epochs, 1, 1, 0, 0, 0, new Network(SPEC, theta1, theta2),
                    TrainingState.RUNNING, ""));
        }
        return history.snapshots();
    }

    @Test
    void writesOneNumberedPngPerSnapshotAndAnEpochIndex() throws Exception {
        List<TrainingSnapshot> snapshots = snapshots(30, 7);
        Path out = folder.resolve("frames");

        List<Path> frames = EvolutionExport.export(out, snapshots, WeightPictures.Scale.SHARED,
                DivergingPalette.BLUE_WHITE_RED);

        assertEquals(snapshots.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(String.format("evolution-%04d.png", i + 1), frames.get(i).getFileName().toString());
            BufferedImage image = ImageIO.read(frames.get(i).toFile());
            assertNotNull(image, "a readable PNG");
            assertEquals(HiddenUnitsPng.layout(SPEC).imageWidth(), image.getWidth());
            assertEquals(HiddenUnitsPng.layout(SPEC).imageHeight() + EvolutionFrames.CAPTION_HEIGHT, image.getHeight());
        }
        List<String> index = Files.readAllLines(out.resolve(EvolutionExport.INDEX_FILE));
        assertEquals("frame,step,epoch,file", index.get(0));
        assertEquals(snapshots.size() + 1, index.size());
        assertEquals("1,0,0,evolution-0001.png", index.get(1));
        assertEquals(snapshots.size() + ",30,30," + frames.get(frames.size() - 1).getFileName(),
                index.get(index.size() - 1));
        assertFalse(java.util.Arrays.equals(pixels(frames.get(0)), pixels(frames.get(frames.size() - 1))),
                "frames show different weights");
    }

    @Test
    void aShorterExportRemovesTheFramesOfALongerOne() throws Exception {
        EvolutionExport.export(folder, snapshots(20, 10), WeightPictures.Scale.PER_UNIT,
                DivergingPalette.BLUE_BLACK_RED);
        Path unrelated = Files.writeString(folder.resolve("evolution-notes.png"), "kept");

        List<Path> frames = EvolutionExport.export(folder, snapshots(3, 10), WeightPictures.Scale.PER_UNIT,
                DivergingPalette.BLUE_BLACK_RED);

        List<Path> pngs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().matches("evolution-\\d+\\.png")).sorted().forEach(pngs::add);
        }
        assertEquals(frames, pngs);
        assertEquals(4, pngs.size());
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void frameNamesGrowWithLongSequences() {
        assertEquals("evolution-0007.png", EvolutionExport.frameName(7, 200));
        assertEquals("evolution-00042.png", EvolutionExport.frameName(42, 12_000));
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
