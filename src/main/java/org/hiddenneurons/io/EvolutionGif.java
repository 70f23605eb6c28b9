package org.hiddenneurons.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.hiddenneurons.data.AtomicFiles;
import org.hiddenneurons.train.TrainingSnapshot;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;

/**
 * The evolution of the hidden units' pictures as one animated GIF (the JDK's
 * {@code javax.imageio} GIF writer, no other library): one {@link EvolutionFrames} frame per kept
 * snapshot, at half the PNG size (4 px per weight), looping forever. Each frame shows
 * {@link #frameDelayCentis(int)}; the last one is held {@value #LAST_FRAME_CENTIS} cs so the end
 * state can be read before the loop starts again. Frames are rendered and written one at a time
 * (a 200-frame export never holds 200 images); the file is written atomically.
 *
 * <p>Metadata (GIF89a, javax_imageio_gif_image_1.0): per frame a GraphicControlExtension with
 * {@code delayTime} in hundredths of a second and disposal {@code none}; on the first frame the
 * NETSCAPE2.0 application extension with loop count 0 (= forever).
 */
public final class EvolutionGif {

    /** A whole animation lasts about this long, however many snapshots were kept (as the replay's play) ... */
    public static final int PLAY_CENTIS = 800;
    /** ... within these bounds per frame (browsers treat delays under 2 cs as 10 cs). */
    public static final int MIN_FRAME_CENTIS = 4;
    public static final int MAX_FRAME_CENTIS = 30;
    /** The last frame is held this long. */
    public static final int LAST_FRAME_CENTIS = 200;
    /** Frames are drawn at 1/this of the PNG export's size. */
    public static final int SHRINK = 2;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private EvolutionGif() {
    }

    /** Delay of every frame but the last: PLAY_CENTIS / count, clamped to [MIN, MAX] cs. */
    public static int frameDelayCentis(int frameCount) {
        return Math.max(MIN_FRAME_CENTIS, Math.min(MAX_FRAME_CENTIS, PLAY_CENTIS / Math.max(1, frameCount)));
    }

    /**
     * Writes the animation of {@code snapshots} (in step order) to {@code file}.
     *
     * @throws IllegalArgumentException if there are no snapshots
     */
    public static void write(Path file, List<TrainingSnapshot> snapshots, WeightPictures.Scale scale,
                             DivergingPalette palette) throws IOException {
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("there are no snapshots to animate");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        ImageWriter writer = writers.next();
        int delay = frameDelayCentis(snapshots.size());
        try {
            AtomicFiles.write(file, out -> {
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < snapshots.size(); i++) {
                        BufferedImage frame = EvolutionFrames.render(snapshots.get(i), scale, palette, SHRINK);
                        boolean last = i == snapshots.size() - 1;
                        IIOMetadata metadata = frameMetadata(writer, frame, last ? LAST_FRAME_CENTIS : delay, i == 0);
                        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, int delayCentis, boolean first)
            throws IIOInvalidTreeException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 (little endian) = forever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    /** The child of {@code root} named {@code name}, added if missing. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
