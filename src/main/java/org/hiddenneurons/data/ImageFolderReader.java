package org.hiddenneurons.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of PNG images as a data set. The label of an image is, in this order:
 * <ol>
 *   <li>the name of the sub-folder it sits in, a whole number: {@code folder/3/x.png} → 3
 *       (one level of sub-folders; a sub-folder whose name is not a number is an error);</li>
 *   <li>for a PNG directly in the folder, a number at the start of its name followed by '_':
 *       {@code 3_foo.png} → 3, or "label" + number at the end of its name:
 *       {@code foo_label3.png} → 3. Any other name is an error.</li>
 * </ol>
 * Other files (not *.png) are ignored. Samples are ordered by label, then file name. All images
 * must have the same size. Each is converted to grayscale [0, 1] with ink = 1 on background 0
 * (white on black, like the data) by {@link Preprocessor#luminance} and
 * {@link Preprocessor#normaliseInk}; it is not cropped or rescaled.
 */
public final class ImageFolderReader {

    private static final Pattern LABEL_PREFIX = Pattern.compile("^(\\d+)_.*\\.png$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_SUFFIX = Pattern.compile("^.*label(\\d+)\\.png$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
    private static final String NAMING = "put it in a sub-folder named by its label (3/x.png) or name it 3_x.png or x_label3.png";

    private ImageFolderReader() {
    }

    private record Entry(Path file, int label) {
    }

    public static Dataset read(Path folder) throws DataFormatException {
        return read(folder, LoadProgress.NONE);
    }

    /**
     * Same as {@link #read(Path)}, reporting the fraction of images decoded.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled (nothing is returned)
     */
    public static Dataset read(Path folder, LoadProgress progress) throws DataFormatException {
        if (!Files.isDirectory(folder)) {
            throw DataFormatException.at(folder, null, "is not a folder");
        }
        List<Entry> entries = new ArrayList<>();
        for (Path child : list(folder)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (name.startsWith(".")) {
                    continue;
                }
                int label = parseLabel(child, name, "sub-folder name");
                for (Path file : list(child)) {
                    if (isPng(file)) {
                        entries.add(new Entry(file, label));
                    }
                }
            } else if (isPng(child)) {
                entries.add(new Entry(child, labelFromFileName(child)));
            }
        }
        if (entries.isEmpty()) {
            throw DataFormatException.at(folder, null, "no samples: no *.png images in it or its sub-folders");
        }
        entries.sort(Comparator.comparingInt(Entry::label).thenComparing(e -> e.file().getFileName().toString()));

        int width = 0;
        int height = 0;
        Path first = null;
        // One array per image actually decoded; the data set's array is allocated once every image
        // has been read, so a folder of one large image and many broken files allocates little.
        List<double[]> images = new ArrayList<>(entries.size());
        int[] labels = new int[entries.size()];
        int maxLabel = 0;
        for (int i = 0; i < entries.size(); i++) {
            progress.checkCancelled();
            Entry entry = entries.get(i);
            StoredImage image = ImageFiles.read(entry.file());
            if (first == null) {
                first = entry.file();
                width = image.width();
                height = image.height();
                long total = (long) entries.size() * width * height;
                if (total > Integer.MAX_VALUE - 8) {
                    throw DataFormatException.at(entry.file(), "image size", "too many pixels: " + entries.size()
                            + " images of " + width + "x" + height + " do not fit in memory");
                }
            } else if (image.width() != width || image.height() != height) {
                throw DataFormatException.at(entry.file(), "image size", image.width() + "x" + image.height()
                        + ", but " + first.getFileName() + " is " + width + "x" + height + " (all images must have the same size)");
            }
            images.add(Preprocessor.normaliseInk(image.composited()).values());
            labels[i] = entry.label();
            maxLabel = Math.max(maxLabel, entry.label());
            progress.report((double) (i + 1) / entries.size());
        }
        int inputs = width * height;
        double[] pixels = new double[images.size() * inputs];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * inputs, inputs);
        }
        return new Dataset(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(),
                width, height, Labels.classCount(maxLabel), pixels, labels);
    }

    private static int labelFromFileName(Path file) throws DataFormatException {
        String name = file.getFileName().toString();
        Matcher prefix = LABEL_PREFIX.matcher(name);
        if (prefix.matches()) {
            return parseLabel(file, prefix.group(1), "file name");
        }
        Matcher suffix = LABEL_SUFFIX.matcher(name);
        if (suffix.matches()) {
            return parseLabel(file, suffix.group(1), "file name");
        }
        throw DataFormatException.at(file, "file name", "unknown label: cannot tell the label from \"" + name + "\"; " + NAMING);
    }

    private static int parseLabel(Path where, String text, String place) throws DataFormatException {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw DataFormatException.at(where, place, "unknown label \"" + text + "\": a label is a whole number >= 0; " + NAMING);
        }
        if (text.length() > 9 || Integer.parseInt(text) >= Labels.MAX_CLASS_COUNT) {
            throw DataFormatException.at(where, place, "value out of range: label " + text + ", at most "
                    + (Labels.MAX_CLASS_COUNT - 1));
        }
        return Integer.parseInt(text);
    }

    private static boolean isPng(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    private static List<Path> list(Path folder) throws DataFormatException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw DataFormatException.at(folder, null, "cannot be listed: " + e, e);
        }
    }
}
