package org.hiddenneurons.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.hiddenneurons.data.AtomicFiles;

/**
 * The evolution of the hidden units' pictures as a numbered PNG sequence: one
 * {@link EvolutionFrames} image per kept snapshot (the {@link HiddenUnitsPng} picture under a
 * "step S · epoch E" caption), {@code evolution-0001.png}, {@code evolution-0002.png},
 * … in step order (at least {@value #MIN_DIGITS} digits, more for longer sequences), ready for
 * e.g. {@code ffmpeg -framerate 10 -i evolution-%04d.png evolution.mp4}. Beside them
 * {@value #INDEX_FILE} lists {@code frame,step,epoch,file} (epoch: completed epochs). For one
 * animated file see {@link EvolutionGif}.
 *
 * <p>Frames of an earlier export in the same folder (files named exactly like frames) are deleted
 * first, so the folder never mixes two runs. Each file is written atomically.
 */
public final class EvolutionExport {

    /** File names start with this. */
    public static final String PREFIX = "evolution-";
    /** Frame numbers have at least this many digits (zero-padded). */
    public static final int MIN_DIGITS = 4;
    /** The frame → epoch table written beside the frames. */
    public static final String INDEX_FILE = "evolution-frames.csv";
    private static final Pattern FRAME_NAME = Pattern.compile(Pattern.quote(PREFIX) + "\\d+\\.png");

    private EvolutionExport() {
    }

    /** The file name of frame {@code frame} (1-based) in a sequence of {@code count} frames. */
    public static String frameName(int frame, int count) {
        int digits = Math.max(MIN_DIGITS, Integer.toString(count).length());
        return PREFIX + String.format("%0" + digits + "d", frame) + ".png";
    }

    /**
     * Writes one PNG per snapshot into {@code folder} (created if missing).
     *
     * @param snapshots e.g. {@code TrainingHistory.snapshots()}, in epoch order
     * @param scale     colour scale of each frame (see {@link HiddenUnitsPng#render})
     * @return the frames written, in order
     */
    public static List<Path> export(Path folder, List<TrainingSnapshot> snapshots, WeightPictures.Scale scale,
                                    DivergingPalette palette) throws IOException {
        Files.createDirectories(folder);
        deleteOldFrames(folder);
        List<Path> frames = new ArrayList<>(snapshots.size());
        StringBuilder index = new StringBuilder("frame,step,epoch,file\n");
        for (int i = 0; i < snapshots.size(); i++) {
            int frame = i + 1;
            Path file = folder.resolve(frameName(frame, snapshots.size()));
            HiddenUnitsPng.writePng(file, EvolutionFrames.render(snapshots.get(i), scale, palette, 1));
            frames.add(file);
            index.append(frame).append(',').append(snapshots.get(i).step()).append(',')
                    .append(snapshots.get(i).epoch()).append(',')
                    .append(file.getFileName()).append('\n');
        }
        byte[] indexBytes = index.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(INDEX_FILE), out -> out.write(indexBytes));
        return frames;
    }

    private static void deleteOldFrames(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> FRAME_NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path old : entries) {
                Files.deleteIfExists(old);
            }
        }
    }
}
